using AfterSales.Domain.Stores;

namespace AfterSales.Web.Features.Stores;

public sealed record OpeningHoursView(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

public sealed record HolidayView(DateOnly Date, string Name, bool IsMakeUpWorkingDay);

public sealed record StoreView(
    Guid Id,
    string Code,
    string Name,
    string Address,
    string? Phone,
    string TimeZoneId,
    bool IsActive,
    int Version,
    IReadOnlyList<OpeningHoursView> OpeningHours,
    IReadOnlyList<HolidayView> Holidays)
{
    public static StoreView From(Store s) => new(
        s.Id,
        s.Code,
        s.Name,
        s.Address,
        s.Phone,
        s.TimeZoneId,
        s.IsActive,
        s.Version,
        s.OpeningHours.Select(h => new OpeningHoursView(h.Day, h.Opens, h.Closes)).ToList(),
        s.Holidays.Select(h => new HolidayView(h.Date, h.Name, h.IsMakeUpWorkingDay)).ToList());
}
