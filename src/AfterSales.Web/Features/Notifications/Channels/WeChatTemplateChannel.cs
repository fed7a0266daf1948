using Microsoft.Extensions.Options;

namespace AfterSales.Web.Features.Notifications.Channels;

/// <summary>
/// The WeChat gateway named by Notifications:WeChat:Provider, or none. Left empty, the development sink is used in the
/// Development environment (and tests) only; anywhere else WeChat messages are "not sent", never faked.
/// </summary>
public sealed class WeChatProviders(IEnumerable<IWeChatTemplateProvider> providers, IOptions<NotificationOptions> options, IHostEnvironment environment)
{
    public string? ConfiguredName { get; } = ProviderChoice.EffectiveName(options.Value.WeChat.Provider, environment);

    /// <summary>The gateway messages go to, or null when there is none: then every WeChat message is "not sent".</summary>
    public IWeChatTemplateProvider? Current => ProviderChoice.Find(providers, ConfiguredName, p => p.Name);

    public bool IsConfigured => Current is not null;
}

/// <summary>WeChat template messages through the configured <see cref="IWeChatTemplateProvider"/>; with none, the message is not sent (and says so).</summary>
public sealed class WeChatTemplateChannel(WeChatProviders providers) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.WeChat;

    public async Task<Delivery> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var provider = providers.Current ?? throw new NoProviderConfiguredException(NotificationChannel.WeChat);
        return new(provider.Name, await provider.SendTemplateAsync(message.Recipient, message.TemplateKey, message.Subject, message.Body, ct));
    }
}
