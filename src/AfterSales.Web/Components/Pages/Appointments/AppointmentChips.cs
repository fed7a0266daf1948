using AfterSales.Domain.Appointments;
using MudBlazor;

namespace AfterSales.Web.Components.Pages.Appointments;

/// <summary>One colour per status, the same on the boards, the readiness check and the appointment.</summary>
internal static class AppointmentChips
{
    public static Color For(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Requested or AppointmentStatus.Rescheduled => Color.Warning,
        AppointmentStatus.Confirmed => Color.Info,
        AppointmentStatus.Ready => Color.Primary,
        AppointmentStatus.Arrived or AppointmentStatus.Converted => Color.Success,
        AppointmentStatus.Cancelled or AppointmentStatus.NoShow => Color.Default,
    };

    /// <summary>Load against capacity: green with room, amber when nearly full, red when full or over.</summary>
    public static Color Load(decimal booked, decimal capacity) =>
        capacity <= 0 ? (booked > 0 ? Color.Error : Color.Default)
        : booked >= capacity ? Color.Error
        : booked >= capacity * 0.75m ? Color.Warning
        : Color.Success;
}
