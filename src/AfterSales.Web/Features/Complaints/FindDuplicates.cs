using AfterSales.Domain.Complaints;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints;

/// <summary>
/// Open complaints the new one may duplicate: the same customer, the same asset or the same repair order.
/// Shown at intake (before and after saving); visible stores only.
/// </summary>
public sealed record FindDuplicatesRequest(Guid CustomerId, Guid? AssetId = null, string? RepairOrderReference = null);

public sealed class FindDuplicates(AfterSalesDb db)
{
    public const int Max = 20;

    public async Task<IReadOnlyList<ComplaintListItem>> HandleAsync(FindDuplicatesRequest request, CancellationToken ct)
    {
        var order = string.IsNullOrWhiteSpace(request.RepairOrderReference) ? null : request.RepairOrderReference.Trim();
        var rows = await db.Set<Complaint>().AsNoTracking()
            .Where(c => c.Status != ComplaintStatus.Closed)
            .Where(c => c.CustomerId == request.CustomerId
                || (request.AssetId != null && c.AssetId == request.AssetId)
                || (order != null && c.RepairOrderReference == order))
            .OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Number)
            .Take(Max)
            .ToListAsync(ct);
        return await ComplaintViews.ListAsync(db, rows, ct);
    }

    /// <summary>A repeat complaint (重复投诉): the asset had a complaint before, open or closed, in any store.</summary>
    internal static Task<bool> IsRepeatAsync(AfterSalesDb db, Guid? assetId, CancellationToken ct) =>
        assetId is { } id ? db.Set<Complaint>().IgnoreQueryFilters().AnyAsync(c => c.AssetId == id, ct) : Task.FromResult(false);
}
