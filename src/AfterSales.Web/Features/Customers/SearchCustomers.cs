using AfterSales.Domain.Common;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Customers;

/// <summary>
/// The one search box: name, phone or its last four digits, plate, VIN, serial or IMEI, all by prefix
/// over the indexed <see cref="SearchTerm"/> keys. Without a query it lists the newest customers.
/// </summary>
public sealed record SearchCustomersRequest(string? Query, int? Page = null, int? PageSize = null, Guid? StoreId = null);

public sealed class SearchCustomers(AfterSalesDb db, ICurrentUser user)
{
    public async Task<Page<CustomerListItem>> HandleAsync(SearchCustomersRequest request, CancellationToken ct)
    {
        var (page, size) = Paging.Clamp(request.Page, request.PageSize);
        var customers = db.Customers.AsNoTracking();
        if (request.StoreId is { } storeId)
        {
            customers = customers.Where(c => c.StoreId == storeId);
        }

        var term = SearchIndex.Normalize(request.Query);
        IQueryable<Domain.Customers.Customer> ordered;
        if (term.Length == 0)
        {
            ordered = customers.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id);
        }
        else
        {
            var upper = SearchIndex.UpperBound(term);
            var matches = db.SearchTerms
                .Where(t => string.Compare(t.Term, term) >= 0 && string.Compare(t.Term, upper) < 0)
                .Select(t => t.CustomerId);
            ordered = customers.Where(c => matches.Contains(c.Id)).OrderBy(c => c.Name).ThenBy(c => c.Id);
        }

        var total = await ordered.CountAsync(ct);
        var rows = await ordered
            .Skip((page - 1) * size)
            .Take(size)
            .ToListAsync(ct);

        var ids = rows.Select(r => r.Id).ToList();
        var storeIds = rows.Select(r => r.StoreId).Distinct().ToList();
        var assets = await db.Assets.AsNoTracking()
            .Where(a => ids.Contains(a.CustomerId))
            .Select(a => new { a.CustomerId, a.Kind, a.Plate, a.Vin, a.Brand, a.Model, a.SerialNumber, a.Imei })
            .ToListAsync(ct);
        var stores = await db.Stores.AsNoTracking().Where(s => storeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);

        var full = user.SeesFullContact;
        var items = rows.Select(r =>
        {
            var phone = r.PrimaryPhone;
            return new CustomerListItem(
                r.Id,
                r.Kind,
                r.Name,
                full ? phone : Masking.MaskPhone(phone),
                full ? r.Address : Masking.MaskAddress(r.Address),
                stores.GetValueOrDefault(r.StoreId, string.Empty),
                assets.Where(a => a.CustomerId == r.Id).Select(a => $"{a.Plate ?? a.Vin ?? a.SerialNumber ?? a.Imei} {a.Brand} {a.Model}".Trim()).ToList(),
                r.CreatedAt);
        }).ToList();
        return new Page<CustomerListItem>(items, page, size, total);
    }
}
