using AfterSales.Domain.Common;

namespace AfterSales.Domain.RepairOrders;

/// <summary>Why a technician stops a job. <see cref="Other"/> needs a note.</summary>
public enum PauseReason
{
    WaitingForParts,
    WaitingForApproval,
    EndOfShift,
    Other,
}

/// <summary>What happened to an old part (旧件) taken off in a job.</summary>
public enum OldPartDisposition
{
    KeptForCustomer,
    ReturnedForWarranty,
    Scrapped,
}

/// <summary>The customer's answer to a proposed extra job.</summary>
public enum ExtraWorkDecision
{
    Approved,
    Declined,
}

/// <summary>How the answer was given: signed in person, through the link sent to the customer, or covered by the amount the customer pre-approved.</summary>
public enum ExtraWorkChannel
{
    InPerson,
    RemoteLink,
    PreApproved,
}

/// <summary>
/// The technician's side of a repair order: clock sessions follow the job's moves (every move into
/// <see cref="RepairJobStatus.InProgress"/> opens one, every move out of it closes it), delays move the promised
/// time, findings become proposed extra jobs (增项) that the customer approves or declines, and old parts are recorded per job.
/// </summary>
public sealed partial class RepairOrder
{
    public const int FindingTextMaxLength = 1000;
    public const string PauseNoteRequired = "repair_job.pause_note_required";
    public const string DelayNotLater = "repair_order.delay_not_later";
    public const string FindingNotFound = "repair_job.finding_not_found";
    public const string FindingAlreadyProposed = "repair_job.finding_already_proposed";
    public const string OldPartQuantityInvalid = "repair_job.old_part_quantity_invalid";

    private readonly List<RepairJobClockSession> _clockSessions = [];
    private readonly List<RepairOrderDelay> _delays = [];
    private readonly List<JobFinding> _findings = [];
    private readonly List<ExtraWorkApproval> _extraWorkApprovals = [];
    private readonly List<OldPartRecord> _oldPartRecords = [];

    /// <summary>Every clock session of every job; loaded with the order.</summary>
    public IReadOnlyList<RepairJobClockSession> ClockSessions => _clockSessions;

    public IReadOnlyList<RepairOrderDelay> Delays => _delays;

    public IReadOnlyList<JobFinding> Findings => _findings;

    /// <summary>The evidence of each answer to an extra job: append-only, with the exact text approved.</summary>
    public IReadOnlyList<ExtraWorkApproval> ExtraWorkApprovals => _extraWorkApprovals;

    public IReadOnlyList<OldPartRecord> OldPartRecords => _oldPartRecords;

    /// <summary>Hours clocked on a job so far; an open session counts up to <paramref name="now"/>.</summary>
    public decimal ActualHours(Guid jobId, DateTimeOffset now) =>
        decimal.Round((decimal)_clockSessions.Where(s => s.RepairJobId == jobId).Sum(s => ((s.EndedAt ?? now) - s.StartedAt).TotalHours), 2, MidpointRounding.AwayFromZero);

    /// <summary>Pauses a job for a reason; <see cref="PauseReason.Other"/> needs a note. Closes the open clock session.</summary>
    public FieldError? PauseJob(Guid jobId, PauseReason reason, string? note, RepairOrderActor by, DateTimeOffset now)
    {
        if (reason == PauseReason.Other && string.IsNullOrWhiteSpace(note))
        {
            return new FieldError(PauseNoteRequired, "Note");
        }

        var text = string.IsNullOrWhiteSpace(note) ? reason.ToString() : $"{reason}: {note.Trim()}";
        return MoveJob(jobId, RepairJobTrigger.Pause, by, text.Length > ReasonMaxLength ? text[..ReasonMaxLength] : text, now);
    }

    /// <summary>The work will not be ready when promised: the new time replaces the promise and the delay is kept with its reason.</summary>
    public FieldError? ReportDelay(DateTimeOffset newPromisedAt, string reason, RepairOrderActor by, DateTimeOffset now)
    {
        if (!RepairOrderLifecycle.IsInWork(Status))
        {
            return new FieldError(Status == RepairOrderStatus.Cancelled ? RepairOrderLifecycle.Cancelled : NotInWork);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new FieldError(ReasonRequired, "Reason");
        }

        if (newPromisedAt <= now || (PromisedAt is { } promised && newPromisedAt <= promised))
        {
            return new FieldError(DelayNotLater, "NewPromisedAt");
        }

        _delays.Add(RepairOrderDelay.Record(Id, PromisedAt, newPromisedAt, reason.Trim(), by, now));
        PromisedAt = newPromisedAt;
        return null;
    }

