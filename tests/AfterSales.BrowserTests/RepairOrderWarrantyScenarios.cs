using System.Text.RegularExpressions;
using AfterSales.Domain.Assets;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed class RepairOrderWarrantyScenarios(AppServer app) : BrowserTest(app)
{
    [Fact]
    public Task An_advisor_sees_the_proposed_warranty_pay_type_on_a_job_and_overrides_it_with_a_reason() => ScenarioAsync("repair-order-pay-type-override", async () =>
    {
        var customer = NewCustomer.Unique();
        await customer.RegisterAsync(App);
        await SoldAYearAgoAsync(customer.Vin);
        await LoginAsAsync("advisor");
        await GoToAsync("/repair-orders/new");

        var option = Page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = customer.Name }).First;
        await PickAsync(Page.Locator("#ro-customer"), customer.LastFour, option);
        await Expect(Page.Locator("#ro-customer")).ToHaveValueAsync(new Regex(customer.Name));
        await Expect(Page.GetByTestId("ro-asset")).ToBeVisibleAsync();
        await Page.Locator("#ro-words").FillAsync("动力电池续航明显下降");
        await Page.Locator("#checkin-mileage").FillAsync("23456");
        await Page.GetByTestId("ro-open").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/repair-orders/[0-9a-f-]{36}$"));
        await WaitUntilInteractiveAsync();

        // Adding the battery check asks the warranty module at once: a year-old BYD battery is covered.
        await PickAsync(Page.Locator("#ro-add-job"), "EV-002", Page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = "EV-002" }).First);
        var job = Page.GetByTestId("ro-job").First;
        await Expect(job.GetByTestId("job-proposal")).ToContainTextAsync(App.Text("enum.PayType.Warranty"));
        await Expect(job.GetByTestId("job-proposal-reason")).ToContainTextAsync("比亚迪三电保修（电池）");
        await Expect(job.GetByTestId("job-pay-type")).ToContainTextAsync(App.Text("enum.PayType.Warranty"));
        await SnapshotAsync("repair-order-pay-type-proposed");

        // The advisor charges the customer instead: refused until a reason is given.
        await job.GetByTestId("job-pay-type").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = App.Text("enum.PayType.Customer"), Exact = true }).ClickAsync();
        await Expect(Page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Page.GetByTestId("ro-save").ClickAsync();
        await Expect(FieldAround("#job-0-override-reason")).ToContainTextAsync(App.Text("warranty.override_reason_required"));

        await Page.Locator("#job-0-override-reason").FillAsync("电池包底部磕碰变形，非质量问题");
        await Page.GetByTestId("ro-save").ClickAsync();
        await Expect(Page.GetByText(App.Text("ro.saved"))).ToBeVisibleAsync();

        // After a reload the decision is on record: proposed warranty, chosen customer, with the reason.
        await Page.ReloadAsync();
        await WaitUntilInteractiveAsync();
        job = Page.GetByTestId("ro-job").First;
        await Expect(job.GetByTestId("job-proposal")).ToContainTextAsync(App.Text("enum.PayType.Warranty"));
        await Expect(job.GetByTestId("job-pay-type")).ToContainTextAsync(App.Text("enum.PayType.Customer"));
        await Expect(Page.Locator("#job-0-override-reason")).ToHaveValueAsync("电池包底部磕碰变形，非质量问题");
        await SnapshotAsync("repair-order-pay-type-override");
    });

    private async Task SoldAYearAgoAsync(string vin)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDb>();
        var asset = await db.Assets.SingleAsync(a => a.Vin == vin);
        var sold = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-12);
        asset.Update(new AssetDetails(asset.Kind, asset.Brand, asset.Model, asset.Year, asset.Vin, asset.Plate, asset.MileageKm, asset.IsElectric,
            asset.BatteryCapacityKwh, asset.BatteryType, asset.BatterySerial, PurchaseDate: sold, PurchaseProof: "FP20251123"));
        await db.SaveChangesAsync();
    }

    private async Task SnapshotAsync(string name)
    {
        var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
