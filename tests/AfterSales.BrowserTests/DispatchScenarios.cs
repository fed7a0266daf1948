using AfterSales.Domain.Labour;
using AfterSales.Domain.Service;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed class DispatchScenarios(AppServer app) : BrowserTest(app)
{
    private const string Png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    [Fact]
    public Task The_workshop_manager_accepts_the_suggestion_and_reassigns_a_job() => ScenarioAsync("dispatch-suggest-accept-reassign", async () =>
    {
        var store = await App.StoreIdAsync(DemoData.BeijingStore);
        var number = await SignedOrderAsync(store);

        await LoginAsAsync("workshop");
        await GoToAsync("/workshop/dispatch");
        var brakes = Page.Locator("[data-testid=job-row]", new PageLocatorOptions { HasText = number }).Filter(new LocatorFilterOptions { HasText = "更换前制动片" });
        var battery = Page.Locator("[data-testid=job-row]", new PageLocatorOptions { HasText = number }).Filter(new LocatorFilterOptions { HasText = "动力电池包健康度检测" });
        await Expect(brakes.GetByTestId("job-state")).ToHaveTextAsync(App.Text("enum.RepairJobStatus.Pending"));
        await Expect(Page.GetByTestId("technician-load").First).ToBeVisibleAsync();

        // The customer waits in the store: the order's jobs show it and come before ordinary ones.
        await Expect(brakes.GetByText(App.Text("dispatch.waiting"))).ToHaveCountAsync(0);
        var ownRows = Page.Locator("[data-testid=job-row]", new PageLocatorOptions { HasText = number });
        await ownRows.GetByTestId("customer-waiting").ClickAsync();
        await Expect(brakes.GetByText(App.Text("dispatch.waiting"))).ToBeVisibleAsync();
        await Expect(battery.GetByText(App.Text("dispatch.waiting"))).ToBeVisibleAsync();
        await Expect(ownRows.GetByTestId("customer-waiting")).ToHaveAttributeAsync("aria-pressed", "true");
        await SnapshotAsync("dispatch-board");

        // Suggest: every unassigned job gets a technician with its skill. The manager takes only this order's
        // rows (other orders of the store are not this scenario's) and accepts.
        // It plans the whole next working day: what is left of today depends on when the scenario runs.
        var nextDay = Page.GetByRole(AriaRole.Switch, new PageGetByRoleOptions { Name = App.Text("dispatch.plan_next_day") });
        await nextDay.CheckAsync();
        await Expect(nextDay).ToBeCheckedAsync();
        await Page.GetByTestId("suggest").ClickAsync();
        var suggestion = Page.GetByTestId("suggestion");
        await Expect(suggestion).ToBeVisibleAsync();
        await Expect(suggestion.GetByTestId("suggestion-day")).ToContainTextAsync(App.Text("dispatch.plan_day"));
        var ownSuggestions = Page.Locator("[data-testid=suggestion-row]", new PageLocatorOptions { HasText = number });
        await Expect(ownSuggestions).ToHaveCountAsync(2);
        await suggestion.GetByRole(AriaRole.Checkbox, new LocatorGetByRoleOptions { Name = App.Text("dispatch.take") }).UncheckAsync();
        await Expect(suggestion.Locator("[data-testid=suggestion-row] input[type=checkbox]:checked")).ToHaveCountAsync(0);
        for (var i = 0; i < 2; i++)
        {
            await ownSuggestions.Nth(i).GetByRole(AriaRole.Checkbox).CheckAsync();
        }

        await Expect(suggestion.Locator("[data-testid=suggestion-row] input[type=checkbox]:checked")).ToHaveCountAsync(2);
        await SnapshotAsync("dispatch-suggestion");
        await Page.GetByTestId("accept-plan").ClickAsync();
        await Expect(Page.GetByTestId("suggestion")).ToHaveCountAsync(0);
        await Expect(brakes.GetByTestId("job-state")).ToHaveTextAsync(App.Text("enum.RepairJobStatus.Assigned"));
        await Expect(battery.GetByTestId("job-technician")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("周鹏|吴斌"));
        await SnapshotAsync("dispatch-accepted");

        // Reassign the brake job to the other mechanic, with a reason.
        var current = (await brakes.GetByTestId("job-technician").InnerTextAsync()).Trim();
        var other = current == "赵磊" ? "刘强" : "赵磊";
        await brakes.GetByTestId("assign").ClickAsync();
        var panel = Page.GetByTestId("assign-panel");
        await panel.Locator(".mud-select").First.ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = other }).First.ClickAsync();
        await Expect(Page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await panel.GetByTestId("assign-confirm").ClickAsync();
        await Expect(Page.Locator(".mud-snackbar", new() { HasText = App.Text("repair_job.reason_required") })).ToBeVisibleAsync();
        await panel.GetByTestId("assign-reason").FillAsync("原技师临时外出救援");
        await SnapshotAsync("dispatch-reassign-panel");
        await panel.GetByTestId("assign-confirm").ClickAsync();
        await Expect(brakes.GetByTestId("job-technician")).ToHaveTextAsync(other);
        await Expect(brakes).ToContainTextAsync("原技师临时外出救援");
        await SnapshotAsync("dispatch-reassigned");
    });

    /// <summary>A signed Beijing order with a brake job and an HV battery check, made through the handlers as the advisor.</summary>
    private async Task<string> SignedOrderAsync(Guid store)
    {
        var customer = NewCustomer.Unique();
        var customerId = await customer.RegisterAsync(App);
        return await App.AsUserAsync("advisor", async services =>
        {
            var db = services.GetRequiredService<AfterSalesDb>();
            var assetId = (await db.Assets.SingleAsync(a => a.Vin == customer.Vin)).Id;
            var operations = await db.Set<LabourOperation>().Where(o => o.StoreId == store && (o.Code == "ME-001" || o.Code == "EV-002")).OrderBy(o => o.Code).ToListAsync();
            var checkIn = new CheckInRequest(MileageKm: 12_000, EnergyLevelPercent: 70, Valuables: "无", SpareTyrePresent: true, ToolsPresent: true, CoversFitted: true);
            var opened = await services.GetRequiredService<OpenRepairOrder>().HandleAsync(new OpenRepairOrderRequest(customerId, assetId, "刹车异响，电池续航下降", checkIn, StoreId: store), CancellationToken.None);
            Assert.True(opened.IsOk, string.Join("; ", opened.Errors));
            var revised = await services.GetRequiredService<ReviseRepairOrder>().HandleAsync(
                opened.Value!.Id, new ReviseRepairOrderRequest(opened.Value.Version, "刹车异响，电池续航下降", operations.Select(o => new JobRequest(o.Id, PayType.Customer)).ToList()), CancellationToken.None);
            Assert.True(revised.IsOk, string.Join("; ", revised.Errors));
            var submitted = await services.GetRequiredService<SubmitRepairOrder>().HandleAsync(revised.Value!.Id, new RepairOrderMoveRequest(revised.Value.Version), CancellationToken.None);
            Assert.True(submitted.IsOk, string.Join("; ", submitted.Errors));
            var signed = await services.GetRequiredService<SignRepairOrder>().HandleAsync(submitted.Value!.Id, new SignRepairOrderRequest(submitted.Value.Version, "张三", Png), App.BaseUrl, CancellationToken.None);
            Assert.True(signed.IsOk, string.Join("; ", signed.Errors));
            return signed.Value!.Number;
        });
    }

    private async Task SnapshotAsync(string name)
    {
        var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
