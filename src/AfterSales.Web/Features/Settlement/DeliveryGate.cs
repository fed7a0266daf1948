using System.Security.Cryptography;
using AfterSales.Domain.Common;
using AfterSales.Domain.Customers;
using AfterSales.Domain.Delivery;
using AfterSales.Domain.Labour;
using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Features.Labour;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Settlement;

/// <summary>
/// The one gate for delivery and settlement changes: loads the order (in the user's stores) with its delivery record,
/// checks the version of the ORDER the user saw (every change bumps it, so two cashiers on one order collide),
/// applies the change and closes the settlement with a gapless invoice number once nothing is outstanding.
/// </summary>
public sealed class DeliveryGate(AfterSalesDb db, ICurrentUser user, AccessGuard guard, TimeProvider clock, IDataProtectionProvider protection)
{
    private const string DiscountAboveLimit = "repair_order.discount_above_your_limit";

    private readonly IDataProtector gatePasses = protection.CreateProtector("AfterSales.Delivery.GatePass.v1");

    internal DateTimeOffset Now => clock.GetUtcNow();

    internal AfterSalesDb Db => db;

    internal ICurrentUser User => user;

    /// <summary>The signed token the gate pass's code carries.</summary>
    internal string GatePassToken(string code) => gatePasses.Protect("gate|" + code);

    /// <summary>The pass code in a scanned token; null if it is not a token this system signed.</summary>
    internal string? ReadGatePass(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            var payload = gatePasses.Unprotect(token.Trim());
            return payload.StartsWith("gate|", StringComparison.Ordinal) ? payload[5..] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    internal static string NewGatePassCode() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    internal async Task<Outcome<DeliveryView>> GetAsync(Guid id, CancellationToken ct)
    {
        var order = await RepairOrderViews.LoadAsync(db, id, tracking: false, ct);
        if (order is null)
        {
            return await guard.NotFoundAsync<RepairOrder, DeliveryView>(id, ct);
        }

        var delivery = await LoadDeliveryAsync(order.Id, tracking: false, ct) ?? OrderDelivery.Start(order, DeliveryViews.SignedEstimate(order), Now);
        return await ViewAsync(order, delivery, ct);
    }

    internal async Task<Outcome<DeliveryView>> ChangeAsync(
        Guid id,
        int version,
        Func<RepairOrder, OrderDelivery, RepairOrderActor, ServiceSettings, Task<FieldError?>> change,
        CancellationToken ct)
    {
        var order = await RepairOrderViews.LoadAsync(db, id, tracking: true, ct);
        if (order is null)
        {
            return await guard.NotFoundAsync<RepairOrder, DeliveryView>(id, ct);
        }

        if (order.Version != version)
        {
            return Outcome<DeliveryView>.Conflict(RepairOrderGate.ChangedBySomeoneElse);
        }

        var settings = await GetServiceSettings.LoadAsync(db, order.StoreId, ct);
        var actor = new RepairOrderActor(user.UserId, user.UserName, settings.DiscountLimitFor(user.Roles));
        var delivery = await LoadDeliveryAsync(order.Id, tracking: true, ct);
        if (delivery is null)
        {
            delivery = OrderDelivery.Start(order, DeliveryViews.SignedEstimate(order), Now);
            db.Add(delivery);
        }

        if (await change(order, delivery, actor, settings) is { } refusal)
        {
            return refusal.Code == DiscountAboveLimit ? Outcome<DeliveryView>.Forbidden(refusal.Code)
                : refusal.Field is null ? Outcome<DeliveryView>.Conflict(refusal.Code)
                : Outcome<DeliveryView>.Invalid([refusal]);
        }

        db.Entry(order).Property(o => o.Version).OriginalValue = version;
        db.Entry(order).Property(o => o.Version).IsModified = true;
        try
        {
            if (delivery.CanSettle(order, settings.SettlementTolerancePercent))
            {
                // The invoice number commits (or rolls back) with the settlement: gapless per store and year.
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var year = TimeZoneInfo.ConvertTime(Now, await StoreZoneAsync(order.StoreId, ct)).Year;
                var sequence = await InvoiceNumbers.NextAsync(db, order.StoreId, year, ct);
                delivery.TrySettle(order, settings.SettlementTolerancePercent, () => InvoiceNumbers.Format(year, sequence), Now);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            else
            {
                await db.SaveChangesAsync(ct);
            }
        }
        catch (DbUpdateException)
        {
            // A stale version, or a delivery record created by someone else at the same moment.
            return Outcome<DeliveryView>.Conflict(RepairOrderGate.ChangedBySomeoneElse);
        }

        return await ViewAsync(order, delivery, ct);
    }

    internal Task<OrderDelivery?> LoadDeliveryAsync(Guid orderId, bool tracking, CancellationToken ct)
    {
        var query = db.Set<OrderDelivery>().Include(d => d.Payments).Where(d => d.RepairOrderId == orderId);
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    private async Task<TimeZoneInfo> StoreZoneAsync(Guid storeId, CancellationToken ct)
    {
        var zone = await db.Stores.IgnoreQueryFilters().Where(s => s.Id == storeId).Select(s => s.TimeZoneId).FirstAsync(ct);
        return TimeZoneInfo.FindSystemTimeZoneById(zone);
    }

    private async Task<Outcome<DeliveryView>> ViewAsync(RepairOrder order, OrderDelivery delivery, CancellationToken ct)
    {
        var view = await RepairOrderViews.ViewAsync(db, order, user.SeesFullContact, ct);
        var settings = await GetServiceSettings.LoadAsync(db, order.StoreId, ct);
        var kind = await db.Customers.IgnoreQueryFilters().Where(c => c.Id == order.CustomerId).Select(c => c.Kind).FirstAsync(ct);
        var token = delivery.GatePassCode is { } code ? GatePassToken(code) : null;
        return DeliveryViews.Build(view, order, delivery, settings.SettlementTolerancePercent, kind, token);
    }
}

/// <summary>
/// Invoice numbers <c>INV-yyyy-NNNNNN</c>, per store and year without gaps: the same atomic upsert as repair order
/// numbers, in the same counter table under a key of their own ("storeId/INVyyyy"), inside the settling transaction.
/// </summary>
public static class InvoiceNumbers
{
    public static async Task<int> NextAsync(AfterSalesDb db, Guid storeId, int year, CancellationToken ct)
    {
        var key = $"{storeId:D}/INV{year:D4}";
        var values = await db.Database
            .SqlQuery<int>($"""INSERT INTO "RepairOrderCounters" ("Key", "Value") VALUES ({key}, 1) ON CONFLICT ("Key") DO UPDATE SET "Value" = "RepairOrderCounters"."Value" + 1 RETURNING "Value" """)
            .ToListAsync(ct);
        return values.Single();
    }

    public static string Format(int year, int sequence) => $"INV-{year:D4}-{sequence:D6}";
}

internal static class CustomerKinds
{
    public static bool AccountAllowed(CustomerKind kind) => kind == CustomerKind.Company;
}
