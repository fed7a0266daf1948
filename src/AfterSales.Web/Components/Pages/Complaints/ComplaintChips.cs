using AfterSales.Domain.Complaints;
using MudBlazor;

namespace AfterSales.Web.Components.Pages.Complaints;

/// <summary>One colour per urgency and status, the same in the list and on the complaint.</summary>
internal static class ComplaintChips
{
    public static Color For(ComplaintUrgency urgency) => urgency switch
    {
        ComplaintUrgency.Critical => Color.Error,
        ComplaintUrgency.High => Color.Warning,
        ComplaintUrgency.Normal => Color.Info,
        ComplaintUrgency.Low => Color.Default,
    };

    public static Color For(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Received or ComplaintStatus.Reopened => Color.Warning,
        ComplaintStatus.Acknowledged or ComplaintStatus.InInvestigation or ComplaintStatus.ResolutionProposed => Color.Info,
        ComplaintStatus.AwaitingApproval or ComplaintStatus.AwaitingCustomer => Color.Secondary,
        ComplaintStatus.Resolved or ComplaintStatus.Closed => Color.Success,
    };

    public static Color For(CapaStatus status) => status switch
    {
        CapaStatus.Open => Color.Warning,
        CapaStatus.Done => Color.Info,
        CapaStatus.VerifiedEffective => Color.Success,
        CapaStatus.NotEffective => Color.Error,
    };
}
