using System.Security.Cryptography;
using System.Text;
using AfterSales.Domain.Common;
using AfterSales.Domain.Labour;
using AfterSales.Domain.Service;
using AfterSales.Domain.ThreeGuarantees;

namespace AfterSales.Domain.RepairOrders;

/// <summary>Who does something to a repair order, with the discount that person may give alone.</summary>
public sealed record RepairOrderActor(Guid? UserId, string UserName, decimal DiscountLimit = 0m);

/// <summary>What reception records when a customer arrives (接车): from an appointment or a walk-in; a complaint's re-repair names the complaint.</summary>
public sealed record RepairOrderOpening(Guid CustomerId, Guid AssetId, Guid? AppointmentId, string CustomerWords, Guid? AdvisorId, string AdvisorName, Guid? ComplaintId = null, string? ComplaintNumber = null);

/// <summary>
/// A repair order (任务委托书) with its number <c>RO-yyyyMMdd-NNNN</c>. The jobs are entities of their own
/// so the workshop can later give each a state, technicians and clock sessions without touching the order's
/// shape. The labour and tax rates are copied from the store at opening: a price change later does not
/// change an order already in front of the customer. The status moves only through
/// <see cref="RepairOrderLifecycle"/>, every move appends a <see cref="RepairOrderStatusChange"/>, and every
/// signature keeps the exact text it signed (<see cref="RepairOrderSignature"/>).
/// </summary>
public sealed partial class RepairOrder
{
    public const int NumberLength = 16;
    public const int CustomerWordsMaxLength = 2000;
    public const int ReasonMaxLength = 500;
    public const int MaxJobs = 50;
    public const int MaxPartsPerJob = 50;
    public const int JobNoteMaxLength = 500;
    public const int PartNumberMaxLength = 40;
    public const int PartNameMaxLength = 100;
    public const int SignerNameMaxLength = 50;
    public const int MaxSignatureBytes = 256 * 1024;
    public const decimal MaxQuantity = 10_000m;
    public const decimal MaxUnitPrice = 1_000_000m;

    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly List<RepairJob> _jobs = [];
    private readonly List<DamageMark> _damageMarks = [];
    private readonly List<RepairOrderStatusChange> _history = [];
    private readonly List<RepairOrderSignature> _signatures = [];
    private readonly List<RepairJobStatusChange> _jobHistory = [];

