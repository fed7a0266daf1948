using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Service;

namespace AfterSales.Domain.Appointments;

/// <summary>One piece of work the customer asks for, with the trade and hours the workshop plans it by.</summary>
public sealed record RequestedService(string Description, WorkshopSkill Skill, decimal EstimatedHours);

/// <summary>What the front desk records when it books (预约登记).</summary>
public sealed record AppointmentBooking(
    AppointmentChannel Channel,
    Guid CustomerId,
    Guid AssetId,
    int? MileageKm,
    string CustomerNeed,
    IReadOnlyList<RequestedService> Services,
    Guid? AdvisorId,
    DateTimeOffset SlotStart,
    int SlotMinutes,
    DateTimeOffset? PromisedAt,
    decimal? PriceFrom,
    decimal? PriceTo,
    ThingsToBring Bring,
    string? BringNote,
    bool IsUrgent,
    string? PartsNeeded,
    string? SpecialTools,
    string? TechnicalDocuments);

/// <summary>
/// An appointment (预约). Its status moves only through <see cref="AppointmentLifecycle"/>; every move appends an
/// <see cref="AppointmentStatusChange"/>. The slot seat that arbitrates capacity lives beside it in the database.
/// </summary>
public sealed class Appointment
{
    public const int NeedMaxLength = 2000;
    public const int ServiceDescriptionMaxLength = 200;
    public const int MaxServices = 20;
    public const decimal MaxServiceHours = 40m;
    public const int NoteMaxLength = 500;
    public const int PreparationMaxLength = 1000;
    public const int ReasonMaxLength = 500;
    public const int OpenIssuesMaxLength = 2000;
    public const int MaxMileageKm = 2_000_000;

    public const string SlotNotOver = "appointment.slot_not_over";
    public const string ReadinessItemsOpen = "appointment.readiness_items_open";
    public const string NotUpcoming = "appointment.not_upcoming";
    public const string NoVisitYet = "appointment.no_visit_yet";
    public const string NothingToResolve = "appointment.nothing_to_resolve";

    private readonly List<AppointmentStatusChange> _history = [];
    private readonly List<RequestedService> _services = [];

    private Appointment()
    {
    }

    public Guid Id { get; private set; }

