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
        return users.Select(u => new UserView(
            u.Id,
            u.UserName ?? string.Empty,
            u.DisplayName,
            u.Email,
            u.PhoneNumber,
            roles.Where(r => r.UserId == u.Id).Select(r => StaffRoles.TryParse(r.Name, out var role) ? role : (StaffRole?)null).OfType<StaffRole>().Order().ToList(),
            stores.Where(s => s.UserId == u.Id).OrderBy(s => s.Code).Select(s => new StoreRef(s.Id, s.Code, s.Name)).ToList(),
            u.IsActive,
            u.LockoutEnd is { } end && end > now,
            u.LockoutEnd is { } until && until > now ? until : null,
            u.AccessFailedCount,
            u.PreferredCulture,
            u.CreatedAt,
            u.ConcurrencyStamp ?? string.Empty)).ToList();
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
