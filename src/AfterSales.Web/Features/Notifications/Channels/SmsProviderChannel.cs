namespace AfterSales.Web.Features.Notifications.Channels;

/// <summary>SMS through whichever <see cref="ISmsProvider"/> is registered (the development sink by default).</summary>
public sealed class SmsProviderChannel(ISmsProvider provider) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.Sms;

    public async Task<Delivery> SendAsync(OutboxMessage message, CancellationToken ct) =>
        new(provider.Name, await provider.SendSmsAsync(message.Recipient, message.Body, ct));
}
