using Microsoft.Extensions.Options;

namespace AfterSales.Web.Features.Notifications.Channels;

/// <summary>
/// The SMS provider named by Notifications:Sms:Provider, or none. Left empty, the development sink is used in the
/// Development environment (and tests) only; anywhere else an unconfigured SMS channel is reported as such, never faked.
/// </summary>
public sealed class SmsProviders(IEnumerable<ISmsProvider> providers, IOptions<NotificationOptions> options, IHostEnvironment environment)
{
    /// <summary>The configured provider's name, or null when SMS is not configured.</summary>
    public string? ConfiguredName { get; } = ProviderChoice.EffectiveName(options.Value.Sms.Provider, environment);

    /// <summary>The provider messages go to, or null when there is none: then every SMS is "not sent".</summary>
    public ISmsProvider? Current => ProviderChoice.Find(providers, ConfiguredName, p => p.Name);

    /// <summary>Whether an SMS reaches a customer at all (the development sink counts: it stands in for one in development).</summary>
    public bool IsConfigured => Current is not null;
}

/// <summary>SMS through the configured <see cref="ISmsProvider"/>; with none, the message is not sent (and says so).</summary>
public sealed class SmsProviderChannel(SmsProviders providers) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.Sms;

    public async Task<Delivery> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var provider = providers.Current ?? throw new NoProviderConfiguredException(NotificationChannel.Sms);
        var sms = new SmsMessage(message.Id, message.Recipient, message.TemplateKey, message.Culture, message.Body, message.ParameterValues());
        return new(provider.Name, await provider.SendSmsAsync(sms, ct));
    }
}
