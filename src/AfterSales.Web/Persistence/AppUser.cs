using Microsoft.AspNetCore.Identity;

namespace AfterSales.Web.Persistence;

/// <summary>A staff member's login. Roles are Identity roles named after <see cref="Domain.Staff.StaffRole"/>.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    public bool IsActive { get; set; } = true;

    public string PreferredCulture { get; set; } = "zh-CN";

    public DateTimeOffset CreatedAt { get; set; }

    public List<UserStore> Stores { get; set; } = [];
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole()
    {
    }

    public AppRole(string name)
        : base(name)
    {
        Id = Guid.CreateVersion7();
    }
}

/// <summary>Membership of a staff member in a store.</summary>
public sealed class UserStore
{
    public Guid UserId { get; set; }

    public Guid StoreId { get; set; }
}
