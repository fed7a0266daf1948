namespace AfterSales.Domain.Stores;

/// <summary>
/// Working time of one store in its own time zone: opening hours per weekday, holidays closed, and
/// make-up working days (调休) open with the hours of a regular weekday.
/// </summary>
public sealed class StoreCalendar
{
    private readonly Dictionary<DayOfWeek, OpeningHours> _hours;
    private readonly Dictionary<DateOnly, StoreHoliday> _holidays;

    public StoreCalendar(string timeZoneId, IEnumerable<OpeningHours> openingHours, IEnumerable<StoreHoliday> holidays)
    {
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        _hours = openingHours.ToDictionary(h => h.Day);
        _holidays = holidays.ToDictionary(h => h.Date);
    }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The hours the store is open on a local date, or null when it is closed.</summary>
    public (TimeOnly Opens, TimeOnly Closes)? HoursOn(DateOnly date)
    {
        if (_holidays.TryGetValue(date, out var holiday))
        {
            if (!holiday.IsMakeUpWorkingDay)
            {
                return null;
            }

            // A make-up working day keeps the hours of the store's first regular weekday.
            var weekday = _hours.Values.Where(h => h.Day is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).OrderBy(h => h.Day).FirstOrDefault()
                ?? _hours.Values.OrderBy(h => h.Day).FirstOrDefault();
            return weekday is null ? null : (weekday.Opens, weekday.Closes);
        }

        return _hours.TryGetValue(date.DayOfWeek, out var hours) ? (hours.Opens, hours.Closes) : null;
    }

    public bool IsWorkingDay(DateOnly date) => HoursOn(date) is not null;

    /// <summary>The weekday whose hours (and plans, such as capacity) a working date follows: its own, or for a make-up day the weekday it borrows.</summary>
    public DayOfWeek? RegularWeekdayOn(DateOnly date)
    {
        if (_holidays.TryGetValue(date, out var holiday))
        {
            return holiday.IsMakeUpWorkingDay
                ? (_hours.Values.Where(h => h.Day is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).OrderBy(h => h.Day).FirstOrDefault()
                    ?? _hours.Values.OrderBy(h => h.Day).FirstOrDefault())?.Day
                : null;
        }

        return _hours.ContainsKey(date.DayOfWeek) ? date.DayOfWeek : null;
    }

    public bool IsOpenAt(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone);
        var hours = HoursOn(DateOnly.FromDateTime(local.DateTime));
        var time = TimeOnly.FromDateTime(local.DateTime);
        return hours is { } h && time >= h.Opens && time < h.Closes;
    }

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);
}
