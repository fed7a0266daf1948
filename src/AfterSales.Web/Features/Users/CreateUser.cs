using AfterSales.Domain.Common;
using AfterSales.Domain.Staff;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Features.Users;

/// <summary>Creates a staff login with its roles, stores and an initial password.</summary>
public sealed record CreateUserRequest(
    string UserName,
    string DisplayName,
    string Password,
    IReadOnlyList<StaffRole> Roles,
    IReadOnlyList<Guid> Stores,
    string? Email = null,
    string? Phone = null,
    string PreferredCulture = "zh-CN") : IUserFields;

internal sealed class CreateUserValidator : AbstractValidator<CreateUserRequest>
{
    public CreateUserValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().MaximumLength(UserFields.UserNameMaxLength);
        RuleFor(x => x.Password).NotEmpty();
        RuleFor(x => x.PreferredCulture).Must(c => AppSetup.Cultures.Any(k => k.Name == c)).WithErrorCode("user.culture_unknown");
        this.AddUserRules();
    }
}

public sealed class CreateUser(
    AfterSalesDb db,
    UserManager<AppUser> users,
    RequestValidation validation,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer,
    IOptions<IdentityOptions> identity)
{
    public async Task<Outcome<UserView>> HandleAsync(CreateUserRequest request, CancellationToken ct)
    {
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
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = request.UserName.Trim(),
            DisplayName = request.DisplayName.Trim(),
            Email = UserFields.Clean(request.Email),
            PhoneNumber = UserFields.Clean(request.Phone) is { } phone ? PhoneNumber.Normalize(phone) : null,
            PreferredCulture = request.PreferredCulture,
            CreatedAt = clock.GetUtcNow(),
            Stores = request.Stores.Distinct().Select(s => new UserStore { StoreId = s }).ToList(),
        };

        // The login, its roles and stores are one change: all saved or none.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(user, request.Password);
        if (!result.Succeeded)
        {
            return Outcome<UserView>.Invalid(result.ToFieldErrors(localizer, identity.Value));
        }

        db.UserRoles.AddRange(request.Roles.Distinct().Select(r => new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleIds[r] }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (await UserQueries.ViewAsync(db, user.Id, clock.GetUtcNow(), ct))!;
    }
}
