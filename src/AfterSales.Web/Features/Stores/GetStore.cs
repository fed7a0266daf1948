using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Stores;

/// <summary>One store with its calendar; stores outside the user's scope answer "not found".</summary>
public sealed class GetStore(AfterSalesDb db, ICurrentUser user)
{
    public async Task<Outcome<StoreView>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (!user.Scope.Includes(id))
        {
            return Outcome<StoreView>.NotFound();
        }

        var store = await db.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return store is null ? Outcome<StoreView>.NotFound() : StoreView.From(store);
    }
}
