using AfterSales.Domain.Staff;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Users;

/// <summary>Staff logins, filtered in the database by text (login, name, e-mail), role, store and active state; paged.</summary>
public sealed record ListUsersRequest(string? Query = null, StaffRole? Role = null, Guid? StoreId = null, bool? Active = null, int? Page = null, int? PageSize = null);

public sealed class ListUsers(AfterSalesDb db, TimeProvider clock)
{
    public async Task<Page<UserView>> HandleAsync(ListUsersRequest request, CancellationToken ct)
    {
        var (page, size) = Paging.Clamp(request.Page, request.PageSize);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Query))
        {
            var text = request.Query.Trim();
            var upper = text.ToUpperInvariant();
            users = users.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(text) || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(upper)));
        }

        if (request.Role is { } role)
        {
            var name = role.ToString();
            var holders = from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == name select ur.UserId;
            users = users.Where(u => holders.Contains(u.Id));
        }

        if (request.StoreId is { } storeId)
        {
            var members = db.UserStores.Where(s => s.StoreId == storeId).Select(s => s.UserId);
            users = users.Where(u => members.Contains(u.Id));
        }

        if (request.Active is { } active)
        {
            users = users.Where(u => u.IsActive == active);
        }

        var total = await users.CountAsync(ct);
        var rows = await users.OrderBy(u => u.UserName).ThenBy(u => u.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<UserView>(await UserQueries.ViewsAsync(db, rows, clock.GetUtcNow(), ct), page, size, total);
    }
}

public sealed class GetUser(AfterSalesDb db, TimeProvider clock)
{
    public async Task<Outcome<UserView>> HandleAsync(Guid id, CancellationToken ct) =>
        await UserQueries.ViewAsync(db, id, clock.GetUtcNow(), ct) is { } view ? view : Outcome<UserView>.NotFound();
}
