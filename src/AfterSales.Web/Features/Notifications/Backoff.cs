namespace AfterSales.Web.Features.Notifications;

/// <summary>Exponential backoff: first, 2×first, 4×first, … never more than the cap.</summary>
public static class Backoff
{
    /// <param name="failures">Failed attempts so far, counting the one that just failed (1 or more).</param>
    public static TimeSpan Delay(int failures, TimeSpan first, TimeSpan cap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);

        // 2^20 × 30 s is past any sensible cap; stopping there keeps the arithmetic from overflowing.
        var exponent = Math.Min(failures - 1, 20);
        var delay = first * Math.Pow(2, exponent);
        return delay < cap ? delay : cap;
    }
}
