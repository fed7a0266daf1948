using AfterSales.Web.Features.Notifications;
using MudBlazor;

namespace AfterSales.Web.Components.Pages.Admin;

public sealed partial class MessageLog
{
    // Here rather than in the markup: .editorconfig's switch rules (no discard arm) apply to .cs files.
    private static Color StatusColor(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => Color.Default,
        OutboxStatus.Sending => Color.Info,
        OutboxStatus.Sent => Color.Success,
        OutboxStatus.Delivered => Color.Success,
        OutboxStatus.Undelivered => Color.Error,
        OutboxStatus.Failed => Color.Warning,
        OutboxStatus.Dead => Color.Error,
        OutboxStatus.NotSent => Color.Error,
    };
}
