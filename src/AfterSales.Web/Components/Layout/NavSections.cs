using AfterSales.Domain.Staff;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace AfterSales.Web.Components.Layout;

/// <summary>One link of the side menu. <paramref name="OnlyFor"/> limits it to roles whose pages require them.</summary>
public sealed record NavEntry(string Href, string TextKey, string Icon, NavLinkMatch Match = NavLinkMatch.Prefix, IReadOnlyList<StaffRole>? OnlyFor = null)
{
    public bool VisibleTo(IReadOnlySet<StaffRole> roles) => OnlyFor is null || OnlyFor.Any(roles.Contains);
}

/// <summary>
/// A group of the side menu by area of work. Every staff member sees every group their roles may open, but only the
/// groups of their own work (<paramref name="WorkedBy"/>) start expanded, so a technician is not greeted by twenty links.
/// </summary>
public sealed record NavSection(
    string TitleKey, string Icon, IReadOnlyList<StaffRole> WorkedBy, IReadOnlyList<NavEntry> Entries, IReadOnlyList<StaffRole>? OnlyFor = null, string? Area = null)
{
    public bool VisibleTo(IReadOnlySet<StaffRole> roles) => (OnlyFor is null || OnlyFor.Any(roles.Contains)) && Entries.Any(e => e.VisibleTo(roles));

    public bool ExpandedFor(IReadOnlySet<StaffRole> roles) => WorkedBy.Any(roles.Contains);

    /// <summary>Whether the page at <paramref name="path"/> (no query, leading slash) belongs to this group.</summary>
    public bool Contains(string path) =>
        (Area is not null && path.StartsWith(Area, StringComparison.OrdinalIgnoreCase))
        || Entries.Any(e => e.Match == NavLinkMatch.All
            ? string.Equals(path, e.Href, StringComparison.OrdinalIgnoreCase)
            : path.StartsWith(e.Href, StringComparison.OrdinalIgnoreCase));
}

public static class NavSections
{
    private static readonly StaffRole[] Managers = [StaffRole.ServiceManager, StaffRole.Administrator];

    public static IReadOnlyList<NavSection> All { get; } =
    [
        new("nav.group.front_desk", Icons.Material.Filled.SupportAgent,
            [StaffRole.ServiceAdvisor, StaffRole.Cashier, StaffRole.ServiceManager],
            [
                new("/customers", "nav.customers", Icons.Material.Filled.People),
                new("/appointments", "nav.appointments", Icons.Material.Filled.Event),
                new("/repair-orders", "nav.repair_orders", Icons.Material.Filled.CarRepair),
                new("/reminders", "nav.reminders", Icons.Material.Filled.NotificationsActive),
                new("/gate", "nav.gate", Icons.Material.Filled.QrCodeScanner, NavLinkMatch.All),
            ]),
        new("nav.group.workshop", Icons.Material.Filled.Engineering,
            [StaffRole.WorkshopManager, StaffRole.TeamLead, StaffRole.Technician, StaffRole.QcInspector, StaffRole.ServiceManager],
            [
                new("/workshop/dispatch", "nav.dispatch", Icons.Material.Filled.Engineering),
                new("/workshop/my-jobs", "nav.my_jobs", Icons.Material.Filled.Handyman),
                new("/quality", "nav.quality", Icons.Material.Filled.FactCheck),
                new("/workshop/technicians", "nav.technicians", Icons.Material.Filled.Groups),
            ],
            Area: "/workshop/"),
        new("nav.group.customer_care", Icons.Material.Filled.Forum,
            [StaffRole.CallCentreAgent, StaffRole.ComplaintSpecialist, StaffRole.ServiceManager],
            [
                new("/complaints", "nav.complaints", Icons.Material.Filled.Feedback),
                new("/complaints/knowledge", "nav.knowledge", Icons.Material.Filled.MenuBook),
                new("/complaints/overview", "nav.complaint_overview", Icons.Material.Filled.Insights, OnlyFor: Managers),
                new("/admin/imports", "nav.imports", Icons.Material.Filled.UploadFile, OnlyFor: [StaffRole.ServiceManager]),
                new("/follow-ups", "nav.follow_ups", Icons.Material.Filled.PhoneCallback),
                new("/follow-ups/analytics", "nav.follow_up_analytics", Icons.Material.Filled.QueryStats,
                    OnlyFor: [StaffRole.ServiceManager, StaffRole.WorkshopManager, StaffRole.Administrator]),
            ]),
        new("nav.group.parts_warranty", Icons.Material.Filled.Inventory2,
            [StaffRole.PartsClerk, StaffRole.ServiceManager],
            [
                new("/parts", "nav.parts_catalogue", Icons.Material.Filled.ManageSearch, NavLinkMatch.All),
                new("/parts/purchase-orders", "nav.purchase_orders", Icons.Material.Filled.LocalShipping),
                new("/parts/issue", "nav.parts_issue", Icons.Material.Filled.Handyman),
                new("/parts/reserved", "nav.parts_reserved", Icons.Material.Filled.Bookmarks),
                new("/parts/counts", "nav.parts_counts", Icons.Material.Filled.Checklist),
                new("/parts/slow-moving", "nav.parts_slow_moving", Icons.Material.Filled.HourglassBottom),
                new("/warranty/coverage", "nav.coverage", Icons.Material.Filled.VerifiedUser),
                new("/warranty/claims", "nav.claims", Icons.Material.Filled.RequestQuote),
                new("/warranty/policies", "nav.warranty_policies", Icons.Material.Filled.Policy),
                new("/returns", "nav.returns", Icons.Material.Filled.AssignmentReturn),
            ]),
        new("nav.administration", Icons.Material.Filled.Settings,
            [StaffRole.Administrator],
            [
                new("/admin/stores", "nav.stores", Icons.Material.Filled.Store),
                new("/admin/users", "nav.users", Icons.Material.Filled.ManageAccounts),
                new("/admin/labour", "nav.labour", Icons.Material.Filled.Build),
                new("/admin/capacity", "nav.capacity", Icons.Material.Filled.EventSeat),
                new("/admin/quality-checklists", "nav.quality_checklists", Icons.Material.Filled.Checklist),
                new("/admin/service-plans", "nav.service_plans", Icons.Material.Filled.EventRepeat),
                new("/admin/complaint-sla", "nav.complaint_sla", Icons.Material.Filled.Timer),
                new("/admin/complaint-settings", "nav.complaint_settings", Icons.Material.Filled.AltRoute),
                new("/admin/follow-up-policies", "nav.follow_up_policies", Icons.Material.Filled.SettingsPhone),
                new("/admin/survey", "nav.survey", Icons.Material.Filled.Quiz),
                new("/admin/messages", "nav.messages", Icons.Material.Filled.Outbox),
                new("/admin/api-tokens", "nav.api_tokens", Icons.Material.Filled.Key),
                new("/admin/imports", "nav.imports", Icons.Material.Filled.UploadFile),
            ],
            OnlyFor: [StaffRole.Administrator],
            Area: "/admin/"),
    ];
}
