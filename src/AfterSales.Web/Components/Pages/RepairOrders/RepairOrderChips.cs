using AfterSales.Domain.RepairOrders;
using MudBlazor;

namespace AfterSales.Web.Components.Pages.RepairOrders;

internal static class RepairOrderChips
{
    public static Color For(RepairOrderStatus status) => status switch
    {
        RepairOrderStatus.Draft => Color.Default,
        RepairOrderStatus.AwaitingSignature => Color.Warning,
        RepairOrderStatus.Signed => Color.Info,
        RepairOrderStatus.InWorkshop => Color.Primary,
        RepairOrderStatus.FinalInspection => Color.Secondary,
        RepairOrderStatus.Inspected => Color.Tertiary,
        RepairOrderStatus.ReadyForDelivery => Color.Success,
        RepairOrderStatus.Delivered => Color.Dark,
        RepairOrderStatus.Cancelled => Color.Error,
    };

    public static Color For(RepairJobStatus status) => status switch
    {
        RepairJobStatus.Proposed => Color.Warning,
        RepairJobStatus.Declined => Color.Dark,
        RepairJobStatus.Pending => Color.Default,
        RepairJobStatus.Assigned => Color.Info,
        RepairJobStatus.InProgress => Color.Primary,
        RepairJobStatus.Paused => Color.Warning,
        RepairJobStatus.Done => Color.Secondary,
        RepairJobStatus.Checked => Color.Success,
    };
}
