using AfterSales.Domain.Common;

namespace AfterSales.Domain.FollowUps;

public enum FollowUpTaskStatus
{
    /// <summary>To be called at <see cref="FollowUpTask.DueAt"/>.</summary>
    Open,

    /// <summary>The customer was reached.</summary>
    Reached,

    /// <summary>Not reached after the maximum attempts, or the number is wrong.</summary>
    Unreachable,

    /// <summary>The customer refused the call.</summary>
    Refused,

    /// <summary>Not to be made any more (the customer asked not to be called).</summary>
    Cancelled,
}

/// <summary>What a call attempt ended with.</summary>
public enum FollowUpOutcome
{
    Reached,
    NoAnswer,
    WrongNumber,
    CallBack,
    Refused,

    /// <summary>Not a call: the system cancelled the task (do-not-call).</summary>
    Cancel,
}

/// <summary>
/// The follow-up task's ONE transition table. From Open: reached → Reached; no answer → Open again after the retry
/// wait, or Unreachable once the attempts reach the maximum; wrong number → Unreachable; call back → Open at the
/// customer's time (it does not count against the maximum); refused → Refused; cancel → Cancelled. Nothing leaves a closed task.
/// </summary>
public static class FollowUpTaskLifecycle
{
    public const string NotOpen = "follow_up.not_open";

    public static bool IsOpen(FollowUpTaskStatus status) => status == FollowUpTaskStatus.Open;

    /// <summary>The status after <paramref name="outcome"/>, given the attempts counted with it; null when not permitted.</summary>
    public static FollowUpTaskStatus? Decide(FollowUpTaskStatus status, FollowUpOutcome outcome, int attemptsCounted, int maxAttempts) => (status, outcome) switch
    {
        (FollowUpTaskStatus.Open, FollowUpOutcome.Reached) => FollowUpTaskStatus.Reached,
        (FollowUpTaskStatus.Open, FollowUpOutcome.NoAnswer) => attemptsCounted >= maxAttempts ? FollowUpTaskStatus.Unreachable : FollowUpTaskStatus.Open,
        (FollowUpTaskStatus.Open, FollowUpOutcome.WrongNumber) => FollowUpTaskStatus.Unreachable,
        (FollowUpTaskStatus.Open, FollowUpOutcome.CallBack) => FollowUpTaskStatus.Open,
        (FollowUpTaskStatus.Open, FollowUpOutcome.Refused) => FollowUpTaskStatus.Refused,
        (FollowUpTaskStatus.Open, FollowUpOutcome.Cancel) => FollowUpTaskStatus.Cancelled,
        _ => null,
    };

    /// <summary>Whether the outcome uses up one of the attempts.</summary>
    public static bool CountsAsAttempt(FollowUpOutcome outcome) => outcome is FollowUpOutcome.NoAnswer or FollowUpOutcome.Reached or FollowUpOutcome.WrongNumber or FollowUpOutcome.Refused;
}

/// <summary>
/// One follow-up call (回访) owed for a delivered repair order: which call (24 hours, 3 days, 1 week), when it is due,
/// who made the attempts and how they ended. Created once per (order, kind) — the database refuses a second one.
/// </summary>
public sealed class FollowUpTask
{
    public const int NoteMaxLength = 1000;
    public const string CallBackTimeRequired = "follow_up.call_back_time_required";
    public const string CallBackInPast = "follow_up.call_back_in_past";

    private readonly List<FollowUpAttempt> _attempts = [];

    private FollowUpTask()
    {
    }

    public Guid Id { get; private set; }

    public Guid StoreId { get; private set; }

    public Guid RepairOrderId { get; private set; }

    public Guid CustomerId { get; private set; }

    public FollowUpKind Kind { get; private set; }

    public FollowUpOrderType OrderType { get; private set; }

    public FollowUpTaskStatus Status { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    /// <summary>Calls made so far that count against the maximum.</summary>
    public int AttemptCount { get; private set; }

    public int MaxAttempts { get; private set; }

    /// <summary>The agent who last worked it; a call-back stays with that agent.</summary>
    public Guid? AgentId { get; private set; }

    public string? AgentName { get; private set; }

    public FollowUpOutcome? LastOutcome { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<FollowUpAttempt> Attempts => _attempts;

    public static FollowUpTask Create(Guid storeId, Guid repairOrderId, Guid customerId, FollowUpKind kind, FollowUpOrderType orderType, DateTimeOffset dueAt, int maxAttempts, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StoreId = storeId,
        RepairOrderId = repairOrderId,
        CustomerId = customerId,
        Kind = kind,
        OrderType = orderType,
        Status = FollowUpTaskStatus.Open,
        DueAt = dueAt,
        MaxAttempts = maxAttempts,
        CreatedAt = now,
    };

    /// <summary>
    /// Records a call's outcome. <paramref name="nextCallable"/> turns a wished time (the retry wait, the call-back time)
    /// into the first time the store may call (working hours, blocked hours, the customer's preference).
    /// </summary>
    public FieldError? Record(FollowUpOutcome outcome, Guid? agentId, string agentName, string? note, DateTimeOffset? callBackAt, TimeSpan retryDelay, Func<DateTimeOffset, DateTimeOffset> nextCallable, DateTimeOffset now)
    {
        if (outcome == FollowUpOutcome.CallBack)
        {
            if (callBackAt is null)
            {
                return new FieldError(CallBackTimeRequired, "CallBackAt");
            }

            if (callBackAt <= now)
            {
                return new FieldError(CallBackInPast, "CallBackAt");
            }
        }

        var counted = AttemptCount + (FollowUpTaskLifecycle.CountsAsAttempt(outcome) ? 1 : 0);
        if (FollowUpTaskLifecycle.Decide(Status, outcome, counted, MaxAttempts) is not { } next)
        {
            return new FieldError(FollowUpTaskLifecycle.NotOpen);
        }

        _attempts.Add(FollowUpAttempt.Record(Id, _attempts.Count + 1, outcome, agentId, agentName, note, callBackAt, now));
        AttemptCount = counted;
        LastOutcome = outcome;
        if (outcome != FollowUpOutcome.Cancel)
        {
            AgentId = agentId;
            AgentName = agentName;
        }

        Status = next;
        if (next == FollowUpTaskStatus.Open)
        {
            // A call-back is made at the customer's time as asked; a retry waits, then the store's calling rules apply.
            DueAt = outcome == FollowUpOutcome.CallBack ? callBackAt!.Value : nextCallable(now + retryDelay);
        }
        else
        {
            ClosedAt = now;
        }

        return null;
    }
}

/// <summary>One call attempt on a follow-up task, or the system's cancellation.</summary>
public sealed class FollowUpAttempt
{
    private FollowUpAttempt()
    {
    }

    public Guid Id { get; private set; }

    public Guid FollowUpTaskId { get; private set; }

    public int Number { get; private set; }

    public FollowUpOutcome Outcome { get; private set; }

    public Guid? AgentId { get; private set; }

    public string AgentName { get; private set; } = string.Empty;

    public string? Note { get; private set; }

    public DateTimeOffset? CallBackAt { get; private set; }

    public DateTimeOffset At { get; private set; }

    internal static FollowUpAttempt Record(Guid taskId, int number, FollowUpOutcome outcome, Guid? agentId, string agentName, string? note, DateTimeOffset? callBackAt, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        FollowUpTaskId = taskId,
        Number = number,
        Outcome = outcome,
        AgentId = agentId,
        AgentName = agentName,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        CallBackAt = callBackAt,
        At = now,
    };
}
