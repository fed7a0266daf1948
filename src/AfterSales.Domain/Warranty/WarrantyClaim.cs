using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Service;

namespace AfterSales.Domain.Warranty;

public enum ClaimStatus
{
    Draft,
    Submitted,
    Approved,
    Rejected,
    Paid,
    Closed,
}

public enum ClaimTrigger
{
    Edit,
    Submit,
    Approve,
    Reject,
    RecordPayment,
    Revise,
    DecideAfterRejection,
}

public enum ClaimLineKind
{
    Part,
    Labour,
}

/// <summary>A part or a labour operation claimed: quantity is pieces or hours; amount is quantity × unit price.</summary>
public sealed record ClaimLine(ClaimLineKind Kind, string Code, string Description, decimal Quantity, decimal UnitPrice)
{
    public const int CodeMaxLength = 40;
    public const int DescriptionMaxLength = 200;

    public decimal Amount => decimal.Round(Quantity * UnitPrice, 2, MidpointRounding.AwayFromZero);
}

public readonly record struct ClaimMove(ClaimStatus? To, string? RefusalCode)
{
    public bool IsAllowed => To is not null;

    internal static ClaimMove Allow(ClaimStatus to) => new(to, null);

    internal static ClaimMove Refuse(string code) => new(null, code);
}

/// <summary>The one transition table of a warranty claim, every state against every trigger (CS8509 keeps it complete).</summary>
public static class ClaimLifecycle
{
    public const string NotDraft = "claim.not_draft";
    public const string NotSubmitted = "claim.not_submitted";
    public const string NotApproved = "claim.not_approved";
    public const string NotRejected = "claim.not_rejected";
    public const string AlreadySubmitted = "claim.already_submitted";
    public const string AlreadyDecided = "claim.already_decided";
    public const string AlreadyPaid = "claim.already_paid";
    public const string ClosedReadOnly = "claim.closed_read_only";

    public static ClaimMove Decide(ClaimStatus state, ClaimTrigger trigger) => state switch
    {
        ClaimStatus.Draft => trigger switch
        {
            ClaimTrigger.Edit => ClaimMove.Allow(ClaimStatus.Draft),
            ClaimTrigger.Submit => ClaimMove.Allow(ClaimStatus.Submitted),
            ClaimTrigger.Approve or ClaimTrigger.Reject => ClaimMove.Refuse(NotSubmitted),
            ClaimTrigger.RecordPayment => ClaimMove.Refuse(NotApproved),
            ClaimTrigger.Revise or ClaimTrigger.DecideAfterRejection => ClaimMove.Refuse(NotRejected),
        },
        ClaimStatus.Submitted => trigger switch
        {
            ClaimTrigger.Edit or ClaimTrigger.Submit => ClaimMove.Refuse(AlreadySubmitted),
            ClaimTrigger.Approve => ClaimMove.Allow(ClaimStatus.Approved),
            ClaimTrigger.Reject => ClaimMove.Allow(ClaimStatus.Rejected),
            ClaimTrigger.RecordPayment => ClaimMove.Refuse(NotApproved),
            ClaimTrigger.Revise or ClaimTrigger.DecideAfterRejection => ClaimMove.Refuse(NotRejected),
        },
        ClaimStatus.Approved => trigger switch
        {
            ClaimTrigger.Edit or ClaimTrigger.Submit or ClaimTrigger.Approve or ClaimTrigger.Reject => ClaimMove.Refuse(AlreadyDecided),
            ClaimTrigger.RecordPayment => ClaimMove.Allow(ClaimStatus.Paid),
            ClaimTrigger.Revise or ClaimTrigger.DecideAfterRejection => ClaimMove.Refuse(NotRejected),
        },
        ClaimStatus.Rejected => trigger switch
        {
            ClaimTrigger.Edit or ClaimTrigger.Submit or ClaimTrigger.Approve or ClaimTrigger.Reject => ClaimMove.Refuse(AlreadyDecided),
            ClaimTrigger.RecordPayment => ClaimMove.Refuse(NotApproved),

            // Corrected and sent again, or given up with a recorded decision on who pays instead.
            ClaimTrigger.Revise => ClaimMove.Allow(ClaimStatus.Draft),
            ClaimTrigger.DecideAfterRejection => ClaimMove.Allow(ClaimStatus.Closed),
        },
        ClaimStatus.Paid => trigger switch
        {
            ClaimTrigger.Edit or ClaimTrigger.Submit or ClaimTrigger.Approve or ClaimTrigger.Reject
                or ClaimTrigger.RecordPayment or ClaimTrigger.Revise or ClaimTrigger.DecideAfterRejection => ClaimMove.Refuse(AlreadyPaid),
        },
        ClaimStatus.Closed => trigger switch
        {
            ClaimTrigger.Edit or ClaimTrigger.Submit or ClaimTrigger.Approve or ClaimTrigger.Reject
                or ClaimTrigger.RecordPayment or ClaimTrigger.Revise or ClaimTrigger.DecideAfterRejection => ClaimMove.Refuse(ClosedReadOnly),
        },
    };

