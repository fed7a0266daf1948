using AfterSales.Domain.Returns;
using AfterSales.Web.Features.Files;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Returns;

/// <summary>Return requests carry evidence files (photos, chat screenshots, waybills, test reports) until they are resolved.</summary>
public sealed class ReturnFileOwner(AfterSalesDb db, AccessGuard guard) : FileOwner<ReturnRequest>(guard)
{
    public const string OwnerKind = "return";

    public override string Kind => OwnerKind;

    public override async Task<FileOwnerInfo?> FindAsync(Guid ownerId, CancellationToken ct)
    {
        var request = await db.Set<ReturnRequest>().Where(r => r.Id == ownerId).Select(r => new { r.StoreId, r.Status }).FirstOrDefaultAsync(ct);
        return request is null ? null : new FileOwnerInfo(request.StoreId, request.Status == ReturnStatus.Resolved ? "return.evidence_closed" : null);
    }
}