    /// <summary>The technician reports something found while working (a worn part, a leak): the advisor may turn it into extra work.</summary>
    public FieldError? ReportFinding(Guid? jobId, string text, bool safetyCritical, RepairOrderActor by, DateTimeOffset now, out JobFinding? finding)
    {
        finding = null;
        if (!RepairOrderLifecycle.IsInWork(Status))
        {
            return new FieldError(Status == RepairOrderStatus.Cancelled ? RepairOrderLifecycle.Cancelled : NotInWork);
        }

        if (jobId is { } id && FindJob(id) is null)
        {
            return new FieldError(JobNotFound);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new FieldError("repair_job.finding_text_required", "Text");
        }

        finding = JobFinding.Record(Id, StoreId, jobId, text.Trim(), safetyCritical, by, now);
        _findings.Add(finding);
        return null;
    }

    /// <summary>
    /// The advisor prices a finding (or any extra work) as a new job waiting for the customer. If the amounts the customer
    /// pre-approved on the order still cover it, it is approved at once and that is recorded as the answer.
    /// </summary>
    public FieldError? ProposeExtraWork(JobInput input, bool safetyCritical, Guid? findingId, RepairOrderActor by, DateTimeOffset now, out RepairJob? proposed)
    {
        proposed = null;
        if (!RepairOrderLifecycle.IsInWork(Status))
        {
            return new FieldError(Status == RepairOrderStatus.Cancelled ? RepairOrderLifecycle.Cancelled : NotInWork);
        }

        if (_jobs.Count >= MaxJobs)
        {
            return new FieldError("repair_order.too_many_jobs", "Jobs");
        }

        if (JobFault.Check(input.Fault, input.Parts, "Job") is { } faultError)
        {
            return faultError;
        }

        JobFinding? finding = null;
        if (findingId is { } fid)
        {
            finding = _findings.FirstOrDefault(f => f.Id == fid);
            if (finding is null)
            {
                return new FieldError(FindingNotFound);
            }

            if (finding.ProposedJobId is not null)
            {
                return new FieldError(FindingAlreadyProposed);
            }
        }

        var job = RepairJob.Create(Id, now);
        job.Update(_jobs.Count == 0 ? 1 : _jobs.Max(j => j.Position) + 1, input with { Id = null }, LabourRate, now);
        job.ProposeAsExtraWork(safetyCritical || (finding?.SafetyCritical ?? false));
        _jobs.Add(job);
        finding?.ProposedAs(job.Id);
        proposed = job;

        var amount = job.LabourAmount + job.PartsAmount;
        var preApprovedSoFar = _extraWorkApprovals.Where(a => a.Channel == ExtraWorkChannel.PreApproved).Sum(a => a.Amount);
        if (ExtraWorkPreApprovedLimit is { } limit && preApprovedSoFar + amount <= limit)
        {
            return DecideExtraWork(job.Id, ExtraWorkDecision.Approved, ExtraWorkChannel.PreApproved, by.UserName, null, ExtraWorkSnapshot(job), null, by, now);
        }

        return null;
    }

    /// <summary>
    /// The customer's answer to a proposed job: approved (it becomes work) or declined (it stays on the order, and a
    /// safety-critical one is acknowledged at delivery). In person the customer signs; the approved text is kept as is.
    /// </summary>
    public FieldError? DecideExtraWork(Guid jobId, ExtraWorkDecision decision, ExtraWorkChannel channel, string signerName, byte[]? signaturePng, string snapshotJson, string? remoteAddress, RepairOrderActor by, DateTimeOffset now)
    {
        if (FindJob(jobId) is not { } job)
        {
            return new FieldError(JobNotFound);
        }

        if (channel == ExtraWorkChannel.InPerson && !IsPng(signaturePng))
        {
            return new FieldError("repair_order.signature_invalid", "Signature");
        }

        var amount = job.LabourAmount + job.PartsAmount;
        var refusal = MoveJob(jobId, decision == ExtraWorkDecision.Approved ? RepairJobTrigger.Approve : RepairJobTrigger.Decline, by, null, now);
        if (refusal is not null)
        {
            return refusal;
        }

        _extraWorkApprovals.Add(ExtraWorkApproval.Record(Id, jobId, decision, channel, signerName.Trim(), amount, signaturePng, snapshotJson, remoteAddress, by, now));
        return null;
    }

