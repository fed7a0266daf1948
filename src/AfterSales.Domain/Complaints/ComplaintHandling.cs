using AfterSales.Domain.Common;

namespace AfterSales.Domain.Complaints;

/// <summary>One step of a proposed resolution as the handler enters it; <see cref="Amount"/> is CNY (or its worth for points).</summary>
public sealed record ResolutionActionInput(ResolutionActionKind Kind, string Description, decimal? Amount);

/// <summary>The repair order a re-repair action opened (投诉返修单).</summary>
public sealed record ReRepairOrder(Guid Id, string Number);

/// <summary>
/// Handling after the investigation starts (DOMAIN.md steps 3–7): assignment, the investigation log, the
/// analysis, the resolution plan with its approval, the customer's answer, closure and reopening. A closed
/// complaint refuses every write except <see cref="Reopen"/>.
/// </summary>
public sealed partial class Complaint
{
    public const int LogTextMaxLength = 2000;
    public const int LogReferenceMaxLength = 100;
    public const int WhyMaxLength = 500;
    public const int MaxWhys = 5;
    public const int ActionDescriptionMaxLength = 500;
    public const int MaxActions = 10;
    public const decimal MaxAmount = 10_000_000m;

    public const string ContactOutcomeRequired = "complaint.contact_outcome_required";
    public const string ReferenceRequired = "complaint.reference_required";
    public const string AnalysisRequired = "complaint.analysis_required";
    public const string ApprovalRequired = "complaint.approval_required";
    public const string ApprovalLimitExceeded = "complaint.approval_limit_exceeded";
    public const string SelfApproval = "complaint.self_approval";
    public const string SelfReview = "complaint.self_review";
    public const string PlanNotAgreed = "complaint.plan_not_agreed";
    public const string ActionUnknown = "complaint.action_unknown";
    public const string ActionAlreadyDone = "complaint.action_already_done";
    public const string ActionsNotDone = "complaint.actions_not_done";
    public const string AmountRequired = "complaint.amount_required";
    public const string ReRepairOrderRequired = "complaint.re_repair_order_required";

    private readonly List<ResolutionAction> _actions = [];
    private readonly List<ComplaintLogEntry> _log = [];

    public Guid? AssignedTeamId { get; private set; }

    /// <summary>1 for the first handling; each reopening starts the next round on the same record.</summary>
    public int Round { get; private set; } = 1;

    /// <summary>The 5-whys chain (五问法), the last answer being the root cause.</summary>
    public string[] RootCauseWhys { get; private set; } = [];

    public Responsibility? Responsibility { get; private set; }

    /// <summary>Systemic (系统性) rather than isolated; null until analysed.</summary>
    public bool? IsSystemic { get; private set; }

    public DateTimeOffset? AnalysedAt { get; private set; }

    /// <summary>Counts every proposal ever made; the current plan is the actions of this revision.</summary>
    public int PlanRevision { get; private set; }

    public decimal PlanTotal { get; private set; }

    public Guid? PlanSubmittedById { get; private set; }

    public Guid? PlanApprovedById { get; private set; }

    public DateTimeOffset? PlanApprovedAt { get; private set; }

    public CustomerResponse? CustomerResponse { get; private set; }

    public string? CustomerResponseReason { get; private set; }