    public Guid StoreId { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid AssetId { get; private set; }

    public AppointmentChannel Channel { get; private set; }

    public int? MileageKm { get; private set; }

    /// <summary>The need or fault in the customer's own words.</summary>
    public string CustomerNeed { get; private set; } = string.Empty;

    public IReadOnlyList<RequestedService> Services => _services;

    public Guid? AdvisorId { get; private set; }

    /// <summary>Start of the arrival slot (UTC).</summary>
    public DateTimeOffset SlotStart { get; private set; }

    public int SlotMinutes { get; private set; }

    public DateTimeOffset SlotEnd => SlotStart.AddMinutes(SlotMinutes);

    /// <summary>The tentative completion time told to the customer (暂定交车时间).</summary>
    public DateTimeOffset? PromisedAt { get; private set; }

    public decimal? PriceFrom { get; private set; }

    public decimal? PriceTo { get; private set; }

    public ThingsToBring Bring { get; private set; }

    public string? BringNote { get; private set; }

    /// <summary>The fast lane: bypasses slot limits and is flagged on every board.</summary>
    public bool IsUrgent { get; private set; }

    /// <summary>The asset had a visit for the same concern area within the store's window (重复维修).</summary>
    public bool IsRepeatRepair { get; private set; }

    public string? PartsNeeded { get; private set; }

    public bool PartsResolved { get; private set; }

    public string? SpecialTools { get; private set; }

    public bool ToolsResolved { get; private set; }

    public string? TechnicalDocuments { get; private set; }

    public bool DocumentsResolved { get; private set; }

    /// <summary>Issues found during this visit but not fixed; the next booking of the asset shows them.</summary>
    public string? OpenIssues { get; private set; }

    public Guid? RepairOrderId { get; private set; }

    public AppointmentStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? CreatedById { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<AppointmentStatusChange> History => _history;

    public IReadOnlyList<AppointmentTrigger> PermittedTriggers => AppointmentLifecycle.PermittedTriggers(Status);

    /// <summary>The set of concern areas of this visit: the trades of its services.</summary>
    public IReadOnlyList<WorkshopSkill> Skills => _services.Select(s => s.Skill).Distinct().Order().ToList();

    public decimal HoursFor(WorkshopSkill skill) => _services.Where(s => s.Skill == skill).Sum(s => s.EstimatedHours);

    /// <summary>Readiness items that have something to prepare and are not resolved yet.</summary>
    public IReadOnlyList<ReadinessItem> OpenReadinessItems
    {
        get
        {
            var open = new List<ReadinessItem>();
            if (PartsNeeded is not null && !PartsResolved)
            {
                open.Add(ReadinessItem.Parts);
            }

            if (SpecialTools is not null && !ToolsResolved)
            {
                open.Add(ReadinessItem.SpecialTools);
            }

            if (TechnicalDocuments is not null && !DocumentsResolved)
            {
                open.Add(ReadinessItem.Documents);
            }

            return open;
        }
    }

    public static Appointment Book(Guid storeId, AppointmentBooking booking, bool isRepeatRepair, Actor by, DateTimeOffset now)
    {
        var appointment = new Appointment
        {
            Id = Guid.CreateVersion7(now),
            StoreId = storeId,
            CustomerId = booking.CustomerId,
            AssetId = booking.AssetId,
            Channel = booking.Channel,
            MileageKm = booking.MileageKm,
            CustomerNeed = booking.CustomerNeed.Trim(),
            AdvisorId = booking.AdvisorId,
            SlotStart = booking.SlotStart,
            SlotMinutes = booking.SlotMinutes,
            PromisedAt = booking.PromisedAt,
            PriceFrom = booking.PriceFrom,
            PriceTo = booking.PriceTo,
            Bring = booking.Bring,
            BringNote = Blank(booking.BringNote),
            IsUrgent = booking.IsUrgent,
            IsRepeatRepair = isRepeatRepair,
            PartsNeeded = Blank(booking.PartsNeeded),
            SpecialTools = Blank(booking.SpecialTools),
            TechnicalDocuments = Blank(booking.TechnicalDocuments),
            Status = AppointmentStatus.Requested,
            CreatedAt = now,
            CreatedById = by.UserId,
        };
        appointment._services.AddRange(booking.Services.Select(s => s with { Description = s.Description.Trim() }));
        appointment._history.Add(AppointmentStatusChange.Record(appointment.Id, 0, null, AppointmentStatus.Requested, null, appointment.SlotStart, by, null, now));
        return appointment;
    }

    public FieldError? Confirm(Actor by, string? reason, DateTimeOffset now) => Move(AppointmentTrigger.Confirm, by, reason, now);

    /// <summary>The day-before check passed: every preparation item with something to prepare is resolved.</summary>
    public FieldError? MarkReady(Actor by, string? reason, DateTimeOffset now)
    {
        var move = AppointmentLifecycle.Decide(Status, AppointmentTrigger.MarkReady);
        if (move.IsAllowed && OpenReadinessItems.Count > 0)
        {
            return new FieldError(ReadinessItemsOpen);
        }

        return Move(AppointmentTrigger.MarkReady, by, reason, now);
    }

    public FieldError? Arrive(Actor by, string? reason, DateTimeOffset now) => Move(AppointmentTrigger.Arrive, by, reason, now);

    /// <summary>The repair-order side calls this when it opens the order from this appointment.</summary>
    public FieldError? MarkConverted(Guid repairOrderId, Actor by, DateTimeOffset now)
    {
        var refusal = Move(AppointmentTrigger.Convert, by, null, now);
        if (refusal is null)
        {
            RepairOrderId = repairOrderId;
        }

        return refusal;
    }

    /// <summary>Moves the arrival slot; the caller takes the new slot's seat in the same save.</summary>
    public FieldError? Reschedule(DateTimeOffset slotStart, int slotMinutes, DateTimeOffset? promisedAt, Actor by, string? reason, DateTimeOffset now)
    {
        var move = AppointmentLifecycle.Decide(Status, AppointmentTrigger.Reschedule);
        if (move.To is not { } to)
        {
            return new FieldError(move.RefusalCode!);
        }

        SlotStart = slotStart;
        SlotMinutes = slotMinutes;
        PromisedAt = promisedAt;

        // The new time needs a new check: what was ready for one day may not be for another.
        PartsResolved = false;
        ToolsResolved = false;
        DocumentsResolved = false;
        Record(to, AppointmentTrigger.Reschedule, by, reason, now);
        return null;
    }

    public FieldError? Cancel(Actor by, string? reason, DateTimeOffset now) => Move(AppointmentTrigger.Cancel, by, reason, now);

    /// <summary>Only once the arrival slot is over can the customer be said not to have come.</summary>
    public FieldError? MarkNoShow(Actor by, string? reason, DateTimeOffset now)
    {
        var move = AppointmentLifecycle.Decide(Status, AppointmentTrigger.MarkNoShow);
        if (move.IsAllowed && now < SlotEnd)
        {
            return new FieldError(SlotNotOver);
        }

        return Move(AppointmentTrigger.MarkNoShow, by, reason, now);
    }

    /// <summary>Sets what must be prepared; a changed item must be resolved again.</summary>
    public FieldError? Prepare(string? partsNeeded, string? specialTools, string? technicalDocuments)
    {
        if (!AppointmentLifecycle.IsUpcoming(Status))
        {
            return new FieldError(NotUpcoming);
        }

        var parts = Blank(partsNeeded);
        var tools = Blank(specialTools);
        var documents = Blank(technicalDocuments);
        PartsResolved &= parts == PartsNeeded;
        ToolsResolved &= tools == SpecialTools;
        DocumentsResolved &= documents == TechnicalDocuments;
        PartsNeeded = parts;
        SpecialTools = tools;
        TechnicalDocuments = documents;
        return null;
    }

    /// <summary>Marks one preparation item as in hand (parts reserved, tool booked, documents printed).</summary>
    public FieldError? Resolve(ReadinessItem item)
    {
        if (!AppointmentLifecycle.IsUpcoming(Status))
        {
            return new FieldError(NotUpcoming);
        }

        switch (item)
        {
            case ReadinessItem.Parts when PartsNeeded is not null:
                PartsResolved = true;
                return null;
            case ReadinessItem.SpecialTools when SpecialTools is not null:
                ToolsResolved = true;
                return null;
            case ReadinessItem.Documents when TechnicalDocuments is not null:
                DocumentsResolved = true;
                return null;
            default:
                return new FieldError(NothingToResolve);
        }
    }

    /// <summary>Issues found at this visit but not fixed (发现但未修复), shown at the asset's next booking.</summary>
    public FieldError? RecordOpenIssues(string? issues)
    {
        if (Status is not (AppointmentStatus.Arrived or AppointmentStatus.Converted))
        {
            return new FieldError(NoVisitYet);
        }

        OpenIssues = Blank(issues);
        return null;
    }

    public void AssignAdvisor(Guid? advisorId) => AdvisorId = advisorId;

    private FieldError? Move(AppointmentTrigger trigger, Actor by, string? reason, DateTimeOffset now)
    {
        var move = AppointmentLifecycle.Decide(Status, trigger);
        if (move.To is not { } to)
        {
            return new FieldError(move.RefusalCode!);
        }

        Record(to, trigger, by, reason, now);
        return null;
    }

    private void Record(AppointmentStatus to, AppointmentTrigger trigger, Actor by, string? reason, DateTimeOffset now)
    {
        // The save that stores this move bumps the version by one: the row records the version it produced.
        _history.Add(AppointmentStatusChange.Record(Id, Version + 1, Status, to, trigger, SlotStart, by, Blank(reason), now));
        Status = to;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>One move of an appointment's status: who, when, from, to, why, and the slot it left the appointment in.</summary>
public sealed class AppointmentStatusChange
{
    private AppointmentStatusChange()
    {
    }

    public Guid Id { get; private set; }

    public Guid AppointmentId { get; private set; }

    /// <summary>The appointment's version after this move (0 for the booking).</summary>
    public int AppointmentVersion { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = string.Empty;

    public AppointmentStatus? From { get; private set; }

    public AppointmentStatus To { get; private set; }

    public AppointmentTrigger? Trigger { get; private set; }

    public DateTimeOffset SlotStart { get; private set; }

    public string? Reason { get; private set; }

    internal static AppointmentStatusChange Record(Guid appointmentId, int version, AppointmentStatus? from, AppointmentStatus to, AppointmentTrigger? trigger, DateTimeOffset slotStart, Actor by, string? reason, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        AppointmentId = appointmentId,
        AppointmentVersion = version,
        At = now,
        UserId = by.UserId,
        UserName = by.UserName,
        From = from,
        To = to,
        Trigger = trigger,
        SlotStart = slotStart,
        Reason = reason,
    };
}
