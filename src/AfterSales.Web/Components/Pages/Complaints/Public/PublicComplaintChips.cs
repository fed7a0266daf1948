using AfterSales.Web.Features.Complaints.Public;
using MudBlazor;

namespace AfterSales.Web.Components.Pages.Complaints.Public;

internal static class PublicComplaintChips
{
    public static Color For(CustomerStage stage) => stage switch
    {
        CustomerStage.Received => Color.Warning,
        CustomerStage.InProgress or CustomerStage.PreparingSolution => Color.Info,
        CustomerStage.WaitingForYou => Color.Secondary,
        CustomerStage.Resolved or CustomerStage.Closed => Color.Success,
    };
}
