namespace AfterSales.Web.Features.Notifications.Channels;

/// <summary>
/// How a channel's configured provider name is read, the same for SMS and WeChat: left empty, the development sink stands in
/// only in the Development environment (and tests); anywhere else an unconfigured channel is reported as such, never faked.
/// </summary>
internal static class ProviderChoice
{
    /// <summary>The development sink delivers nothing: naming it outside Development would fake every message as sent.</summary>
    internal static bool IsAllowed(string? configured, IHostEnvironment environment) =>
        !string.Equals(configured?.Trim(), DevelopmentSink.ProviderName, StringComparison.OrdinalIgnoreCase) || environment.IsDevelopment();

    internal static string? EffectiveName(string? configured, IHostEnvironment environment) =>
        configured is { } name && name.Trim() is { Length: > 0 } trimmed ? trimmed
        : environment.IsDevelopment() ? DevelopmentSink.ProviderName
        : null;

    internal static T? Find<T>(IEnumerable<T> providers, string? name, Func<T, string> nameOf)
        where T : class =>
        name is null ? null : providers.LastOrDefault(p => string.Equals(nameOf(p), name, StringComparison.OrdinalIgnoreCase));
}
