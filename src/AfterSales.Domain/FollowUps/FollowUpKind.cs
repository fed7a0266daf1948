namespace AfterSales.Domain.FollowUps;

/// <summary>Which follow-up call after delivery: within 24 hours, around the third day, around one week.</summary>
public enum FollowUpKind
{
    Within24Hours,
    After3Days,
    After1Week,
}

public static class FollowUpKinds
{
    /// <summary>How long after delivery the call may first be made.</summary>
    public static TimeSpan EarliestAfterDelivery(FollowUpKind kind) => kind switch
    {
        FollowUpKind.Within24Hours => TimeSpan.FromHours(2),
        FollowUpKind.After3Days => TimeSpan.FromDays(3),
        FollowUpKind.After1Week => TimeSpan.FromDays(7),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
