using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.Complaints.Handling;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed class ComplaintReclassifyScenarios(AppServer app) : BrowserTest(app)
{
    [Fact]
    public Task A_specialist_raises_a_complaint_to_critical_and_opens_the_re_repair_order_from_the_complaint_page() => ScenarioAsync("complaint-reclassify-re-repair", async () =>
    {
        var customer = NewCustomer.Unique();
        var customerId = await customer.RegisterAsync(App);
        var complaint = await AcceptedComplaintAsync(customerId);

        await LoginAsAsync("complaints");
        await GoToAsync($"/complaints/{complaint.Id}");
        await Expect(Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync(complaint.Number);

        // Reclassification: the customer mentions a safety risk and the press.
        await Page.GetByTestId("reclassify-open").ClickAsync();
        await ChooseAsync(Page.GetByTestId("reclassify-form").Locator(".mud-select").First, App.Text("enum.ComplaintUrgency.Critical"));
        await Page.Locator("#reclassify-reason").FillAsync("客户称刹车存在安全隐患，并表示将联系媒体");
        await Page.GetByTestId("reclassify-save").ClickAsync();
        await Expect(Page.GetByTestId("reclassify-form")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("complaint-urgency")).ToHaveTextAsync(App.Text("enum.ComplaintUrgency.Critical"));
        await Expect(Page.GetByTestId("history-reclassified")).ToContainTextAsync(App.Text("enum.ComplaintUrgency.Normal"));
        await Expect(Page.GetByTestId("complaint-history")).ToContainTextAsync("将联系媒体");
        await SnapshotAsync("complaint-reclassified");

        // The re-repair action opens a draft repair order for the customer's car, linked both ways.
        await Button("cxflow.open_re_repair").ClickAsync();
        var link = Page.GetByTestId("re-repair-order");
        await Expect(link).ToContainTextAsync("RO-");
        await SnapshotAsync("complaint-re-repair-opened");
        await link.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/repair-orders/[0-9a-f-]{36}$"));
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByTestId("ro-status")).ToHaveTextAsync(App.Text("enum.RepairOrderStatus.Draft"));
        await Expect(Page.GetByTestId("ro-complaint")).ToContainTextAsync(complaint.Number);
        await SnapshotAsync("re-repair-order");
        await Page.GetByTestId("ro-complaint").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/complaints/{complaint.Id}$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync(complaint.Number);
    });

    [Fact]
    public Task An_administrator_renames_and_deletes_a_complaint_team() => ScenarioAsync("complaint-team-edit", async () =>
    {
        var name = "返修小组" + Guid.NewGuid().ToString("N")[..4];
        var store = await App.StoreIdAsync(DemoData.BeijingStore);
        var specialistId = await App.AsUserAsync("admin", async services => (await services.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("complaints"))!.Id);
        Ok(await App.AsUserAsync("admin", s => s.GetRequiredService<ComplaintHandlingSettings>().CreateTeamAsync(new CreateTeamRequest(store, name, [specialistId]), CancellationToken.None)));

        await LoginAsAsync("admin");
        await GoToAsync("/admin/complaint-settings");
        var row = Page.GetByTestId("team-row").Filter(new LocatorFilterOptions { HasText = name });
        await row.GetByTestId("team-edit").ClickAsync();
        await Expect(Page.Locator("#team-name")).ToHaveValueAsync(name);
        await Page.Locator("#team-name").FillAsync(name + "（质量）");
        await Page.GetByTestId("team-save").ClickAsync();
        var renamed = Page.GetByTestId("team-row").Filter(new LocatorFilterOptions { HasText = name + "（质量）" });
        await Expect(renamed).ToHaveCountAsync(1);
        await SnapshotAsync("complaint-team-renamed");

        await renamed.GetByTestId("team-delete").ClickAsync();
        await Expect(Page.GetByTestId("team-row").Filter(new LocatorFilterOptions { HasText = name })).ToHaveCountAsync(0);
    });

    /// <summary>A Beijing complaint taken, worked and accepted by the customer with a re-repair plan, through the real handlers.</summary>
    private async Task<ComplaintView> AcceptedComplaintAsync(Guid customerId)
    {
        var specialistId = await App.AsUserAsync("agent", async services => (await services.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("complaints"))!.Id);
        var recorded = await App.AsUserAsync("agent", services => services.GetRequiredService<RecordComplaint>().HandleAsync(
            new RecordComplaintRequest(ComplaintChannel.OnlineApp, customerId, "更换刹车片后仍有异响", "免费返修", ComplaintCategory.RepairQuality), CancellationToken.None));
        var c = Ok(recorded).Complaint;
        c = Ok(await App.AsUserAsync("complaints", s => s.GetRequiredService<AcknowledgeComplaint>().HandleAsync(c.Id, new AcknowledgeComplaintRequest(c.Version), CancellationToken.None)));
        c = Ok(await App.AsUserAsync("complaints", s => s.GetRequiredService<StartInvestigation>().HandleAsync(c.Id, new StartInvestigationRequest(c.Version, specialistId), CancellationToken.None)));
        c = Ok(await App.AsUserAsync("complaints", s => s.GetRequiredService<HandleComplaint>().RecordAnalysisAsync(c.Id,
            new RecordAnalysisRequest(c.Version, ["刹车异响", "刹车片与卡钳间隙过小", "安装后未按标准检查"], Responsibility.TechnicianError, false), CancellationToken.None)));
        c = Ok(await App.AsUserAsync("complaints", s => s.GetRequiredService<HandleComplaint>().ProposeAsync(c.Id,
            new ProposeResolutionRequest(c.Version, [new(ResolutionActionKind.ReRepair, "免费返修刹车系统", null)]), CancellationToken.None)));
        c = Ok(await App.AsUserAsync("complaints", s => s.GetRequiredService<HandleComplaint>().PresentAsync(c.Id, new ComplaintNoteRequest(c.Version), CancellationToken.None)));
        return Ok(await App.AsUserAsync("complaints", s => s.GetRequiredService<HandleComplaint>().CustomerRespondsAsync(c.Id,
            new CustomerResponseRequest(c.Version, CustomerResponse.Accepted), CancellationToken.None)));
    }

    private static T Ok<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors.Select(e => e.Code)));
        return outcome.Value!;
    }

    /// <summary>Opens a MudSelect and picks the item with this text.</summary>
    private async Task ChooseAsync(ILocator select, string text)
    {
        await select.ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = text }).First.ClickAsync();
        await Expect(Page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    private async Task SnapshotAsync(string name)
    {
        var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);

        // A click further down scrolls the page: back to the top, or the sticky app bar lands mid-page in a full-page shot.
        await Page.EvaluateAsync("window.scrollTo(0, 0)");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