    /// <summary>The text of an extra job as the customer sees it, for the approval's evidence.</summary>
    public string ExtraWorkSnapshot(RepairJob job) => System.Text.Json.JsonSerializer.Serialize(new
    {
        Order = Number,
        job.Position,
        job.OperationCode,
        job.NameZh,
        job.NameEn,
        job.Hours,
        job.LabourRate,
        job.LabourAmount,
        Parts = job.Parts.Select(p => new { p.PartNumber, p.Name, p.Quantity, p.UnitPrice, p.Amount }),
        job.PartsAmount,
        job.SafetyCritical,
        TaxRate,
    });

    /// <summary>Records what happened to an old part of a job: kept for the customer, returned for warranty (with its claim, if any), or scrapped.</summary>
    public FieldError? RecordOldPart(Guid jobId, string description, decimal quantity, OldPartDisposition disposition, Guid? warrantyClaimId, string? note, RepairOrderActor by, DateTimeOffset now)
    {
        if (FindJob(jobId) is null)
        {
            return new FieldError(JobNotFound);
        }

        if (Status is RepairOrderStatus.Cancelled or RepairOrderStatus.Draft or RepairOrderStatus.AwaitingSignature)
        {
            return new FieldError(Status == RepairOrderStatus.Cancelled ? RepairOrderLifecycle.Cancelled : NotInWork);
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            return new FieldError("repair_job.old_part_description_required", "Description");
        }

        if (quantity <= 0 || quantity > MaxQuantity)
        {
            return new FieldError(OldPartQuantityInvalid, "Quantity");
        }

        _oldPartRecords.Add(OldPartRecord.Record(Id, jobId, description.Trim(), decimal.Round(quantity, 2, MidpointRounding.AwayFromZero), disposition,
            disposition == OldPartDisposition.ReturnedForWarranty ? warrantyClaimId : null, Blank(note), by, now));
        return null;
    }

    /// <summary>Called by every job move: a move into work opens a clock session, a move out of it closes the open one.</summary>
    partial void OnJobMoved(RepairJob job, RepairOrderActor by, DateTimeOffset now);

    partial void OnJobMoved(RepairJob job, RepairOrderActor by, DateTimeOffset now)
    {
        foreach (var open in _clockSessions.Where(s => s.RepairJobId == job.Id && s.EndedAt is null))
        {
            open.Close(now);
        }

        if (RepairJobLifecycle.AcceptsClocking(job.Status))
        {
            _clockSessions.Add(RepairJobClockSession.Open(Id, job.Id, job.TechnicianId ?? by.UserId, job.TechnicianName ?? by.UserName, now));
        }
    }
}

/// <summary>One stretch of work on a job (clock on → clock off).</summary>
public sealed class RepairJobClockSession
{
    private RepairJobClockSession()
    {
    }

    public Guid Id { get; private set; }

    public Guid RepairOrderId { get; private set; }

    public Guid RepairJobId { get; private set; }

    public Guid? TechnicianId { get; private set; }

    public string TechnicianName { get; private set; } = string.Empty;

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    internal static RepairJobClockSession Open(Guid orderId, Guid jobId, Guid? technicianId, string technicianName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RepairOrderId = orderId,
        RepairJobId = jobId,
        TechnicianId = technicianId,
        TechnicianName = technicianName,
        StartedAt = now,
    };

    internal void Close(DateTimeOffset now) => EndedAt = now < StartedAt ? StartedAt : now;
}

/// <summary>A reported delay: the promise before and after, why, who. Append-only.</summary>
public sealed class RepairOrderDelay
{
    private RepairOrderDelay()
    {
    }

    public Guid Id { get; private set; }

    public Guid RepairOrderId { get; private set; }

    public DateTimeOffset? PreviousPromisedAt { get; private set; }

