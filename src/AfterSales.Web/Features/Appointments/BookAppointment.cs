using System.Linq.Expressions;
using AfterSales.Domain.Appointments;
using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Staff;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Appointments;

/// <summary>Staff book from any channel. The store defaults to the customer's store; the slot is one of the store's arrival slots.</summary>
public sealed record BookAppointmentRequest(
    Guid CustomerId,
    Guid AssetId,
    DateTimeOffset SlotStart,
    string CustomerNeed,
    IReadOnlyList<RequestedService> Services,
    AppointmentChannel Channel = AppointmentChannel.Phone,
    Guid? StoreId = null,
    Guid? AdvisorId = null,
    int? MileageKm = null,
    DateTimeOffset? PromisedAt = null,
    decimal? PriceFrom = null,
    decimal? PriceTo = null,
    ThingsToBring Bring = ThingsToBring.None,
    string? BringNote = null,
    bool IsUrgent = false,
    string? PartsNeeded = null,
    string? SpecialTools = null,
    string? TechnicalDocuments = null);

/// <summary>The answer to a booking or a move: the outcome, and when the slot was full, the next free slots to offer.</summary>
public sealed record BookingResult(Outcome<AppointmentView> Outcome, IReadOnlyList<FreeSlot> NextFreeSlots)
{
    public static implicit operator BookingResult(Outcome<AppointmentView> outcome) => new(outcome, []);
}

/// <summary>The same answer for another view of the appointment (the customer's own).</summary>
public sealed record BookingResult<T>(Outcome<T> Outcome, IReadOnlyList<FreeSlot> NextFreeSlots)
{
    public static implicit operator BookingResult<T>(Outcome<T> outcome) => new(outcome, []);
}

internal static class AppointmentRules
{
    public const ThingsToBring AllThings = ThingsToBring.Registration | ThingsToBring.ServiceBook | ThingsToBring.WheelLockKey | ThingsToBring.WarrantyCard | ThingsToBring.PurchaseProof;

    public static void AddServiceRules<T>(this AbstractValidator<T> validator, Expression<Func<T, IEnumerable<RequestedService>>> services)
    {
        validator.RuleFor(services).NotEmpty().WithErrorCode("appointment.services_required")
            .Must(s => s is null || s.Count() <= Appointment.MaxServices).WithErrorCode("appointment.too_many_services");
        validator.RuleForEach(services).ChildRules(s =>
        {
            s.RuleFor(x => x.Description).NotEmpty().WithErrorCode("appointment.service_description_required").MaximumLength(Appointment.ServiceDescriptionMaxLength);
            s.RuleFor(x => x.Skill).IsInEnum();
            s.RuleFor(x => x.EstimatedHours).GreaterThan(0).WithErrorCode("appointment.hours_invalid").LessThanOrEqualTo(Appointment.MaxServiceHours).WithErrorCode("appointment.hours_invalid");
        });
    }
}

internal sealed class BookAppointmentValidator : AbstractValidator<BookAppointmentRequest>
{
    public BookAppointmentValidator()
    {
        RuleFor(x => x.CustomerId).NotEmpty().WithErrorCode("appointment.customer_required");
        RuleFor(x => x.AssetId).NotEmpty().WithErrorCode("appointment.asset_required");
        RuleFor(x => x.SlotStart).NotEmpty().WithErrorCode("appointment.slot_required");
        RuleFor(x => x.CustomerNeed).NotEmpty().WithErrorCode("appointment.need_required").MaximumLength(Appointment.NeedMaxLength);
        this.AddServiceRules(x => x.Services);
        RuleFor(x => x.Channel).IsInEnum();
        RuleFor(x => x.MileageKm).InclusiveBetween(0, Appointment.MaxMileageKm).WithErrorCode("appointment.mileage_invalid");
        RuleFor(x => x.PromisedAt).GreaterThan(x => x.SlotStart).When(x => x.PromisedAt is not null).WithErrorCode("appointment.promised_before_arrival");
        RuleFor(x => x.PriceFrom).GreaterThanOrEqualTo(0).WithErrorCode("appointment.price_invalid");
        RuleFor(x => x.PriceTo).GreaterThanOrEqualTo(x => x.PriceFrom ?? 0).When(x => x.PriceTo is not null).WithErrorCode("appointment.price_range_invalid");
        RuleFor(x => x.Bring).Must(b => (b & ~AppointmentRules.AllThings) == 0).WithErrorCode("appointment.bring_invalid");
        RuleFor(x => x.BringNote).MaximumLength(Appointment.NoteMaxLength);
        RuleFor(x => x.PartsNeeded).MaximumLength(Appointment.PreparationMaxLength);
        RuleFor(x => x.SpecialTools).MaximumLength(Appointment.PreparationMaxLength);
        RuleFor(x => x.TechnicalDocuments).MaximumLength(Appointment.PreparationMaxLength);
    }
}

public sealed class BookAppointment(AfterSalesDb db, ICurrentUser user, RequestValidation validation, TimeProvider clock, CapacityPlanner planner, VisitHistory visits, ListAdvisors advisors)
{
    public const string SlotInvalid = "appointment.slot_invalid";
    public const string SlotInPast = "appointment.slot_in_past";

