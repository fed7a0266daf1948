using AfterSales.Domain.Assets;
using AfterSales.Domain.Labour;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Domain.ThreeGuarantees;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed class ThreeGuaranteeScenarios(AppServer app) : BrowserTest(app)
{
    [Fact]
    public Task Reception_warns_that_a_braking_failure_in_the_first_60_days_entitles_a_replacement_or_refund() => ScenarioAsync("sanbao-reception-warning", async () =>
    {
        var customer = NewCustomer.Unique();
        var customerId = await customer.RegisterAsync(App);
        var assetId = await BoughtDaysAgoAsync(customer.Vin, 20);
        var order = await BrakingFailureRepairedAsync(customerId, assetId);

        await LoginAsAsync("advisor");
        await GoToAsync("/repair-orders/new");
        var option = Page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = customer.Name }).First;
        await PickAsync(Page.Locator("#ro-customer"), customer.LastFour, option);
        await Expect(Page.GetByTestId("ro-asset")).ToBeVisibleAsync();

        // The car comes back: reception sees at once that the first repair already gave the customer the right.
        var entitlement = Page.GetByTestId("sanbao-alert").GetByTestId("sanbao-entitlement").Filter(new LocatorFilterOptions { HasText = "第二十三条" });
        await Expect(entitlement).ToBeVisibleAsync();
        await Expect(entitlement).ToContainTextAsync(order);
        await Expect(entitlement).ToContainTextAsync(App.Text("enum.GuaranteeOption.Replacement"));
        await Expect(entitlement).ToContainTextAsync(App.Text("sanbao.free"));
    });

    [Fact]
    public Task The_advisor_records_a_braking_fault_on_the_job_and_its_brake_pads_as_a_main_component() => ScenarioAsync("sanbao-fault-controls", async () =>
    {
        var customer = NewCustomer.Unique();
        var customerId = await customer.RegisterAsync(App);
        var assetId = await BoughtDaysAgoAsync(customer.Vin, 200);
        var order = await OpenAsync(customerId, assetId);

        await LoginAsAsync("advisor");
        await GoToAsync($"/repair-orders/{order.Id}");
        await PickAsync(Page.Locator("#ro-add-job"), "ME-001", Page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = "ME-001" }).First);
        await Expect(Page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        var job = Page.GetByTestId("ro-job").First;
        await Page.Locator("#job-0-part").FillAsync("前制动片");
        await Page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await Expect(job.GetByTestId("job-part")).ToContainTextAsync("前制动片");

        // Naming the system without the fault code is refused at the field: the code decides what "the same problem" is.
        await ChooseAsync(job.GetByTestId("job-fault-system"), App.Text("enum.FaultSystem.Braking"));
        await Page.GetByTestId("ro-save").ClickAsync();
        await Expect(FieldAround("#job-0-fault-code")).ToContainTextAsync(App.Text("sanbao.fault_code_required"));

        await Page.Locator("#job-0-fault-code").FillAsync("c1234");
        await job.GetByLabel(App.Text("sanbao.serious_safety_fault")).CheckAsync();
        await ChooseAsync(job.GetByTestId("part-main-component"), App.Text("enum.FaultSystem.Braking"));
        await Page.GetByTestId("ro-save").ClickAsync();
        await Expect(Page.GetByText(App.Text("ro.saved"))).ToBeVisibleAsync();

        await Page.ReloadAsync();
        await WaitUntilInteractiveAsync();
        job = Page.GetByTestId("ro-job").First;
        await Expect(job.GetByTestId("job-fault-system")).ToContainTextAsync(App.Text("enum.FaultSystem.Braking"));
        await Expect(Page.Locator("#job-0-fault-code")).ToHaveValueAsync("C1234");
        await Expect(job.GetByLabel(App.Text("sanbao.serious_safety_fault"))).ToBeCheckedAsync();
        await Expect(job.GetByTestId("part-main-component")).ToContainTextAsync(App.Text("enum.FaultSystem.Braking"));
        await job.ScrollIntoViewIfNeededAsync();
        await SnapshotAsync("sanbao-fault-controls-zh");

        await GoToAsync($"/culture/set?culture=en&redirectUri=/repair-orders/{order.Id}");
        job = Page.GetByTestId("ro-job").First;
        await Expect(job.GetByTestId("job-fault-system")).ToContainTextAsync(App.Text("enum.FaultSystem.Braking", "en"));
        await Expect(job.GetByLabel(App.Text("sanbao.serious_safety_fault", "en"))).ToBeCheckedAsync();
        await SnapshotAsync("sanbao-fault-controls-en");
        await GoToAsync($"/culture/set?culture=zh-CN&redirectUri=/repair-orders/{order.Id}");
    });

    private async Task ChooseAsync(ILocator select, string text)
    {
        await select.ClickAsync();
        await Page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = text, Exact = true }).ClickAsync();
        await Expect(Page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    private async Task SnapshotAsync(string name)
    {
        var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private async Task<RepairOrderView> OpenAsync(Guid customerId, Guid assetId)
    {
        var opened = await App.AsUserAsync("advisor", services => services.GetRequiredService<OpenRepairOrder>().HandleAsync(
            new OpenRepairOrderRequest(customerId, assetId, "制动时有异响，踏板发软", new CheckInRequest(MileageKm: 15_000, CoversFitted: true)), CancellationToken.None));
        Assert.True(opened.Kind == OutcomeKind.Ok, string.Join("; ", opened.Errors));
        return opened.Value!;
    }

    private async Task<Guid> BoughtDaysAgoAsync(string vin, int days)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDb>();
        var asset = await db.Assets.SingleAsync(a => a.Vin == vin);
        asset.Update(new AssetDetails(asset.Kind, asset.Brand, asset.Model, asset.Year, asset.Vin, asset.Plate, 800, asset.IsElectric,
            asset.BatteryCapacityKwh, asset.BatteryType, asset.BatterySerial, PurchaseDate: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-days), PurchaseProof: "FP20261117"));
        await db.SaveChangesAsync();
        return asset.Id;
    }

    /// <summary>An earlier order, through the real handlers: the brakes failed, repaired under warranty and marked the 60-day failure.</summary>
    private async Task<string> BrakingFailureRepairedAsync(Guid customerId, Guid assetId)
    {
        var store = await App.StoreIdAsync(DemoData.BeijingStore);
        Guid operationId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AfterSalesDb>();
            operationId = await db.Set<LabourOperation>().IgnoreQueryFilters().Where(o => o.StoreId == store && o.Code == "ME-001").Select(o => o.Id).SingleAsync();
        }

        var opened = await App.AsUserAsync("advisor", services => services.GetRequiredService<OpenRepairOrder>().HandleAsync(
            new OpenRepairOrderRequest(customerId, assetId, "刹车踏板踩到底，制动失灵", new CheckInRequest(MileageKm: 900, CoversFitted: true)), CancellationToken.None));
        Assert.True(opened.Kind == OutcomeKind.Ok, string.Join("; ", opened.Errors));
        var order = opened.Value!;
        var fault = new JobFault(FaultSystem.Braking, "BRAKE-FAIL", SeriousSafetyFault: true, EarlyFault: EarlySeriousFault.BrakingFailure);
        var revised = await App.AsUserAsync("advisor", services => services.GetRequiredService<ReviseRepairOrder>().HandleAsync(order.Id,
            new ReviseRepairOrderRequest(order.Version, order.CustomerWords, [new JobRequest(operationId, PayType.Warranty, Fault: fault)]), CancellationToken.None));
        Assert.True(revised.Kind == OutcomeKind.Ok, string.Join("; ", revised.Errors));
        return order.Number;
    }
}
