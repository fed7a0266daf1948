using AfterSales.Domain.Common;
using AfterSales.Domain.Staff;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Users;

/// <summary>
/// Changes a staff login's details, roles, stores and active state in one save. <see cref="ConcurrencyStamp"/>
/// is the stamp the editor started from; a stale one is a conflict.
/// </summary>
public sealed record UpdateUserRequest(
    string ConcurrencyStamp,
    string DisplayName,
    IReadOnlyList<StaffRole> Roles,
    IReadOnlyList<Guid> Stores,
    bool IsActive = true,
    string? Email = null,
    string? Phone = null) : IUserFields;

internal sealed class UpdateUserValidator : AbstractValidator<UpdateUserRequest>
{
    public UpdateUserValidator()
    {
        RuleFor(x => x.ConcurrencyStamp).NotEmpty();
        this.AddUserRules();
    }
}

public sealed class UpdateUser(AfterSalesDb db, UserManager<AppUser> users, ICurrentUser currentUser, RequestValidation validation, TimeProvider clock, UserTokenCache tokenCache)
{
    public async Task<Outcome<UserView>> HandleAsync(Guid id, UpdateUserRequest request, CancellationToken ct)
    {
        var user = await db.Users.Include(u => u.Stores).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Outcome<UserView>.NotFound();
        }

        var errors = (await validation.CheckAsync(request, ct)).ToList();
        if (errors.Count == 0 && await UserFields.CheckStoresAsync(db, request.Stores, ct) is { } storeError)
        {
            errors.Add(storeError);
        }

        if (errors.Count > 0)
        {
            return Outcome<UserView>.Invalid(errors);
        }

        var roleIds = await UserFields.RoleIdsAsync(db, ct);
        var currentRoles = await db.UserRoles.Where(r => r.UserId == id).ToListAsync(ct);
        var keepsAdmin = request.IsActive && request.Roles.Contains(StaffRole.Administrator);
        var wasAdmin = user.IsActive && currentRoles.Any(r => r.RoleId == roleIds[StaffRole.Administrator]);
        if (wasAdmin && !keepsAdmin && await UserGuards.RefuseLosingAdminAsync(db, currentUser, id, ct) is { } refusal)
        {
            return Outcome<UserView>.Invalid(refusal.Code, refusal.Field);
        }

        db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        user.DisplayName = request.DisplayName.Trim();
        user.Email = UserFields.Clean(request.Email);
        user.NormalizedEmail = users.NormalizeEmail(user.Email);
        user.PhoneNumber = UserFields.Clean(request.Phone) is { } phone ? PhoneNumber.Normalize(phone) : null;

        var wanted = request.Roles.Distinct().Select(r => roleIds[r]).ToHashSet();
        db.UserRoles.RemoveRange(currentRoles.Where(r => !wanted.Contains(r.RoleId)));
        db.UserRoles.AddRange(wanted.Where(r => currentRoles.All(c => c.RoleId != r)).Select(r => new IdentityUserRole<Guid> { UserId = id, RoleId = r }));

        var stores = request.Stores.ToHashSet();
        user.Stores.RemoveAll(s => !stores.Contains(s.StoreId));
        user.Stores.AddRange(stores.Where(s => user.Stores.All(m => m.StoreId != s)).Select(s => new UserStore { UserId = id, StoreId = s }));

        var accessChanged = user.IsActive != request.IsActive || db.ChangeTracker.Entries<IdentityUserRole<Guid>>().Any(e => e.State != EntityState.Unchanged)
            || db.ChangeTracker.Entries<UserStore>().Any(e => e.State != EntityState.Unchanged);
        user.IsActive = request.IsActive;
        if (accessChanged)
        {
            // Signed-in sessions re-read roles and stores when the security stamp changes.
            user.SecurityStamp = Guid.NewGuid().ToString();
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<UserView>.Conflict("user.changed_by_someone_else");
        }

        if (accessChanged)
        {
            await tokenCache.ForgetAsync(id, ct);
        }

        return (await UserQueries.ViewAsync(db, id, clock.GetUtcNow(), ct))!;
    }
}

internal static class UserGuards
{
    /// <summary>Nobody may take away their own administration, and the group always keeps one active administrator.</summary>
    public static async Task<FieldError?> RefuseLosingAdminAsync(AfterSalesDb db, ICurrentUser currentUser, Guid target, CancellationToken ct)
    {
        if (currentUser.UserId == target)
        {
            return new FieldError("user.cannot_demote_self", nameof(UpdateUserRequest.Roles));
        }

        return await UserQueries.OtherActiveAdministratorExistsAsync(db, target, ct)
            ? null
            : new FieldError("user.last_administrator", nameof(UpdateUserRequest.Roles));
    }
}
