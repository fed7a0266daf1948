using AfterSales.Domain.Staff;

namespace AfterSales.Domain.Tests.Staff;

public sealed class StaffRolesTests
{
    // (spans the group, sees full contact) for every role; a new role fails the coverage test until it is added here.
    private static readonly Dictionary<StaffRole, (bool SpansGroup, bool SeesFullContact)> Expected = new()
    {
        [StaffRole.ServiceAdvisor] = (false, true),
        [StaffRole.CallCentreAgent] = (false, true),
        [StaffRole.WorkshopManager] = (false, false),
        [StaffRole.TeamLead] = (false, false),
        [StaffRole.Technician] = (false, false),
        [StaffRole.QcInspector] = (false, false),
        [StaffRole.PartsClerk] = (false, false),
        [StaffRole.Cashier] = (false, false),
        [StaffRole.ComplaintSpecialist] = (false, true),
        [StaffRole.ServiceManager] = (false, true),
        [StaffRole.Administrator] = (true, true),
    };

    public static TheoryData<StaffRole> AllRoles => [.. StaffRoles.All];

    [Fact]
    public void Every_role_has_a_decided_scope_and_contact_visibility() => Assert.Equal(StaffRoles.All.Order(), Expected.Keys.Order());

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void Only_the_administrator_works_across_the_whole_group(StaffRole role) =>
        Assert.Equal(Expected[role].SpansGroup, StaffRoles.SpansGroup(role));

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void Roles_that_talk_to_customers_see_their_full_contact_details(StaffRole role) =>
        Assert.Equal(Expected[role].SeesFullContact, StaffRoles.SeesFullContact(role));

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void Every_role_parses_from_its_stored_name(StaffRole role)
    {
        Assert.True(StaffRoles.TryParse(role.ToString(), out var parsed));
        Assert.Equal(role, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("administrator")]
    [InlineData("Boss")]
    [InlineData("1")]
    [InlineData("10")]
    [InlineData(" Administrator")]
    [InlineData("ServiceAdvisor, CallCentreAgent")]
    public void Anything_but_an_exact_role_name_is_not_a_role(string? name) => Assert.False(StaffRoles.TryParse(name, out _));
}