    public static IReadOnlyList<ClaimTrigger> PermittedTriggers(ClaimStatus state) =>
        Enum.GetValues<ClaimTrigger>().Where(t => Decide(state, t).IsAllowed).ToList();
}

/// <summary>
/// A warranty claim to the manufacturer (索赔单) for one warranty job, numbered <c>SP-yyyy-NNNNNN</c>:
/// parts and labour, the old part's tag and shipment, and the manufacturer's answer. Moves only through
/// <see cref="ClaimLifecycle"/>; every move appends a history row.
/// </summary>
public sealed class WarrantyClaim
{
    public const int NumberLength = 14;
    public const int TextMaxLength = 1000;
    public const int ShortMaxLength = 60;
    public const int ReasonMaxLength = 500;

    private readonly List<ClaimStatusChange> _history = [];

    private WarrantyClaim()
    {
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public Guid StoreId { get; private set; }

    public Guid AssetId { get; private set; }

    /// <summary>Who the claim goes to: the asset's make or brand.</summary>
    public string Manufacturer { get; private set; } = string.Empty;

    public string JobKind { get; private set; } = string.Empty;

    public Guid JobId { get; private set; }

    public string JobNumber { get; private set; } = string.Empty;

    public ComponentGroup Group { get; private set; }

    public string FailureDescription { get; private set; } = string.Empty;

    public List<ClaimLine> Lines { get; private set; } = [];

    public string? OldPartTag { get; private set; }

    public string? ShipmentCarrier { get; private set; }

    public string? ShipmentTrackingNumber { get; private set; }

    public DateTimeOffset? ShippedAt { get; private set; }

    public ClaimStatus Status { get; private set; }

    public decimal ClaimedAmount { get; private set; }

    public decimal? ApprovedAmount { get; private set; }

    public decimal? PaidAmount { get; private set; }

    public string? ManufacturerReference { get; private set; }

    public string? RejectionReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>The decision on who pays after a rejection (goodwill or customer), once recorded.</summary>
    public Guid? FollowUpDecisionId { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ClaimStatusChange> History => _history;

    public IReadOnlyList<ClaimTrigger> PermittedTriggers => ClaimLifecycle.PermittedTriggers(Status);

    public JobReference Job => new(JobKind, JobId, JobNumber);

    public static string FormatNumber(int year, int sequence) => $"SP-{year:D4}-{sequence:D6}";

    public static WarrantyClaim Draft(string number, Guid storeId, Guid assetId, string manufacturer, JobReference job, ComponentGroup group, string failure, IEnumerable<ClaimLine> lines, string? oldPartTag, Actor by, DateTimeOffset now)
    {
        var claim = new WarrantyClaim
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            StoreId = storeId,
            AssetId = assetId,
            Manufacturer = manufacturer,
            JobKind = job.Kind.Trim(),
            JobId = job.Id,
            JobNumber = job.Number.Trim(),
            Status = ClaimStatus.Draft,
            CreatedAt = now,
        };
        claim.SetContent(group, failure, lines, oldPartTag);
        claim._history.Add(ClaimStatusChange.Record(claim.Id, 0, null, ClaimStatus.Draft, null, by, null, now));
        return claim;
    }

    public FieldError? Edit(ComponentGroup group, string failure, IEnumerable<ClaimLine> lines, string? oldPartTag) =>
        Gate(ClaimTrigger.Edit) ?? Apply(() => SetContent(group, failure, lines, oldPartTag));

    public FieldError? Submit(Actor by, DateTimeOffset now)
    {
        if (Gate(ClaimTrigger.Submit) is { } refused)
        {
            return refused;
        }

        if (Lines.Count == 0)
        {
            return new FieldError("claim.lines_required", nameof(Lines));
        }

        // The manufacturer pays for a replaced part only against the returned old part (旧件回运).
        if (Lines.Any(l => l.Kind == ClaimLineKind.Part) && OldPartTag is null)
        {
            return new FieldError("claim.old_part_tag_required", nameof(OldPartTag));
        }

        SubmittedAt = now;
        return Move(ClaimTrigger.Submit, by, null, now);
    }

    public FieldError? Approve(decimal amount, string? manufacturerReference, Actor by, DateTimeOffset now)
    {
        if (Gate(ClaimTrigger.Approve) is { } refused)
        {
            return refused;
        }

        if (amount <= 0 || amount > ClaimedAmount)
        {
            return new FieldError("claim.approved_amount_invalid", "Amount");
        }

        ApprovedAmount = amount;
        ManufacturerReference = Blank(manufacturerReference);
        DecidedAt = now;
        return Move(ClaimTrigger.Approve, by, null, now);
    }

    public FieldError? Reject(string reason, string? manufacturerReference, Actor by, DateTimeOffset now)
    {
        if (Gate(ClaimTrigger.Reject) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new FieldError("claim.rejection_reason_required", "Reason");
        }

        RejectionReason = reason.Trim();
        ManufacturerReference = Blank(manufacturerReference) ?? ManufacturerReference;
        DecidedAt = now;
        return Move(ClaimTrigger.Reject, by, RejectionReason, now);
    }

    public FieldError? RecordPayment(decimal amount, Actor by, DateTimeOffset now)
    {
        if (Gate(ClaimTrigger.RecordPayment) is { } refused)
        {
            return refused;
        }

        if (amount <= 0 || amount > ApprovedAmount)
        {
            return new FieldError("claim.paid_amount_invalid", "Amount");
        }

        PaidAmount = amount;
        PaidAt = now;
        return Move(ClaimTrigger.RecordPayment, by, null, now);
    }

    public FieldError? Revise(string? note, Actor by, DateTimeOffset now)
    {
        if (Gate(ClaimTrigger.Revise) is { } refused)
        {
            return refused;
        }

        ApprovedAmount = null;
        DecidedAt = null;
        SubmittedAt = null;
        return Move(ClaimTrigger.Revise, by, Blank(note), now);
    }

    /// <summary>The claim is given up and the job goes to goodwill or customer pay; <paramref name="decision"/> records it.</summary>
    public FieldError? DecideAfterRejection(WarrantyDecision decision, Actor by, DateTimeOffset now)
    {
        if (Gate(ClaimTrigger.DecideAfterRejection) is { } refused)
        {
            return refused;
        }

        if (decision.Chosen is not (PayType.Goodwill or PayType.Customer))
        {
            return new FieldError("claim.follow_up_pay_type_invalid", "PayType");
        }

        FollowUpDecisionId = decision.Id;
        return Move(ClaimTrigger.DecideAfterRejection, by, decision.Reason, now);
    }

    public FieldError? RecordShipment(string carrier, string trackingNumber, DateTimeOffset now)
    {
        if (Status is ClaimStatus.Paid or ClaimStatus.Closed)
        {
            return new FieldError(Status == ClaimStatus.Paid ? ClaimLifecycle.AlreadyPaid : ClaimLifecycle.ClosedReadOnly);
        }

        if (OldPartTag is null)
        {
            return new FieldError("claim.old_part_tag_required", nameof(OldPartTag));
        }

        ShipmentCarrier = carrier.Trim();
        ShipmentTrackingNumber = trackingNumber.Trim();
        ShippedAt = now;
        return null;
    }

    private void SetContent(ComponentGroup group, string failure, IEnumerable<ClaimLine> lines, string? oldPartTag)
    {
        Group = group;
        FailureDescription = failure.Trim();
        Lines = lines.Select(l => l with { Code = l.Code.Trim(), Description = l.Description.Trim() }).ToList();
        OldPartTag = Blank(oldPartTag);
        ClaimedAmount = Lines.Sum(l => l.Amount);
    }

    private FieldError? Gate(ClaimTrigger trigger) =>
        ClaimLifecycle.Decide(Status, trigger) is { IsAllowed: false } refused ? new FieldError(refused.RefusalCode!) : null;

    private static FieldError? Apply(Action action)
    {
        action();
        return null;
    }

    private FieldError? Move(ClaimTrigger trigger, Actor by, string? reason, DateTimeOffset now)
    {
        var from = Status;
        Status = ClaimLifecycle.Decide(Status, trigger).To!.Value;
        _history.Add(ClaimStatusChange.Record(Id, Version + 1, from, Status, trigger, by, reason, now));
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class ClaimStatusChange
{
    private ClaimStatusChange()
    {
    }

    public Guid Id { get; private set; }

    public Guid ClaimId { get; private set; }

    public int ClaimVersion { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = string.Empty;

    public ClaimStatus? From { get; private set; }

    public ClaimStatus To { get; private set; }

    public ClaimTrigger? Trigger { get; private set; }

    public string? Reason { get; private set; }

    internal static ClaimStatusChange Record(Guid claimId, int version, ClaimStatus? from, ClaimStatus to, ClaimTrigger? trigger, Actor by, string? reason, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ClaimId = claimId,
        ClaimVersion = version,
        At = now,
        UserId = by.UserId,
        UserName = by.UserName,
        From = from,
        To = to,
        Trigger = trigger,
        Reason = reason,
    };
}
