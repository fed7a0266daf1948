using AfterSales.Domain.Stores;

namespace AfterSales.Domain.Complaints;

/// <summary>One status move as the clocks read it (the complaint's history, oldest first; the first is the intake).</summary>
public sealed record SlaStatusMove(DateTimeOffset At, ComplaintStatus To);

/// <summary>The policy a complaint had until a reclassification changed its urgency at <see cref="Until"/>.</summary>
public sealed record SlaEarlierPolicy(DateTimeOffset Until, SlaPolicy Policy);

/// <summary>
/// One clock of a complaint at a moment. <see cref="Used"/> is working time counted so far (until met);
/// <see cref="WarningAt"/> and <see cref="BreachAt"/> are null while a pause holds the clock before it gets there.
/// </summary>
public sealed record SlaClockReading(
    SlaClockKind Clock,
    DateTimeOffset StartedAt,
    DateTimeOffset? MetAt,
    bool IsPaused,
    IReadOnlyList<SlaPause> Pauses,
    TimeSpan Used,
    SlaTarget Target,
    DateTimeOffset? WarningAt,
    DateTimeOffset? BreachAt,
    SlaClockState State,
    bool Late)
{
    /// <summary>Working time until the breach (until the warning for progress updates); negative once past it.</summary>
    public TimeSpan Left => TimeSpan.FromMinutes(Clock == SlaClockKind.ProgressUpdate ? Target.WarningMinutes : Target.BreachMinutes) - Used;

    public bool IsRunning => MetAt is null;
}

/// <summary>
/// The SLA clocks of a complaint, computed from nothing but the store calendar, the policy and the history:
/// <list type="bullet">
/// <item>acknowledge: from intake until the first move out of Received;</item>
/// <item>first contact: from intake until staff first record a contact or update with the customer, or present an outcome;</item>
/// <item>propose a resolution and close: from the start of the round (intake, or the latest reopening) until a
/// resolution is proposed (or anything after it) and until closure;</item>
/// <item>progress update: from the acknowledgement or the latest update, every interval, while the case is open.</item>
/// </list>
/// Every clock stands still while the complaint waits for the customer and runs on when they answer.
/// A clock still running when the complaint closes stops there.
/// After a reclassification, every clock not yet met runs to the new urgency's targets, counted from its original
/// start; a clock met before it (or at the same instant: the change was the later save) stays judged by the targets it
/// had then (<c>earlier</c>, oldest first).
/// </summary>
public static class SlaCalculator
{
    private static readonly HashSet<ComplaintStatus> Pausing = [ComplaintStatus.AwaitingCustomer];

    private static readonly HashSet<ComplaintStatus> Contacted = [ComplaintStatus.AwaitingCustomer, ComplaintStatus.Resolved, ComplaintStatus.Closed];

    private static readonly HashSet<ComplaintStatus> Proposed =
        [ComplaintStatus.ResolutionProposed, ComplaintStatus.AwaitingApproval, ComplaintStatus.AwaitingCustomer, ComplaintStatus.Resolved, ComplaintStatus.Closed];

    public static bool PausesClocks(ComplaintStatus status) => Pausing.Contains(status);

    public static IReadOnlyList<SlaClockReading> Compute(
        StoreCalendar calendar,
        SlaPolicy policy,
        IReadOnlyList<SlaStatusMove> moves,
        IReadOnlyList<DateTimeOffset> customerContacts,
        DateTimeOffset now,
        IReadOnlyList<SlaEarlierPolicy>? earlier = null)
    {
        if (moves.Count == 0)
        {
            return [];
        }

        var time = new SlaWorkingTime(calendar);
        var receivedAt = moves[0].At;
        var status = moves[^1].To;
        var pauses = Pauses(moves);
        var roundIndex = LastIndex(moves, m => m.To == ComplaintStatus.Reopened);
        var roundStart = roundIndex > 0 ? moves[roundIndex].At : receivedAt;
        var round = moves.Skip(Math.Max(roundIndex, 0) + 1).ToList();
        var closedAt = status == ComplaintStatus.Closed ? moves[^1].At : (DateTimeOffset?)null;

        var acknowledgedAt = moves.Skip(1).FirstOrDefault(m => m.To != ComplaintStatus.Received)?.At;
        var contacts = customerContacts.Where(c => c >= receivedAt && c <= now).Order().ToList();
        var firstContact = Earliest(contacts.Cast<DateTimeOffset?>().FirstOrDefault(), moves.FirstOrDefault(m => Contacted.Contains(m.To))?.At);
        var proposedAt = round.FirstOrDefault(m => Proposed.Contains(m.To))?.At;

        SlaPolicy At(DateTimeOffset? metAt) =>
            metAt is { } met && earlier?.OrderBy(e => e.Until).FirstOrDefault(e => met <= e.Until) is { } then ? then.Policy : policy;
        var acknowledgeMet = acknowledgedAt ?? closedAt;
        var contactMet = firstContact ?? closedAt;
        var proposeMet = proposedAt ?? closedAt;
        var readings = new List<SlaClockReading>
        {
            Read(time, SlaClockKind.Acknowledge, receivedAt, acknowledgeMet, At(acknowledgeMet).Acknowledge, pauses, now, breaches: true),
            Read(time, SlaClockKind.FirstContact, receivedAt, contactMet, At(contactMet).FirstContact, pauses, now, breaches: true),
            Read(time, SlaClockKind.ProposeResolution, roundStart, proposeMet, At(proposeMet).ProposeResolution, pauses, now, breaches: true),
            Read(time, SlaClockKind.Close, roundStart, closedAt, At(closedAt).Close, pauses, now, breaches: true),
        };

        // Progress updates matter while the case is being handled: after the acknowledgement, until it is resolved.
        if (policy.ProgressUpdateMinutes is { } every && acknowledgedAt is { } acknowledged && status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed))
        {
            var start = new[] { acknowledged, roundStart }.Concat(contacts).Max();
            readings.Add(Read(time, SlaClockKind.ProgressUpdate, start, null, new SlaTarget(every, every), pauses, now, breaches: false));
        }

