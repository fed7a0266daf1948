using AfterSales.Domain.Staff;

namespace AfterSales.Web.Features.Users;

public sealed record StoreRef(Guid Id, string Code, string Name);

/// <summary>A staff login as administrators see it; <see cref="ConcurrencyStamp"/> goes back with an update.</summary>
public sealed record UserView(
    Guid Id,
    string UserName,
    string DisplayName,
    string? Email,
    string? Phone,
    IReadOnlyList<StaffRole> Roles,
    IReadOnlyList<StoreRef> Stores,
    bool IsActive,
    bool IsLockedOut,
    DateTimeOffset? LockoutEnd,
    int FailedLogins,
    string PreferredCulture,
    DateTimeOffset CreatedAt,
    string ConcurrencyStamp);
