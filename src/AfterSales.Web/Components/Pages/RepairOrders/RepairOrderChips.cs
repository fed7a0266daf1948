using AfterSales.Domain.RepairOrders;
using MudBlazor;

namespace AfterSales.Web.Components.Pages.RepairOrders;

internal static class RepairOrderChips
{
    public static Color For(RepairOrderStatus status) => status switch
    {
        RepairOrderStatus.Draft => Color.Default,
        RepairOrderStatus.AwaitingSignature => Color.Warning,
        RepairOrderStatus.Signed => Color.Success,
        RepairOrderStatus.Cancelled => Color.Dark,
    };
}
