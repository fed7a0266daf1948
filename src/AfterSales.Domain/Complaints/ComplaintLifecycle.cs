namespace AfterSales.Domain.Complaints;

/// <summary>The complaint lifecycle of DOMAIN.md steps 1–7. Stored by name.</summary>
public enum ComplaintStatus
{
    Received,
    Acknowledged,
    InInvestigation,
    ResolutionProposed,
    AwaitingApproval,
    AwaitingCustomer,
    Resolved,
    Closed,
    Reopened,
}

public enum ComplaintTrigger
{
    Acknowledge,
    StartInvestigation,
    ProposeResolution,
    SubmitForApproval,
    Approve,
    RejectPlan,
    PresentToCustomer,
    CustomerAccepts,
    CustomerDeclines,
    RecordFinalDecision,
    ReviseResolution,
    Close,
    Reopen,

    /// <summary>Closes a complaint that another open one already covers (合并重复投诉); see <see cref="Complaint.MergeInto"/>.</summary>
    CloseAsDuplicate,
}

/// <summary>The answer of the transition table: the state to move to, or the code of the refusal.</summary>
public readonly record struct ComplaintMove(ComplaintStatus? To, string? RefusalCode)
{
    public bool IsAllowed => To is not null;

    internal static ComplaintMove Allow(ComplaintStatus to) => new(to, null);

    internal static ComplaintMove Refuse(string code) => new(null, code);
}

/// <summary>
/// The one transition table of a complaint. Every state lists every trigger, without a discard arm, so a new
/// state or trigger does not compile (CS8509) until someone decides what it does everywhere.
/// </summary>
public static class ComplaintLifecycle
{
    public const string NotAcknowledgedYet = "complaint.not_acknowledged_yet";
    public const string AlreadyAcknowledged = "complaint.already_acknowledged";
    public const string NotInInvestigation = "complaint.not_in_investigation";
    public const string AlreadyInInvestigation = "complaint.already_in_investigation";
    public const string NoResolutionProposed = "complaint.no_resolution_proposed";
    public const string NotAwaitingApproval = "complaint.not_awaiting_approval";
    public const string AlreadyAwaitingApproval = "complaint.already_awaiting_approval";
    public const string NotAwaitingCustomer = "complaint.not_awaiting_customer";
    public const string NotResolvedYet = "complaint.not_resolved_yet";
    public const string ClosedReadOnly = "complaint.closed_read_only";
    public const string NotClosed = "complaint.not_closed";
    public const string AlreadyResolved = "complaint.already_resolved";

