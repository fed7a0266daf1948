using AfterSales.Web.Features.Users;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.ApiTokens;

/// <summary>Revokes a token for good; the row stays for the audit trail. Revoking twice keeps the first time.</summary>
public sealed class RevokeApiToken(AfterSalesDb db, TimeProvider clock, UserTokenCache tokenCache)
{
    public async Task<Outcome<ApiTokenView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null)
        {
            return Outcome<ApiTokenView>.NotFound();
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            tokenCache.Forget(token.TokenHash);
        }

        return await ApiTokenViews.ViewAsync(db, token, clock.GetUtcNow(), ct);
    }
}
