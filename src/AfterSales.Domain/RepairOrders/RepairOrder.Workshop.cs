using AfterSales.Domain.Common;

namespace AfterSales.Domain.RepairOrders;

/// <summary>
/// The workshop side of a repair order: jobs move through <see cref="RepairJobLifecycle"/>, and the order follows
/// its jobs through <see cref="RepairOrderLifecycle"/> so that it cannot skip a step: the first job started puts a
/// signed order in the workshop, the last agreed job checked sends it to final inspection, and a job sent back
/// for rework from final inspection puts the order back in the workshop.
/// </summary>
public sealed partial class RepairOrder
{
    public const string JobNotFound = "repair_job.not_found";
    public const string NotInWork = "repair_order.not_in_work";
    public const string ReasonRequired = "repair_job.reason_required";
    public const string TechnicianRequired = "repair_job.technician_required";

    /// <summary>Every move of every job, oldest first.</summary>
    public IReadOnlyList<RepairJobStatusChange> JobHistory => _jobHistory;

    /// <summary>How many times a job of this order was sent back for rework (返工).</summary>
    public int ReworkCount { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>When the customer prefers the follow-up call (回访), recorded at delivery; in the store's time zone.</summary>
    public TimeOnly? FollowUpPreferredFrom { get; private set; }

    public TimeOnly? FollowUpPreferredTo { get; private set; }

    public RepairJob? FindJob(Guid jobId) => _jobs.FirstOrDefault(j => j.Id == jobId);

    /// <summary>Assigns a job to a technician; on an assigned or paused job this is a reassignment and needs a reason.</summary>
    public FieldError? AssignJob(Guid jobId, Guid technicianId, string technicianName, RepairOrderActor by, string? reason, DateTimeOffset now)
    {
        if (FindJob(jobId) is not { } job)
        {
            return new FieldError(JobNotFound);
        }

        if (string.IsNullOrWhiteSpace(technicianName))
        {
            return new FieldError(TechnicianRequired, "TechnicianId");
        }

        var reassigning = job.TechnicianId is not null && job.Status is RepairJobStatus.Assigned or RepairJobStatus.Paused;
        if (reassigning && string.IsNullOrWhiteSpace(reason))
        {
            return new FieldError(ReasonRequired, "Reason");
        }

        return MoveJob(job, RepairJobTrigger.Assign, by, reason, now, j => j.AssignTo(technicianId, technicianName.Trim()));
    }

    /// <summary>
    /// Any other move of a job. Pausing and rework need a reason. The caller checks the preconditions that live in
    /// other records (a passed self-check before <see cref="RepairJobTrigger.Finish"/>, the customer's approval before
    /// <see cref="RepairJobTrigger.Approve"/>).
    /// </summary>
    public FieldError? MoveJob(Guid jobId, RepairJobTrigger trigger, RepairOrderActor by, string? reason, DateTimeOffset now)
    {
        if (trigger == RepairJobTrigger.Assign)
        {
            throw new ArgumentException("Use AssignJob to assign a job.", nameof(trigger));
        }

        if (FindJob(jobId) is not { } job)
        {
            return new FieldError(JobNotFound);
        }

        if (trigger is RepairJobTrigger.Pause or RepairJobTrigger.Rework && string.IsNullOrWhiteSpace(reason))
        {
            return new FieldError(ReasonRequired, "Reason");
        }

        return MoveJob(job, trigger, by, reason, now, null);
    }

    /// <summary>QC's final inspection (终检) passed: the order goes to handover.</summary>
    public FieldError? PassFinalInspection(RepairOrderActor by, string? note, DateTimeOffset now) =>
        Move(RepairOrderTrigger.PassFinalInspection, by, note, now);

    /// <summary>The internal handover is complete and the customer is told the order is ready.</summary>
    public FieldError? MarkReady(RepairOrderActor by, string? note, DateTimeOffset now) =>
        Move(RepairOrderTrigger.MarkReady, by, note, now);

    /// <summary>The customer drove away; the preferred time for the follow-up call is kept for the follow-up tasks.</summary>
    public FieldError? Deliver(TimeOnly? followUpFrom, TimeOnly? followUpTo, RepairOrderActor by, DateTimeOffset now)
    {
        if (followUpFrom is { } from && followUpTo is { } to && to <= from)
        {
            return new FieldError("repair_order.follow_up_window_invalid", "FollowUpPreferredTo");
        }

        var refusal = Move(RepairOrderTrigger.Deliver, by, null, now);
        if (refusal is null)
        {
            DeliveredAt = now;
            FollowUpPreferredFrom = followUpFrom;
            FollowUpPreferredTo = followUpTo;
        }

        return refusal;
    }

    private FieldError? MoveJob(RepairJob job, RepairJobTrigger trigger, RepairOrderActor by, string? reason, DateTimeOffset now, Action<RepairJob>? apply)
    {
        if (!RepairOrderLifecycle.IsInWork(Status))
        {
            return new FieldError(Status == RepairOrderStatus.Cancelled ? RepairOrderLifecycle.Cancelled : NotInWork);
        }

        var move = RepairJobLifecycle.Decide(job.Status, trigger);
        if (move.To is not { } to)
        {
            return new FieldError(move.RefusalCode!);
        }

        // Rework from final inspection is QC's failure of the order; before that the order is still in the workshop.
        if (trigger == RepairJobTrigger.Rework && Status == RepairOrderStatus.FinalInspection
            && Move(RepairOrderTrigger.FailFinalInspection, by, reason, now) is { } orderRefusal)
        {
            return orderRefusal;
        }

        _jobHistory.Add(RepairJobStatusChange.Record(Id, job.Id, job.Status, to, trigger, by, Blank(reason), now));
        job.MoveTo(to, Blank(reason));
        apply?.Invoke(job);
        OnJobMoved(job, by, now);
        if (trigger == RepairJobTrigger.Rework)
        {
            ReworkCount++;
        }

        if (trigger is RepairJobTrigger.Start or RepairJobTrigger.Resume && Status == RepairOrderStatus.Signed)
        {
            Move(RepairOrderTrigger.StartWork, by, null, now);
        }

        // The work is complete when every agreed job is checked and no extra job waits for the customer's answer.
        if (Status == RepairOrderStatus.InWorkshop
            && _jobs.All(j => j.Status is RepairJobStatus.Checked or RepairJobStatus.Declined)
            && _jobs.Any(j => j.Status == RepairJobStatus.Checked))
        {
            Move(RepairOrderTrigger.CompleteWork, by, null, now);
        }

        return null;
    }
}

public sealed partial class RepairJob
{
    public RepairJobStatus Status { get; private set; }

