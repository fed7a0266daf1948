namespace AfterSales.Web.Features.PublicAccess;

/// <summary>Limits of the customer's code-by-SMS verification (section <c>PublicAccess</c>).</summary>
public sealed class PublicAccessOptions
{
    public const string Section = "PublicAccess";

    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a new code must wait after the last one to the same phone and purpose.</summary>
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Codes one phone may receive per hour, all purposes together: stops a page being used to flood someone with SMS.</summary>
    public int CodesPerPhonePerHour { get; set; } = 5;

    public int MaxAttempts { get; set; } = 5;

    /// <summary>How long a verified phone stays verified for its purpose.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Requests per minute one client address may make to the public API.</summary>
    public int RequestsPerMinute { get; set; } = 60;
}