    public static ComplaintMove Decide(ComplaintStatus state, ComplaintTrigger trigger) => state switch
    {
        ComplaintStatus.Received => trigger switch
        {
            ComplaintTrigger.Acknowledge => ComplaintMove.Allow(ComplaintStatus.Acknowledged),
            ComplaintTrigger.StartInvestigation => ComplaintMove.Refuse(NotAcknowledgedYet),
            ComplaintTrigger.ProposeResolution or ComplaintTrigger.ReviseResolution => ComplaintMove.Refuse(NotInInvestigation),
            ComplaintTrigger.SubmitForApproval or ComplaintTrigger.PresentToCustomer => ComplaintMove.Refuse(NoResolutionProposed),
            ComplaintTrigger.Approve or ComplaintTrigger.RejectPlan => ComplaintMove.Refuse(NotAwaitingApproval),
            ComplaintTrigger.CustomerAccepts or ComplaintTrigger.CustomerDeclines or ComplaintTrigger.RecordFinalDecision => ComplaintMove.Refuse(NotAwaitingCustomer),
            ComplaintTrigger.Close => ComplaintMove.Refuse(NotResolvedYet),
            ComplaintTrigger.Reopen => ComplaintMove.Refuse(NotClosed),
            ComplaintTrigger.CloseAsDuplicate => ComplaintMove.Allow(ComplaintStatus.Closed),
        },
        ComplaintStatus.Acknowledged => trigger switch
        {
            ComplaintTrigger.Acknowledge => ComplaintMove.Refuse(AlreadyAcknowledged),
            ComplaintTrigger.StartInvestigation => ComplaintMove.Allow(ComplaintStatus.InInvestigation),
            ComplaintTrigger.ProposeResolution or ComplaintTrigger.ReviseResolution => ComplaintMove.Refuse(NotInInvestigation),
            ComplaintTrigger.SubmitForApproval or ComplaintTrigger.PresentToCustomer => ComplaintMove.Refuse(NoResolutionProposed),
            ComplaintTrigger.Approve or ComplaintTrigger.RejectPlan => ComplaintMove.Refuse(NotAwaitingApproval),
            ComplaintTrigger.CustomerAccepts or ComplaintTrigger.CustomerDeclines or ComplaintTrigger.RecordFinalDecision => ComplaintMove.Refuse(NotAwaitingCustomer),
            ComplaintTrigger.Close => ComplaintMove.Refuse(NotResolvedYet),
            ComplaintTrigger.Reopen => ComplaintMove.Refuse(NotClosed),
            ComplaintTrigger.CloseAsDuplicate => ComplaintMove.Allow(ComplaintStatus.Closed),
        },
        ComplaintStatus.InInvestigation => trigger switch
        {
            ComplaintTrigger.Acknowledge => ComplaintMove.Refuse(AlreadyAcknowledged),
            ComplaintTrigger.StartInvestigation => ComplaintMove.Refuse(AlreadyInInvestigation),
            ComplaintTrigger.ProposeResolution => ComplaintMove.Allow(ComplaintStatus.ResolutionProposed),
            ComplaintTrigger.ReviseResolution or ComplaintTrigger.SubmitForApproval or ComplaintTrigger.PresentToCustomer => ComplaintMove.Refuse(NoResolutionProposed),
            ComplaintTrigger.Approve or ComplaintTrigger.RejectPlan => ComplaintMove.Refuse(NotAwaitingApproval),
            ComplaintTrigger.CustomerAccepts or ComplaintTrigger.CustomerDeclines or ComplaintTrigger.RecordFinalDecision => ComplaintMove.Refuse(NotAwaitingCustomer),
            ComplaintTrigger.Close => ComplaintMove.Refuse(NotResolvedYet),
            ComplaintTrigger.Reopen => ComplaintMove.Refuse(NotClosed),
            ComplaintTrigger.CloseAsDuplicate => ComplaintMove.Allow(ComplaintStatus.Closed),
        },
        ComplaintStatus.ResolutionProposed => trigger switch
        {
            ComplaintTrigger.Acknowledge => ComplaintMove.Refuse(AlreadyAcknowledged),
            ComplaintTrigger.StartInvestigation => ComplaintMove.Refuse(AlreadyInInvestigation),
            ComplaintTrigger.ProposeResolution => ComplaintMove.Refuse(NotInInvestigation),
            ComplaintTrigger.ReviseResolution => ComplaintMove.Allow(ComplaintStatus.InInvestigation),
            ComplaintTrigger.SubmitForApproval => ComplaintMove.Allow(ComplaintStatus.AwaitingApproval),
            ComplaintTrigger.PresentToCustomer => ComplaintMove.Allow(ComplaintStatus.AwaitingCustomer),
            ComplaintTrigger.Approve or ComplaintTrigger.RejectPlan => ComplaintMove.Refuse(NotAwaitingApproval),
            ComplaintTrigger.CustomerAccepts or ComplaintTrigger.CustomerDeclines or ComplaintTrigger.RecordFinalDecision => ComplaintMove.Refuse(NotAwaitingCustomer),
            ComplaintTrigger.Close => ComplaintMove.Refuse(NotResolvedYet),
            ComplaintTrigger.Reopen => ComplaintMove.Refuse(NotClosed),
            ComplaintTrigger.CloseAsDuplicate => ComplaintMove.Allow(ComplaintStatus.Closed),
        },
        ComplaintStatus.AwaitingApproval => trigger switch
        {
            ComplaintTrigger.Acknowledge => ComplaintMove.Refuse(AlreadyAcknowledged),
            ComplaintTrigger.StartInvestigation => ComplaintMove.Refuse(AlreadyInInvestigation),
            ComplaintTrigger.ProposeResolution or ComplaintTrigger.ReviseResolution => ComplaintMove.Refuse(NotInInvestigation),
            ComplaintTrigger.SubmitForApproval or ComplaintTrigger.PresentToCustomer => ComplaintMove.Refuse(AlreadyAwaitingApproval),
            ComplaintTrigger.Approve => ComplaintMove.Allow(ComplaintStatus.AwaitingCustomer),
            ComplaintTrigger.RejectPlan => ComplaintMove.Allow(ComplaintStatus.InInvestigation),
            ComplaintTrigger.CustomerAccepts or ComplaintTrigger.CustomerDeclines or ComplaintTrigger.RecordFinalDecision => ComplaintMove.Refuse(NotAwaitingCustomer),
            ComplaintTrigger.Close => ComplaintMove.Refuse(NotResolvedYet),
            ComplaintTrigger.Reopen => ComplaintMove.Refuse(NotClosed),
            ComplaintTrigger.CloseAsDuplicate => ComplaintMove.Allow(ComplaintStatus.Closed),
        },
        ComplaintStatus.AwaitingCustomer => trigger switch
        {
            ComplaintTrigger.Acknowledge => ComplaintMove.Refuse(AlreadyAcknowledged),
            ComplaintTrigger.StartInvestigation => ComplaintMove.Refuse(AlreadyInInvestigation),
            ComplaintTrigger.ProposeResolution or ComplaintTrigger.ReviseResolution => ComplaintMove.Refuse(NotInInvestigation),
            ComplaintTrigger.SubmitForApproval or ComplaintTrigger.PresentToCustomer => ComplaintMove.Refuse(NoResolutionProposed),
            ComplaintTrigger.Approve or ComplaintTrigger.RejectPlan => ComplaintMove.Refuse(NotAwaitingApproval),
            ComplaintTrigger.CustomerAccepts or ComplaintTrigger.RecordFinalDecision => ComplaintMove.Allow(ComplaintStatus.Resolved),
            ComplaintTrigger.CustomerDeclines => ComplaintMove.Allow(ComplaintStatus.InInvestigation),
            ComplaintTrigger.Close => ComplaintMove.Refuse(NotResolvedYet),
            ComplaintTrigger.Reopen => ComplaintMove.Refuse(NotClosed),
            ComplaintTrigger.CloseAsDuplicate => ComplaintMove.Allow(ComplaintStatus.Closed),
        },
        ComplaintStatus.Resolved => trigger switch
        {
            ComplaintTrigger.Acknowledge => ComplaintMove.Refuse(AlreadyAcknowledged),
            ComplaintTrigger.StartInvestigation or ComplaintTrigger.ProposeResolution or ComplaintTrigger.ReviseResolution
                or ComplaintTrigger.SubmitForApproval or ComplaintTrigger.PresentToCustomer or ComplaintTrigger.Approve
                or ComplaintTrigger.RejectPlan or ComplaintTrigger.CustomerAccepts or ComplaintTrigger.CustomerDeclines
                or ComplaintTrigger.RecordFinalDecision => ComplaintMove.Refuse(AlreadyResolved),
            ComplaintTrigger.Close => ComplaintMove.Allow(ComplaintStatus.Closed),
            ComplaintTrigger.Reopen => ComplaintMove.Refuse(NotClosed),
            ComplaintTrigger.CloseAsDuplicate => ComplaintMove.Allow(ComplaintStatus.Closed),
        },
        ComplaintStatus.Closed => trigger switch
        {
            ComplaintTrigger.Acknowledge or ComplaintTrigger.StartInvestigation or ComplaintTrigger.ProposeResolution
                or ComplaintTrigger.ReviseResolution or ComplaintTrigger.SubmitForApproval or ComplaintTrigger.PresentToCustomer
                or ComplaintTrigger.Approve or ComplaintTrigger.RejectPlan or ComplaintTrigger.CustomerAccepts
                or ComplaintTrigger.CustomerDeclines or ComplaintTrigger.RecordFinalDecision or ComplaintTrigger.Close
                or ComplaintTrigger.CloseAsDuplicate => ComplaintMove.Refuse(ClosedReadOnly),
            ComplaintTrigger.Reopen => ComplaintMove.Allow(ComplaintStatus.Reopened),
        },

        // A reopened complaint starts a new round of handling on the same record.
        ComplaintStatus.Reopened => trigger switch
        {
            ComplaintTrigger.Acknowledge => ComplaintMove.Refuse(AlreadyAcknowledged),
            ComplaintTrigger.StartInvestigation => ComplaintMove.Allow(ComplaintStatus.InInvestigation),
            ComplaintTrigger.ProposeResolution or ComplaintTrigger.ReviseResolution => ComplaintMove.Refuse(NotInInvestigation),
            ComplaintTrigger.SubmitForApproval or ComplaintTrigger.PresentToCustomer => ComplaintMove.Refuse(NoResolutionProposed),
            ComplaintTrigger.Approve or ComplaintTrigger.RejectPlan => ComplaintMove.Refuse(NotAwaitingApproval),
            ComplaintTrigger.CustomerAccepts or ComplaintTrigger.CustomerDeclines or ComplaintTrigger.RecordFinalDecision => ComplaintMove.Refuse(NotAwaitingCustomer),
            ComplaintTrigger.Close => ComplaintMove.Refuse(NotResolvedYet),
            ComplaintTrigger.Reopen => ComplaintMove.Refuse(NotClosed),
            ComplaintTrigger.CloseAsDuplicate => ComplaintMove.Allow(ComplaintStatus.Closed),
        },
    };

    public static IReadOnlyList<ComplaintTrigger> PermittedTriggers(ComplaintStatus state) =>
        Enum.GetValues<ComplaintTrigger>().Where(t => Decide(state, t).IsAllowed).ToList();

    /// <summary>Open means still being handled: anything but closed.</summary>
    public static bool IsOpen(ComplaintStatus state) => state != ComplaintStatus.Closed;
}
