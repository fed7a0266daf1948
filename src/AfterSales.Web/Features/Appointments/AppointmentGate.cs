using AfterSales.Domain.Appointments;
using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Appointments;

/// <summary>A status move; <see cref="Version"/> is the version the user saw, <see cref="Reason"/> why (required to cancel).</summary>
public sealed record AppointmentActionRequest(int Version, string? Reason = null);

/// <summary>Moves the arrival slot. The customer gets a message with the new time unless told otherwise.</summary>
public sealed record RescheduleAppointmentRequest(int Version, DateTimeOffset SlotStart, string? Reason = null, DateTimeOffset? PromisedAt = null, bool NotifyCustomer = true);

/// <summary>What the day-before check must find in hand; a changed item must be resolved again.</summary>
public sealed record PrepareAppointmentRequest(int Version, string? PartsNeeded, string? SpecialTools, string? TechnicalDocuments);

public sealed record ResolveReadinessRequest(int Version, ReadinessItem Item);

public sealed record RecordOpenIssuesRequest(int Version, string? OpenIssues);

internal sealed class AppointmentActionValidator : AbstractValidator<AppointmentActionRequest>
{
    public AppointmentActionValidator() => RuleFor(x => x.Reason).MaximumLength(Appointment.ReasonMaxLength);
}

internal sealed class RescheduleAppointmentValidator : AbstractValidator<RescheduleAppointmentRequest>
{
    public RescheduleAppointmentValidator()
    {
        RuleFor(x => x.SlotStart).NotEmpty().WithErrorCode("appointment.slot_required");
        RuleFor(x => x.Reason).MaximumLength(Appointment.ReasonMaxLength);
        RuleFor(x => x.PromisedAt).GreaterThan(x => x.SlotStart).When(x => x.PromisedAt is not null).WithErrorCode("appointment.promised_before_arrival");
    }
}

internal sealed class PrepareAppointmentValidator : AbstractValidator<PrepareAppointmentRequest>
{
    public PrepareAppointmentValidator()
    {
        RuleFor(x => x.PartsNeeded).MaximumLength(Appointment.PreparationMaxLength);
        RuleFor(x => x.SpecialTools).MaximumLength(Appointment.PreparationMaxLength);
        RuleFor(x => x.TechnicalDocuments).MaximumLength(Appointment.PreparationMaxLength);
    }
}

internal sealed class ResolveReadinessValidator : AbstractValidator<ResolveReadinessRequest>
{
    public ResolveReadinessValidator() => RuleFor(x => x.Item).IsInEnum();
}

internal sealed class RecordOpenIssuesValidator : AbstractValidator<RecordOpenIssuesRequest>
{
    public RecordOpenIssuesValidator() => RuleFor(x => x.OpenIssues).MaximumLength(Appointment.OpenIssuesMaxLength);
}

/// <summary>
/// The one gate for appointment changes: loads the appointment in the user's stores, applies the change with the
/// editor's version, and maps a refused move and a concurrent save to 409 with their codes.
/// </summary>
public sealed class AppointmentGate(AfterSalesDb db, ICurrentUser user, AccessGuard guard, TimeProvider clock, RequestValidation validation, CapacityPlanner planner)
{
    public const string ChangedBySomeoneElse = "appointment.changed_by_someone_else";
    public const string ReasonRequired = "appointment.reason_required";

    internal Actor Actor => new(user.UserId, user.UserName);

    internal DateTimeOffset Now => clock.GetUtcNow();

    public Task<Outcome<AppointmentView>> ConfirmAsync(Guid id, AppointmentActionRequest request, CancellationToken ct) =>
        ActAsync(id, request, a => a.Confirm(Actor, request.Reason, Now), ct);

    public Task<Outcome<AppointmentView>> MarkReadyAsync(Guid id, AppointmentActionRequest request, CancellationToken ct) =>
        ActAsync(id, request, a => a.MarkReady(Actor, request.Reason, Now), ct);

    public Task<Outcome<AppointmentView>> ArriveAsync(Guid id, AppointmentActionRequest request, CancellationToken ct) =>
        ActAsync(id, request, a => a.Arrive(Actor, request.Reason, Now), ct);