    public Guid? TechnicianId { get; private set; }

    public string? TechnicianName { get; private set; }

    /// <summary>Found in the workshop (增项) rather than agreed at reception.</summary>
    public bool IsExtraWork { get; private set; }

    /// <summary>A safety-critical item: if declined, the customer acknowledges it at delivery.</summary>
    public bool SafetyCritical { get; private set; }

    public int ReworkCount { get; private set; }

    /// <summary>Why the job last paused, was reassigned or was sent back.</summary>
    public string? StatusReason { get; private set; }

    public bool IsAgreed => RepairJobLifecycle.IsAgreed(Status);

    public IReadOnlyList<RepairJobTrigger> PermittedTriggers => RepairJobLifecycle.PermittedTriggers(Status);

    internal void MoveTo(RepairJobStatus to, string? reason)
    {
        if (to == RepairJobStatus.Assigned && Status is RepairJobStatus.Done or RepairJobStatus.Checked)
        {
            ReworkCount++;
        }

        Status = to;
        StatusReason = reason;
    }

    internal void AssignTo(Guid technicianId, string technicianName)
    {
        TechnicianId = technicianId;
        TechnicianName = technicianName;
    }

    /// <summary>Marks a new job as extra work found in the workshop, waiting for the customer's approval.</summary>
    internal void ProposeAsExtraWork(bool safetyCritical)
    {
        IsExtraWork = true;
        SafetyCritical = safetyCritical;
        Status = RepairJobStatus.Proposed;
    }
}

/// <summary>One move of a job: who, when, from, to, why. Append-only.</summary>
public sealed class RepairJobStatusChange
{
    private RepairJobStatusChange()
    {
    }

    public Guid Id { get; private set; }

    public Guid RepairOrderId { get; private set; }

    public Guid RepairJobId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = string.Empty;

    public RepairJobStatus From { get; private set; }

    public RepairJobStatus To { get; private set; }

    public RepairJobTrigger Trigger { get; private set; }

    public string? Reason { get; private set; }

    internal static RepairJobStatusChange Record(Guid orderId, Guid jobId, RepairJobStatus from, RepairJobStatus to, RepairJobTrigger trigger, RepairOrderActor by, string? reason, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RepairOrderId = orderId,
        RepairJobId = jobId,
        At = now,
        UserId = by.UserId,
        UserName = by.UserName,
        From = from,
        To = to,
        Trigger = trigger,
        Reason = reason,
    };
}
