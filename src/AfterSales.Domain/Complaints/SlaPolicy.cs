namespace AfterSales.Domain.Complaints;

/// <summary>The clocks every complaint runs (DOMAIN.md "time limits by urgency counted in working hours").</summary>
public enum SlaClockKind
{
    Acknowledge,
    FirstContact,
    ProposeResolution,
    Close,

    /// <summary>The interval between progress updates to the customer on a long case; missing one is a warning, never a breach.</summary>
    ProgressUpdate,
}

public enum SlaClockState
{
    Ok,
    Warning,
    Breached,
    Met,
}

/// <summary>Who answers for a complaint: each breach moves it one level up.</summary>
public enum EscalationLevel
{
    Specialist,
    ServiceManager,
    Group,
}

/// <summary>A warning and a breach limit, both in working minutes of the store's calendar.</summary>
public sealed record SlaTarget(int WarningMinutes, int BreachMinutes)
{
    public static SlaTarget Hours(double warning, double breach) => new((int)Math.Round(warning * 60), (int)Math.Round(breach * 60));

    public bool IsValid => WarningMinutes > 0 && BreachMinutes > 0 && WarningMinutes <= BreachMinutes;
}

/// <summary>
/// The limits for complaints of one urgency from one channel; <see cref="Channel"/> null is the rule for every
/// channel without a rule of its own. <see cref="ProgressUpdateMinutes"/> null means no progress updates are due.
/// </summary>
public sealed record SlaPolicy(
    ComplaintUrgency Urgency,
    ComplaintChannel? Channel,
    SlaTarget Acknowledge,
    SlaTarget FirstContact,
    SlaTarget ProposeResolution,
    SlaTarget Close,
    int? ProgressUpdateMinutes)
{
    public const int MaxMinutes = 60 * 24 * 365;

    public SlaTarget? For(SlaClockKind clock) => clock switch
    {
        SlaClockKind.Acknowledge => Acknowledge,
        SlaClockKind.FirstContact => FirstContact,
        SlaClockKind.ProposeResolution => ProposeResolution,
        SlaClockKind.Close => Close,
        SlaClockKind.ProgressUpdate => ProgressUpdateMinutes is { } every ? new SlaTarget(every, every) : null,
    };

    /// <summary>Field errors (codes) of a policy an administrator wants to save.</summary>
    public IReadOnlyList<Common.FieldError> Check()
    {
        var errors = new List<Common.FieldError>();
        foreach (var (target, field) in new[] { (Acknowledge, nameof(Acknowledge)), (FirstContact, nameof(FirstContact)), (ProposeResolution, nameof(ProposeResolution)), (Close, nameof(Close)) })
        {
            if (!target.IsValid || target.BreachMinutes > MaxMinutes)
            {
                errors.Add(new Common.FieldError("sla.target_invalid", field));
            }
        }

        if (ProgressUpdateMinutes is { } every && (every <= 0 || every > MaxMinutes))
        {
            errors.Add(new Common.FieldError("sla.progress_interval_invalid", nameof(ProgressUpdateMinutes)));
        }

        // Each later milestone cannot be due before an earlier one.
        if (errors.Count == 0 && !(Acknowledge.BreachMinutes <= FirstContact.BreachMinutes && FirstContact.BreachMinutes <= ProposeResolution.BreachMinutes && ProposeResolution.BreachMinutes <= Close.BreachMinutes))
        {
            errors.Add(new Common.FieldError("sla.targets_out_of_order", nameof(Close)));
        }

        return errors;
    }
}

/// <summary>
/// The limits a new installation starts with. The seeds: an online complaint is acknowledged within one working
/// hour; a caller on the hotline or a customer at the counter is acknowledged while they are there (30 seconds
/// to answer the phone), so those channels get a quarter of an hour. Long cases get progress updates.
/// </summary>
public static class SlaDefaults
{
    private static readonly ComplaintChannel[] InPerson = [ComplaintChannel.Hotline, ComplaintChannel.WalkIn];

    public static IReadOnlyList<SlaPolicy> All { get; } = Build();

    /// <summary>The rule for a complaint: the channel's own rule, else the urgency's rule for every channel.</summary>
    public static SlaPolicy Resolve(IEnumerable<SlaPolicy> policies, ComplaintUrgency urgency, ComplaintChannel channel)
    {
        var list = policies as IReadOnlyCollection<SlaPolicy> ?? policies.ToList();
        return list.FirstOrDefault(p => p.Urgency == urgency && p.Channel == channel)
            ?? list.FirstOrDefault(p => p.Urgency == urgency && p.Channel is null)
            ?? All.FirstOrDefault(p => p.Urgency == urgency && p.Channel == channel)
            ?? All.First(p => p.Urgency == urgency && p.Channel is null);
    }

    private static List<SlaPolicy> Build()
    {
        var general = new[]
        {
            new SlaPolicy(ComplaintUrgency.Critical, null, SlaTarget.Hours(0.25, 0.5), SlaTarget.Hours(1, 2), SlaTarget.Hours(4, 8), SlaTarget.Hours(16, 24), 4 * 60),
            new SlaPolicy(ComplaintUrgency.High, null, SlaTarget.Hours(0.5, 1), SlaTarget.Hours(2, 4), SlaTarget.Hours(8, 16), SlaTarget.Hours(24, 40), 8 * 60),
            new SlaPolicy(ComplaintUrgency.Normal, null, SlaTarget.Hours(0.5, 1), SlaTarget.Hours(4, 8), SlaTarget.Hours(16, 24), SlaTarget.Hours(40, 72), 16 * 60),
            new SlaPolicy(ComplaintUrgency.Low, null, SlaTarget.Hours(0.5, 1), SlaTarget.Hours(8, 16), SlaTarget.Hours(24, 40), SlaTarget.Hours(72, 120), 24 * 60),
        };
        var all = new List<SlaPolicy>(general);
        foreach (var policy in general)
        {
            all.AddRange(InPerson.Select(channel => policy with { Channel = channel, Acknowledge = new SlaTarget(10, 15) }));
        }

        return all;
    }
}
