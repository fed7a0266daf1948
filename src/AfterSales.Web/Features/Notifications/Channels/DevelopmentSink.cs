using System.Collections.Concurrent;

namespace AfterSales.Web.Features.Notifications.Channels;

/// <summary>One message the development sink took instead of a real provider.</summary>
public sealed record SinkDelivery(string ProviderMessageId, NotificationChannel Channel, string Recipient, string Subject, string Body, DateTimeOffset At);

/// <summary>
/// The provider when none is configured: it delivers nowhere, logs the message and answers with a fake id, so that
/// development and demo installations work with zero configuration. The message itself stays readable on the
/// message log page (/admin/messages), marked with provider "development".
/// </summary>
public sealed class DevelopmentSink(TimeProvider clock, ILogger<DevelopmentSink> logger) : ISmsProvider, IWeChatTemplateProvider
{
    public const string ProviderName = "development";
    private const int Keep = 500;

    private readonly ConcurrentQueue<SinkDelivery> _recent = new();

    public string Name => ProviderName;

    /// <summary>The most recent deliveries of this process, oldest first (bounded).</summary>
    public IReadOnlyList<SinkDelivery> Recent => _recent.ToArray();

    public Task<string> SendSmsAsync(SmsMessage message, CancellationToken ct) =>
        Task.FromResult(Record(NotificationChannel.Sms, message.Mobile, string.Empty, message.Text));

    public Task<string> SendTemplateAsync(string openId, string templateKey, string title, string body, CancellationToken ct) =>
        Task.FromResult(Record(NotificationChannel.WeChat, openId, title, body));

    public string Record(NotificationChannel channel, string recipient, string subject, string body)
    {
        var id = $"dev-{Guid.NewGuid():N}";
        _recent.Enqueue(new SinkDelivery(id, channel, recipient, subject, body, clock.GetUtcNow()));
        while (_recent.Count > Keep && _recent.TryDequeue(out _))
        {
        }

        logger.LogInformation("Development sink took {Channel} message {ProviderMessageId} for {Recipient}: {Subject} {Body}", channel, id, recipient, subject, body);
        return id;
    }
}
