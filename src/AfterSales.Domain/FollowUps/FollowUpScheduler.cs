using AfterSales.Domain.Stores;

namespace AfterSales.Domain.FollowUps;

/// <summary>
/// When a follow-up call may be made: in the store's time zone, on a working day (holidays closed, make-up days open),
/// within opening hours, never in the blocked hours, and inside the customer's preferred time when the customer gave
/// one that can be met within <see cref="Horizon"/>; otherwise the first time the store may call at all.
/// </summary>
public static class FollowUpScheduler
{
    /// <summary>How far ahead a time is looked for before the search gives up.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(31);

    /// <summary>When the <paramref name="kind"/> call of an order delivered at <paramref name="deliveredAt"/> falls due.</summary>
    public static DateTimeOffset DueAt(DateTimeOffset deliveredAt, FollowUpKind kind, StoreCalendar calendar, IReadOnlyList<TimeWindow> blocked, TimeWindow? preferred) =>
        FirstCallableAt(deliveredAt + FollowUpKinds.EarliestAfterDelivery(kind), calendar, blocked, preferred);

    /// <summary>The first moment at or after <paramref name="earliest"/> the store may call this customer.</summary>
    public static DateTimeOffset FirstCallableAt(DateTimeOffset earliest, StoreCalendar calendar, IReadOnlyList<TimeWindow> blocked, TimeWindow? preferred)
    {
        if (preferred is { } p && p.From < p.To && Search(earliest, calendar, blocked, p) is { } suited)
        {
            return suited;
        }

        return Search(earliest, calendar, blocked, null)
            ?? earliest; // A store that never opens: the call is due at once rather than never.
    }

    /// <summary>The customer's preference: the one recorded at delivery, else the one on the customer record; null when neither is a usable window.</summary>
    public static TimeWindow? Preference(TimeOnly? orderFrom, TimeOnly? orderTo, TimeOnly? customerFrom, TimeOnly? customerTo)
    {
        if (orderFrom is { } of && orderTo is { } ot && of < ot)
        {
            return new TimeWindow(of, ot);
        }

        return customerFrom is { } cf && customerTo is { } ct && cf < ct ? new TimeWindow(cf, ct) : null;
    }

    private static DateTimeOffset? Search(DateTimeOffset earliest, StoreCalendar calendar, IReadOnlyList<TimeWindow> blocked, TimeWindow? preferred)
    {
        var local = calendar.ToLocal(earliest);
        var firstDay = DateOnly.FromDateTime(local.DateTime);
        var startTime = TimeOnly.FromDateTime(local.DateTime);
        for (var offset = 0; offset <= Horizon.TotalDays; offset++)
        {
            var day = firstDay.AddDays(offset);
            if (calendar.HoursOn(day) is not { } hours)
            {
                continue;
            }

            var from = hours.Opens;
            var to = hours.Closes;
            if (preferred is { } p)
            {
                from = p.From > from ? p.From : from;
                to = p.To < to ? p.To : to;
            }

            if (offset == 0 && startTime > from)
            {
                from = startTime;
            }

            if (FirstFree(from, to, blocked) is { } time)
            {
                return ToInstant(day, time, calendar.TimeZone);
            }
        }

        return null;
    }

    /// <summary>The first time in [from, to) outside every blocked window.</summary>
    private static TimeOnly? FirstFree(TimeOnly from, TimeOnly to, IReadOnlyList<TimeWindow> blocked)
    {
        var t = from;
        bool moved;
        do
        {
            moved = false;
            foreach (var b in blocked)
            {
                if (b.Contains(t))
                {
                    t = b.To;
                    moved = true;
                }
            }
        }
        while (moved && t < to);

        return t < to ? t : null;
    }

    /// <summary>A local wall-clock time as an instant; a time skipped by a clock change moves forward past the gap.</summary>
    private static DateTimeOffset ToInstant(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var wall = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(wall))
        {
            wall = wall.AddMinutes(15);
        }

        return new DateTimeOffset(wall, zone.GetUtcOffset(wall)).ToUniversalTime();
    }
}
