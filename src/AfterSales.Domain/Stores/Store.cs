using AfterSales.Domain.Common;

namespace AfterSales.Domain.Stores;

/// <summary>A service outlet (门店 / 服务网点) with its calendar.</summary>
public sealed class Store
{
    public const string DefaultTimeZone = "Asia/Shanghai";

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
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _))
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
}

/// <summary>Opening hours of one weekday; a weekday without an entry is closed.</summary>
public sealed record OpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>A public holiday (closed), or a make-up working day (调休) that falls on a weekend.</summary>
public sealed record StoreHoliday(DateOnly Date, string Name, bool IsMakeUpWorkingDay);
