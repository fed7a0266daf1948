using System.Collections.Concurrent;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.Notifications.Channels;

namespace AfterSales.Web.Tests.Features.Notifications;

/// <summary>
/// An SMS gateway that is down for the recipients it is told about and delivers everyone else's messages, so that
/// a test's failures never touch the messages other tests of the same fixture have queued.
/// </summary>
internal sealed class BrokenSmsChannel(params string[] brokenFor) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.Sms;

    public Task<Delivery> SendAsync(OutboxMessage message, CancellationToken ct) =>
        brokenFor.Contains(message.Recipient)
            ? throw new HttpRequestException("SMS gateway answered 503 Service Unavailable")
            : Task.FromResult(new Delivery("double", $"ok-{message.Id:N}"));
}

/// <summary>A dispatcher process stopped in the middle of sending to one recipient: the claim stays, nothing is recorded.</summary>
internal sealed class StopsMidSendChannel(CancellationTokenSource shutdown, string recipient) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.Sms;

    public async Task<Delivery> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.Recipient != recipient)
        {
            return new Delivery("double", $"ok-{message.Id:N}");
        }

        await shutdown.CancelAsync();
        ct.ThrowIfCancellationRequested();
        throw new InvalidOperationException("The dispatcher's token should have been cancelled.");
    }
}

/// <summary>Counts how often each message reaches the gateway; slow enough that concurrent dispatchers overlap.</summary>
internal sealed class CountingSmsChannel : INotificationChannel
{
    public ConcurrentDictionary<Guid, int> Sends { get; } = new();

    public NotificationChannel Channel => NotificationChannel.Sms;

    public async Task<Delivery> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        Sends.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
        await Task.Delay(5, ct);
        return new Delivery("counting", $"count-{message.Id:N}");
    }
}