    public Guid? ReviewedById { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The actions loaded with the complaint, of every round and revision.</summary>
    public IReadOnlyList<ResolutionAction> Actions => _actions;

    /// <summary>Log lines added since the complaint was loaded (the log is append-only and read on its own).</summary>
    public IReadOnlyList<ComplaintLogEntry> Log => _log;

    public IEnumerable<ResolutionAction> CurrentPlan => _actions.Where(a => a.Revision == PlanRevision && a.Round == Round && PlanRevision > 0);

    public bool IsClosed => Status == ComplaintStatus.Closed;

    /// <summary>Gives the complaint to a specialist, a team or both; <paramref name="reason"/> says why (a rule's name or the handler's words).</summary>
    public FieldError? Assign(Guid? specialistId, Guid? teamId, string? specialistName, string? teamName, Actor by, string reason, DateTimeOffset now)
    {
        if (IsClosed)
        {
            return new FieldError(ComplaintLifecycle.ClosedReadOnly);
        }

        AssignedSpecialistId = specialistId;
        AssignedTeamId = teamId;
        var to = string.Join(" / ", new[] { specialistName, teamName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        _log.Add(ComplaintLogEntry.Write(Id, Round, ComplaintLogKind.Assignment, reason, null, to, by, now));
        return null;
    }

    public FieldError? AddLogEntry(ComplaintLogKind kind, string text, ContactOutcome? outcome, string? reference, Actor by, DateTimeOffset now)
    {
        if (IsClosed)
        {
            return new FieldError(ComplaintLifecycle.ClosedReadOnly);
        }

        if (kind == ComplaintLogKind.CustomerContact && outcome is null)
        {
            return new FieldError(ContactOutcomeRequired, "Outcome");
        }

        if (kind is ComplaintLogKind.RepairOrder or ComplaintLogKind.PartsIssue or ComplaintLogKind.QcRecord && string.IsNullOrWhiteSpace(reference))
        {
            return new FieldError(ReferenceRequired, "Reference");
        }

        if (Status is ComplaintStatus.Received or ComplaintStatus.Acknowledged or ComplaintStatus.Reopened)
        {
            return new FieldError(ComplaintLifecycle.NotInInvestigation);
        }

        _log.Add(ComplaintLogEntry.Write(Id, Round, kind, text, kind == ComplaintLogKind.CustomerContact ? outcome : null, Blank(reference), by, now));
        return null;
    }

    /// <summary>The analysis (原因分析) is made and changed while investigating, before a plan is proposed.</summary>
    public FieldError? RecordAnalysis(IReadOnlyList<string> whys, Responsibility responsibility, bool systemic, DateTimeOffset now)
    {
        if (IsClosed)
        {
            return new FieldError(ComplaintLifecycle.ClosedReadOnly);
        }

        if (Status != ComplaintStatus.InInvestigation)
        {
            return new FieldError(ComplaintLifecycle.NotInInvestigation);
        }

        RootCauseWhys = whys.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).ToArray();
        Responsibility = responsibility;
        IsSystemic = systemic;
        AnalysedAt = now;
        return null;
    }

    public FieldError? ProposeResolution(IReadOnlyList<ResolutionActionInput> actions, Actor by, string? reason, DateTimeOffset now)
    {
        if (Status == ComplaintStatus.InInvestigation && AnalysedAt is null)
        {
            return new FieldError(AnalysisRequired);
        }

        if (actions.FirstOrDefault(a => ResolutionActions.IsMoney(a.Kind) && a.Amount is not > 0) is not null)
        {
            return new FieldError(AmountRequired, "Actions");
        }

        var refusal = Move(ComplaintTrigger.ProposeResolution, by, reason, now);
        if (refusal is not null)
        {
            return refusal;
        }

        PlanRevision++;
        foreach (var action in actions)
        {
            _actions.Add(ResolutionAction.Plan(Id, Round, PlanRevision, action, now));
        }

        PlanTotal = actions.Sum(a => a.Amount ?? 0m);
        PlanSubmittedById = null;
        PlanApprovedById = null;
        PlanApprovedAt = null;
        return null;
    }

    /// <summary>Takes the proposed plan back to investigation to change it; the next proposal is a new revision.</summary>
    public FieldError? ReviseResolution(Actor by, string? reason, DateTimeOffset now) => Move(ComplaintTrigger.ReviseResolution, by, reason, now);

    public FieldError? SubmitForApproval(Actor by, string? reason, DateTimeOffset now)
    {
        var refusal = Move(ComplaintTrigger.SubmitForApproval, by, reason, now);
        if (refusal is null)
        {
            PlanSubmittedById = by.UserId;
        }

        return refusal;
    }

    /// <summary>An approver whose limit covers the plan's total approves it; the plan then goes to the customer.</summary>
    public FieldError? Approve(decimal approverLimit, Actor by, string? comment, DateTimeOffset now)
    {
        if (Status == ComplaintStatus.AwaitingApproval)
        {
            if (PlanTotal > approverLimit)
            {
                return new FieldError(ApprovalLimitExceeded);
            }

            if (FourEyes.Refuse(by.UserId, PlanSubmittedById, SelfApproval) is { } samePerson)
            {
                return samePerson;
            }
        }

        var refusal = Move(ComplaintTrigger.Approve, by, comment, now);
        if (refusal is null)
        {
            PlanApprovedById = by.UserId;
            PlanApprovedAt = now;
        }

        return refusal;
    }

    public FieldError? RejectPlan(Actor by, string comment, DateTimeOffset now) => Move(ComplaintTrigger.RejectPlan, by, comment, now);

    /// <summary>Presents the plan without an approval when the presenter's own limit covers it.</summary>
    public FieldError? PresentToCustomer(decimal presenterLimit, Actor by, string? reason, DateTimeOffset now)
    {
        if (Status == ComplaintStatus.ResolutionProposed && PlanTotal > presenterLimit)
        {
            return new FieldError(ApprovalRequired);
        }

        return Move(ComplaintTrigger.PresentToCustomer, by, reason, now);
    }

    public FieldError? CustomerAccepts(Actor by, string? note, DateTimeOffset now) =>
        Answer(ComplaintTrigger.CustomerAccepts, Complaints.CustomerResponse.Accepted, by, note, now);

    /// <summary>The complaint goes back to handling; the customer's reason is kept on the complaint and in the history.</summary>
    public FieldError? CustomerDeclines(Actor by, string reason, DateTimeOffset now) =>
        Answer(ComplaintTrigger.CustomerDeclines, Complaints.CustomerResponse.Declined, by, reason, now);

    public FieldError? RecordFinalDecision(Actor by, string reason, DateTimeOffset now) =>
        Answer(ComplaintTrigger.RecordFinalDecision, Complaints.CustomerResponse.FinalDecision, by, reason, now);

    /// <summary>
    /// Actions are carried out once the plan has gone to the customer. A re-repair is carried out by opening its
    /// repair order, which the action then names.
    /// </summary>
    public FieldError? MarkActionDone(Guid actionId, Actor by, string? note, DateTimeOffset now, ReRepairOrder? order = null)
    {
        if (CheckActionDone(actionId) is { } refusal)
        {
            return refusal;
        }

        var action = CurrentPlan.First(a => a.Id == actionId);
        if (action.Kind == ResolutionActionKind.ReRepair && order is null)
        {
            return new FieldError(ReRepairOrderRequired);
        }

        return action.MarkDone(by, Blank(note), action.Kind == ResolutionActionKind.ReRepair ? order : null, now) ? null : new FieldError(ActionAlreadyDone);
    }

    /// <summary>Why the action cannot be carried out now, or null: lets a re-repair be refused before its order is opened.</summary>
    public FieldError? CheckActionDone(Guid actionId)
    {
        if (IsClosed)
        {
            return new FieldError(ComplaintLifecycle.ClosedReadOnly);
        }

        var action = CurrentPlan.FirstOrDefault(a => a.Id == actionId);
        if (action is null)
        {
            return new FieldError(ActionUnknown, "ActionId");
        }

        if (Status is not (ComplaintStatus.AwaitingCustomer or ComplaintStatus.Resolved))
        {
            return new FieldError(PlanNotAgreed);
        }

        return action.IsDone ? new FieldError(ActionAlreadyDone) : null;
    }

    /// <summary>The kind of an action of the current plan, or null when there is none with that id.</summary>
    public ResolutionActionKind? KindOf(Guid actionId) => CurrentPlan.FirstOrDefault(a => a.Id == actionId)?.Kind;

    /// <summary>Closure (结案) after the service manager's review: every action done, the customer's answer recorded.</summary>
    /// <remarks>
    /// The review is a second person's (four-eyes): the specialist who handled the complaint does not close it. A
    /// systemic root cause needs a preventive action first (<see cref="CheckPrevention"/>).
    /// </remarks>
    public FieldError? Close(Actor reviewer, string reviewNote, DateTimeOffset now)
    {
        if (!IsClosed && FourEyes.Refuse(reviewer.UserId, AssignedSpecialistId, SelfReview) is { } samePerson)
        {
            return samePerson;
        }

        if (Status == ComplaintStatus.Resolved && CurrentPlan.Any(a => !a.IsDone))
        {
            return new FieldError(ActionsNotDone);
        }

        if (Status == ComplaintStatus.Resolved && CheckPrevention() is { } noPrevention)
        {
            return noPrevention;
        }

        var refusal = Move(ComplaintTrigger.Close, reviewer, reviewNote, now);
        if (refusal is null)
        {
            ReviewedById = reviewer.UserId;
            ClosedAt = now;
        }

        return refusal;
    }

    /// <summary>A new round on the same record: the earlier rounds' plan, answers and log stay as they were.</summary>
    public FieldError? Reopen(Actor by, string reason, DateTimeOffset now)
    {
        var refusal = Move(ComplaintTrigger.Reopen, by, reason, now);
        if (refusal is null)
        {
            Round++;
            PlanTotal = 0m;
            PlanSubmittedById = null;
            PlanApprovedById = null;
            PlanApprovedAt = null;
            CustomerResponse = null;
            CustomerResponseReason = null;
            ReviewedById = null;
            ClosedAt = null;
        }

        return refusal;
    }

    private FieldError? Answer(ComplaintTrigger trigger, CustomerResponse response, Actor by, string? reason, DateTimeOffset now)
    {
        var refusal = Move(trigger, by, reason, now);
        if (refusal is null)
        {
            CustomerResponse = response;
            CustomerResponseReason = Blank(reason);
        }

        return refusal;
    }
}

/// <summary>One step of a resolution plan, kept with the round and revision it was proposed in.</summary>
public sealed class ResolutionAction
{
    private ResolutionAction()
    {
    }

    public Guid Id { get; private set; }

    public Guid ComplaintId { get; private set; }

    public int Round { get; private set; }

    public int Revision { get; private set; }

    public ResolutionActionKind Kind { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public decimal? Amount { get; private set; }

    public bool IsDone { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    public string? DoneBy { get; private set; }

    public string? DoneNote { get; private set; }

    /// <summary>The repair order a re-repair opened when it was carried out.</summary>
    public Guid? RepairOrderId { get; private set; }

    public string? RepairOrderNumber { get; private set; }

    internal static ResolutionAction Plan(Guid complaintId, int round, int revision, ResolutionActionInput input, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ComplaintId = complaintId,
        Round = round,
        Revision = revision,
        Kind = input.Kind,
        Description = input.Description.Trim(),
        Amount = input.Amount is > 0 ? input.Amount : null,
    };

    internal bool MarkDone(Actor by, string? note, ReRepairOrder? order, DateTimeOffset now)
    {
        if (IsDone)
        {
            return false;
        }

        RepairOrderId = order?.Id;
        RepairOrderNumber = order?.Number;

        IsDone = true;
        DoneAt = now;
        DoneBy = by.UserName;
        DoneNote = note;
        return true;
    }
}

/// <summary>A line of the investigation log: a note, a contact with the customer and how it went, an on-site check, a reference to a record elsewhere, or a change of hands.</summary>
public sealed class ComplaintLogEntry
{
    private ComplaintLogEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid ComplaintId { get; private set; }

    public int Round { get; private set; }

    public ComplaintLogKind Kind { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public ContactOutcome? Outcome { get; private set; }

    /// <summary>The repair order, part or QC record concerned (text until those modules link), or whom an assignment went to.</summary>
    public string? Reference { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = string.Empty;

    internal static ComplaintLogEntry Write(Guid complaintId, int round, ComplaintLogKind kind, string text, ContactOutcome? outcome, string? reference, Actor by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ComplaintId = complaintId,
        Round = round,
        Kind = kind,
        Text = text.Trim(),
        Outcome = outcome,
        Reference = reference,
        At = now,
        UserId = by.UserId,
        UserName = by.UserName,
    };
}
