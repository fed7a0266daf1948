namespace AfterSales.Web.Features.Notifications.Channels;

/// <summary>E-mail while no SMTP server is configured: the message goes to the development sink.</summary>
public sealed class DevelopmentEmailChannel(DevelopmentSink sink) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public Task<Delivery> SendAsync(OutboxMessage message, CancellationToken ct) =>
        Task.FromResult(new Delivery(DevelopmentSink.ProviderName, sink.Record(NotificationChannel.Email, message.Recipient, message.Subject, message.Body)));
}
