using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Stores;

/// <summary>
/// Deactivates or reactivates a store. A deactivated store keeps its records and history but takes no new
/// customers; it stays visible to administrators.
/// </summary>
public sealed class SetStoreActive(AfterSalesDb db)
{
    public async Task<Outcome<StoreView>> HandleAsync(Guid id, bool active, CancellationToken ct)
    {
        var store = await db.Stores.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (store is null)
        {
            return Outcome<StoreView>.NotFound();
        }

        if (active)
        {
            store.Activate();
        }
        else
        {
            store.Deactivate();
        }

        return await StoreSaving.SaveAsync(db, store, store.Code, ct);
    }
}
