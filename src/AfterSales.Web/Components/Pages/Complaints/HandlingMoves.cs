using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.Complaints.Handling;
using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Components.Pages.Complaints;

/// <summary>Which plan moves the handling panel offers, and the slice each one calls.</summary>
internal static class HandlingMoves
{
    /// <summary>The moves the table permits now that this user may make; acknowledging, assigning and proposing have their own forms.</summary>
    public static List<ComplaintTrigger> Offered(IEnumerable<ComplaintTrigger> permitted, bool mayHandle, bool mayReview) =>
        permitted.Where(t => t switch
        {
            ComplaintTrigger.ReviseResolution or ComplaintTrigger.SubmitForApproval or ComplaintTrigger.PresentToCustomer
                or ComplaintTrigger.CustomerAccepts or ComplaintTrigger.CustomerDeclines or ComplaintTrigger.Reopen => mayHandle,
            ComplaintTrigger.Approve or ComplaintTrigger.RejectPlan or ComplaintTrigger.RecordFinalDecision or ComplaintTrigger.Close => mayReview,
            ComplaintTrigger.Acknowledge or ComplaintTrigger.StartInvestigation or ComplaintTrigger.ProposeResolution or ComplaintTrigger.CloseAsDuplicate => false,
        }).ToList();

    public static Task<Outcome<ComplaintView>> Run(HandleComplaint h, Guid id, ComplaintTrigger trigger, ComplaintNoteRequest note, ComplaintReasonRequest reason, CancellationToken ct) => trigger switch
    {
        ComplaintTrigger.ReviseResolution => h.ReviseAsync(id, note, ct),
        ComplaintTrigger.SubmitForApproval => h.SubmitAsync(id, note, ct),
        ComplaintTrigger.Approve => h.ApproveAsync(id, note, ct),
        ComplaintTrigger.RejectPlan => h.RejectAsync(id, reason, ct),
        ComplaintTrigger.PresentToCustomer => h.PresentAsync(id, note, ct),
        ComplaintTrigger.CustomerAccepts => h.CustomerRespondsAsync(id, new CustomerResponseRequest(note.Version, CustomerResponse.Accepted, note.Note), ct),
        ComplaintTrigger.CustomerDeclines => h.CustomerRespondsAsync(id, new CustomerResponseRequest(note.Version, CustomerResponse.Declined, note.Note), ct),
        ComplaintTrigger.RecordFinalDecision => h.CustomerRespondsAsync(id, new CustomerResponseRequest(note.Version, CustomerResponse.FinalDecision, note.Note), ct),
        ComplaintTrigger.Close => h.CloseAsync(id, reason, ct),
        ComplaintTrigger.Reopen => h.ReopenAsync(id, reason, ct),
        ComplaintTrigger.Acknowledge or ComplaintTrigger.StartInvestigation or ComplaintTrigger.ProposeResolution or ComplaintTrigger.CloseAsDuplicate => throw new InvalidOperationException($"{trigger} is not a plan move."),
    };
}
