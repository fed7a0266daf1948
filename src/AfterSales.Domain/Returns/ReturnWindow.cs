namespace AfterSales.Domain.Returns;

public enum SaleChannel
{
    OverTheCounter,
    Online,
}

public enum ReturnReason
{
    NotAsDescribed,
    QualityFault,
    ChangedMind,
}

/// <summary>A store's return terms (退换货规则): the claim window after a completed sale, and the no-reason window for online sales.</summary>
/// <param name="ClaimWindowDays">Days after the day of the completed sale in which a return or exchange can be claimed (the seeds: 15).</param>
/// <param name="NoReasonDays">Days in which an online buyer may return for no reason (七天无理由退货); 0 turns it off.</param>
/// <param name="AcceptsChangedMindOverTheCounter">Whether the store also takes back counter sales for a change of mind (the law does not require it).</param>
public sealed record ReturnTerms(int ClaimWindowDays = ReturnTerms.DefaultClaimWindowDays, int NoReasonDays = ReturnTerms.DefaultNoReasonDays, bool AcceptsChangedMindOverTheCounter = false)
{
    public const int DefaultClaimWindowDays = 15;
    public const int DefaultNoReasonDays = 7;
    public const int MaxDays = 365;
}

/// <summary>
/// Whether a return can still be claimed. Days are counted on the store's calendar: a sale completed on a
/// store-local day D can be claimed until the end of local day D + N (the seeds' "0–15 days after the
/// transaction succeeded"), whatever the time of day of the sale and whichever zone the server runs in.
/// </summary>
public static class ReturnWindow
{
    public const string Expired = "return.window_expired";
    public const string NoReasonExpired = "return.no_reason_window_expired";
    public const string ChangedMindNotAccepted = "return.changed_mind_not_accepted";
    public const string BeforeSale = "return.before_sale";

    /// <summary>The first instant no longer in the window: local midnight starting day D + N + 1, as UTC.</summary>
    public static DateTimeOffset Deadline(DateTimeOffset completedAt, TimeZoneInfo zone, int days)
    {
        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(completedAt, zone).DateTime);
        var endLocal = localDay.AddDays(days + 1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // Midnight may not exist on a daylight-saving day; step forward to the first instant that does.
        while (zone.IsInvalidTime(endLocal))
        {
            endLocal = endLocal.AddMinutes(30);
        }

        return new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal)).ToUniversalTime();
    }

    /// <summary>Null when the claim may be made at <paramref name="at"/>, else the refusal code.</summary>
    public static string? Check(DateTimeOffset completedAt, DateTimeOffset at, TimeZoneInfo zone, SaleChannel channel, ReturnReason reason, ReturnTerms terms)
    {
        if (at < completedAt)
        {
            return BeforeSale;
        }

        if (reason == ReturnReason.ChangedMind)
        {
            if (channel == SaleChannel.OverTheCounter && !terms.AcceptsChangedMindOverTheCounter)
            {
                return ChangedMindNotAccepted;
            }

            var days = channel == SaleChannel.Online ? terms.NoReasonDays : terms.ClaimWindowDays;
            if (days == 0)
            {
                return ChangedMindNotAccepted;
            }

            return at < Deadline(completedAt, zone, days) ? null : NoReasonExpired;
        }

        return at < Deadline(completedAt, zone, terms.ClaimWindowDays) ? null : Expired;
    }
}
