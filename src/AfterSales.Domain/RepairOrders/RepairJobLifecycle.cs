namespace AfterSales.Domain.RepairOrders;

/// <summary>
/// A job's state in the workshop (车间). Jobs written at reception start <see cref="Pending"/>; extra work found in
/// the workshop (增项) starts <see cref="Proposed"/> and becomes work only when the customer approves it.
/// Stored by name.
/// </summary>
public enum RepairJobStatus
{
    /// <summary>Extra work waiting for the customer's approval; nothing may be clocked on it.</summary>
    Proposed,

    /// <summary>Extra work the customer declined; it stays on the order (and, if safety-critical, is acknowledged at delivery).</summary>
    Declined,
    Pending,
    Assigned,
    InProgress,

    /// <summary>Stopped for a reason (waiting for parts, for approval, end of shift).</summary>
    Paused,

    /// <summary>The technician finished and passed the self-check (自检).</summary>
    Done,

    /// <summary>The team lead's check (互检) passed.</summary>
    Checked,
}

public enum RepairJobTrigger
{
    Approve,
    Decline,
    Assign,
    Start,
    Pause,
    Resume,
    Finish,
    Check,
    Rework,
}

public readonly record struct RepairJobMove(RepairJobStatus? To, string? RefusalCode)
{
    public bool IsAllowed => To is not null;

    internal static RepairJobMove Allow(RepairJobStatus to) => new(to, null);

    internal static RepairJobMove Refuse(string code) => new(null, code);
}

/// <summary>
/// The one transition table of a repair job. <see cref="RepairJobTrigger.Assign"/> on an assigned or paused job
/// is a reassignment (with a reason); <see cref="RepairJobTrigger.Rework"/> sends a finished or checked job back
/// to its technician after a failed check.
/// </summary>
public static class RepairJobLifecycle
{
    public const string NotProposed = "repair_job.not_proposed";
    public const string NotApproved = "repair_job.not_approved";
    public const string Declined = "repair_job.declined";
    public const string NotAssigned = "repair_job.not_assigned";
    public const string AlreadyInProgress = "repair_job.already_in_progress";
    public const string NotInProgress = "repair_job.not_in_progress";
    public const string NotPaused = "repair_job.not_paused";
    public const string NotDone = "repair_job.not_done";
    public const string AlreadyDone = "repair_job.already_done";
    public const string NotFinished = "repair_job.not_finished";

