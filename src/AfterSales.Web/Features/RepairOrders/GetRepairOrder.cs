using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.RepairOrders;

public sealed class GetRepairOrder(AfterSalesDb db, ICurrentUser user, AccessGuard guard)
{
    public async Task<Outcome<RepairOrderView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var order = await RepairOrderViews.LoadAsync(db, id, tracking: false, ct);
        return order is null
            ? await guard.NotFoundAsync<RepairOrder, RepairOrderView>(id, ct)
            : await RepairOrderViews.ViewAsync(db, order, user.SeesFullContact, ct);
    }
}

/// <summary>Every status change of an order, oldest first: who, when, from, to, why.</summary>
public sealed class GetRepairOrderHistory(AfterSalesDb db, AccessGuard guard)
{
    public async Task<Outcome<IReadOnlyList<RepairOrderStatusChangeView>>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Set<RepairOrder>().AnyAsync(o => o.Id == id, ct))
        {
            return await guard.NotFoundAsync<RepairOrder, IReadOnlyList<RepairOrderStatusChangeView>>(id, ct);
        }

        var rows = await db.Set<RepairOrderStatusChange>().AsNoTracking()
            .Where(h => h.RepairOrderId == id)
            .OrderBy(h => h.OrderVersion).ThenBy(h => h.At)
            .Select(h => new RepairOrderStatusChangeView(h.At, h.UserName, h.From, h.To, h.Trigger, h.Reason))
            .ToListAsync(ct);
        return rows;
    }
}

/// <summary>A stored signature: its image, and the exact text signed with its hash.</summary>
public sealed record SignatureEvidence(Guid Id, string SignerName, DateTimeOffset SignedAt, SignatureChannel Channel, byte[]? ImagePng, string SnapshotJson, string SnapshotSha256, bool IsIntact);

public sealed class GetSignature(AfterSalesDb db, AccessGuard guard)
{
    public async Task<Outcome<SignatureEvidence>> HandleAsync(Guid orderId, Guid signatureId, CancellationToken ct)
    {
        // The order's query filter decides visibility; the signature must belong to that order.
        if (!await db.Set<RepairOrder>().AnyAsync(o => o.Id == orderId, ct))
        {
            return await guard.NotFoundAsync<RepairOrder, SignatureEvidence>(orderId, ct);
        }

        var signature = await db.Set<RepairOrderSignature>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == signatureId && s.RepairOrderId == orderId, ct);
        return signature is null
            ? Outcome<SignatureEvidence>.NotFound()
            : new SignatureEvidence(signature.Id, signature.SignerName, signature.SignedAt, signature.Channel, signature.ImagePng, signature.SnapshotJson, signature.SnapshotSha256, signature.IsIntact);
    }
}
