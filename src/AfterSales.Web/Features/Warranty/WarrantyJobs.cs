using AfterSales.Domain.Common;
using AfterSales.Domain.Delivery;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Warranty;

/// <summary>
/// The repair-order job a warranty decision or claim names ("RepairOrderJob"): it must be a real job of an order of
/// that asset in the user's stores. A decision on it is the job's pay type, set in the caller's save.
/// </summary>
internal static class WarrantyJobs
{
    public const string JobNotFound = "warranty.job_not_found";

    public static bool IsRepairOrderJob(string? kind) => string.Equals(kind?.Trim(), JobComponentGroups.JobKind, StringComparison.Ordinal);

    /// <summary>The order (tracked, with its jobs) holding the job, if it is an order of the asset; otherwise null.</summary>
    public static async Task<RepairOrder?> OrderOfAsync(AfterSalesDb db, Guid assetId, Guid jobId, CancellationToken ct)
    {
        var orderId = await db.Set<RepairOrder>().Where(o => o.AssetId == assetId && o.Jobs.Any(j => j.Id == jobId)).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        return orderId is { } id ? await RepairOrderViews.LoadAsync(db, id, tracking: true, ct) : null;
    }

    /// <summary>Whether the order's settlement is closed: its bill is issued and no pay type may change any more.</summary>
    public static Task<bool> IsSettledAsync(AfterSalesDb db, Guid orderId, CancellationToken ct) =>
        db.Set<OrderDelivery>().AnyAsync(d => d.RepairOrderId == orderId && d.SettledAt != null, ct);

    /// <summary>Sets the job's pay type as decided; refused once the order is settled, delivered or cancelled.</summary>
    public static async Task<FieldError?> ApplyPayTypeAsync(AfterSalesDb db, RepairOrder order, Guid jobId, PayType payType, CancellationToken ct)
    {
        if (await IsSettledAsync(db, order.Id, ct))
        {
            return new FieldError(OrderDelivery.AlreadySettled);
        }

        if (order.DecidePayType(jobId, payType) is { } refused)
        {
            return refused;
        }

        // The order's totals changed: an editor holding the order's old version must not save over the decision.
        db.Entry(order).Property(o => o.Version).IsModified = true;
        return null;
    }
}
