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

    /// <summary>Codes one client address may ask for per hour, to any phones: stops one machine spraying codes over many numbers.</summary>
    public int CodesPerAddressPerHour { get; set; } = 20;

    /// <summary>Codes asked for one store's customers per day: caps what a flood can cost a store in SMS.</summary>
    public int CodesPerStorePerDay { get; set; } = 500;

    /// <summary>Codes per day asked on pages that do not name a store (the group's own complaint and booking pages).</summary>
    public int CodesPerDayWithoutStore { get; set; } = 2000;

    public int MaxAttempts { get; set; } = 5;

    /// <summary>How long a verified phone stays verified for its purpose.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Requests per minute one client address may make to the public API.</summary>
    public int RequestsPerMinute { get; set; } = 60;
}
