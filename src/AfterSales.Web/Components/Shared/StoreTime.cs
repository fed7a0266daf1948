using System.Globalization;
using AfterSales.Domain.Stores;

namespace AfterSales.Web.Components.Shared;

/// <summary>Times are stored in UTC and shown as the store sees them (Asia/Shanghai), in the reader's culture.</summary>
public static class StoreTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(Store.DefaultTimeZone);

    public static DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;

    /// <summary>A time in another store's zone (a store may be set to a zone other than the default).</summary>
    public static string Format(DateTimeOffset at, string timeZoneId) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>The wall-clock time alone, "14:30", as on slots and plans.</summary>
    public static string Clock(DateTimeOffset at) => Local(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>To the second and culture-neutral, for logs where the order of events matters.</summary>
    public static string Precise(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("g", CultureInfo.CurrentCulture);

    public static string Date(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("d", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? string.Empty;

    public static string Time(TimeOnly? time) => time?.ToString("t", CultureInfo.CurrentCulture) ?? string.Empty;

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
}
