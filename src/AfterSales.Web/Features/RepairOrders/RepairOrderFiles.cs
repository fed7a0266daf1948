using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Features.Files;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.RepairOrders;

/// <summary>
/// Repair orders carry photos: the walk-around at check-in (damage, dashboard, mileage) and anything the advisor
/// records while the order is open. A delivered or cancelled order keeps its photos and takes no more.
/// </summary>
public sealed class RepairOrderFileOwner(AfterSalesDb db, AccessGuard guard) : FileOwner<RepairOrder>(guard)
{
    public const string OwnerKind = "repair-order";

    public override string Kind => OwnerKind;

    public override async Task<FileOwnerInfo?> FindAsync(Guid ownerId, CancellationToken ct)
    {
        var order = await db.Set<RepairOrder>().Where(o => o.Id == ownerId).Select(o => new { o.StoreId, o.Status }).FirstOrDefaultAsync(ct);
        return order is null
            ? null
            : new FileOwnerInfo(order.StoreId, order.Status is RepairOrderStatus.Delivered or RepairOrderStatus.Cancelled ? "repair_order.files_closed" : null);
    }
}
