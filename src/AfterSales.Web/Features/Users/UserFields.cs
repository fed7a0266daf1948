using AfterSales.Domain.Common;
using AfterSales.Domain.Staff;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Features.Users;

/// <summary>The editable fields of a staff login, shared by creation and update.</summary>
public interface IUserFields
{
    string DisplayName { get; }

    string? Email { get; }

    string? Phone { get; }

    IReadOnlyList<StaffRole> Roles { get; }

    IReadOnlyList<Guid> Stores { get; }
}

internal static class UserFields
{
    public const int UserNameMaxLength = 50;
    public const int DisplayNameMaxLength = 100;
    public const int EmailMaxLength = 256;

    public static void AddUserRules<T>(this AbstractValidator<T> v)
        where T : IUserFields
    {
        v.RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(DisplayNameMaxLength);
        v.RuleFor(x => x.Email).MaximumLength(EmailMaxLength).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithErrorCode("user.email_invalid");
        v.RuleFor(x => x.Phone).Must(PhoneNumber.IsValid).When(x => !string.IsNullOrWhiteSpace(x.Phone)).WithErrorCode("user.phone_invalid");
        v.RuleFor(x => x.Roles).Must(r => r is { Count: > 0 }).WithErrorCode("user.role_required");
        v.RuleForEach(x => x.Roles).IsInEnum();

        // Group-wide roles see every store; everyone else needs at least one store to work in.
        v.RuleFor(x => x.Stores).Must((x, s) => s is { Count: > 0 } || (x.Roles is { Count: > 0 } && x.Roles.All(StaffRoles.SpansGroup)))
            .WithErrorCode("user.store_required");
    }

    /// <summary>Unknown store ids are refused as a field error rather than a foreign key failure.</summary>
    public static async Task<FieldError?> CheckStoresAsync(AfterSalesDb db, IReadOnlyList<Guid> stores, CancellationToken ct)
    {
        var wanted = stores.Distinct().ToList();
        var known = await db.Stores.CountAsync(s => wanted.Contains(s.Id), ct);
        return known == wanted.Count ? null : new FieldError("user.store_unknown", nameof(IUserFields.Stores));
    }

    /// <summary>The Identity role ids of the staff roles, created on start-up by the database initializer.</summary>
    public static async Task<Dictionary<StaffRole, Guid>> RoleIdsAsync(AfterSalesDb db, CancellationToken ct)
    {
        var rows = await db.Roles.AsNoTracking().Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        return rows.Where(r => StaffRoles.TryParse(r.Name, out _)).ToDictionary(r => Enum.Parse<StaffRole>(r.Name!), r => r.Id);
    }

    /// <summary>Identity's refusals (password too short, user name taken …) as localized field errors.</summary>
    public static List<FieldError> ToFieldErrors(this IdentityResult result, IStringLocalizer localizer, IdentityOptions options) =>
        result.Errors.Select(e =>
        {
            var field = e.Code switch
            {
                _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => "Password",
                "DuplicateUserName" or "InvalidUserName" => "UserName",
                "DuplicateEmail" or "InvalidEmail" => "Email",
                _ => null,
            };
            var text = localizer["identity." + e.Code, options.Password.RequiredLength, options.Password.RequiredUniqueChars];
            return new FieldError("identity." + e.Code, field, text.ResourceNotFound ? e.Description : text.Value);
        }).ToList();

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
