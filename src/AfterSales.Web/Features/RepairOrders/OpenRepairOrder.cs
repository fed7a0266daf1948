using AfterSales.Domain.Appointments;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Staff;
using AfterSales.Web.Features.Labour;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.RepairOrders;

/// <summary>
/// Reception (接车) of a walk-in or of a booked customer: the customer, the asset, what the customer says, and
/// optionally the walk-around done on the spot. From an appointment, the customer, asset, store, advisor and
/// (unless given) the customer's words come from the booking, and the appointment is marked converted in the
/// same save. A walk-in's store defaults to the customer's store, the advisor to the user.
/// </summary>
public sealed record OpenRepairOrderRequest(
    Guid CustomerId,
    Guid AssetId,
    string CustomerWords,
    CheckInRequest? CheckIn = null,
    Guid? StoreId = null,
    Guid? AdvisorId = null,
    Guid? AppointmentId = null);

internal sealed class OpenRepairOrderValidator : AbstractValidator<OpenRepairOrderRequest>
{
    public OpenRepairOrderValidator()
    {
        RuleFor(x => x.CustomerId).NotEmpty().WithErrorCode("repair_order.customer_required").When(x => x.AppointmentId is null);
        RuleFor(x => x.AssetId).NotEmpty().WithErrorCode("repair_order.asset_required").When(x => x.AppointmentId is null);
        RuleFor(x => x.CustomerWords).NotEmpty().WithErrorCode("repair_order.customer_words_required").When(x => x.AppointmentId is null);
        RuleFor(x => x.CustomerWords).MaximumLength(RepairOrder.CustomerWordsMaxLength);
        RuleFor(x => x.CheckIn!).SetValidator(new CheckInRequestValidator()).When(x => x.CheckIn is not null);
    }
}

/// <summary>The complaint an order is the re-repair of (投诉返修): set only by the complaint's re-repair action, never by a caller.</summary>
public sealed record RepairOrderComplaintLink(Guid ComplaintId, string ComplaintNumber);

public sealed class OpenRepairOrder(AfterSalesDb db, ICurrentUser user, RequestValidation validation, TimeProvider clock)
{
    public Task<Outcome<RepairOrderView>> HandleAsync(OpenRepairOrderRequest request, CancellationToken ct) => HandleAsync(request, null, ct);

    /// <summary>
    /// Opens the order; for a complaint's re-repair, linked to the complaint. Inside a transaction the caller began
    /// (the complaint's action is saved with the order), the order joins it instead of starting its own.
    /// </summary>
    public async Task<Outcome<RepairOrderView>> HandleAsync(OpenRepairOrderRequest request, RepairOrderComplaintLink? complaint, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<RepairOrderView>.Invalid(errors);
        }

        Appointment? appointment = null;
        if (request.AppointmentId is { } appointmentId)
        {
            // The appointment's query filter keeps other stores' bookings out, exactly like unknown ids.
            appointment = await db.Set<Appointment>().FirstOrDefaultAsync(a => a.Id == appointmentId, ct);
            if (appointment is null)
            {
                return Outcome<RepairOrderView>.Invalid("repair_order.appointment_unknown", nameof(request.AppointmentId));
            }

            if ((request.CustomerId != Guid.Empty && request.CustomerId != appointment.CustomerId) || (request.AssetId != Guid.Empty && request.AssetId != appointment.AssetId))
            {
                return Outcome<RepairOrderView>.Invalid("repair_order.appointment_other_customer", nameof(request.AppointmentId));
            }

            request = request with
            {
                CustomerId = appointment.CustomerId,
                AssetId = appointment.AssetId,
                StoreId = appointment.StoreId,
                AdvisorId = request.AdvisorId ?? appointment.AdvisorId,
                CustomerWords = string.IsNullOrWhiteSpace(request.CustomerWords) ? appointment.CustomerNeed : request.CustomerWords,
            };
        }

