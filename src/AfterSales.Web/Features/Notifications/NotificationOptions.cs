using MailKit.Security;

namespace AfterSales.Web.Features.Notifications;

/// <summary>
/// The "Notifications" configuration section. Every key is optional. A channel without a provider (no SMS gateway, no
/// SMTP host, no WeChat gateway) records its messages as "not sent"; only in the Development environment do they go to
/// the development sink instead.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public SmtpOptions Smtp { get; set; } = new();

    public SmsOptions Sms { get; set; } = new();

    public WeChatOptions WeChat { get; set; } = new();

    public DispatcherOptions Dispatcher { get; set; } = new();
}

/// <summary>"Notifications:Smtp": e-mail goes out over SMTP once a host is set.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Sender address, e.g. "售后服务 &lt;service@example.com&gt;".</summary>
    public string From { get; set; } = "AfterSales <noreply@localhost>";

    /// <summary>Auto, None, SslOnConnect, StartTls or StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Tls { get; set; } = SecureSocketOptions.Auto;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>"Notifications:Sms": which SMS gateway delivers text messages, and its account.</summary>
public sealed class SmsOptions
{
    /// <summary>
    /// The provider's name: "tencent" (Tencent Cloud SMS) or "development" (the development sink, Development environment
    /// only). Empty: the development sink in the Development environment, elsewhere no provider, so every SMS is "not sent".
    /// </summary>
    public string? Provider { get; set; }

    /// <summary>How long one call to the gateway may take; shorter than the dispatcher's lease, or a slow send goes out twice.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>"Notifications:Sms:Tencent": the Tencent Cloud SMS account, used when Provider is "tencent".</summary>
    public TencentSmsOptions Tencent { get; set; } = new();
}

/// <summary>
/// A message template as registered (and approved) at a cloud SMS gateway: its id there per language, and which of our
/// placeholders fill its variables, in the gateway template's order ({1}, {2}, … at Tencent).
/// </summary>
public sealed class SmsTemplateOptions
{
    /// <summary>Template id per language ("zh-CN", "en"); a language without one uses the zh-CN template.</summary>
    public Dictionary<string, string> Ids { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Placeholder names of our template (e.g. "code", "minutes"), in the order of the gateway template's variables.</summary>
    public List<string> Parameters { get; set; } = [];
}

/// <summary>"Notifications:Sms:Tencent": Tencent Cloud SMS (API 2021-01-11, TC3-HMAC-SHA256 signing).</summary>
public sealed class TencentSmsOptions
{
    public string? SecretId { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>The SMS application's SdkAppId (e.g. 1400006666).</summary>
    public string? SdkAppId { get; set; }

    /// <summary>The approved signature (签名) shown in 【】 before every message.</summary>
    public string? SignName { get; set; }

    public string Region { get; set; } = "ap-guangzhou";

    public Uri Endpoint { get; set; } = new("https://sms.tencentcloudapi.com");

    /// <summary>
    /// The secret last segment of the status callback address to give Tencent's console
    /// (…/api/v1/callbacks/sms/tencent/{ReceiptToken}); without it delivery receipts are not taken and messages stay Sent.
    /// </summary>
    public string? ReceiptToken { get; set; }

    /// <summary>Per message template key (e.g. "verification_code"): its Tencent template ids and parameter order.</summary>
    public Dictionary<string, SmsTemplateOptions> Templates { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>"Notifications:WeChat": which gateway delivers WeChat template messages.</summary>
public sealed class WeChatOptions
{
    /// <summary>
    /// The gateway's name; "development" (the development sink, Development environment only). Empty: the development
    /// sink in the Development environment, elsewhere none, so every WeChat message is "not sent".
    /// </summary>
    public string? Provider { get; set; }
}

/// <summary>"Notifications:Dispatcher": the background delivery loop and its retry policy.</summary>
public sealed class DispatcherOptions
{
    /// <summary>Off in tests, which call <see cref="DispatchDueMessages"/> themselves.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    public int BatchSize { get; set; } = 20;

    /// <summary>After this many failed attempts a message is Dead.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Delay after the first failure; it doubles with each further failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a claim holds; must exceed the slowest send, since an expired claim is delivered again.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}
