using AfterSales.Domain.Assets;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed class WarrantyScenarios(AppServer app) : BrowserTest(app)
{
    [Fact]
    public Task An_advisor_sees_a_proposed_warranty_pay_type_and_overrides_it_with_a_reason() => ScenarioAsync("warranty-coverage-override", async () =>
    {
        var customer = NewCustomer.Unique();
        await customer.RegisterAsync(App);
        await SoldAYearAgoAsync(customer.Vin);
        await LoginAsAsync("advisor");
        await GoToAsync("/warranty/coverage");

        await Page.Locator("#coverage-customer").FillAsync(customer.LastFour);
        await Page.GetByText(customer.Name).First.ClickAsync();
        await Expect(Page.Locator("#coverage-customer")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(customer.Name));
        await Expect(Page.Locator(".mud-popover-open")).ToHaveCountAsync(0);

        // The customer's only vehicle is picked; the odometer reading of today's visit goes in.
        await Page.Locator("#coverage-mileage").FillAsync("20000");
        await Page.GetByTestId("coverage-propose").ClickAsync();
        await Expect(Page.GetByTestId("coverage-proposed-pay-type")).ToHaveTextAsync(App.Text("enum.PayType.Warranty"));
        await Expect(Page.GetByTestId("coverage-reason")).ToContainTextAsync("比亚迪整车保修");
        await SnapshotAsync("warranty-coverage-proposal");

        // The advisor disagrees: an override needs a reason.
        await Page.GetByLabel(App.Text("coverage.chosen_pay_type")).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = App.Text("enum.PayType.Customer") }).ClickAsync();
        await Expect(Page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Page.GetByTestId("coverage-record").ClickAsync();
        await Expect(FieldAround("#coverage-reason-input")).ToContainTextAsync(App.Text("warranty.override_reason_required"));

        await Page.Locator("#coverage-reason-input").FillAsync("客户私自加装大功率音响导致线束烧蚀，非质量问题");
        await Page.GetByTestId("coverage-record").ClickAsync();
        var decisions = Page.GetByTestId("coverage-decisions");
        await Expect(decisions.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(decisions).ToContainTextAsync("客户私自加装大功率音响");
        await Expect(decisions).ToContainTextAsync(App.Text("enum.PayType.Warranty"));
        await Expect(decisions).ToContainTextAsync(App.Text("enum.PayType.Customer"));
        await Expect(decisions).ToContainTextAsync("李娜");
        await SnapshotAsync("warranty-coverage-override");
    });

    /// <summary>Registration does not take a sale date for a car; the invoice date is recorded afterwards, as at the service desk.</summary>
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
