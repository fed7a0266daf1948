using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Components.Shared;

/// <summary>A store the current user may file records under.</summary>
public sealed record StoreOption(Guid Id, string Code, string Name)
{
    public static async Task<IReadOnlyList<StoreOption>> ForCurrentUserAsync(IServiceProvider services)
    {
        var scope = services.GetRequiredService<ICurrentUser>().Scope;
        var ids = scope.StoreIds.ToArray();
        var db = services.GetRequiredService<AfterSalesDb>();
        return await db.Stores.AsNoTracking()
            .Where(s => s.IsActive && (scope.AllStores || ids.Contains(s.Id)))
            .OrderBy(s => s.Code)
            .Select(s => new StoreOption(s.Id, s.Code, s.Name))
            .ToListAsync();
    }
}
