using AfterSales.Domain.Common;

namespace AfterSales.Domain.Complaints;

/// <summary>Who does something to a complaint, as the history shows it.</summary>
public sealed record Actor(Guid? UserId, string UserName);

/// <summary>What is recorded at intake (投诉受理); <see cref="Urgency"/> null when nobody judged it (a customer's own complaint).</summary>
public sealed record ComplaintIntake(
    ComplaintChannel Channel,
    Guid CustomerId,
    Guid? AssetId,
    string? RepairOrderReference,
    string CoreProblem,
    string CustomerExpectation,
    ComplaintCategory Category,
    Guid? SubCategoryId,
    ComplaintUrgency? Urgency,
    Responsibility? SuspectedResponsibility,
    Guid? TechnicianId = null);

/// <summary>The earlier complaint a new one repeats, and what they share.</summary>
public sealed record ComplaintRepeatOf(Guid ComplaintId, RepeatBasis Basis);

/// <summary>
/// When a complaint is a repeat (重复投诉): the same asset complained about before, at any time; or the same customer, or
/// a customer with the same phone (the same person recorded twice, e.g. in two stores), within <see cref="WindowDays"/>.
/// </summary>
public static class ComplaintRepeats
{
    public const int WindowDays = 90;

    public static DateTimeOffset WindowStart(DateTimeOffset now) => now.AddDays(-WindowDays);
}

/// <summary>
/// A complaint (投诉) with its human number <c>TS-yyyy-NNNNNN</c>. Its status moves only through
/// <see cref="ComplaintLifecycle"/>; every move appends a <see cref="ComplaintStatusChange"/>.
/// </summary>
public sealed partial class Complaint
{
    public const int CoreProblemMaxLength = 2000;
    public const int ExpectationMaxLength = 1000;
    public const int RepairOrderReferenceMaxLength = 50;
    public const int ReasonMaxLength = 500;
    public const int NumberLength = 14;

    /// <summary>A number kept from an earlier system (historical complaints) may be longer than the product's own.</summary>
    public const int NumberMaxLength = 40;

    /// <summary>Historical complaints keep their text as written, which may be longer than a new intake may be.</summary>
    public const int HistoricalTextMaxLength = 8000;

    private readonly List<ComplaintStatusChange> _history = [];

