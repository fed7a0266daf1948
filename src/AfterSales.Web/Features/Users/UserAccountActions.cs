using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Features.Users;

/// <summary>Sets a new password chosen by the administrator (Identity's policy applies).</summary>
public sealed record ResetPasswordRequest(string NewPassword);

internal sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordRequest>
{
    public ResetPasswordValidator() => RuleFor(x => x.NewPassword).NotEmpty();
}

public sealed class ResetPassword(
    UserManager<AppUser> users,
    AfterSalesDb db,
    RequestValidation validation,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer,
    IOptions<IdentityOptions> identity)
{
    public async Task<Outcome<UserView>> HandleAsync(Guid id, ResetPasswordRequest request, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return Outcome<UserView>.NotFound();
        }

        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<UserView>.Invalid(errors);
        }

        // The reset token also changes the security stamp, which signs the user out of other sessions.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, request.NewPassword);
        if (!result.Succeeded)
        {
            return Outcome<UserView>.Invalid(result.ToFieldErrors(localizer, identity.Value)
                .Select(e => e.Field == "Password" ? e with { Field = nameof(ResetPasswordRequest.NewPassword) } : e).ToList());
        }

        return (await UserQueries.ViewAsync(db, id, clock.GetUtcNow(), ct))!;
    }
}

/// <summary>
/// Clears the sign-in counters of a login (see <see cref="Login.LoginAllowances"/>), so its owner can sign in at once
/// although someone is guessing its password. Audited: who unlocked whom, when.
/// </summary>
public sealed class UnlockUser(AfterSalesDb db, ICurrentUser currentUser, TimeProvider clock, ILogger<UnlockUser> logger)
{
    public async Task<Outcome<UserView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Outcome<UserView>.NotFound();
        }

        var now = clock.GetUtcNow();
        var keys = Login.LoginAllowances.AccountKeys(user.NormalizedUserName ?? Login.LoginAllowances.Normalize(user.UserName ?? string.Empty));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cleared = await db.Set<ThrottleCounter>().Where(c => keys.Contains(c.Key)).ExecuteDeleteAsync(ct);

        // Identity's lockout is no longer used; a lockout left from before ends too.
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserId = currentUser.UserId,
            UserName = currentUser.UserName,
            EntityType = nameof(AppUser),
            EntityId = id,
            Action = "Unlock",
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<UserView>.Conflict("user.changed_by_someone_else");
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("{Administrator} unlocked the login {UserName} ({Counters} counters cleared)", currentUser.UserName, user.UserName, cleared);
        return (await UserQueries.ViewAsync(db, id, now, ct))!;
    }
}

/// <summary>
/// Disables or re-enables a login. A disabled user cannot sign in, their sessions end at the next security
/// stamp check and their API tokens stop working at once.
/// </summary>
public sealed class SetUserActive(UserManager<AppUser> users, AfterSalesDb db, ICurrentUser currentUser, TimeProvider clock, UserTokenCache tokenCache)
{
    public async Task<Outcome<UserView>> HandleAsync(Guid id, bool active, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return Outcome<UserView>.NotFound();
        }

        if (!active && currentUser.UserId == id)
        {
            return Outcome<UserView>.Conflict("user.cannot_disable_self");
        }

        if (!active && user.IsActive && await users.IsInRoleAsync(user, nameof(Domain.Staff.StaffRole.Administrator))
            && !await UserQueries.OtherActiveAdministratorExistsAsync(db, id, ct))
        {
            return Outcome<UserView>.Conflict("user.last_administrator");
        }

        if (user.IsActive != active)
        {
            user.IsActive = active;
            await users.UpdateSecurityStampAsync(user);
            await tokenCache.ForgetAsync(id, ct);
        }

        return (await UserQueries.ViewAsync(db, id, clock.GetUtcNow(), ct))!;
    }
}