    private RepairOrder()
    {
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public Guid StoreId { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid AssetId { get; private set; }

    public Guid? AppointmentId { get; private set; }

    /// <summary>The complaint whose re-repair this order is (投诉返修): follow-ups classify it as a complaint re-repair.</summary>
    public Guid? ComplaintId { get; private set; }

    public string? ComplaintNumber { get; private set; }

    public Guid? AdvisorId { get; private set; }

    public string AdvisorName { get; private set; } = string.Empty;

    /// <summary>The fault or need in the customer's own words (客户描述).</summary>
    public string CustomerWords { get; private set; } = string.Empty;

    public RepairOrderStatus Status { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public decimal LabourRate { get; private set; }

    public decimal TaxRate { get; private set; }

    public decimal DiscountPercent { get; private set; }

    public string? DiscountReason { get; private set; }

    public Guid? DiscountApprovedById { get; private set; }

    public string? DiscountApprovedByName { get; private set; }

    public DateTimeOffset? DiscountApprovedAt { get; private set; }

    public DateTimeOffset? PromisedAt { get; private set; }

    public PaymentMethod PaymentMethod { get; private set; }

    public OldPartsHandling OldParts { get; private set; }

    public bool FreeWash { get; private set; }

    /// <summary>Extra work up to this amount may be done without asking again; null means every extra job needs the customer's approval.</summary>
    public decimal? ExtraWorkPreApprovedLimit { get; private set; }

    public DateTimeOffset? CheckedInAt { get; private set; }

    public string? CheckedInBy { get; private set; }

    public int? MileageKm { get; private set; }

    /// <summary>Fuel level, or charge level for an EV, in percent.</summary>
    public int? EnergyLevelPercent { get; private set; }

    public string? Valuables { get; private set; }

    public bool? SpareTyrePresent { get; private set; }

    public bool? ToolsPresent { get; private set; }

    public bool CoversFitted { get; private set; }

    public string? ConditionNotes { get; private set; }

    public IReadOnlyList<DamageMark> DamageMarks => _damageMarks;

    /// <summary>The signature the order currently stands on; null while unsigned or after a reopening.</summary>
    public Guid? CurrentSignatureId { get; private set; }

    public string? CancelReason { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<RepairJob> Jobs => _jobs;

    public IReadOnlyList<RepairOrderStatusChange> History => _history;

    public IReadOnlyList<RepairOrderSignature> Signatures => _signatures;

    public IReadOnlyList<RepairOrderTrigger> PermittedTriggers => RepairOrderLifecycle.PermittedTriggers(Status);

    public bool IsEditable => RepairOrderLifecycle.IsEditable(Status);

    public bool IsCheckedIn => CheckedInAt is not null;

    /// <summary>A discount above the limit of whoever set it, and nobody with a high enough limit has approved it yet.</summary>
    public bool DiscountNeedsApproval => DiscountPercent > 0 && DiscountApprovedAt is null;

    /// <summary>The totals of the agreed work: proposed and declined extra jobs are not charged.</summary>
    public RepairOrderTotals Totals => RepairOrderTotals.Of(this);

    /// <summary>An agreed job whose pay type is still "pending decision": it cannot be billed to anyone yet.</summary>
    public bool HasPendingPayType => _jobs.Any(j => j.IsAgreed && j.PayType == PayType.PendingDecision);

    public static string FormatNumber(DateOnly day, int sequence) => $"RO-{day:yyyyMMdd}-{sequence:D4}";

    public static RepairOrder Open(string number, Guid storeId, RepairOrderOpening opening, decimal labourRate, decimal taxRate, RepairOrderActor by, DateTimeOffset now)
    {
        var order = new RepairOrder
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            StoreId = storeId,
            CustomerId = opening.CustomerId,
            AssetId = opening.AssetId,
            AppointmentId = opening.AppointmentId,
            ComplaintId = opening.ComplaintId,
            ComplaintNumber = opening.ComplaintNumber,
            AdvisorId = opening.AdvisorId,
            AdvisorName = opening.AdvisorName,
            CustomerWords = opening.CustomerWords.Trim(),
            Status = RepairOrderStatus.Draft,
            OpenedAt = now,
            LabourRate = labourRate,
            TaxRate = taxRate,
            PaymentMethod = PaymentMethod.WeChatPay,
            OldParts = OldPartsHandling.CustomerTakes,
        };
        order._history.Add(RepairOrderStatusChange.Record(order.Id, 0, null, RepairOrderStatus.Draft, null, by, null, now));
        return order;
    }

    /// <summary>Records the walk-around; only on a draft, so a signed order keeps the inspection it was signed with.</summary>
    public FieldError? RecordCheckIn(CheckInDetails details, RepairOrderActor by, DateTimeOffset now)
    {
        if (!IsEditable)
        {
            return new FieldError(EditRefusal());
        }

        CheckedInAt = now;
        CheckedInBy = by.UserName;
        MileageKm = details.MileageKm;
        EnergyLevelPercent = details.EnergyLevelPercent;
        Valuables = Blank(details.Valuables);
        SpareTyrePresent = details.SpareTyrePresent;
        ToolsPresent = details.ToolsPresent;
        CoversFitted = details.CoversFitted;
        ConditionNotes = Blank(details.ConditionNotes);
        _damageMarks.Clear();
        _damageMarks.AddRange(details.DamageMarks.Select(m => m with { Note = Blank(m.Note) }));
        return null;
    }

    /// <summary>
    /// Replaces what the customer will sign. Jobs named by id keep their identity. A changed discount is
    /// approved at once if it is within the editor's own limit, otherwise it waits for someone whose limit covers it.
    /// </summary>
    /// <summary>
    /// A recorded pay-type decision (保修判定) sets who pays for the job, also after the signature: the per-pay-type totals
    /// change and a higher customer amount needs the customer's approval at settlement. Not on a delivered or cancelled order;
    /// the caller refuses it once the settlement is closed.
    /// </summary>
    public FieldError? DecidePayType(Guid jobId, PayType payType)
    {
        if (Status is RepairOrderStatus.Delivered or RepairOrderStatus.Cancelled)
        {
            return new FieldError(Status == RepairOrderStatus.Delivered ? RepairOrderLifecycle.Delivered : RepairOrderLifecycle.Cancelled);
        }

        if (_jobs.FirstOrDefault(j => j.Id == jobId) is not { } job)
        {
            return new FieldError("common.not_found");
        }

        job.SetPayType(payType);
        return null;
    }

    public FieldError? Revise(RepairOrderContent content, RepairOrderActor by, DateTimeOffset now)
    {
        if (!IsEditable)
        {
            return new FieldError(EditRefusal());
        }

        CustomerWords = content.CustomerWords.Trim();
        PromisedAt = content.PromisedAt;
        PaymentMethod = content.PaymentMethod;
        OldParts = content.OldParts;
        FreeWash = content.FreeWash;
        ExtraWorkPreApprovedLimit = content.ExtraWorkPreApprovedLimit is { } limit ? Amounts.Round(limit) : null;
        DiscountReason = Blank(content.DiscountReason);
        var percent = decimal.Round(content.DiscountPercent, 2, MidpointRounding.AwayFromZero);
        if (percent != DiscountPercent)
        {
            DiscountPercent = percent;
            if (percent > 0 && percent <= by.DiscountLimit)
            {
                ApproveDiscountAs(by, now);
            }
            else
            {
                DiscountApprovedById = null;
                DiscountApprovedByName = null;
                DiscountApprovedAt = null;
            }
        }

        for (var i = 0; i < content.Jobs.Count; i++)
        {
            if (JobFault.Check(content.Jobs[i].Fault, content.Jobs[i].Parts, $"Jobs[{i}]") is { } faultError)
            {
                return faultError;
            }
        }

        var existing = _jobs.ToDictionary(j => j.Id);
        var kept = new List<RepairJob>();
        for (var i = 0; i < content.Jobs.Count; i++)
        {
            var input = content.Jobs[i];
            var job = input.Id is { } id && existing.TryGetValue(id, out var known) ? known : RepairJob.Create(Id, now);
            job.Update(i + 1, input, LabourRate, now);
            kept.Add(job);
        }

        _jobs.Clear();
        _jobs.AddRange(kept);
        return null;
    }

    /// <summary>Approves a pending discount; the approver's own limit must cover it.</summary>
    public FieldError? ApproveDiscount(RepairOrderActor by, DateTimeOffset now)
    {
        if (!IsEditable)
        {
            return new FieldError(EditRefusal());
        }

        if (!DiscountNeedsApproval)
        {
            return new FieldError("repair_order.no_discount_to_approve");
        }

        if (by.DiscountLimit < DiscountPercent)
        {
            return new FieldError("repair_order.discount_above_your_limit");
        }

        ApproveDiscountAs(by, now);
        return null;
    }

    public FieldError? SubmitForSignature(RepairOrderActor by, string? reason, DateTimeOffset now)
    {
        var move = RepairOrderLifecycle.Decide(Status, RepairOrderTrigger.SubmitForSignature);
        if (move.IsAllowed)
        {
            if (_jobs.Count == 0)
            {
                return new FieldError("repair_order.no_jobs");
            }

            if (!IsCheckedIn)
            {
                return new FieldError("repair_order.not_checked_in");
            }

            if (DiscountNeedsApproval)
            {
                return new FieldError("repair_order.discount_needs_approval");
            }
        }

        return Move(RepairOrderTrigger.SubmitForSignature, by, reason, now);
    }

    /// <summary>
    /// The customer signs the order as it stands: the PNG and the snapshot (the order's text as JSON, with its
    /// SHA-256) are kept together and never change.
    /// </summary>
    public FieldError? Sign(string signerName, SignatureChannel channel, byte[]? signaturePng, string snapshotJson, string? remoteAddress, RepairOrderActor by, DateTimeOffset now)
    {
        if (channel == SignatureChannel.InPerson && !IsPng(signaturePng))
        {
            return new FieldError("repair_order.signature_invalid", "Signature");
        }

        var orderVersion = Version;
        var refusal = Move(RepairOrderTrigger.Sign, by, null, now);
        if (refusal is not null)
        {
            return refusal;
        }

        var signature = RepairOrderSignature.Record(Id, orderVersion, channel, signerName.Trim(), signaturePng, snapshotJson, remoteAddress, by, now);
        _signatures.Add(signature);
        CurrentSignatureId = signature.Id;
        return null;
    }

    /// <summary>Back to draft for a change; the old signature stays on file but no longer stands for the order.</summary>
    public FieldError? Reopen(RepairOrderActor by, string? reason, DateTimeOffset now)
    {
        var refusal = Move(RepairOrderTrigger.Reopen, by, reason, now);
        if (refusal is null)
        {
            CurrentSignatureId = null;
        }

        return refusal;
    }

    public FieldError? Cancel(RepairOrderActor by, string reason, DateTimeOffset now)
    {
        var refusal = Move(RepairOrderTrigger.Cancel, by, reason, now);
        if (refusal is null)
        {
            CancelReason = reason.Trim();
        }

        return refusal;
    }

    public static bool IsPng(byte[]? bytes) =>
        bytes is { Length: > 8 and <= MaxSignatureBytes } && bytes.AsSpan(0, PngMagic.Length).SequenceEqual(PngMagic);

    public static string Hash(string snapshotJson) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(snapshotJson)));

    private string EditRefusal() => Status == RepairOrderStatus.Cancelled ? RepairOrderLifecycle.Cancelled : RepairOrderLifecycle.NotEditable;

    private void ApproveDiscountAs(RepairOrderActor by, DateTimeOffset now)
    {
        DiscountApprovedById = by.UserId;
        DiscountApprovedByName = by.UserName;
        DiscountApprovedAt = now;
    }

    private FieldError? Move(RepairOrderTrigger trigger, RepairOrderActor by, string? reason, DateTimeOffset now)
    {
        var move = RepairOrderLifecycle.Decide(Status, trigger);
        if (move.To is not { } to)
        {
            return new FieldError(move.RefusalCode!);
        }

        // The save that stores this move bumps the version by one: the row records the version it produced.
        _history.Add(RepairOrderStatusChange.Record(Id, Version + 1, Status, to, trigger, by, Blank(reason), now));
        Status = to;
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// One job of a repair order (维修项目): a labour operation charged at standard hours × the order's rate, and
/// its parts, with who pays. Its workshop state moves through <see cref="RepairJobLifecycle"/> (see RepairOrder.Workshop.cs).
/// </summary>
public sealed partial class RepairJob
{
    private readonly List<RepairJobPart> _parts = [];

    private RepairJob()
    {
    }

    public Guid Id { get; private set; }

    public Guid RepairOrderId { get; private set; }

    public int Position { get; private set; }

    public Guid? LabourOperationId { get; private set; }

    public string OperationCode { get; private set; } = string.Empty;

    public string NameZh { get; private set; } = string.Empty;

    public string NameEn { get; private set; } = string.Empty;

    public WorkshopSkill Skill { get; private set; }

    public decimal Hours { get; private set; }

    public decimal LabourRate { get; private set; }

    public PayType PayType { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The system the job repairs; null when the job records no fault (a service, an accessory).</summary>
    public FaultSystem? FaultSystem { get; private set; }

    public string? FaultCode { get; private set; }

    public bool QualityProblem { get; private set; }

    public bool SeriousSafetyFault { get; private set; }

    public EarlySeriousFault? EarlyFault { get; private set; }

    public JobFault? Fault => FaultSystem is { } system ? new JobFault(system, FaultCode ?? string.Empty, QualityProblem, SeriousSafetyFault, EarlyFault) : null;

    /// <summary>
    /// A job that belongs in the 三包 ledger: an agreed job paid under warranty or goodwill, or one the advisor marked a
    /// quality problem whoever pays.
    /// </summary>
    public bool IsQualityRepair => IsAgreed && (PayType is PayType.Warranty or PayType.Goodwill || QualityProblem);

    public IReadOnlyList<RepairJobPart> Parts => _parts;

    public decimal LabourAmount => RepairOrderTotals.LabourAmount(Hours, LabourRate);

    public decimal PartsAmount => _parts.Sum(p => p.Amount);

    internal static RepairJob Create(Guid repairOrderId, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), RepairOrderId = repairOrderId, Status = RepairJobStatus.Pending };

    internal void SetPayType(PayType payType) => PayType = payType;

    internal void Update(int position, JobInput input, decimal labourRate, DateTimeOffset now)
    {
        Position = position;
        LabourOperationId = input.LabourOperationId;
        OperationCode = input.OperationCode.Trim().ToUpperInvariant();
        NameZh = input.NameZh.Trim();
        NameEn = input.NameEn.Trim();
        Skill = input.Skill;
        Hours = decimal.Round(input.Hours, 2, MidpointRounding.AwayFromZero);
        LabourRate = labourRate;
        PayType = input.PayType;
        Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        SetFault(input.Fault);
        _parts.Clear();
        _parts.AddRange(input.Parts.Select((p, i) => RepairJobPart.Create(Id, i + 1, p, now)));
    }

    /// <summary>The fault and the main-component marks of the part lines (in position order), checked by the caller.</summary>
    internal void RecordFault(JobFault? fault, IReadOnlyList<MainComponentMark> marks)
    {
        SetFault(fault);
        var ordered = _parts.OrderBy(p => p.Position).ToList();
        for (var k = 0; k < ordered.Count; k++)
        {
            ordered[k].Mark(marks[k]);
        }
    }

    private void SetFault(JobFault? fault)
    {
        FaultSystem = fault?.System;
        FaultCode = fault?.FaultCode.Trim().ToUpperInvariant();
        QualityProblem = fault?.QualityProblem ?? false;
        SeriousSafetyFault = fault?.SeriousSafetyFault ?? false;
        EarlyFault = fault?.EarlyFault;
    }
}

/// <summary>A part line of a job, priced as the catalogue priced it when the line was written.</summary>
public sealed class RepairJobPart
{
    private RepairJobPart()
    {
    }

    public Guid Id { get; private set; }

    public Guid RepairJobId { get; private set; }

    public int Position { get; private set; }

    public Guid? PartId { get; private set; }

    public string PartNumber { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public decimal Quantity { get; private set; }

    public decimal UnitPrice { get; private set; }

    /// <summary>The system this part is a main component of, for the 三包 count of replaced components; null for other parts.</summary>
    public FaultSystem? MainComponentOf { get; private set; }

    /// <summary>The part is the whole assembly (总成), not a part of it.</summary>
    public bool WholeAssembly { get; private set; }

    public decimal Amount => RepairOrderTotals.PartAmount(Quantity, UnitPrice);

    internal static RepairJobPart Create(Guid jobId, int position, PartLineInput input, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RepairJobId = jobId,
        Position = position,
        PartId = input.PartId,
        PartNumber = input.PartNumber.Trim().ToUpperInvariant(),
        Name = input.Name.Trim(),
        Quantity = decimal.Round(input.Quantity, 2, MidpointRounding.AwayFromZero),
        UnitPrice = Amounts.Round(input.UnitPrice),
        MainComponentOf = input.MainComponentOf,
        WholeAssembly = input.MainComponentOf is not null && input.WholeAssembly,
    };

    internal void Mark(MainComponentMark mark)
    {
        MainComponentOf = mark.MainComponentOf;
        WholeAssembly = mark.MainComponentOf is not null && mark.WholeAssembly;
    }
}

/// <summary>
/// The evidence of one approval of the order: who signed, when, through which channel, the signature image,
/// and the exact text signed (JSON) with its SHA-256. Written once, never changed.
/// </summary>
public sealed class RepairOrderSignature
{
    private RepairOrderSignature()
    {
    }

    public Guid Id { get; private set; }

    public Guid RepairOrderId { get; private set; }

    /// <summary>The order's version that was signed.</summary>
    public int OrderVersion { get; private set; }

    public SignatureChannel Channel { get; private set; }

    public string SignerName { get; private set; } = string.Empty;

    public DateTimeOffset SignedAt { get; private set; }

    public Guid? RecordedById { get; private set; }

    public string RecordedByName { get; private set; } = string.Empty;

    public byte[]? ImagePng { get; private set; }

    public string SnapshotJson { get; private set; } = string.Empty;

    public string SnapshotSha256 { get; private set; } = string.Empty;

    /// <summary>The network address a remote approval came from.</summary>
    public string? RemoteAddress { get; private set; }

    /// <summary>Whether the stored snapshot still matches the hash taken when it was signed.</summary>
    public bool IsIntact => RepairOrder.Hash(SnapshotJson) == SnapshotSha256;

    internal static RepairOrderSignature Record(Guid orderId, int orderVersion, SignatureChannel channel, string signerName, byte[]? png, string snapshotJson, string? remoteAddress, RepairOrderActor by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RepairOrderId = orderId,
        OrderVersion = orderVersion,
        Channel = channel,
        SignerName = signerName,
        SignedAt = now,
        RecordedById = by.UserId,
        RecordedByName = by.UserName,
        ImagePng = png,
        SnapshotJson = snapshotJson,
        SnapshotSha256 = RepairOrder.Hash(snapshotJson),
        RemoteAddress = remoteAddress,
    };
}

/// <summary>One move of a repair order's status: who, when, from, to, why.</summary>
public sealed class RepairOrderStatusChange
{
    private RepairOrderStatusChange()
    {
    }

    public Guid Id { get; private set; }

    public Guid RepairOrderId { get; private set; }

    /// <summary>The order's version after this move (0 for the opening).</summary>
    public int OrderVersion { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = string.Empty;

    public RepairOrderStatus? From { get; private set; }

    public RepairOrderStatus To { get; private set; }

    public RepairOrderTrigger? Trigger { get; private set; }

    public string? Reason { get; private set; }

    internal static RepairOrderStatusChange Record(Guid orderId, int orderVersion, RepairOrderStatus? from, RepairOrderStatus to, RepairOrderTrigger? trigger, RepairOrderActor by, string? reason, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RepairOrderId = orderId,
        OrderVersion = orderVersion,
        At = now,
        UserId = by.UserId,
        UserName = by.UserName,
        From = from,
        To = to,
        Trigger = trigger,
        Reason = reason,
    };
}
