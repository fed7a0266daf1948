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