    public async Task<BookingResult> HandleAsync(BookAppointmentRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<AppointmentView>.Invalid(errors);
        }

        // Only customers of the user's own stores: the query filter hides the others, exactly like unknown ids.
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == request.CustomerId).Select(c => new { c.Id, c.StoreId }).FirstOrDefaultAsync(ct);
        if (customer is null)
        {
            return Outcome<AppointmentView>.Invalid("appointment.customer_unknown", nameof(request.CustomerId));
        }

        if (!await db.Assets.AnyAsync(a => a.Id == request.AssetId && a.CustomerId == customer.Id, ct))
        {
            return Outcome<AppointmentView>.Invalid("appointment.asset_not_customers", nameof(request.AssetId));
        }

        var storeId = request.StoreId ?? customer.StoreId;
        var plan = await planner.LoadAsync(storeId, ct);
        if (plan is null || !plan.Store.IsActive)
        {
            return Outcome<AppointmentView>.Invalid("appointment.store_unknown", nameof(request.StoreId));
        }

        if (!user.Scope.Includes(plan.StoreId))
        {
            return Outcome<AppointmentView>.Forbidden("common.other_store");
        }

        if (request.AdvisorId is { } advisorId && !(await advisors.HandleAsync(plan.StoreId, ct)).Any(a => a.Id == advisorId))
        {
            return Outcome<AppointmentView>.Invalid("appointment.advisor_invalid", nameof(request.AdvisorId));
        }

        var now = clock.GetUtcNow();
        if (CheckSlot(plan, request.SlotStart, request.IsUrgent, now) is { } slotError)
        {
            return Outcome<AppointmentView>.Invalid([slotError]);
        }

        if (!request.IsUrgent)
        {
            var load = await planner.DayLoadAsync(plan, plan.LocalDate(request.SlotStart), null, ct);
            if (CapacityPlanner.Refusal(plan, load, request.SlotStart, request.Services) is { } full)
            {
                return await FullAsync(plan, request.SlotStart, request.Services, null, full, ct);
            }
        }

        var summary = await visits.ForAssetAsync(request.AssetId, plan.StoreId, request.Services.Select(s => s.Skill).ToList(), null, ct);
        var appointment = Appointment.Book(plan.StoreId, ToBooking(request, plan.SlotMinutes), summary.IsRepeatRepair, new Actor(user.UserId, user.UserName), now);
        db.Add(appointment);
        await Reminders.ReminderBookings.LinkAsync(db, appointment, null, now, ct);
        if (await planner.SaveWithSeatAsync(plan, appointment, !request.IsUrgent, ct) is { } lost)
        {
            return await FullAsync(plan, request.SlotStart, request.Services, null, lost, ct);
        }

        return Outcome<AppointmentView>.Ok(await AppointmentViews.ViewAsync(db, appointment, user.SeesFullContact, ct));
    }

    /// <summary>A slot must be one the calendar offers, and not over; urgent bookings may take the slot under way.</summary>
    internal static FieldError? CheckSlot(StorePlan plan, DateTimeOffset slotStart, bool isUrgent, DateTimeOffset now)
    {
        if (!SlotPlanner.IsSlotStart(plan.Calendar, slotStart, plan.SlotMinutes))
        {
            return new FieldError(SlotInvalid, "SlotStart");
        }

        var earliest = isUrgent ? now.AddMinutes(-plan.SlotMinutes) : now;
        return slotStart <= earliest ? new FieldError(SlotInPast, "SlotStart") : null;
    }

    internal async Task<BookingResult> FullAsync(StorePlan plan, DateTimeOffset slot, IReadOnlyList<RequestedService> services, Guid? excluding, FieldError refusal, CancellationToken ct)
    {
        var offered = await planner.NextFreeAsync(plan, slot, services, excluding, ct);
        return new BookingResult(Outcome<AppointmentView>.Conflict(refusal.Code), offered);
    }

    private static AppointmentBooking ToBooking(BookAppointmentRequest r, int slotMinutes) => new(
        r.Channel, r.CustomerId, r.AssetId, r.MileageKm, r.CustomerNeed, r.Services, r.AdvisorId, r.SlotStart, slotMinutes, r.PromisedAt,
        r.PriceFrom, r.PriceTo, r.Bring, r.BringNote, r.IsUrgent, r.PartsNeeded, r.SpecialTools, r.TechnicalDocuments);
}

public sealed record AdvisorView(Guid Id, string DisplayName);

/// <summary>Active service advisors of a store: who can receive its appointments.</summary>
public sealed class ListAdvisors(AfterSalesDb db, ICurrentUser user)
{
    public async Task<IReadOnlyList<AdvisorView>> HandleAsync(Guid storeId, CancellationToken ct)
    {
        if (!user.Scope.Includes(storeId))
        {
            return [];
        }

        var roleIds = db.Roles.Where(r => r.Name == nameof(StaffRole.ServiceAdvisor)).Select(r => r.Id);
        var userIds = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return await db.Users
            .Where(u => u.IsActive && userIds.Contains(u.Id) && db.UserStores.Any(s => s.UserId == u.Id && s.StoreId == storeId))
            .OrderBy(u => u.DisplayName)
            .Select(u => new AdvisorView(u.Id, u.DisplayName))
            .ToListAsync(ct);
    }
}
