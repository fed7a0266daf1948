using AfterSales.Domain.Common;

namespace AfterSales.Domain.Stores;

/// <summary>A service outlet (门店 / 服务网点) with its calendar.</summary>
public sealed class Store
{
    public const string DefaultTimeZone = "Asia/Shanghai";
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 100;
    public const int AddressMaxLength = 300;
    public const int TimeZoneMaxLength = 64;
    public const int HolidayNameMaxLength = 50;
    public const int MaxHolidays = 400;

    private readonly List<OpeningHours> _openingHours = [];
    private readonly List<StoreHoliday> _holidays = [];

    private Store()
    {
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string Address { get; private set; } = string.Empty;

    public string? Phone { get; private set; }

    public string TimeZoneId { get; private set; } = DefaultTimeZone;

    public bool IsActive { get; private set; } = true;

    public int Version { get; private set; }

    public IReadOnlyList<OpeningHours> OpeningHours => _openingHours;

    public IReadOnlyList<StoreHoliday> Holidays => _holidays;

    public static Store Open(string code, string name, string address, string? phone, string timeZoneId, IEnumerable<OpeningHours> openingHours)
    {
        var store = new Store { Id = Guid.CreateVersion7() };
        store.Update(code, name, address, phone, timeZoneId, openingHours);
        return store;
    }

    public void Update(string code, string name, string address, string? phone, string timeZoneId, IEnumerable<OpeningHours> openingHours)
    {
        Code = code.Trim().ToUpperInvariant();
        Name = name.Trim();
        Address = address.Trim();
        Phone = string.IsNullOrWhiteSpace(phone) ? null : PhoneNumber.Normalize(phone);
        TimeZoneId = timeZoneId;
        _openingHours.Clear();
        _openingHours.AddRange(openingHours.OrderBy(h => h.Day));
    }

    public void ReplaceHolidays(IEnumerable<StoreHoliday> holidays)
    {
        _holidays.Clear();
        _holidays.AddRange(holidays.DistinctBy(h => h.Date).OrderBy(h => h.Date));
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public StoreCalendar Calendar() => new(TimeZoneId, _openingHours, _holidays);

    /// <summary>Checks that opening hours make sense and the time zone exists.</summary>
    public static IReadOnlyList<FieldError> Check(string timeZoneId, IEnumerable<OpeningHours> openingHours)
    {
        var errors = new List<FieldError>();
        if (!IsIanaTimeZone(timeZoneId))
        {
            errors.Add(new FieldError("store.unknown_time_zone", "TimeZoneId"));
        }

        var hours = openingHours.ToList();
        if (hours.GroupBy(h => h.Day).Any(g => g.Count() > 1))
        {
            errors.Add(new FieldError("store.duplicate_weekday", "OpeningHours"));
        }

        if (hours.Any(h => h.Opens >= h.Closes))
        {
            errors.Add(new FieldError("store.opening_after_closing", "OpeningHours"));
        }

        return errors;
    }

    /// <summary>Checks a holiday list: every day named, no date twice (a day cannot be both off and a make-up working day).</summary>
    public static IReadOnlyList<FieldError> CheckHolidays(IEnumerable<StoreHoliday> holidays)
    {
        var errors = new List<FieldError>();
        var list = holidays.ToList();
        if (list.Any(h => string.IsNullOrWhiteSpace(h.Name)))
        {
            errors.Add(new FieldError("store.holiday_name_required", "Holidays"));
        }

        if (list.GroupBy(h => h.Date).Any(g => g.Count() > 1))
        {
            errors.Add(new FieldError("store.duplicate_holiday_date", "Holidays"));
        }

        return errors;
    }

    /// <summary>
    /// Only IANA ids ("Asia/Shanghai") are stored, so that every host and the browser read them alike; on Linux
    /// .NET also resolves Windows ids ("China Standard Time"), which this refuses.
    /// </summary>
    public static bool IsIanaTimeZone(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId)
        && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone)
        && zone.HasIanaId
        && string.Equals(zone.Id, timeZoneId, StringComparison.Ordinal);
}

/// <summary>Opening hours of one weekday; a weekday without an entry is closed.</summary>
public sealed record OpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>A public holiday (closed), or a make-up working day (调休) that falls on a weekend.</summary>
public sealed record StoreHoliday(DateOnly Date, string Name, bool IsMakeUpWorkingDay);
