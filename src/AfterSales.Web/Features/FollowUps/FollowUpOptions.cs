namespace AfterSales.Web.Features.FollowUps;

/// <summary>The "FollowUps:Generator" configuration section.</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUps:Generator";

    /// <summary>Off in tests, which run rounds themselves.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    public int BatchSize { get; set; } = 200;
}
