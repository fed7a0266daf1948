namespace AfterSales.Web.Features.Notifications.Channels;

/// <summary>Delivers messages of one channel. The dispatcher uses the last registered adapter per channel.</summary>
public interface INotificationChannel
{
    NotificationChannel Channel { get; }

    /// <summary>Sends one message; throws on failure (<see cref="NotificationDeliveryException"/> with Permanent when retrying cannot help).</summary>
    Task<Delivery> SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>Which provider took the message and the id it gave it.</summary>
public sealed record Delivery(string Provider, string ProviderMessageId);

/// <summary>A provider refused or failed a message. Permanent refusals (unknown number, rejected address) are not retried.</summary>
public sealed class NotificationDeliveryException : Exception
{
    public NotificationDeliveryException()
    {
    }

    public NotificationDeliveryException(string message)
        : base(message)
    {
    }

    public NotificationDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NotificationDeliveryException(string message, bool permanent, Exception? innerException = null)
        : base(message, innerException)
    {
        Permanent = permanent;
    }

    public bool Permanent { get; }
}

/// <summary>
/// No provider is configured for the message's channel: the message went nowhere. Distinct from a refusal so that the
/// message log says "not sent" rather than "failed", and the dispatcher does not retry it.
/// </summary>
public sealed class NoProviderConfiguredException(NotificationChannel channel)
    : Exception($"No {channel} provider is configured.")
{
    public NotificationChannel Channel { get; } = channel;
}

/// <summary>
/// One text message for an SMS gateway: the rendered text for gateways that take free text, and the template with its
/// values for the cloud gateways, which send only templates approved beforehand.
/// </summary>
public sealed record SmsMessage(Guid Id, string Mobile, string TemplateKey, string Culture, string Text, IReadOnlyDictionary<string, string> Values);

/// <summary>An SMS gateway (e.g. a cloud SMS service); returns the gateway's message id.</summary>
public interface ISmsProvider
{
    string Name { get; }

    Task<string> SendSmsAsync(SmsMessage message, CancellationToken ct);
}

/// <summary>The WeChat official-account template message API; returns its msgid.</summary>
public interface IWeChatTemplateProvider
{
    string Name { get; }

    Task<string> SendTemplateAsync(string openId, string templateKey, string title, string body, CancellationToken ct);
}

/// <summary>A channel nothing can deliver on (e.g. e-mail without an SMTP host outside Development): every message is "not sent".</summary>
public sealed class UnconfiguredChannel(NotificationChannel channel) : INotificationChannel
{
    public NotificationChannel Channel => channel;

    public Task<Delivery> SendAsync(OutboxMessage message, CancellationToken ct) => throw new NoProviderConfiguredException(channel);
}
