using AfterSales.Domain.Complaints;
using AfterSales.Web.Persistence;

namespace AfterSales.Web.Features.ComplaintSla;

/// <summary>An administrator's SLA rule for an urgency and a channel (or every channel); without one the default of <see cref="SlaDefaults"/> applies.</summary>
public sealed class ComplaintSlaPolicy
{
    public const string AllChannels = "*";

    private ComplaintSlaPolicy()
    {
    }

    public Guid Id { get; private set; }

    public ComplaintUrgency Urgency { get; private set; }

    public ComplaintChannel? Channel { get; private set; }

    /// <summary>The channel's name or "*": lets the database refuse a second rule for the same pair (NULLs would not collide).</summary>
    public string ChannelKey { get; private set; } = AllChannels;

    public int AcknowledgeWarningMinutes { get; private set; }

    public int AcknowledgeBreachMinutes { get; private set; }

    public int FirstContactWarningMinutes { get; private set; }

    public int FirstContactBreachMinutes { get; private set; }

    public int ProposeWarningMinutes { get; private set; }

    public int ProposeBreachMinutes { get; private set; }

    public int CloseWarningMinutes { get; private set; }

    public int CloseBreachMinutes { get; private set; }

    public int? ProgressUpdateMinutes { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public static string KeyOf(ComplaintChannel? channel) => channel?.ToString() ?? AllChannels;

    public static ComplaintSlaPolicy From(SlaPolicy policy, DateTimeOffset now)
    {
        var row = new ComplaintSlaPolicy { Id = Guid.CreateVersion7(now), Urgency = policy.Urgency, Channel = policy.Channel, ChannelKey = KeyOf(policy.Channel) };
        row.Set(policy, now);
        return row;
    }

    public void Set(SlaPolicy policy, DateTimeOffset now)
    {
        AcknowledgeWarningMinutes = policy.Acknowledge.WarningMinutes;
        AcknowledgeBreachMinutes = policy.Acknowledge.BreachMinutes;
        FirstContactWarningMinutes = policy.FirstContact.WarningMinutes;
        FirstContactBreachMinutes = policy.FirstContact.BreachMinutes;
        ProposeWarningMinutes = policy.ProposeResolution.WarningMinutes;
        ProposeBreachMinutes = policy.ProposeResolution.BreachMinutes;
        CloseWarningMinutes = policy.Close.WarningMinutes;
        CloseBreachMinutes = policy.Close.BreachMinutes;
        ProgressUpdateMinutes = policy.ProgressUpdateMinutes;
        UpdatedAt = now;
    }

    public SlaPolicy ToPolicy() => new(
        Urgency,
        Channel,
        new SlaTarget(AcknowledgeWarningMinutes, AcknowledgeBreachMinutes),
        new SlaTarget(FirstContactWarningMinutes, FirstContactBreachMinutes),
        new SlaTarget(ProposeWarningMinutes, ProposeBreachMinutes),
        new SlaTarget(CloseWarningMinutes, CloseBreachMinutes),
        ProgressUpdateMinutes);
}

public enum SlaEventKind
{
    /// <summary>The warning time passed: the assignee was alerted (for progress updates: an update to the customer is overdue).</summary>
    Warning,

    /// <summary>The breach time passed: the complaint went up one escalation level.</summary>
    Breach,
}

/// <summary>
/// A warning or a breach the escalation job handled. The unique index on (complaint, clock, kind, clock start) is what
/// makes it happen once: a second job instance, or a run after a restart, is refused by the database.
/// </summary>
public sealed class ComplaintSlaEvent : INotAudited
{
    private ComplaintSlaEvent()
    {
    }

    public Guid Id { get; private set; }

    public Guid ComplaintId { get; private set; }

    public Guid StoreId { get; private set; }

    public SlaClockKind Clock { get; private set; }

    public SlaEventKind Kind { get; private set; }

    /// <summary>Which run of the clock (it restarts after a reopening, and after every progress update).</summary>
    public DateTimeOffset ClockStartedAt { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset HandledAt { get; private set; }

    /// <summary>The complaint's escalation level after this event.</summary>
    public EscalationLevel Level { get; private set; }

    /// <summary>How many staff were sent an alert.</summary>
    public int Alerted { get; private set; }

    public static ComplaintSlaEvent Record(Guid complaintId, Guid storeId, SlaClockKind clock, SlaEventKind kind, DateTimeOffset clockStartedAt, DateTimeOffset dueAt, EscalationLevel level, int alerted, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ComplaintId = complaintId,
        StoreId = storeId,
        Clock = clock,
        Kind = kind,
        ClockStartedAt = clockStartedAt,
        DueAt = dueAt,
        HandledAt = now,
        Level = level,
        Alerted = alerted,
    };
}

/// <summary>
/// The escalation job's bookkeeping per complaint: which version it last looked at and when it must look again
/// (the next warning or breach, at the latest an hour later), and the soonest breach that the list sorts by.
/// </summary>
public sealed class ComplaintSlaTracking : INotAudited
{
    private ComplaintSlaTracking()
    {
    }

    public Guid ComplaintId { get; private set; }

    public int ComplaintVersion { get; private set; }

    public DateTimeOffset? NextCheckAt { get; private set; }

    public DateTimeOffset? NextBreachAt { get; private set; }

    public SlaClockState State { get; private set; }

    public EscalationLevel Level { get; private set; }

    public DateTimeOffset CheckedAt { get; private set; }

    public int Version { get; private set; }

    public static ComplaintSlaTracking Start(Guid complaintId) => new() { ComplaintId = complaintId };

    public void Checked(int complaintVersion, DateTimeOffset? nextCheckAt, DateTimeOffset? nextBreachAt, SlaClockState state, EscalationLevel level, DateTimeOffset now)
    {
        ComplaintVersion = complaintVersion;
        NextCheckAt = nextCheckAt;
        NextBreachAt = nextBreachAt;
        State = state;
        Level = level;
        CheckedAt = now;
    }
}

/// <summary>A progress update or contact with the customer, recorded by staff; optionally sent to the customer by SMS.</summary>
public sealed class ComplaintProgressUpdate
{
    public const int MessageMaxLength = 500;

    private ComplaintProgressUpdate()
    {
    }

    public Guid Id { get; private set; }

    public Guid ComplaintId { get; private set; }

    public Guid StoreId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = string.Empty;

    public string Message { get; private set; } = string.Empty;

    /// <summary>The SMS to the customer in the outbox, when one was sent.</summary>
    public Guid? OutboxMessageId { get; private set; }

    public static ComplaintProgressUpdate Record(Guid complaintId, Guid storeId, string message, Guid? userId, string userName, Guid? outboxMessageId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ComplaintId = complaintId,
        StoreId = storeId,
        At = now,
        UserId = userId,
        UserName = userName,
        Message = message.Trim(),
        OutboxMessageId = outboxMessageId,
    };
}
