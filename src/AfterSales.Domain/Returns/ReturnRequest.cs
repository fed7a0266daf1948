using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;

namespace AfterSales.Domain.Returns;

public enum ReturnKind
{
    Return,
    Exchange,
}

public enum ReturnStatus
{
    Requested,
    Inspected,
    Escalated,
    Resolved,
    Refused,
}

public enum ReturnTrigger
{
    Inspect,
    Resolve,
    Refuse,
    Escalate,
}

/// <summary>What the inspection found (检测结果).</summary>
public enum InspectionResult
{
    FaultConfirmed,
    NotAsDescribedConfirmed,
    NoFaultFound,
    DamagedByCustomer,
}

public enum ReturnOutcome
{
    Refund,
    Exchange,
    Repair,
}

public enum EscalationTarget
{
    Platform,
    Manager,
}

public enum CostBearer
{
    Seller,
    Buyer,
}

public readonly record struct ReturnMove(ReturnStatus? To, string? RefusalCode)
{
    public bool IsAllowed => To is not null;

    internal static ReturnMove Allow(ReturnStatus to) => new(to, null);

    internal static ReturnMove Refuse(string code) => new(null, code);
}

/// <summary>The transition table of a return or exchange request.</summary>
public static class ReturnLifecycle
{
    public const string AlreadyInspected = "return.already_inspected";
    public const string NotInspectedYet = "return.not_inspected_yet";
    public const string AlreadyEscalated = "return.already_escalated";
    public const string AlreadyDecided = "return.already_decided";

    public static ReturnMove Decide(ReturnStatus state, ReturnTrigger trigger) => state switch
    {
        ReturnStatus.Requested => trigger switch
        {
            ReturnTrigger.Inspect => ReturnMove.Allow(ReturnStatus.Inspected),
            ReturnTrigger.Resolve => ReturnMove.Refuse(NotInspectedYet),
            ReturnTrigger.Refuse => ReturnMove.Allow(ReturnStatus.Refused),
            ReturnTrigger.Escalate => ReturnMove.Allow(ReturnStatus.Escalated),
        },
        ReturnStatus.Inspected => trigger switch
        {
            ReturnTrigger.Inspect => ReturnMove.Refuse(AlreadyInspected),
            ReturnTrigger.Resolve => ReturnMove.Allow(ReturnStatus.Resolved),
            ReturnTrigger.Refuse => ReturnMove.Allow(ReturnStatus.Refused),
            ReturnTrigger.Escalate => ReturnMove.Allow(ReturnStatus.Escalated),
        },

        // The platform or the manager rules; the store carries the ruling out.
        ReturnStatus.Escalated => trigger switch
        {
            ReturnTrigger.Inspect => ReturnMove.Refuse(AlreadyEscalated),
            ReturnTrigger.Resolve => ReturnMove.Allow(ReturnStatus.Resolved),
            ReturnTrigger.Refuse => ReturnMove.Allow(ReturnStatus.Refused),
            ReturnTrigger.Escalate => ReturnMove.Refuse(AlreadyEscalated),
        },
        ReturnStatus.Resolved => trigger switch
        {
            ReturnTrigger.Inspect or ReturnTrigger.Resolve or ReturnTrigger.Refuse or ReturnTrigger.Escalate => ReturnMove.Refuse(AlreadyDecided),
        },

        // A customer who disagrees with a refusal may still escalate, once.
        ReturnStatus.Refused => trigger switch
        {
            ReturnTrigger.Inspect or ReturnTrigger.Resolve or ReturnTrigger.Refuse => ReturnMove.Refuse(AlreadyDecided),
            ReturnTrigger.Escalate => ReturnMove.Allow(ReturnStatus.Escalated),
        },
    };

    public static IReadOnlyList<ReturnTrigger> PermittedTriggers(ReturnStatus state) =>
        Enum.GetValues<ReturnTrigger>().Where(t => Decide(state, t).IsAllowed).ToList();

    /// <summary>
    /// Who bears the shipping (运费): the seller when the goods were faulty or not as described, the buyer when
    /// nothing was wrong or the buyer changed their mind (the seeds' freight-dispute rule).
    /// </summary>
    public static CostBearer ShippingBorneBy(ReturnReason reason, InspectionResult? inspection) => inspection switch
    {
        InspectionResult.FaultConfirmed or InspectionResult.NotAsDescribedConfirmed => CostBearer.Seller,
        InspectionResult.NoFaultFound or InspectionResult.DamagedByCustomer => CostBearer.Buyer,
        null => reason == ReturnReason.ChangedMind ? CostBearer.Buyer : CostBearer.Seller,
    };
}

/// <summary>
/// A return or exchange request (退换货申请) against a sale, numbered <c>TH-yyyy-NNNNNN</c>. Every step is
/// timed and appended to its history; escalation happens at most once per sale (a unique row per sale).
/// </summary>
public sealed class ReturnRequest
{
    public const int TextMaxLength = 1000;
    public const int EvidenceMaxItems = 10;
    public const int EvidenceMaxLength = 300;
    public const int NumberLength = 14;

    private readonly List<ReturnStep> _steps = [];

