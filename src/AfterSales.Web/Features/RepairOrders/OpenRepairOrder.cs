using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Staff;
using AfterSales.Web.Features.Labour;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.RepairOrders;

/// <summary>
/// Reception of a walk-in (接车): the customer, the asset, what the customer says, and optionally the
/// walk-around done on the spot. The store defaults to the customer's store; the advisor to the user.
/// </summary>
public sealed record OpenRepairOrderRequest(
    Guid CustomerId,
    Guid AssetId,
    string CustomerWords,
    CheckInRequest? CheckIn = null,
    Guid? StoreId = null,
    Guid? AdvisorId = null);

internal sealed class OpenRepairOrderValidator : AbstractValidator<OpenRepairOrderRequest>
{
    public OpenRepairOrderValidator()
    {
        RuleFor(x => x.CustomerId).NotEmpty().WithErrorCode("repair_order.customer_required");
        RuleFor(x => x.AssetId).NotEmpty().WithErrorCode("repair_order.asset_required");
        RuleFor(x => x.CustomerWords).NotEmpty().WithErrorCode("repair_order.customer_words_required").MaximumLength(RepairOrder.CustomerWordsMaxLength);
        RuleFor(x => x.CheckIn!).SetValidator(new CheckInRequestValidator()).When(x => x.CheckIn is not null);
    }
}

public sealed class OpenRepairOrder(AfterSalesDb db, ICurrentUser user, RequestValidation validation, TimeProvider clock)
{
    public async Task<Outcome<RepairOrderView>> HandleAsync(OpenRepairOrderRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<RepairOrderView>.Invalid(errors);
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

        // Everything read above happens before the transaction: the first statement inside it takes the
        // counter's write lock, and the number commits (or rolls back) with the order.
        RepairOrder order;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var sequence = await RepairOrderNumbers.NextAsync(db, store.Id, day, ct);
            var opening = new RepairOrderOpening(customer.Id, request.AssetId, null, request.CustomerWords, advisorId, advisorName);
            order = RepairOrder.Open(RepairOrder.FormatNumber(day, sequence), store.Id, opening, settings.LabourRate, settings.TaxRate, actor, now);
            if (request.CheckIn is { } checkIn)
            {
                order.RecordCheckIn(checkIn.ToDetails(), actor, now);
            }

            db.Add(order);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
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