    public static RepairJobMove Decide(RepairJobStatus state, RepairJobTrigger trigger) => state switch
    {
        RepairJobStatus.Proposed => trigger switch
        {
            RepairJobTrigger.Approve => RepairJobMove.Allow(RepairJobStatus.Pending),
            RepairJobTrigger.Decline => RepairJobMove.Allow(RepairJobStatus.Declined),
            RepairJobTrigger.Assign or RepairJobTrigger.Start or RepairJobTrigger.Pause or RepairJobTrigger.Resume
                or RepairJobTrigger.Finish or RepairJobTrigger.Check or RepairJobTrigger.Rework => RepairJobMove.Refuse(NotApproved),
        },
        RepairJobStatus.Declined => trigger switch
        {
            RepairJobTrigger.Approve or RepairJobTrigger.Decline or RepairJobTrigger.Assign or RepairJobTrigger.Start or RepairJobTrigger.Pause
                or RepairJobTrigger.Resume or RepairJobTrigger.Finish or RepairJobTrigger.Check or RepairJobTrigger.Rework => RepairJobMove.Refuse(Declined),
        },
        RepairJobStatus.Pending => trigger switch
        {
            RepairJobTrigger.Approve or RepairJobTrigger.Decline => RepairJobMove.Refuse(NotProposed),
            RepairJobTrigger.Assign => RepairJobMove.Allow(RepairJobStatus.Assigned),
            RepairJobTrigger.Start => RepairJobMove.Refuse(NotAssigned),
            RepairJobTrigger.Pause or RepairJobTrigger.Finish => RepairJobMove.Refuse(NotInProgress),
            RepairJobTrigger.Resume => RepairJobMove.Refuse(NotPaused),
            RepairJobTrigger.Check or RepairJobTrigger.Rework => RepairJobMove.Refuse(NotDone),
        },
        RepairJobStatus.Assigned => trigger switch
        {
            RepairJobTrigger.Approve or RepairJobTrigger.Decline => RepairJobMove.Refuse(NotProposed),
            RepairJobTrigger.Assign => RepairJobMove.Allow(RepairJobStatus.Assigned),
            RepairJobTrigger.Start => RepairJobMove.Allow(RepairJobStatus.InProgress),
            RepairJobTrigger.Pause or RepairJobTrigger.Finish => RepairJobMove.Refuse(NotInProgress),
            RepairJobTrigger.Resume => RepairJobMove.Refuse(NotPaused),
            RepairJobTrigger.Check or RepairJobTrigger.Rework => RepairJobMove.Refuse(NotDone),
        },

        // A job being worked on is paused before it changes hands.
        RepairJobStatus.InProgress => trigger switch
        {
            RepairJobTrigger.Approve or RepairJobTrigger.Decline => RepairJobMove.Refuse(NotProposed),
            RepairJobTrigger.Assign or RepairJobTrigger.Start => RepairJobMove.Refuse(AlreadyInProgress),
            RepairJobTrigger.Pause => RepairJobMove.Allow(RepairJobStatus.Paused),
            RepairJobTrigger.Resume => RepairJobMove.Refuse(NotPaused),
            RepairJobTrigger.Finish => RepairJobMove.Allow(RepairJobStatus.Done),
            RepairJobTrigger.Check or RepairJobTrigger.Rework => RepairJobMove.Refuse(NotDone),
        },
        RepairJobStatus.Paused => trigger switch
        {
            RepairJobTrigger.Approve or RepairJobTrigger.Decline => RepairJobMove.Refuse(NotProposed),
            RepairJobTrigger.Assign => RepairJobMove.Allow(RepairJobStatus.Assigned),
            RepairJobTrigger.Start or RepairJobTrigger.Resume => RepairJobMove.Allow(RepairJobStatus.InProgress),
            RepairJobTrigger.Pause or RepairJobTrigger.Finish => RepairJobMove.Refuse(NotInProgress),
            RepairJobTrigger.Check or RepairJobTrigger.Rework => RepairJobMove.Refuse(NotDone),
        },
        RepairJobStatus.Done => trigger switch
        {
            RepairJobTrigger.Approve or RepairJobTrigger.Decline => RepairJobMove.Refuse(NotProposed),
            RepairJobTrigger.Assign or RepairJobTrigger.Start or RepairJobTrigger.Pause or RepairJobTrigger.Resume
                or RepairJobTrigger.Finish => RepairJobMove.Refuse(AlreadyDone),
            RepairJobTrigger.Check => RepairJobMove.Allow(RepairJobStatus.Checked),
            RepairJobTrigger.Rework => RepairJobMove.Allow(RepairJobStatus.Assigned),
        },
        RepairJobStatus.Checked => trigger switch
        {
            RepairJobTrigger.Approve or RepairJobTrigger.Decline => RepairJobMove.Refuse(NotProposed),
            RepairJobTrigger.Assign or RepairJobTrigger.Start or RepairJobTrigger.Pause or RepairJobTrigger.Resume
                or RepairJobTrigger.Finish or RepairJobTrigger.Check => RepairJobMove.Refuse(AlreadyDone),
            RepairJobTrigger.Rework => RepairJobMove.Allow(RepairJobStatus.Assigned),
        },
    };

    public static IReadOnlyList<RepairJobTrigger> PermittedTriggers(RepairJobStatus state) =>
        Enum.GetValues<RepairJobTrigger>().Where(t => Decide(state, t).IsAllowed).ToList();

    /// <summary>Whether the job is work the customer agreed to (counts in the totals and must be finished before delivery).</summary>
    public static bool IsAgreed(RepairJobStatus state) => state switch
    {
        RepairJobStatus.Proposed or RepairJobStatus.Declined => false,
        RepairJobStatus.Pending or RepairJobStatus.Assigned or RepairJobStatus.InProgress or RepairJobStatus.Paused
            or RepairJobStatus.Done or RepairJobStatus.Checked => true,
    };

    /// <summary>Whether a technician may clock time on the job now.</summary>
    public static bool AcceptsClocking(RepairJobStatus state) => state == RepairJobStatus.InProgress;
}
