using Microsoft.Extensions.Options;

namespace AfterSales.Web.Features.Notifications.Channels;

/// <summary>
/// A named SMS gateway must be complete at start-up: a missing key or an unknown template name found only when the first
/// customer waits for a code would leave every message failing.
/// </summary>
internal sealed class SmsSettingsValidation : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var sms = options.Sms;
        var problems = new List<string>();
        if (sms.Timeout <= TimeSpan.Zero || sms.Timeout >= options.Dispatcher.Lease)
        {
            problems.Add("Notifications:Sms:Timeout must be positive and shorter than Notifications:Dispatcher:Lease, or a slow send is delivered twice.");
        }

        if (string.Equals(sms.Provider?.Trim(), TencentSmsProvider.ProviderName, StringComparison.OrdinalIgnoreCase))
        {
            problems.AddRange(Tencent(sms.Tencent));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static IEnumerable<string> Tencent(TencentSmsOptions tencent)
    {
        const string path = TencentSmsProvider.SettingsPath;
        var required = new (string Key, string? Value)[]
        {
            ("SecretId", tencent.SecretId), ("SecretKey", tencent.SecretKey), ("SdkAppId", tencent.SdkAppId), ("SignName", tencent.SignName),
            ("Region", tencent.Region),
        };
        foreach (var (key, _) in required.Where(r => string.IsNullOrWhiteSpace(r.Value)))
        {
            yield return $"{path}:{key} is required when Notifications:Sms:Provider is \"tencent\".";
        }

        if (!tencent.Endpoint.IsAbsoluteUri || tencent.Endpoint.Scheme is not ("https" or "http"))
        {
            yield return $"{path}:Endpoint must be an absolute http(s) address.";
        }

        if (!string.IsNullOrEmpty(tencent.ReceiptToken)
            && (tencent.ReceiptToken.Length < 32 || !tencent.ReceiptToken.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            yield return $"{path}:ReceiptToken must be at least 32 letters, digits, '-' or '_': it is all that guards the receipt address.";
        }

        if (tencent.Templates.Count == 0)
        {
            yield return $"{path}:Templates names no template: no message could be sent.";
        }

        foreach (var problem in SmsTemplates.Problems(tencent.Templates, path))
        {
            yield return problem;
        }
    }
}
