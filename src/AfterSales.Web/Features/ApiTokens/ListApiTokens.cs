using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.ApiTokens;

public sealed record ListApiTokensRequest(Guid? UserId = null, bool IncludeRevoked = true, int? Page = null, int? PageSize = null);

public sealed class ListApiTokens(AfterSalesDb db, TimeProvider clock)
{
    public async Task<Page<ApiTokenView>> HandleAsync(ListApiTokensRequest request, CancellationToken ct)
    {
        var (page, size) = Paging.Clamp(request.Page, request.PageSize);
        var tokens = db.ApiTokens.AsNoTracking();
        if (request.UserId is { } userId)
        {
            tokens = tokens.Where(t => t.UserId == userId);
        }

        if (!request.IncludeRevoked)
        {
            tokens = tokens.Where(t => t.RevokedAt == null);
        }

        var total = await tokens.CountAsync(ct);
        var rows = await (from t in tokens
                          join u in db.Users on t.UserId equals u.Id
                          orderby t.CreatedAt descending, t.Id
                          select new { Token = t, u.UserName, u.DisplayName })
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return new Page<ApiTokenView>(rows.Select(r => ApiTokenViews.From(r.Token, r.UserName ?? string.Empty, r.DisplayName, now)).ToList(), page, size, total);
    }
}

internal static class ApiTokenViews
{
    public static ApiTokenView From(ApiToken t, string userName, string displayName, DateTimeOffset now) => new(
        t.Id,
        t.Name,
        t.Prefix,
        t.UserId,
        userName,
        displayName,
        t.CreatedAt,
        t.ExpiresAt,
        t.LastUsedAt,
        t.RevokedAt,
        t.RevokedAt is not null ? ApiTokenStatus.Revoked : t.ExpiresAt is { } e && e <= now ? ApiTokenStatus.Expired : ApiTokenStatus.Active);

    public static async Task<Outcome<ApiTokenView>> ViewAsync(AfterSalesDb db, ApiToken token, DateTimeOffset now, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == token.UserId).Select(u => new { u.UserName, u.DisplayName }).FirstAsync(ct);
        return From(token, user.UserName ?? string.Empty, user.DisplayName, now);
    }
}
