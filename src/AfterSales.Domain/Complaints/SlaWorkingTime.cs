using AfterSales.Domain.Stores;

namespace AfterSales.Domain.Complaints;

/// <summary>A stretch of time a clock does not count: the complaint waited for the customer. <see cref="To"/> null: still waiting.</summary>
public sealed record SlaPause(DateTimeOffset From, DateTimeOffset? To);

/// <summary>
/// Working-time arithmetic on a store's calendar: only opening hours of working days count (holidays closed,
/// make-up working days open), in the store's own time zone, minus pauses.
/// </summary>
public sealed class SlaWorkingTime(StoreCalendar calendar)
{
    /// <summary>A calendar with hardly any working time must not make a search run forever: two years is the horizon.</summary>
    private const int HorizonDays = 732;

    /// <summary>Working time between two instants, pauses not counted.</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<SlaPause> pauses)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var last = LocalDate(to);
        for (var date = LocalDate(from); date <= last; date = date.AddDays(1))
        {
            if (Open(date) is not { } day)
            {
                continue;
            }

            var start = Max(day.Opens, from);
            var end = Min(day.Closes, to);
            foreach (var (a, b) in Counting(start, end, pauses))
            {
                total += b - a;
            }
        }

        return total;
    }

    /// <summary>
    /// The instant at which <paramref name="amount"/> of working time has passed since <paramref name="start"/>;
    /// null when a pause that has not ended comes first (the clock stands still) or the calendar has no time left.
    /// </summary>
    public DateTimeOffset? Add(DateTimeOffset start, TimeSpan amount, IReadOnlyList<SlaPause> pauses)
    {
        if (amount <= TimeSpan.Zero)
        {
            return start;
        }

        var left = amount;
        var first = LocalDate(start);
        for (var date = first; date <= first.AddDays(HorizonDays); date = date.AddDays(1))
        {
            if (Open(date) is { } day && day.Closes > start)
            {
                foreach (var (a, b) in Counting(Max(day.Opens, start), day.Closes, pauses))
                {
                    if (b - a >= left)
                    {
                        return a + left;
                    }

                    left -= b - a;
                }
            }

            // Counting stops at a pause without an end: nothing after it counts, so there is no due time yet.
            var endOfDay = Instant(date.AddDays(1), TimeOnly.MinValue);
            if (pauses.Any(p => p.To is null && p.From < endOfDay))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The working hours of a local date as UTC instants, or null when the store is closed.</summary>
    public (DateTimeOffset Opens, DateTimeOffset Closes)? Open(DateOnly date)
    {
        if (calendar.HoursOn(date) is not { } hours)
        {
            return null;
        }

        return (Instant(date, hours.Opens), Instant(date, hours.Closes));
    }

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(calendar.ToLocal(instant).DateTime);

    private DateTimeOffset Instant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);

        // A time skipped by a daylight-saving jump (02:30 on the spring day) is taken as the first valid time after it.
        while (calendar.TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, calendar.TimeZone), TimeSpan.Zero);
    }

    /// <summary>The parts of [from, to) that no pause covers, in order.</summary>
    private static List<(DateTimeOffset From, DateTimeOffset To)> Counting(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<SlaPause> pauses)
    {
        var result = new List<(DateTimeOffset, DateTimeOffset)>();
        var cursor = from;
        foreach (var pause in pauses.OrderBy(p => p.From))
        {
            if (cursor >= to)
            {
                break;
            }

            var pauseEnd = pause.To ?? DateTimeOffset.MaxValue;
            if (pauseEnd <= cursor || pause.From >= to)
            {
                continue;
            }

            if (pause.From > cursor)
            {
                result.Add((cursor, pause.From));
            }

            cursor = Max(cursor, pauseEnd);
        }

        if (cursor < to)
        {
            result.Add((cursor, to));
        }

        return result;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
