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

    /// <summary>
    /// The earlier complaint that makes a new one a repeat (<see cref="ComplaintRepeats"/>), in any store: the asset's
    /// latest, else the customer's latest within the window, else the latest of another customer with one of its phones.
    /// </summary>
    internal static async Task<ComplaintRepeatOf?> RepeatOfAsync(AfterSalesDb db, Guid customerId, Guid? assetId, DateTimeOffset now, CancellationToken ct)
    {
        var all = db.Set<Complaint>().IgnoreQueryFilters().AsNoTracking();
        if (assetId is { } asset && await LatestAsync(all.Where(c => c.AssetId == asset), ct) is { } byAsset)
        {
            return new ComplaintRepeatOf(byAsset, RepeatBasis.Asset);
        }

        var since = ComplaintRepeats.WindowStart(now);
        if (await LatestAsync(all.Where(c => c.CustomerId == customerId && c.ReceivedAt >= since), ct) is { } byCustomer)
        {
            return new ComplaintRepeatOf(byCustomer, RepeatBasis.Customer);
        }

        var phones = (await db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == customerId).ToListAsync(ct))
            .SelectMany(c => c.Phones).Select(p => p.Number).Distinct().ToList();
        if (phones.Count == 0)
        {
            return null;
        }

        // The search index holds every customer phone as a term of its own (the asset's terms carry the asset's id).
        var samePhone = db.SearchTerms.Where(t => phones.Contains(t.Term) && t.AssetId == null && t.CustomerId != customerId).Select(t => t.CustomerId);
        return await LatestAsync(all.Where(c => samePhone.Contains(c.CustomerId) && c.ReceivedAt >= since), ct) is { } byPhone
            ? new ComplaintRepeatOf(byPhone, RepeatBasis.Phone)
            : null;
    }

    private static async Task<Guid?> LatestAsync(IQueryable<Complaint> complaints, CancellationToken ct) =>
        await complaints.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Number).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
}