    public async Task<Outcome<AppointmentView>> CancelAsync(Guid id, AppointmentActionRequest request, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(request.Reason)
            ? Outcome<AppointmentView>.Invalid(ReasonRequired, nameof(request.Reason))
            : await ActAsync(id, request, a => a.Cancel(Actor, request.Reason, Now), ct, releaseSeat: true);

    public Task<Outcome<AppointmentView>> MarkNoShowAsync(Guid id, AppointmentActionRequest request, CancellationToken ct) =>
        ActAsync(id, request, a => a.MarkNoShow(Actor, request.Reason, Now), ct, releaseSeat: true);

    public async Task<Outcome<AppointmentView>> PrepareAsync(Guid id, PrepareAppointmentRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        return errors.Count > 0
            ? Outcome<AppointmentView>.Invalid(errors)
            : await MoveAsync(id, request.Version, a => a.Prepare(request.PartsNeeded, request.SpecialTools, request.TechnicalDocuments), false, ct);
    }

    public async Task<Outcome<AppointmentView>> ResolveAsync(Guid id, ResolveReadinessRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        return errors.Count > 0 ? Outcome<AppointmentView>.Invalid(errors) : await MoveAsync(id, request.Version, a => a.Resolve(request.Item), false, ct);
    }

    public async Task<Outcome<AppointmentView>> RecordOpenIssuesAsync(Guid id, RecordOpenIssuesRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        return errors.Count > 0 ? Outcome<AppointmentView>.Invalid(errors) : await MoveAsync(id, request.Version, a => a.RecordOpenIssues(request.OpenIssues), false, ct);
    }

    private async Task<Outcome<AppointmentView>> ActAsync(Guid id, AppointmentActionRequest request, Func<Appointment, FieldError?> move, CancellationToken ct, bool releaseSeat = false)
    {
        var errors = await validation.CheckAsync(request, ct);
        return errors.Count > 0 ? Outcome<AppointmentView>.Invalid(errors) : await MoveAsync(id, request.Version, move, releaseSeat, ct);
    }

    internal async Task<Outcome<AppointmentView>> MoveAsync(Guid id, int version, Func<Appointment, FieldError?> move, bool releaseSeat, CancellationToken ct)
    {
        var (appointment, refused) = await LoadAsync(id, version, ct);
        if (appointment is null)
        {
            return refused!;
        }

        if (move(appointment) is { } refusal)
        {
            return Outcome<AppointmentView>.Conflict(refusal.Code);
        }

        if (releaseSeat)
        {
            await planner.ReleaseSeatAsync(appointment.Id, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<AppointmentView>.Conflict(ChangedBySomeoneElse);
        }

        return await AppointmentViews.ViewAsync(db, appointment, user.SeesFullContact, ct);
    }

    internal async Task<(Appointment? Appointment, Outcome<AppointmentView>? Refused)> LoadAsync(Guid id, int version, CancellationToken ct)
    {
        var appointment = await db.Set<Appointment>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (appointment is null)
        {
            return (null, await guard.NotFoundAsync<Appointment, AppointmentView>(id, ct));
        }

        if (appointment.Version != version)
        {
            return (null, Outcome<AppointmentView>.Conflict(ChangedBySomeoneElse));
        }

        db.Entry(appointment).Property(a => a.Version).OriginalValue = version;
        return (appointment, null);
    }
}

/// <summary>
/// Moves an appointment to a new slot: the new slot is checked and its seat claimed like a booking, the old seat is
/// given up in the same save, and the customer gets an SMS with the new time through the outbox (same transaction).
/// </summary>
public sealed class RescheduleAppointment(AfterSalesDb db, ICurrentUser user, AppointmentGate gate, RequestValidation validation, CapacityPlanner planner, BookAppointment booking, Notifications.Notifications notifications)
{
    public const string SameSlot = "appointment.same_slot";

    public async Task<BookingResult> HandleAsync(Guid id, RescheduleAppointmentRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<AppointmentView>.Invalid(errors);
        }

        var (appointment, refused) = await gate.LoadAsync(id, request.Version, ct);
        if (appointment is null)
        {
            return refused!;
        }

        return await MoveAsync(appointment, request, gate.Actor, ct);
    }

    /// <summary>The move itself, for staff and for the customer's own page (who has already been checked).</summary>
    internal async Task<BookingResult> MoveAsync(Appointment appointment, RescheduleAppointmentRequest request, Actor by, CancellationToken ct)
    {
        var plan = (await planner.LoadAsync(appointment.StoreId, ct))!;
        var now = gate.Now;
        if (BookAppointment.CheckSlot(plan, request.SlotStart, appointment.IsUrgent, now) is { } slotError)
        {
            return Outcome<AppointmentView>.Invalid([slotError]);
        }

        if (request.SlotStart == appointment.SlotStart)
        {
            return Outcome<AppointmentView>.Invalid(SameSlot, nameof(request.SlotStart));
        }

        if (AppointmentLifecycle.Decide(appointment.Status, AppointmentTrigger.Reschedule).RefusalCode is { } code)
        {
            return Outcome<AppointmentView>.Conflict(code);
        }

        if (!appointment.IsUrgent)
        {
            var load = await planner.DayLoadAsync(plan, plan.LocalDate(request.SlotStart), appointment.Id, ct);
            if (CapacityPlanner.Refusal(plan, load, request.SlotStart, appointment.Services) is { } full)
            {
                return await booking.FullAsync(plan, request.SlotStart, appointment.Services, appointment.Id, full, ct);
            }
        }

        await planner.ReleaseSeatAsync(appointment.Id, ct);
        appointment.Reschedule(request.SlotStart, plan.SlotMinutes, request.PromisedAt, by, request.Reason, now);
        if (request.NotifyCustomer)
        {
            await NotifyAsync(appointment, plan, ct);
        }

        try
        {
            if (await planner.SaveWithSeatAsync(plan, appointment, !appointment.IsUrgent, ct) is { } lost)
            {
                return await booking.FullAsync(plan, request.SlotStart, appointment.Services, appointment.Id, lost, ct);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<AppointmentView>.Conflict(AppointmentGate.ChangedBySomeoneElse);
        }

        return Outcome<AppointmentView>.Ok(await AppointmentViews.ViewAsync(db, appointment, user.SeesFullContact, ct));
    }

    private async Task NotifyAsync(Appointment appointment, StorePlan plan, CancellationToken ct)
    {
        var customer = await db.Customers.IgnoreQueryFilters().AsNoTracking().FirstAsync(c => c.Id == appointment.CustomerId, ct);
        var mobile = customer.Phones.OrderByDescending(p => p.IsPrimary).Select(p => p.Number).FirstOrDefault(PhoneNumber.IsMobile);
        if (mobile is null)
        {
            return;
        }

        var local = plan.Calendar.ToLocal(appointment.SlotStart);
        notifications.Enqueue(db, new NotificationRequest(
            AppointmentMessages.Rescheduled,
            NotificationChannel.Sms,
            mobile,
            new Dictionary<string, string>
            {
                ["name"] = customer.ContactPerson ?? customer.Name,
                ["store"] = plan.Store.Name,
                ["time"] = local.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            },
            appointment.StoreId,
            customer.Id,
            customer.ContactConsent));
    }
}

/// <summary>The appointment messages of the outbox.</summary>
public static class AppointmentMessages
{
    /// <summary>The customer's appointment moved: a service message about their own business, no consent needed.</summary>
    public static readonly NotificationTemplate Rescheduled = new("appointment_rescheduled", NotificationPurpose.Service, ["name", "store", "time"]);
}

/// <summary>
/// What the check-in and repair-order side calls on an appointment, inside its own save: the appointment is loaded
/// tracked in the caller's context and changed there, so that the order and the appointment commit together.
/// </summary>
public static class AppointmentHandover
{
    /// <summary>The customer is here (接车): requested, confirmed, ready or rescheduled becomes arrived.</summary>
    public static async Task<FieldError?> ArriveAsync(AfterSalesDb db, Guid appointmentId, Actor by, DateTimeOffset now, CancellationToken ct)
    {
        var appointment = await db.Set<Appointment>().FirstOrDefaultAsync(a => a.Id == appointmentId, ct);
        return appointment is null ? new FieldError("common.not_found", "AppointmentId") : appointment.Arrive(by, null, now);
    }

    /// <summary>The repair order opened from this appointment: arrived becomes converted, with the order's id.</summary>
    public static async Task<FieldError?> ConvertAsync(AfterSalesDb db, Guid appointmentId, Guid repairOrderId, Actor by, DateTimeOffset now, CancellationToken ct)
    {
        var appointment = await db.Set<Appointment>().FirstOrDefaultAsync(a => a.Id == appointmentId, ct);
        return appointment is null ? new FieldError("common.not_found", "AppointmentId") : appointment.MarkConverted(repairOrderId, by, now);
    }
}