    private ReturnRequest()
    {
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public Guid StoreId { get; private set; }

    public Guid SaleId { get; private set; }

    public Guid CustomerId { get; private set; }

    public ReturnKind Kind { get; private set; }

    public ReturnReason Reason { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public List<string> Evidence { get; private set; } = [];

    public ReturnStatus Status { get; private set; }

    public InspectionResult? Inspection { get; private set; }

    public string? InspectionNotes { get; private set; }

    public ReturnOutcome? Outcome { get; private set; }

    public string? RefusalReason { get; private set; }

    public decimal? RefundAmount { get; private set; }

    public decimal ShippingCost { get; private set; }

    public CostBearer? ShippingBorneBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? InspectedAt { get; private set; }

    public DateTimeOffset? EscalatedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ReturnStep> Steps => _steps;

    public IReadOnlyList<ReturnTrigger> PermittedTriggers => ReturnLifecycle.PermittedTriggers(Status);

    public static string FormatNumber(int year, int sequence) => $"TH-{year:D4}-{sequence:D6}";

    public static ReturnRequest Open(string number, ProductSale sale, ReturnKind kind, ReturnReason reason, string description, IEnumerable<string> evidence, Actor by, DateTimeOffset now)
    {
        var request = new ReturnRequest
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            StoreId = sale.StoreId,
            SaleId = sale.Id,
            CustomerId = sale.CustomerId,
            Kind = kind,
            Reason = reason,
            Description = description.Trim(),
            Evidence = evidence.Select(e => e.Trim()).Where(e => e.Length > 0).ToList(),
            Status = ReturnStatus.Requested,
            RequestedAt = now,
        };
        request._steps.Add(ReturnStep.Record(request.Id, 0, null, ReturnStatus.Requested, null, by, null, now, now));
        return request;
    }

    public FieldError? Inspect(InspectionResult result, string? notes, Actor by, DateTimeOffset now)
    {
        if (Gate(ReturnTrigger.Inspect) is { } refused)
        {
            return refused;
        }

        Inspection = result;
        InspectionNotes = Blank(notes);
        InspectedAt = now;
        return Move(ReturnTrigger.Inspect, by, InspectionNotes, now);
    }

    public FieldError? Resolve(ReturnOutcome outcome, decimal? refundAmount, decimal shippingCost, decimal saleTotal, string? note, Actor by, DateTimeOffset now)
    {
        if (Gate(ReturnTrigger.Resolve) is { } refused)
        {
            return refused;
        }

        if (outcome == ReturnOutcome.Refund && (refundAmount is not { } amount || amount <= 0 || amount > saleTotal))
        {
            return new FieldError("return.refund_amount_invalid", "RefundAmount");
        }

        if (shippingCost < 0)
        {
            return new FieldError("return.shipping_cost_negative", "ShippingCost");
        }

        Outcome = outcome;
        RefundAmount = outcome == ReturnOutcome.Refund ? refundAmount : null;
        ShippingCost = shippingCost;
        ShippingBorneBy = ReturnLifecycle.ShippingBorneBy(Reason, Inspection);
        DecidedAt = now;
        return Move(ReturnTrigger.Resolve, by, Blank(note), now);
    }

    public FieldError? Refuse(string reason, decimal shippingCost, Actor by, DateTimeOffset now)
    {
        if (Gate(ReturnTrigger.Refuse) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new FieldError("return.refusal_reason_required", "Reason");
        }

        if (shippingCost < 0)
        {
            return new FieldError("return.shipping_cost_negative", "ShippingCost");
        }

        RefusalReason = reason.Trim();
        Outcome = null;
        RefundAmount = null;
        ShippingCost = shippingCost;
        ShippingBorneBy = CostBearer.Buyer;
        DecidedAt = now;
        return Move(ReturnTrigger.Refuse, by, RefusalReason, now);
    }

    public FieldError? Escalate(EscalationTarget target, string reason, Actor by, DateTimeOffset now)
    {
        if (Gate(ReturnTrigger.Escalate) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new FieldError("return.escalation_reason_required", "Reason");
        }

        EscalatedAt = now;
        return Move(ReturnTrigger.Escalate, by, $"{target}: {reason.Trim()}", now);
    }

    private FieldError? Gate(ReturnTrigger trigger) =>
        ReturnLifecycle.Decide(Status, trigger) is { IsAllowed: false } refused ? new FieldError(refused.RefusalCode!) : null;

    private FieldError? Move(ReturnTrigger trigger, Actor by, string? note, DateTimeOffset now)
    {
        var from = Status;
        var since = _steps.Count == 0 ? RequestedAt : _steps.Max(s => s.At);
        Status = ReturnLifecycle.Decide(Status, trigger).To!.Value;
        _steps.Add(ReturnStep.Record(Id, Version + 1, from, Status, trigger, by, note, now, since));
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>One step of a return: who moved it, when, and how long it had waited since the step before.</summary>
public sealed class ReturnStep
{
    private ReturnStep()
    {
    }

    public Guid Id { get; private set; }

    public Guid ReturnRequestId { get; private set; }

    public int RequestVersion { get; private set; }

    public DateTimeOffset At { get; private set; }

    public TimeSpan Waited { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = string.Empty;

    public ReturnStatus? From { get; private set; }

    public ReturnStatus To { get; private set; }

    public ReturnTrigger? Trigger { get; private set; }

    public string? Note { get; private set; }

    internal static ReturnStep Record(Guid requestId, int version, ReturnStatus? from, ReturnStatus to, ReturnTrigger? trigger, Actor by, string? note, DateTimeOffset now, DateTimeOffset since) => new()
    {
        Id = Guid.CreateVersion7(now),
        ReturnRequestId = requestId,
        RequestVersion = version,
        At = now,
        Waited = now - since,
        UserId = by.UserId,
        UserName = by.UserName,
        From = from,
        To = to,
        Trigger = trigger,
        Note = note,
    };
}
