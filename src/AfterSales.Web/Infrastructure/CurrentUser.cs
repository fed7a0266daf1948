using System.Security.Claims;
using AfterSales.Domain.Staff;

namespace AfterSales.Web.Infrastructure;

/// <summary>Who is acting: the signed-in staff member, an API token's user, or the system itself (jobs, seeding).</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    string UserName { get; }

    IReadOnlySet<StaffRole> Roles { get; }

    StoreScope Scope { get; }

    bool IsAuthenticated { get; }

    /// <summary>Whether full phone numbers and addresses may be shown, not masked.</summary>
    bool SeesFullContact => Roles.Any(StaffRoles.SeesFullContact);

    bool IsInRole(StaffRole role) => Roles.Contains(role);
}

public static class AppClaims
{
    public const string Store = "aftersales:store";
    public const string DisplayName = "aftersales:display_name";
}

/// <summary>The acting user of one DI scope (an HTTP request or a Blazor circuit), set from its principal.</summary>
public sealed class CurrentUser : ICurrentUser
{
    private static readonly IReadOnlySet<StaffRole> NoRoles = new HashSet<StaffRole>();

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = "system";

    public IReadOnlySet<StaffRole> Roles { get; private set; } = NoRoles;

    /// <summary>Until a principal is set the scope is the system's own: background work sees every store.</summary>
    public StoreScope Scope { get; private set; } = StoreScope.Everything;

    public bool IsAuthenticated { get; private set; }

    public void Set(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            UserId = null;
            UserName = "anonymous";
            Roles = NoRoles;
            Scope = StoreScope.Nothing;
            IsAuthenticated = false;
            return;
        }

        UserId = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
        UserName = principal.FindFirstValue(AppClaims.DisplayName) ?? principal.Identity.Name ?? string.Empty;
        var roles = new HashSet<StaffRole>();
        foreach (var claim in principal.FindAll(ClaimTypes.Role))
        {
            if (StaffRoles.TryParse(claim.Value, out var role))
            {
                roles.Add(role);
            }
        }

        Roles = roles;
        var stores = principal.FindAll(AppClaims.Store).Select(c => Guid.TryParse(c.Value, out var s) ? s : Guid.Empty).Where(s => s != Guid.Empty);
        Scope = StoreScope.For(roles, stores);
        IsAuthenticated = true;
    }
}
