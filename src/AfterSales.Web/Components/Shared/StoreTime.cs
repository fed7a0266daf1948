using System.Globalization;
using AfterSales.Domain.Stores;

namespace AfterSales.Web.Components.Shared;

/// <summary>Times are stored in UTC and shown as the store sees them (Asia/Shanghai), in the reader's culture.</summary>
public static class StoreTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(Store.DefaultTimeZone);

    public static DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;

    public static string Format(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("g", CultureInfo.CurrentCulture);

    public static string Date(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("d", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? string.Empty;

    public static string Time(TimeOnly? time) => time?.ToString("t", CultureInfo.CurrentCulture) ?? string.Empty;

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
}
