using AfterSales.Domain.RepairOrders;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Components.Pages.Workshop;

/// <summary>A pause reason as stored ("WaitingForParts" or "Other: note") in the reader's language.</summary>
internal static class PauseText
{
    public static string Of(string stored, IStringLocalizer localizer)
    {
        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        var code = colon >= 0 ? stored[..colon] : stored;
        var note = colon >= 0 ? stored[(colon + 1)..].Trim() : null;
        var label = Enum.TryParse<PauseReason>(code, out var reason) ? localizer[$"enum.PauseReason.{reason}"].Value : code;
        return note is null ? label : $"{label}: {note}";
    }
}
