using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.RepairOrders;

/// <summary>
/// The repair order list, newest first. Text matches the number by prefix ("RO-20261123") or the customer
/// and their assets by anything the customer search knows (name, phone, plate, VIN…), both over indexes.
/// </summary>
public sealed record SearchRepairOrdersRequest(string? Query = null, RepairOrderStatus? Status = null, Guid? StoreId = null, int? Page = null, int? PageSize = null);

public sealed class SearchRepairOrders(AfterSalesDb db)
{
    public async Task<Page<RepairOrderListItem>> HandleAsync(SearchRepairOrdersRequest request, CancellationToken ct)
    {
        var (page, size) = Paging.Clamp(request.Page, request.PageSize);
        var orders = db.Set<RepairOrder>().AsNoTracking();
        if (request.Status is { } status)
        {
            orders = orders.Where(o => o.Status == status);
        }

        if (request.StoreId is { } storeId)
        {
            orders = orders.Where(o => o.StoreId == storeId);
        }

        var number = (request.Query ?? string.Empty).Trim().ToUpperInvariant();
        var term = SearchIndex.Normalize(request.Query);
        if (term.Length > 0)
        {
            var upperNumber = number.Length > 0 ? SearchIndex.UpperBound(number) : number;
            var upperTerm = SearchIndex.UpperBound(term);
            var matches = db.SearchTerms.Where(t => string.Compare(t.Term, term) >= 0 && string.Compare(t.Term, upperTerm) < 0);

            // A term of an asset (plate, VIN) finds that asset's orders; a term of the customer (name, phone) all of theirs.
            var assets = matches.Where(t => t.AssetId != null).Select(t => t.AssetId);
            var customers = matches.Where(t => t.AssetId == null).Select(t => t.CustomerId);
            orders = orders.Where(o =>
                (string.Compare(o.Number, number) >= 0 && string.Compare(o.Number, upperNumber) < 0)
                || assets.Contains(o.AssetId)
                || customers.Contains(o.CustomerId));
        }

        var ordered = orders.OrderByDescending(o => o.OpenedAt).ThenByDescending(o => o.Number);
        var total = await ordered.CountAsync(ct);
        var rows = await ordered.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<RepairOrderListItem>(await RepairOrderViews.ListAsync(db, rows, ct), page, size, total);
    }
}
