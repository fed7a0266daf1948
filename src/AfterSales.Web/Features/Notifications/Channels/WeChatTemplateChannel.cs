namespace AfterSales.Web.Features.Notifications.Channels;

/// <summary>WeChat template messages through whichever <see cref="IWeChatTemplateProvider"/> is registered (the development sink by default).</summary>
public sealed class WeChatTemplateChannel(IWeChatTemplateProvider provider) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.WeChat;

    public async Task<Delivery> SendAsync(OutboxMessage message, CancellationToken ct) =>
        new(provider.Name, await provider.SendTemplateAsync(message.Recipient, message.TemplateKey, message.Subject, message.Body, ct));
}
