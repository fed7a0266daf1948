namespace AfterSales.Web.Features.Notifications.Channels;

/// <summary>
/// E-mail while no SMTP server is configured, in the Development environment (and tests) only: the message goes to the
/// development sink. Elsewhere no e-mail channel is registered without an SMTP host, so e-mail is "not sent".
/// </summary>
public sealed class DevelopmentEmailChannel(DevelopmentSink sink) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public Task<Delivery> SendAsync(OutboxMessage message, CancellationToken ct) =>
        Task.FromResult(new Delivery(DevelopmentSink.ProviderName, sink.Record(NotificationChannel.Email, message.Recipient, message.Subject, message.Body)));
}
