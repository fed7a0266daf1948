using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using AfterSales.Web.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Infrastructure;

/// <summary>Bearer tokens an administrator issues for integrations: "Authorization: Bearer as_…".</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IMemoryCache cache,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenPrefix = "as_";

    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewToken() => TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        var hash = Hash(token);
        if (cache.TryGetValue<ClaimsPrincipal>(hash, out var cached) && cached is not null)
        {
            return AuthenticateResult.Success(new AuthenticationTicket(cached, SchemeName));
        }

        var db = Context.RequestServices.GetRequiredService<AfterSalesDb>();
        var now = clock.GetUtcNow();
        var row = await db.ApiTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        if (row is null || row.RevokedAt is not null || (row.ExpiresAt is { } expires && expires <= now))
        {
            return AuthenticateResult.Fail("Invalid or revoked API token.");
        }

        var users = Context.RequestServices.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(row.UserId.ToString());
        if (user is null || !user.IsActive)
        {
            return AuthenticateResult.Fail("The token's user is disabled.");
        }

        var factory = Context.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var principal = await factory.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName);
        principal = new ClaimsPrincipal(identity);

        // Last use is informative; a write per minute at most keeps the hot path read-only.
        if (row.LastUsedAt is null || now - row.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db.ApiTokens.Where(t => t.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        cache.Set(hash, principal, CacheFor);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Adds the staff member's stores and display name to their principal.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options, AfterSalesDb db)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        var stores = await db.UserStores.Where(s => s.UserId == user.Id).Select(s => s.StoreId).ToListAsync();
        foreach (var store in stores)
        {
            identity.AddClaim(new Claim(AppClaims.Store, store.ToString()));
        }

        return identity;
    }
}