        return readings;
    }

    /// <summary>The soonest breach among the running clocks (what the list sorts by), or null when none is coming.</summary>
    public static DateTimeOffset? NextBreach(IEnumerable<SlaClockReading> readings) =>
        readings.Where(r => r.IsRunning && r.BreachAt is not null).Select(r => r.BreachAt).Min();

    /// <summary>The worst state among the running clocks; Met when none runs.</summary>
    public static SlaClockState Worst(IEnumerable<SlaClockReading> readings)
    {
        var running = readings.Where(r => r.IsRunning).Select(r => r.State).ToList();
        return running.Contains(SlaClockState.Breached) ? SlaClockState.Breached
            : running.Contains(SlaClockState.Warning) ? SlaClockState.Warning
            : running.Count > 0 ? SlaClockState.Ok
            : SlaClockState.Met;
    }

    private static SlaClockReading Read(
        SlaWorkingTime time,
        SlaClockKind clock,
        DateTimeOffset start,
        DateTimeOffset? metAt,
        SlaTarget target,
        IReadOnlyList<SlaPause> allPauses,
        DateTimeOffset now,
        bool breaches)
    {
        var end = metAt ?? now;
        var pauses = allPauses.Where(p => (p.To ?? DateTimeOffset.MaxValue) > start && p.From < end).ToList();

        // A stopped clock is judged on what happened until it stopped.
        var counted = metAt is null ? pauses : pauses.Select(p => p with { To = p.To ?? end }).ToList();
        var used = time.Between(start, end, counted);
        var warningAt = time.Add(start, TimeSpan.FromMinutes(target.WarningMinutes), counted);
        var breachAt = breaches ? time.Add(start, TimeSpan.FromMinutes(target.BreachMinutes), counted) : null;
        var isPaused = metAt is null && pauses.Any(p => p.To is null);
        var breach = TimeSpan.FromMinutes(target.BreachMinutes);
        var warning = TimeSpan.FromMinutes(target.WarningMinutes);
        var state = metAt is not null ? SlaClockState.Met
            : breaches && used >= breach ? SlaClockState.Breached
            : used >= warning ? SlaClockState.Warning
            : SlaClockState.Ok;
        return new SlaClockReading(clock, start, metAt, isPaused, pauses, used, target, warningAt, breachAt, state, metAt is not null && breaches && used > breach);
    }

    private static List<SlaPause> Pauses(IReadOnlyList<SlaStatusMove> moves)
    {
        var pauses = new List<SlaPause>();
        DateTimeOffset? since = null;
        foreach (var move in moves)
        {
            var pausing = Pausing.Contains(move.To);
            if (pausing && since is null)
            {
                since = move.At;
            }
            else if (!pausing && since is { } from)
            {
                pauses.Add(new SlaPause(from, move.At));
                since = null;
            }
        }

        if (since is { } open)
        {
            pauses.Add(new SlaPause(open, null));
        }

        return pauses;
    }

    private static int LastIndex(IReadOnlyList<SlaStatusMove> moves, Func<SlaStatusMove, bool> match)
    {
        for (var i = moves.Count - 1; i >= 0; i--)
        {
            if (match(moves[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