    private Complaint()
    {
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public Guid StoreId { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid? AssetId { get; private set; }

    /// <summary>The repair order concerned, as the customer or the order says it; a link once repair orders exist.</summary>
    public string? RepairOrderReference { get; private set; }

    public ComplaintChannel Channel { get; private set; }

    public string CoreProblem { get; private set; } = string.Empty;

    public string CustomerExpectation { get; private set; } = string.Empty;

    public ComplaintCategory Category { get; private set; }

    /// <summary>A sub-category of <see cref="Category"/> from the list an administrator maintains.</summary>
    public Guid? SubCategoryId { get; private set; }

    public ComplaintUrgency Urgency { get; private set; }

    public Responsibility? SuspectedResponsibility { get; private set; }

    /// <summary>The technician who did the work complained about, when the complaint concerns a repair.</summary>
    public Guid? TechnicianId { get; private set; }

    /// <summary>A repeat complaint (重复投诉), see <see cref="ComplaintRepeats"/>.</summary>
    public bool IsRepeat { get; private set; }

    /// <summary>The earlier complaint this one repeats (the latest one that makes it a repeat).</summary>
    public Guid? RepeatOfId { get; private set; }

    public RepeatBasis? RepeatBasis { get; private set; }

    public ComplaintStatus Status { get; private set; }

    public Guid? AssignedSpecialistId { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public Guid? ReceivedById { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    /// <summary>
    /// Taken over from an earlier system (历史投诉) with its own date, channel, status and number: its SLA clocks were
    /// the earlier system's business, so no escalation runs on it and no customer is told anything.
    /// </summary>
    public bool IsHistorical { get; private set; }

    public int Version { get; private set; }

    /// <summary>The status changes loaded with the complaint (new ones are appended here to be saved).</summary>
    public IReadOnlyList<ComplaintStatusChange> History => _history;

    public IReadOnlyList<ComplaintTrigger> PermittedTriggers => ComplaintLifecycle.PermittedTriggers(Status);

    public static string FormatNumber(int year, int sequence) => $"TS-{year:D4}-{sequence:D6}";

    /// <summary>Takes a complaint in; the urgency rules raise its urgency where its words call for it, and the log says why.</summary>
    public static Complaint Receive(string number, Guid storeId, ComplaintIntake intake, ComplaintRepeatOf? repeatOf, Actor by, DateTimeOffset now)
    {
        var urgency = ComplaintUrgencyRules.Assess(intake.CoreProblem + "\n" + intake.CustomerExpectation, intake.Urgency);
        var complaint = new Complaint
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            StoreId = storeId,
            CustomerId = intake.CustomerId,
            AssetId = intake.AssetId,
            RepairOrderReference = Blank(intake.RepairOrderReference),
            Channel = intake.Channel,
            CoreProblem = intake.CoreProblem.Trim(),
            CustomerExpectation = intake.CustomerExpectation.Trim(),
            Category = intake.Category,
            SubCategoryId = intake.SubCategoryId,
            Urgency = urgency.Urgency,
            SuspectedResponsibility = intake.SuspectedResponsibility,
            TechnicianId = intake.TechnicianId,
            IsRepeat = repeatOf is not null,
            RepeatOfId = repeatOf?.ComplaintId,
            RepeatBasis = repeatOf?.Basis,
            Status = ComplaintStatus.Received,
            ReceivedAt = now,
            ReceivedById = by.UserId,
        };
        complaint._history.Add(ComplaintStatusChange.Record(complaint.Id, 0, null, ComplaintStatus.Received, null, by, null, now));
        if (urgency.Raised)
        {
            var words = string.Join("、", urgency.Matched);
            complaint._log.Add(ComplaintLogEntry.Write(complaint.Id, complaint.Round, ComplaintLogKind.UrgencyRule, urgency.RuleCode!, null,
                words.Length > LogReferenceMaxLength ? words[..LogReferenceMaxLength] : words, by, now));
        }

        return complaint;
    }

    /// <summary>
    /// Takes over a complaint of an earlier system as it was (历史投诉导入): its number, date, channel and status are kept,
    /// its text is kept byte for byte (not trimmed), the urgency rules are not applied and no assignment is made. One
    /// history row records the status it arrived in, at the date it was received.
    /// </summary>
    public static Complaint ImportHistorical(string number, Guid storeId, ComplaintIntake intake, ComplaintStatus status, DateTimeOffset receivedAt, Actor by, DateTimeOffset now)
    {
        var complaint = new Complaint
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            StoreId = storeId,
            CustomerId = intake.CustomerId,
            AssetId = intake.AssetId,
            RepairOrderReference = Blank(intake.RepairOrderReference),
            Channel = intake.Channel,
            CoreProblem = intake.CoreProblem,
            CustomerExpectation = intake.CustomerExpectation,
            Category = intake.Category,
            SubCategoryId = intake.SubCategoryId,
            Urgency = intake.Urgency ?? ComplaintUrgency.Normal,
            SuspectedResponsibility = intake.SuspectedResponsibility,
            TechnicianId = intake.TechnicianId,
            Status = status,
            ReceivedAt = receivedAt,
            ReceivedById = by.UserId,
            AcknowledgedAt = status == ComplaintStatus.Received ? null : receivedAt,
            IsHistorical = true,
        };
        complaint._history.Add(ComplaintStatusChange.Record(complaint.Id, 0, null, status, null, by, null, receivedAt));
        return complaint;
    }

    public FieldError? Acknowledge(Actor by, string? reason, DateTimeOffset now)
    {
        var refusal = Move(ComplaintTrigger.Acknowledge, by, reason, now);
        if (refusal is null)
        {
            AcknowledgedAt = now;
        }

        return refusal;
    }

    /// <summary>Hands the complaint to a specialist and starts (or, after a reopening, restarts) the investigation.</summary>
    public FieldError? StartInvestigation(Guid specialistId, Actor by, string? reason, DateTimeOffset now)
    {
        var refusal = Move(ComplaintTrigger.StartInvestigation, by, reason, now);
        if (refusal is null)
        {
            AssignedSpecialistId = specialistId;
        }

        return refusal;
    }

    private FieldError? Move(ComplaintTrigger trigger, Actor by, string? reason, DateTimeOffset now)
    {
        var move = ComplaintLifecycle.Decide(Status, trigger);
        if (move.To is not { } to)
        {
            return new FieldError(move.RefusalCode!);
        }

        // The save that stores this move bumps the version by one: the row records the version it produced.
        _history.Add(ComplaintStatusChange.Record(Id, Version + 1, Status, to, trigger, by, Blank(reason), now));
        Status = to;
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>One move of a complaint's status: who, when, from, to, why.</summary>
public sealed class ComplaintStatusChange
{
    private ComplaintStatusChange()
    {
    }

    public Guid Id { get; private set; }

    public Guid ComplaintId { get; private set; }

    /// <summary>The complaint's version after this move (0 for the intake): orders moves made within the same instant.</summary>
    public int ComplaintVersion { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = string.Empty;

    /// <summary>Null for the first row, the intake.</summary>
    public ComplaintStatus? From { get; private set; }

    public ComplaintStatus To { get; private set; }

    public ComplaintTrigger? Trigger { get; private set; }

    public string? Reason { get; private set; }

    internal static ComplaintStatusChange Record(Guid complaintId, int complaintVersion, ComplaintStatus? from, ComplaintStatus to, ComplaintTrigger? trigger, Actor by, string? reason, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ComplaintId = complaintId,
        ComplaintVersion = complaintVersion,
        At = now,
        UserId = by.UserId,
        UserName = by.UserName,
        From = from,
        To = to,
        Trigger = trigger,
        Reason = reason,
    };
}
