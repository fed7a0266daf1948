using System.Globalization;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Components.Shared;
using AfterSales.Web.Features.ComplaintSla;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace AfterSales.Web.Components.Pages.Complaints;

/// <summary>How SLA clocks look in the list and on the complaint: one colour per state, working time as hours and minutes.</summary>
internal static class SlaDisplay
{
    public static Color For(SlaClockState state) => state switch
    {
        SlaClockState.Ok => Color.Success,
        SlaClockState.Warning => Color.Warning,
        SlaClockState.Breached => Color.Error,
        SlaClockState.Met => Color.Default,
    };

    public static string Icon(SlaClockState state, bool paused) => paused ? Icons.Material.Filled.PauseCircle : state switch
    {
        SlaClockState.Ok => Icons.Material.Filled.Schedule,
        SlaClockState.Warning => Icons.Material.Filled.HourglassBottom,
        SlaClockState.Breached => Icons.Material.Filled.AlarmOn,
        SlaClockState.Met => Icons.Material.Filled.CheckCircle,
    };

    /// <summary>"2 h 05 min" of working time; negative amounts as their size (the state says they are overdue).</summary>
    public static string Duration(int minutes, IStringLocalizer l)
    {
        var size = Math.Abs(minutes);
        return size < 60 ? l["sla.minutes", size]
            : size % 60 == 0 ? l["sla.hours", size / 60]
            : l["sla.hours_minutes", size / 60, (size % 60).ToString("00", CultureInfo.InvariantCulture)];
    }

    /// <summary>The chip text for a summary: time left, how long overdue, or paused (the clock's name goes beside it).</summary>
    public static string Chip(ComplaintSlaSummary summary, IStringLocalizer l) => summary switch
    {
        { Clock: null } => l["enum.SlaClockState.Met"],
        { IsPaused: true } => l["sla.paused_left", Duration(summary.LeftMinutes ?? 0, l)],
        { LeftMinutes: < 0 } => l["sla.overdue", Duration(summary.LeftMinutes.Value, l)],
        _ => l["sla.remaining", Duration(summary.LeftMinutes ?? 0, l)],
    };

    public static string Time(DateTimeOffset? at, string timeZoneId) =>
        at is { } value ? StoreTime.Format(value, timeZoneId) : "—";
}
