using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Stores;

/// <summary>The stores the user works in (every store for group-wide roles); inactive ones only on request.</summary>
public sealed record ListStoresRequest(bool IncludeInactive = false);

public sealed class ListStores(AfterSalesDb db, ICurrentUser user)
{
    public async Task<IReadOnlyList<StoreView>> HandleAsync(ListStoresRequest request, CancellationToken ct)
    {
        var stores = db.Stores.AsNoTracking();
        if (!user.Scope.AllStores)
        {
            var visible = user.Scope.StoreIds.ToArray();
            stores = stores.Where(s => visible.Contains(s.Id));
        }

        if (!request.IncludeInactive)
        {
            stores = stores.Where(s => s.IsActive);
        }

        var rows = await stores.OrderBy(s => s.Code).ToListAsync(ct);
        return rows.Select(StoreView.From).ToList();
    }
}
