using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace AfterSales.Web.Features.Users;

/// <summary>
/// The API token handler caches a token's principal for 30 seconds by the token's hash; dropping those entries
/// makes a revocation, a disabled user or changed roles count from the next request on this instance.
/// </summary>
public sealed class UserTokenCache(AfterSalesDb db, IMemoryCache cache)
{
    public async Task ForgetAsync(Guid userId, CancellationToken ct)
    {
        var hashes = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).Select(t => t.TokenHash).ToListAsync(ct);
        foreach (var hash in hashes)
        {
            cache.Remove(hash);
        }
    }

    public void Forget(string tokenHash) => cache.Remove(tokenHash);
}
