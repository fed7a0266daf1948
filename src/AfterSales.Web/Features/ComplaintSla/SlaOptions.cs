namespace AfterSales.Web.Features.ComplaintSla;

/// <summary>The "Complaints:Sla" configuration section.</summary>
public sealed class SlaOptions
{
    public const string Section = "Complaints:Sla";

    public EscalatorOptions Escalator { get; set; } = new();
}

public sealed class EscalatorOptions
{
    /// <summary>Off in tests, which call <see cref="EscalateDueComplaints"/> themselves.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    public int BatchSize { get; set; } = 200;
}
