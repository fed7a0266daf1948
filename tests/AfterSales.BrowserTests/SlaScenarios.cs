using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.ComplaintSla;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed class SlaScenarios(AppServer app) : BrowserTest(app)
{
    [Fact]
    public Task An_administrator_keeps_sub_categories_and_an_sla_rule() => ScenarioAsync("sla-settings", async () =>
    {
        var name = "返修未修好" + Guid.NewGuid().ToString("N")[..4];
        await LoginAsAsync("admin");
        await GoToAsync("/admin/complaint-sla");

        await Button("ui.save").First.ClickAsync();
        await Expect(FieldAround("#subcategory-name-zh")).ToContainTextAsync(App.Text("subcategory.name_required"));
        await Page.Locator("#subcategory-name-zh").FillAsync(name);
        await Page.Locator("#subcategory-name-en").FillAsync("Repair did not fix it");
        await Button("ui.save").First.ClickAsync();
        await Expect(Page.GetByTestId("subcategory-table")).ToContainTextAsync(name);
        await Expect(Page.Locator("#subcategory-name-zh")).ToHaveValueAsync(string.Empty);
        await Expect(FieldAround("#subcategory-name-zh")).Not.ToContainTextAsync(App.Text("subcategory.name_required"));
        await Expect(Page.Locator(".mud-input-error")).ToHaveCountAsync(0);
        await SnapshotAsync("sla-subcategories");

        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = App.Text("settings.sla_policies") }).ClickAsync();
        await Expect(Page.GetByTestId("policy-table")).ToContainTextAsync(App.Text("settings.all_channels"));
        await Expect(Page.GetByTestId("policy-table")).ToContainTextAsync(App.Text("settings.default"));
        await SnapshotAsync("sla-policies");
    });

    [Fact]
    public Task A_breached_complaint_shows_its_clocks_escalation_and_progress_updates() => ScenarioAsync("sla-complaint", async () =>
    {
        var customer = NewCustomer.Unique();
        var customerId = await customer.RegisterAsync(App);
        var recorded = await App.AsUserAsync("agent", sp => sp.GetRequiredService<RecordComplaint>().HandleAsync(
            new RecordComplaintRequest(ComplaintChannel.OnlineApp, customerId, "保养后仪表盘报警灯常亮", "免费重新检查并修好", ComplaintCategory.RepairQuality, ComplaintUrgency.High),
            CancellationToken.None));
        var complaint = recorded.Value!.Complaint;

        // Two days ago: the acknowledgement and first contact are long overdue; the job escalates once.
        await App.AsUserAsync("admin", async sp =>
        {
            var db = sp.GetRequiredService<AfterSalesDb>();
            var past = DateTimeOffset.UtcNow.AddDays(-2);
            await db.Set<ComplaintStatusChange>().Where(h => h.ComplaintId == complaint.Id).ExecuteUpdateAsync(s => s.SetProperty(h => h.At, past));
            return await db.Set<Complaint>().Where(c => c.Id == complaint.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReceivedAt, past));
        });
        await App.AsUserAsync("admin", sp => sp.GetRequiredService<EscalateDueComplaints>().HandleAsync(500, CancellationToken.None));

        await LoginAsAsync("complaints");
        await GoToAsync($"/complaints/{complaint.Id}");
        var clocks = Page.GetByTestId("sla-clocks");
        await Expect(clocks.Locator("tr[data-clock=Acknowledge]")).ToHaveAttributeAsync("data-state", "Breached");
        await Expect(Page.GetByTestId("sla-level")).ToContainTextAsync(App.Text("enum.EscalationLevel.Group"));
        await Expect(Page.GetByTestId("sla-events")).ToContainTextAsync(App.Text("enum.SlaEventKind.Breach"));

        await Button("sla.record_update").ClickAsync();
        await Expect(FieldAround("#progress-message")).ToContainTextAsync(App.Text("sla.progress_message_required"));
        await Page.Locator("#progress-message").FillAsync("技术部门已调取维修记录，明天给您初步结论。");
        await Button("sla.record_update").ClickAsync();
        await Expect(Page.GetByTestId("sla-updates")).ToContainTextAsync("明天给您初步结论");
        await Expect(clocks.Locator("tr[data-clock=FirstContact]")).ToHaveAttributeAsync("data-state", "Met");
        await SnapshotAsync("sla-complaint-panel");

        await GoToAsync($"/culture/set?culture=en&redirectUri=/complaints/{complaint.Id}");
        await Expect(Page.GetByTestId("complaint-sla")).ToContainTextAsync(App.Text("sla.title", "en"));
        await Expect(Page.GetByTestId("sla-level")).ToContainTextAsync(App.Text("enum.EscalationLevel.Group", "en"));
        await SnapshotAsync("sla-complaint-panel-en");
        await GoToAsync($"/culture/set?culture=zh-CN&redirectUri=/complaints/{complaint.Id}");

        await GoToAsync("/complaints");
        await Page.GetByLabel(App.Text("sla.sort_breach_first")).CheckAsync();
        await Page.Locator("#complaint-search").FillAsync(customer.Name);
        await Expect(Page.Locator("[data-testid=complaint-table] tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("sla-chip").First).ToHaveAttributeAsync("data-state", "Breached");
        await Page.Locator("#complaint-search").FillAsync(string.Empty);
        await SnapshotAsync("sla-complaint-list");
    });

    private async Task SnapshotAsync(string name)
    {
        var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
