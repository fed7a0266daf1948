using AfterSales.Domain.Staff;

namespace AfterSales.Domain.Tests.Staff;

public sealed class StoreScopeTests
{
    private static readonly Guid Beijing = Guid.NewGuid();
    private static readonly Guid Shanghai = Guid.NewGuid();
    private static readonly Guid Shenzhen = Guid.NewGuid();

    [Fact]
    public void A_group_wide_role_sees_every_store_even_without_store_assignments()
    {
        var scope = StoreScope.For([StaffRole.Administrator], []);

        Assert.True(scope.AllStores);
        Assert.True(scope.Includes(Beijing));
        Assert.True(scope.Includes(Guid.NewGuid()));
    }

    [Fact]
    public void A_group_wide_role_wins_over_a_store_role_held_by_the_same_user()
    {
        var scope = StoreScope.For([StaffRole.ServiceAdvisor, StaffRole.Administrator], [Beijing]);

        Assert.True(scope.AllStores);
        Assert.True(scope.Includes(Shanghai));
    }

    [Fact]
    public void A_store_user_sees_only_their_own_stores()
    {
        var scope = StoreScope.For([StaffRole.CallCentreAgent], [Beijing, Shanghai]);

        Assert.False(scope.AllStores);
        Assert.True(scope.Includes(Beijing));
        Assert.True(scope.Includes(Shanghai));
        Assert.False(scope.Includes(Shenzhen));
    }

    [Fact]
    public void Repeated_store_assignments_count_once()
    {
        var scope = StoreScope.For([StaffRole.ServiceAdvisor], [Beijing, Beijing]);

        Assert.Equal([Beijing], scope.StoreIds);
    }

    [Fact]
    public void A_store_user_without_stores_sees_nothing()
    {
        var scope = StoreScope.For([StaffRole.Technician], []);

        Assert.False(scope.AllStores);
        Assert.Empty(scope.StoreIds);
        Assert.False(scope.Includes(Beijing));
    }

    [Fact]
    public void A_user_without_roles_sees_only_assigned_stores() =>
        Assert.False(StoreScope.For([], [Beijing]).Includes(Shanghai));

    [Fact]
    public void The_predefined_scopes_mean_everything_and_nothing()
    {
        Assert.True(StoreScope.Everything.Includes(Shenzhen));
        Assert.False(StoreScope.Nothing.Includes(Shenzhen));
    }
}
