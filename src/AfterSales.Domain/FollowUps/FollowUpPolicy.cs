using AfterSales.Domain.Common;

namespace AfterSales.Domain.FollowUps;

/// <summary>A stretch of local time of day, [From, To).</summary>
public sealed record TimeWindow(TimeOnly From, TimeOnly To)
{
    public bool Contains(TimeOnly time) => time >= From && time < To;
}

/// <summary>Which follow-up call applies to which order type.</summary>
public sealed record FollowUpRule(FollowUpOrderType OrderType, FollowUpKind Kind);

/// <summary>One wait before the next attempt after a call nobody answered.</summary>
public sealed record RetryStep(int AfterMinutes);

/// <summary>
/// A store's follow-up policy (回访策略): which calls apply to which order type, the share of deliveries to follow up,
/// how often an unanswered call is tried again and when, and the hours nobody is called. Without a saved one the
/// store follows <see cref="Default"/>: the seeds' 24 hours / 3 days / 1 week, at least 50%, blocked 9:00–11:00 and 16:00–18:30.
/// </summary>
public sealed class FollowUpPolicy
{
    public const int MinCoverage = 1;
    public const int MaxCoverage = 100;
    public const int MaxAttemptsLimit = 10;
    public const int MaxRetryMinutes = 7 * 24 * 60;
    public const int MaxBlockedWindows = 6;

    /// <summary>The coverage target of a store that has not saved a policy: at least half of the deliveries.</summary>
    public const int DefaultCoverageTargetPercent = 50;

    public const string CoverageOutOfRange = "follow_up_policy.coverage_out_of_range";
    public const string AttemptsOutOfRange = "follow_up_policy.attempts_out_of_range";
    public const string RetryOutOfRange = "follow_up_policy.retry_out_of_range";
    public const string BlockedWindowInvalid = "follow_up_policy.blocked_window_invalid";
    public const string NoRules = "follow_up_policy.no_rules";

    private readonly List<FollowUpRule> _rules = [];
    private readonly List<RetryStep> _retries = [];
    private readonly List<TimeWindow> _blocked = [];

    private FollowUpPolicy()
    {
    }

    public Guid StoreId { get; private set; }

    /// <summary>The share of deliveries to follow up, in percent.</summary>
    public int CoverageTargetPercent { get; private set; }

    /// <summary>How many calls at most per follow-up before it is given up as unreachable.</summary>
    public int MaxAttempts { get; private set; }

    public IReadOnlyList<FollowUpRule> Rules => _rules;

    /// <summary>The wait before the 2nd, 3rd, … attempt; the last step repeats when there are more attempts than steps.</summary>
    public IReadOnlyList<RetryStep> RetrySchedule => _retries;

    /// <summary>Hours of the day nobody is called (customers' busy hours).</summary>
    public IReadOnlyList<TimeWindow> BlockedHours => _blocked;

    public int Version { get; private set; }

    public static readonly IReadOnlyList<TimeWindow> SeedBlockedHours =
        [new(new TimeOnly(9, 0), new TimeOnly(11, 0)), new(new TimeOnly(16, 0), new TimeOnly(18, 30))];

    public static FollowUpPolicy Default(Guid storeId)
    {
        var policy = new FollowUpPolicy { StoreId = storeId };
        var all = Enum.GetValues<FollowUpKind>();
        policy.Update(
            DefaultCoverageTargetPercent,
            3,
            Enum.GetValues<FollowUpOrderType>().SelectMany(t => t == FollowUpOrderType.Maintenance
                ? [new FollowUpRule(t, FollowUpKind.Within24Hours)]
                : all.Select(k => new FollowUpRule(t, k))),
            [new RetryStep(120), new RetryStep(24 * 60)],
            SeedBlockedHours);
        return policy;
    }

    public void Update(int coverageTargetPercent, int maxAttempts, IEnumerable<FollowUpRule> rules, IEnumerable<RetryStep> retries, IEnumerable<TimeWindow> blocked)
    {
        CoverageTargetPercent = coverageTargetPercent;
        MaxAttempts = maxAttempts;
        _rules.Clear();
        _rules.AddRange(rules.Distinct().OrderBy(r => r.OrderType).ThenBy(r => r.Kind));
        _retries.Clear();
        _retries.AddRange(retries);
        _blocked.Clear();
        _blocked.AddRange(blocked.OrderBy(b => b.From));
    }

    public IReadOnlyList<FollowUpKind> KindsFor(FollowUpOrderType type) => _rules.Where(r => r.OrderType == type).Select(r => r.Kind).Distinct().Order().ToList();

    /// <summary>The wait before the next attempt after <paramref name="attemptsMade"/> unanswered calls.</summary>
    public TimeSpan RetryDelay(int attemptsMade) =>
        _retries.Count == 0 ? TimeSpan.FromHours(2) : TimeSpan.FromMinutes(_retries[Math.Clamp(attemptsMade - 1, 0, _retries.Count - 1)].AfterMinutes);

    public static IReadOnlyList<FieldError> Check(int coverageTargetPercent, int maxAttempts, IReadOnlyCollection<FollowUpRule> rules, IReadOnlyCollection<RetryStep> retries, IReadOnlyCollection<TimeWindow> blocked)
    {
        var errors = new List<FieldError>();
        if (coverageTargetPercent is < MinCoverage or > MaxCoverage)
        {
            errors.Add(new FieldError(CoverageOutOfRange, "CoverageTargetPercent"));
        }

        if (maxAttempts is < 1 or > MaxAttemptsLimit)
        {
            errors.Add(new FieldError(AttemptsOutOfRange, "MaxAttempts"));
        }

        if (retries.Any(r => r.AfterMinutes is < 5 or > MaxRetryMinutes))
        {
            errors.Add(new FieldError(RetryOutOfRange, "RetrySchedule"));
        }

        if (blocked.Count > MaxBlockedWindows || blocked.Any(b => b.From >= b.To))
        {
            errors.Add(new FieldError(BlockedWindowInvalid, "BlockedHours"));
        }

        if (rules.Count == 0)
        {
            errors.Add(new FieldError(NoRules, "Rules"));
        }

        return errors;
    }
}
