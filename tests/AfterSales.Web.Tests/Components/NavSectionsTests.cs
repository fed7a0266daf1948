using System.Reflection;
using AfterSales.Domain.Staff;
using AfterSales.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace AfterSales.Web.Tests.Components;

public sealed class NavSectionsTests
{
    [Fact]
    public void Every_staff_list_page_is_in_the_menu()
    {
        var inMenu = NavSections.All.SelectMany(s => s.Entries).Select(e => e.Href).ToHashSet(StringComparer.Ordinal);
        var pages = typeof(NavSections).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Where(IsStaffListPage)
            .Distinct()
            .ToList();

        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.Contains(page, inMenu));
    }

    [Fact]
    public void A_technician_sees_the_workshop_open_and_no_administration()
    {
        var technician = new HashSet<StaffRole> { StaffRole.Technician };
        var visible = NavSections.All.Where(s => s.VisibleTo(technician)).ToList();

        Assert.Equal(["nav.group.workshop"], visible.Where(s => s.ExpandedFor(technician)).Select(s => s.TitleKey));
        Assert.DoesNotContain(visible, s => s.TitleKey == "nav.administration");
        Assert.DoesNotContain(visible.SelectMany(s => s.Entries).Where(e => e.VisibleTo(technician)), e => e.Href == "/complaints/overview");
    }

    [Fact]
    public void A_service_manager_works_across_the_store_and_sees_the_analyses()
    {
        var manager = new HashSet<StaffRole> { StaffRole.ServiceManager };
        var expanded = NavSections.All.Where(s => s.VisibleTo(manager) && s.ExpandedFor(manager)).Select(s => s.TitleKey).ToList();

        Assert.Equal(["nav.group.front_desk", "nav.group.workshop", "nav.group.customer_care", "nav.group.parts_warranty"], expanded);
        var links = NavSections.All.SelectMany(s => s.Entries).Where(e => e.VisibleTo(manager)).Select(e => e.Href).ToList();
        Assert.Contains("/complaints/overview", links);
        Assert.Contains("/follow-ups/analytics", links);
    }

    [Theory]
    [InlineData("/customers/01a2", "nav.group.front_desk")]
    [InlineData("/workshop/jobs/01a2", "nav.group.workshop")]
    [InlineData("/admin/stores/new", "nav.administration")]
    [InlineData("/api/reference", null)]
    [InlineData("/quality/final/01a2", "nav.group.workshop")]
    [InlineData("/complaints/knowledge/new", "nav.group.customer_care")]
    [InlineData("/parts/counts/7", "nav.group.parts_warranty")]
    public void A_page_belongs_to_the_group_of_its_list(string path, string? group)
    {
        var owner = NavSections.All.FirstOrDefault(s => s.Contains(path));
        Assert.Equal(group, owner?.TitleKey);
    }

    // Pages with parameters, "new" forms and public or account pages are reached from their lists, not the menu.
    private static bool IsStaffListPage(string route) =>
        route != "/" && !route.Contains('{', StringComparison.Ordinal) && !route.EndsWith("/new", StringComparison.Ordinal)
        && !route.StartsWith("/account", StringComparison.Ordinal) && !route.StartsWith("/my/", StringComparison.Ordinal)
        && !route.StartsWith("/p/", StringComparison.Ordinal) && route != "/appointments/readiness";
}