        // Only customers of the user's own stores: the query filter hides the others, exactly like unknown ids.
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == request.CustomerId).Select(c => new { c.Id, c.StoreId }).FirstOrDefaultAsync(ct);
        if (customer is null)
        {
            return Outcome<RepairOrderView>.Invalid("repair_order.customer_unknown", nameof(request.CustomerId));
        }

        if (!await db.Assets.AnyAsync(a => a.Id == request.AssetId && a.CustomerId == customer.Id, ct))
        {
            return Outcome<RepairOrderView>.Invalid("repair_order.asset_not_customers", nameof(request.AssetId));
        }

        var storeId = request.StoreId ?? customer.StoreId;
        var store = await db.Stores.Where(s => s.Id == storeId).Select(s => new { s.Id, s.IsActive, s.TimeZoneId }).FirstOrDefaultAsync(ct);
        if (store is null || !store.IsActive)
        {
            return Outcome<RepairOrderView>.Invalid("repair_order.store_unknown", nameof(request.StoreId));
        }

        if (!user.Scope.Includes(store.Id))
        {
            return Outcome<RepairOrderView>.Forbidden("common.other_store");
        }

        var advisorId = request.AdvisorId ?? user.UserId;
        var advisorName = user.UserName;
        if (request.AdvisorId is { } chosen)
        {
            var advisor = await RepairOrderAdvisors.FindAsync(db, store.Id, chosen, ct);
            if (advisor is null)
            {
                return Outcome<RepairOrderView>.Invalid("repair_order.advisor_invalid", nameof(request.AdvisorId));
            }

            advisorName = advisor;
        }

        var settings = await GetServiceSettings.LoadAsync(db, store.Id, ct);
        var actor = new RepairOrderActor(user.UserId, user.UserName, settings.DiscountLimitFor(user.Roles));
        var now = clock.GetUtcNow();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(store.TimeZoneId)).DateTime);

        if (appointment is not null && appointment.Status != AppointmentStatus.Arrived && AppointmentLifecycle.Decide(appointment.Status, AppointmentTrigger.Arrive).IsAllowed)
        {
            // A booked customer standing at the desk has arrived, whether or not the desk marked it yet; saved on its own, as the event it is.
            appointment.Arrive(new Actor(user.UserId, user.UserName), null, now);
            await db.SaveChangesAsync(ct);
        }

        // Everything read above happens before the transaction: the first statement inside it takes the
        // counter's write lock, and the number commits (or rolls back) with the order.
        RepairOrder order;
        await using (var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null)
        {
            var sequence = await RepairOrderNumbers.NextAsync(db, store.Id, day, ct);
            var opening = new RepairOrderOpening(customer.Id, request.AssetId, appointment?.Id, request.CustomerWords, advisorId, advisorName, complaint?.ComplaintId, complaint?.ComplaintNumber);
            order = RepairOrder.Open(RepairOrder.FormatNumber(day, sequence), store.Id, opening, settings.LabourRate, settings.TaxRate, actor, now);
            if (appointment?.MarkConverted(order.Id, new Actor(user.UserId, user.UserName), now) is { } refusal)
            {
                return Outcome<RepairOrderView>.Conflict(refusal.Code);
            }

            if (request.CheckIn is { } checkIn)
            {
                order.RecordCheckIn(checkIn.ToDetails(), actor, now);
            }

            db.Add(order);
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }

        return await RepairOrderViews.ViewAsync(db, order, user.SeesFullContact, ct);
    }
}

/// <summary>Active service advisors and managers of a store: who can own a repair order there.</summary>
internal static class RepairOrderAdvisors
{
    private static readonly string[] Roles = [nameof(StaffRole.ServiceAdvisor), nameof(StaffRole.ServiceManager)];

    public static async Task<string?> FindAsync(AfterSalesDb db, Guid storeId, Guid userId, CancellationToken ct)
    {
        var roleIds = db.Roles.Where(r => Roles.Contains(r.Name!)).Select(r => r.Id);
        return await db.Users
            .Where(u => u.Id == userId && u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)) && db.UserStores.Any(s => s.UserId == u.Id && s.StoreId == storeId))
            .Select(u => u.DisplayName)
            .FirstOrDefaultAsync(ct);
    }
}