    public DateTimeOffset NewPromisedAt { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public Guid? ReportedById { get; private set; }

    public string ReportedByName { get; private set; } = string.Empty;

    public DateTimeOffset ReportedAt { get; private set; }

    internal static RepairOrderDelay Record(Guid orderId, DateTimeOffset? previous, DateTimeOffset next, string reason, RepairOrderActor by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RepairOrderId = orderId,
        PreviousPromisedAt = previous,
        NewPromisedAt = next,
        Reason = reason,
        ReportedById = by.UserId,
        ReportedByName = by.UserName,
        ReportedAt = now,
    };
}

/// <summary>Something the technician found while working; the advisor may price it as a proposed extra job.</summary>
public sealed class JobFinding
{
    private JobFinding()
    {
    }

    public Guid Id { get; private set; }

    public Guid RepairOrderId { get; private set; }

    public Guid StoreId { get; private set; }

    public Guid? RepairJobId { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public bool SafetyCritical { get; private set; }

    public Guid? ReportedById { get; private set; }

    public string ReportedByName { get; private set; } = string.Empty;

    public DateTimeOffset ReportedAt { get; private set; }

    /// <summary>The extra job the advisor made of it.</summary>
    public Guid? ProposedJobId { get; private set; }

    internal static JobFinding Record(Guid orderId, Guid storeId, Guid? jobId, string text, bool safetyCritical, RepairOrderActor by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RepairOrderId = orderId,
        StoreId = storeId,
        RepairJobId = jobId,
        Text = text,
        SafetyCritical = safetyCritical,
        ReportedById = by.UserId,
        ReportedByName = by.UserName,
        ReportedAt = now,
    };

    internal void ProposedAs(Guid jobId) => ProposedJobId = jobId;
}

/// <summary>The evidence of the customer's answer to one extra job. Written once, never changed.</summary>
public sealed class ExtraWorkApproval
{
    private ExtraWorkApproval()
    {
    }

    public Guid Id { get; private set; }

    public Guid RepairOrderId { get; private set; }

    public Guid RepairJobId { get; private set; }

    public ExtraWorkDecision Decision { get; private set; }

    public ExtraWorkChannel Channel { get; private set; }

    public string SignerName { get; private set; } = string.Empty;

    /// <summary>The job's price (before tax) when it was answered.</summary>
    public decimal Amount { get; private set; }

    public byte[]? ImagePng { get; private set; }

    public string SnapshotJson { get; private set; } = string.Empty;

    public string SnapshotSha256 { get; private set; } = string.Empty;

    public string? RemoteAddress { get; private set; }

    public Guid? RecordedById { get; private set; }

    public string RecordedByName { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }

    internal static ExtraWorkApproval Record(Guid orderId, Guid jobId, ExtraWorkDecision decision, ExtraWorkChannel channel, string signerName, decimal amount, byte[]? png, string snapshotJson, string? remoteAddress, RepairOrderActor by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RepairOrderId = orderId,
        RepairJobId = jobId,
        Decision = decision,
        Channel = channel,
        SignerName = signerName,
        Amount = amount,
        ImagePng = png,
        SnapshotJson = snapshotJson,
        SnapshotSha256 = RepairOrder.Hash(snapshotJson),
        RemoteAddress = remoteAddress,
        RecordedById = by.UserId,
        RecordedByName = by.UserName,
        At = now,
    };
}

/// <summary>What happened to an old part of a job, who recorded it and when. Append-only: a later record supersedes an earlier one.</summary>
public sealed class OldPartRecord
{
    private OldPartRecord()
    {
    }

    public Guid Id { get; private set; }

    public Guid RepairOrderId { get; private set; }

    public Guid RepairJobId { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public decimal Quantity { get; private set; }

    public OldPartDisposition Disposition { get; private set; }

    public Guid? WarrantyClaimId { get; private set; }

    public string? Note { get; private set; }

    public Guid? RecordedById { get; private set; }

    public string RecordedByName { get; private set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; private set; }

    internal static OldPartRecord Record(Guid orderId, Guid jobId, string description, decimal quantity, OldPartDisposition disposition, Guid? claimId, string? note, RepairOrderActor by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RepairOrderId = orderId,
        RepairJobId = jobId,
        Description = description,
        Quantity = quantity,
        Disposition = disposition,
        WarrantyClaimId = claimId,
        Note = note,
        RecordedById = by.UserId,
        RecordedByName = by.UserName,
        RecordedAt = now,
    };
}
