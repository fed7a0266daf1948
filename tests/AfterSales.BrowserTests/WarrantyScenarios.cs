using AfterSales.Domain.Assets;
using AfterSales.Domain.Returns;
using AfterSales.Web.Features.Labour;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Features.Returns;
using AfterSales.Web.Features.Warranty;
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

        await PickCustomerAsync("#coverage-customer", customer);

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

    [Fact]
    public Task A_return_is_requested_inspected_and_refunded_and_a_rejected_claim_goes_to_goodwill() => ScenarioAsync("returns-and-claims", async () =>
    {
        var customer = NewCustomer.Unique();
        var customerId = await customer.RegisterAsync(App);
        var store = await App.StoreIdAsync(DemoData.BeijingStore);
        var saleNumber = "TB" + DateTime.UtcNow.Ticks;
        await App.AsUserAsync("advisor", services => services.GetRequiredService<ReturnDesk>().RecordSaleAsync(
            new RecordSaleRequest(store, customerId, saleNumber, SaleChannel.Online, [new SaleItemInput("EAR-01", "蓝牙耳机 FreeBuds", 1, 699m)], DateTimeOffset.UtcNow.AddDays(-2)), CancellationToken.None));
        var assetId = await App.AsUserAsync("advisor", async services => (await services.GetRequiredService<AfterSalesDb>().Assets.SingleAsync(a => a.Vin == customer.Vin)).Id);
        var job = await WarrantyJobAsync(customerId, assetId, store);
        var claim = await App.AsUserAsync("advisor", services => services.GetRequiredService<DraftClaim>().HandleAsync(
            new DraftClaimRequest(assetId, job, Domain.Warranty.ComponentGroup.TractionBattery, "电芯压差过大，续航骤降",
                [new ClaimLineInput(Domain.Warranty.ClaimLineKind.Part, "BYD-BAT-M01", "动力电池模组", 1, 1_800m), new ClaimLineInput(Domain.Warranty.ClaimLineKind.Labour, "L-BAT-01", "更换电池模组", 2.5m, 180m)], "JJ-2026-0042"),
            CancellationToken.None));
        await LoginAsAsync("advisor");

        await GoToAsync("/returns");
        await Page.Locator("div.d-flex", new PageLocatorOptions { HasText = saleNumber }).GetByRole(AriaRole.Button).ClickAsync();
        var form = Page.GetByTestId("return-form");
        await form.GetByLabel(App.Text("returns.description")).FillAsync("右耳无声，充电盒指示灯不亮");
        await form.GetByLabel(App.Text("returns.evidence")).FillAsync("旺旺聊天截图 2026-11-21\n实物对比照片 3 张");
        await form.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = App.Text("returns.submit") }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/returns/[0-9a-f-]{36}$"));
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByTestId("return-status")).ToHaveTextAsync(App.Text("enum.ReturnStatus.Requested"));
        await Button("enum.ReturnTrigger.Inspect").ClickAsync();
        await Expect(Page.GetByTestId("return-status")).ToHaveTextAsync(App.Text("enum.ReturnStatus.Inspected"));
        await Page.GetByLabel(App.Text("returns.shipping")).FillAsync("12");
        await Button("enum.ReturnTrigger.Resolve").ClickAsync();
        await Expect(Page.GetByTestId("return-status")).ToHaveTextAsync(App.Text("enum.ReturnStatus.Resolved"));
        await Expect(Page.Locator("[data-testid=return-steps] tbody tr")).ToHaveCountAsync(3);
        await SnapshotAsync("return-resolved");

        await GoToAsync($"/warranty/claims/{claim.Value!.Id}");
        await Button("enum.ClaimTrigger.Submit").ClickAsync();
        await Expect(Page.GetByTestId("claim-status")).ToHaveTextAsync(App.Text("enum.ClaimStatus.Submitted"));
        await Page.GetByLabel(App.Text("claims.reason_or_note")).FillAsync("电池包底部有托底撞击痕迹，不属于质量问题");
        await Button("enum.ClaimTrigger.Reject").ClickAsync();
        await Expect(Page.GetByTestId("claim-status")).ToHaveTextAsync(App.Text("enum.ClaimStatus.Rejected"));
        await Page.GetByLabel(App.Text("claims.reason_or_note")).FillAsync("老客户，门店善意承担");
        await Button("enum.ClaimTrigger.DecideAfterRejection").ClickAsync();
        await Expect(Page.GetByTestId("claim-status")).ToHaveTextAsync(App.Text("enum.ClaimStatus.Closed"));
        await Expect(Page.Locator("[data-testid=claim-history] tbody tr")).ToHaveCountAsync(4);
        await SnapshotAsync("claim-closed-goodwill");

        await GoToAsync("/warranty/policies");
        await Expect(Page.GetByTestId("policy-table")).ToContainTextAsync("比亚迪三电保修（电池）");
        await SnapshotAsync("warranty-policies");
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

    /// <summary>A claim names a real job decided Warranty: the car sold a year ago, an order with the battery job, the decision recorded.</summary>
    private async Task<JobReferenceInput> WarrantyJobAsync(Guid customerId, Guid assetId, Guid store) => await App.AsUserAsync("advisor", async services =>
    {
        var db = services.GetRequiredService<AfterSalesDb>();
        var asset = await db.Assets.SingleAsync(a => a.Id == assetId);
        db.Entry(asset).Property(nameof(Asset.PurchaseDate)).CurrentValue = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-12);
        await db.SaveChangesAsync();
        var order = (await services.GetRequiredService<OpenRepairOrder>().HandleAsync(new OpenRepairOrderRequest(customerId, assetId, "续航骤降", new CheckInRequest(MileageKm: 23_456)), CancellationToken.None)).Value!;
        var battery = (await services.GetRequiredService<SearchLabourOperations>().HandleAsync(store, new SearchLabourOperationsRequest("EV-002"), CancellationToken.None)).Items.Single(o => o.Code == "EV-002");
        order = (await services.GetRequiredService<ReviseRepairOrder>().HandleAsync(order.Id, new ReviseRepairOrderRequest(order.Version, order.CustomerWords, [new JobRequest(battery.Id, Domain.Service.PayType.PendingDecision)]), CancellationToken.None)).Value!;
        var decided = await services.GetRequiredService<DecideJobPayType>().HandleAsync(
            order.Id, order.Jobs[0].Id, new JobPayTypeDecisionRequest(Domain.Warranty.ComponentGroup.TractionBattery, Domain.Service.PayType.Warranty, Domain.Service.PayType.Warranty), CancellationToken.None);
        Assert.True(decided.IsOk, string.Join("; ", decided.Errors));
        return new JobReferenceInput("RepairOrderJob", order.Jobs[0].Id, $"{order.Number}/1");
    });
}
