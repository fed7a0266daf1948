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

public sealed class CapaScenarios(AppServer app) : BrowserTest(app)
{
    [Fact]
    public Task A_specialist_adds_a_preventive_action_for_a_systemic_cause_and_marks_it_done() => ScenarioAsync("complaint-capa", async () =>
    {
        var customer = NewCustomer.Unique();
        var complaint = await AnalysedComplaintAsync(await customer.RegisterAsync(App));

        await LoginAsAsync("complaints");
        await GoToAsync($"/complaints/{complaint.Id}");
        var panel = Page.GetByTestId("capa-panel");
        await Expect(panel.GetByTestId("capa-needs-preventive")).ToBeVisibleAsync();

        // An empty action is refused with the field's message, then the preventive action is added.
        await Page.GetByTestId("capa-add").ClickAsync();
        await Expect(FieldAround("#capa-description")).ToContainTextAsync(App.Text("capa.description_required"));
        await ChooseAsync(Page.GetByTestId("capa-form").Locator(".mud-select").First, App.Text("enum.CapaKind.Preventive"));
        await Page.Locator("#capa-description").FillAsync("全店刹车作业增加装配后自检表，班组长签字");
        await Page.GetByTestId("capa-add").ClickAsync();
        var row = panel.GetByTestId("capa-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("capa-status")).ToHaveTextAsync(App.Text("enum.CapaStatus.Open"));
        await Expect(row).ToContainTextAsync(App.Text("enum.CapaKind.Preventive"));
        await Expect(row).ToContainTextAsync("郑洁");
        await Expect(panel.GetByTestId("capa-needs-preventive")).ToHaveCountAsync(0);
        await SnapshotAsync("complaint-capa-added");

        await row.GetByTestId("capa-done").ClickAsync();
        await Expect(row.GetByTestId("capa-status")).ToHaveTextAsync(App.Text("enum.CapaStatus.Done"));
        await Expect(row.GetByTestId("capa-done")).ToHaveCountAsync(0);
        await panel.ScrollIntoViewIfNeededAsync();
        await SnapshotAsync("complaint-capa-done");

        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = App.Text("nav.language") }).ClickAsync();
        await Page.GetByText("English").ClickAsync();
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByTestId("capa-row").GetByTestId("capa-status")).ToHaveTextAsync(App.Text("enum.CapaStatus.Done", "en"));
        await Expect(Page.GetByTestId("capa-panel")).ToContainTextAsync(App.Text("capa.title", "en"));
        await SnapshotAsync("complaint-capa-done-en");
    });

    /// <summary>A Beijing complaint taken by the specialist, with a systemic root cause recorded, through the real handlers.</summary>
    private async Task<ComplaintView> AnalysedComplaintAsync(Guid customerId)
    {
        var specialistId = await App.AsUserAsync("agent", async services => (await services.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("complaints"))!.Id);
        var recorded = await App.AsUserAsync("agent", services => services.GetRequiredService<RecordComplaint>().HandleAsync(
            new RecordComplaintRequest(ComplaintChannel.Hotline, customerId, "更换刹车片后仍有异响", "免费返修", ComplaintCategory.RepairQuality), CancellationToken.None));
        var c = Ok(recorded).Complaint;
        c = Ok(await App.AsUserAsync("complaints", s => s.GetRequiredService<AcknowledgeComplaint>().HandleAsync(c.Id, new AcknowledgeComplaintRequest(c.Version), CancellationToken.None)));
        c = Ok(await App.AsUserAsync("complaints", s => s.GetRequiredService<StartInvestigation>().HandleAsync(c.Id, new StartInvestigationRequest(c.Version, specialistId), CancellationToken.None)));
        return Ok(await App.AsUserAsync("complaints", s => s.GetRequiredService<HandleComplaint>().RecordAnalysisAsync(c.Id,
            new RecordAnalysisRequest(c.Version, ["刹车异响", "刹车片与卡钳间隙过小", "作业标准未要求装配后自检"], Responsibility.TechnicianError, IsSystemic: true), CancellationToken.None)));
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
        await Page.EvaluateAsync("window.scrollTo(0, 0)");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
