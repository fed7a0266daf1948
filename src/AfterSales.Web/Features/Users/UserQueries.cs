using AfterSales.Domain.Staff;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Users;

/// <summary>Reads users with their role names and stores in three set-based queries, not one per user.</summary>
internal static class UserQueries
{
    public static async Task<List<UserView>> ViewsAsync(AfterSalesDb db, IReadOnlyList<AppUser> users, DateTimeOffset now, CancellationToken ct)
    {
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var stores = await (from us in db.UserStores
                            join s in db.Stores on us.StoreId equals s.Id
                            where ids.Contains(us.UserId)
                            select new { us.UserId, s.Id, s.Code, s.Name }).ToListAsync(ct);
        var signIns = await SignInStatesAsync(db, users, now, ct);
        return users.Select(u => new UserView(
            u.Id,
            u.UserName ?? string.Empty,
            u.DisplayName,
            u.Email,
            u.PhoneNumber,
            roles.Where(r => r.UserId == u.Id).Select(r => StaffRoles.TryParse(r.Name, out var role) ? role : (StaffRole?)null).OfType<StaffRole>().Order().ToList(),
            stores.Where(s => s.UserId == u.Id).OrderBy(s => s.Code).Select(s => new StoreRef(s.Id, s.Code, s.Name)).ToList(),
            u.IsActive,
            signIns[u.Id].LockedUntil is not null,
            signIns[u.Id].LockedUntil,
            signIns[u.Id].Attempts,
            u.PreferredCulture,
            u.CreatedAt,
            u.ConcurrencyStamp ?? string.Empty)).ToList();
    }

    /// <summary>
    /// Per user: until when sign-ins for their name are refused (a tier of <see cref="Login.LoginAllowances"/> used up),
    /// and how many attempts the longest running window counts. A success clears them, so these are failures.
    /// </summary>
    private static async Task<Dictionary<Guid, (DateTimeOffset? LockedUntil, int Attempts)>> SignInStatesAsync(
        AfterSalesDb db, IReadOnlyList<AppUser> users, DateTimeOffset now, CancellationToken ct)
    {
        var keysOf = users.ToDictionary(u => u.Id, u => Login.LoginAllowances.AccountKeys(u.NormalizedUserName ?? Login.LoginAllowances.Normalize(u.UserName ?? string.Empty)));
        var allKeys = keysOf.Values.SelectMany(k => k).ToList();
        var counters = (await db.Set<Infrastructure.ThrottleCounter>().AsNoTracking()
            .Where(c => allKeys.Contains(c.Key)).ToListAsync(ct))
            .Where(c => c.WindowEndsAt > now).ToDictionary(c => c.Key);
        return keysOf.ToDictionary(p => p.Key, p =>
        {
            var running = p.Value.Select((key, tier) => (Counter: counters.GetValueOrDefault(key), Tier: Login.LoginAllowances.AccountTiers[tier]))
                .Where(t => t.Counter is not null).ToList();
            var full = running.Where(t => t.Counter!.Count >= t.Tier.Limit).Select(t => (DateTimeOffset?)t.Counter!.WindowEndsAt).Max();
            return (full, running.Count == 0 ? 0 : running.Max(t => t.Counter!.Count));
        });
    }

    public static async Task<UserView?> ViewAsync(AfterSalesDb db, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        return user is null ? null : (await ViewsAsync(db, [user], now, ct))[0];
    }

    /// <summary>Active users holding the Administrator role, other than <paramref name="except"/>.</summary>
    public static Task<bool> OtherActiveAdministratorExistsAsync(AfterSalesDb db, Guid except, CancellationToken ct)
    {
        var admin = nameof(StaffRole.Administrator);
        return (from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                join u in db.Users on ur.UserId equals u.Id
                where r.Name == admin && u.IsActive && u.Id != except
                select u.Id).AnyAsync(ct);
    }
}
