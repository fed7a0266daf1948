namespace AfterSales.Domain.Staff;

/// <summary>Which stores' data a user may see: their own stores, or all of them for group-wide roles.</summary>
public sealed class StoreScope
{
    private StoreScope(bool allStores, IReadOnlyList<Guid> storeIds)
    {
        AllStores = allStores;
        StoreIds = storeIds;
    }

    public static StoreScope Everything { get; } = new(true, []);

    public static StoreScope Nothing { get; } = new(false, []);

    public bool AllStores { get; }

    public IReadOnlyList<Guid> StoreIds { get; }

    public static StoreScope For(IEnumerable<StaffRole> roles, IEnumerable<Guid> storeIds) =>
        roles.Any(StaffRoles.SpansGroup) ? Everything : new StoreScope(false, storeIds.Distinct().ToArray());

    public bool Includes(Guid storeId) => AllStores || StoreIds.Contains(storeId);
}
