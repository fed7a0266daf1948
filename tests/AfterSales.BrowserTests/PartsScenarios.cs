using System.Text.RegularExpressions;
using AfterSales.Domain.Labour;
using AfterSales.Domain.Parts;
using AfterSales.Domain.Service;
using AfterSales.Web.Features.Parts;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed class PartsScenarios(AppServer app) : BrowserTest(app)
{
    [Fact]
    public Task A_parts_clerk_receives_a_purchase_order_line_issues_parts_to_a_job_and_counts_the_bin() => ScenarioAsync("parts-receive-issue-count", async () =>
    {
        var store = await App.StoreIdAsync(DemoData.BeijingStore);
        // A part dear enough that a missing few are above the count approval limit (500), stocked in Beijing.
        var (partId, partNumber, bin) = await App.AsUserAsync("parts", async services =>
        {
            var db = services.GetRequiredService<AfterSalesDb>();
            var row = await (from s in db.Set<StockItem>()
                             join p in db.Set<Part>() on s.PartId equals p.Id
                             where s.StoreId == store && p.IsActive && p.ReplacedByNumber == null && p.Cost > 600m && p.Cost < 3000m
                             orderby p.Number
                             select new { p.Id, p.Number, s.Bin }).FirstAsync();
            return (row.Id, row.Number, row.Bin);
        });
        var supplierId = await App.AsUserAsync("parts", async services => (await services.GetRequiredService<Suppliers>().ListAsync(CancellationToken.None)).First(s => s.IsActive).Id);
        var order = await App.AsUserAsync("parts", services => services.GetRequiredService<PurchaseOrders>().PlaceAsync(
            new PlacePurchaseOrderRequest(store, supplierId, [new PurchaseLineRequest(partId, 6m)]), CancellationToken.None));
        Assert.True(order.IsOk, string.Join("; ", order.Errors));
        var repairOrder = await OpenRepairOrderWithAJobAsync(store);

        await LoginAsAsync("parts");

        // Receiving: 4 of the 6 ordered arrive today; the order stays partially received.
        await GoToAsync("/parts/purchase-orders");
        await Page.GetByTestId("po-table").GetByText(order.Value!.Number).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/parts/purchase-orders/[0-9a-f-]{36}$"));
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByTestId("po-status")).ToHaveTextAsync(App.Text("enum.PurchaseOrderStatus.Open"));
        await Page.Locator("#po-receive-1").FillAsync("4");
        await Page.Locator("#po-delivery-note").FillAsync("SH-20261123-88");
        await Page.GetByTestId("po-receive").ClickAsync();
        await Expect(Page.GetByTestId("po-status")).ToHaveTextAsync(App.Text("enum.PurchaseOrderStatus.PartiallyReceived"));
        await Expect(Page.GetByTestId("po-line-1").GetByTestId("po-line-received")).ToHaveTextAsync("4");
        await SnapshotAsync("parts-po-partially-received");

        // The part's page shows the receipt in the bin's ledger.
        await GoToAsync("/parts");
        await Page.Locator("#part-search").FillAsync(partNumber);
        await Page.GetByTestId("part-table").GetByText(partNumber, new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/parts/[0-9a-f-]{36}$"));
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByTestId("part-stock")).ToContainTextAsync(bin);
        await Expect(Page.GetByTestId("part-ledger")).ToContainTextAsync("SH-20261123-88");
        await SnapshotAsync("parts-part-ledger");

        // Issue one to the repair order's job.
        await GoToAsync("/parts/issue");
        await PickAsync(Page.Locator("#issue-order"), repairOrder, Page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = repairOrder }).First);
        await Expect(Page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await PickAsync(Page.Locator("#issue-part"), partNumber, Page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = partNumber }).First);
        await Expect(Page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Page.Locator("#issue-quantity").FillAsync("1");
        await Page.GetByTestId("issue-submit").ClickAsync();
        var jobParts = Page.GetByTestId("job-parts");
        await Expect(jobParts.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(jobParts).ToContainTextAsync(partNumber);
        await Expect(jobParts).ToContainTextAsync("周敏");
        await SnapshotAsync("parts-issued-to-job");

        // Counting the bin: everything is gone, a variance above the limit waits for a manager.
        await GoToAsync("/parts/counts");
        await Page.Locator("#count-bin").FillAsync(bin);
        await Page.GetByTestId("count-start-button").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/parts/counts/[0-9a-f-]{36}$"));
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByTestId("count-status")).ToHaveTextAsync(App.Text("enum.CountSheetStatus.Counting"));
        var lines = await Page.GetByTestId("count-lines").Locator("tbody tr").CountAsync();
        for (var i = 0; i < lines; i++)
        {
            await Page.Locator($"#count-line-{i}").FillAsync("0");
        }

        await SnapshotAsync("parts-count-entered");
        await Page.GetByTestId("count-submit").ClickAsync();
        await Expect(Page.GetByTestId("count-status")).ToHaveTextAsync(App.Text("enum.CountSheetStatus.AwaitingApproval"));
        await Expect(Page.GetByTestId("count-awaiting")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("count-approve")).ToHaveCountAsync(0);

        // The slow-moving report of the clerk's store lists the demo stock that has not moved for months.
        await GoToAsync("/parts/slow-moving");
        await Expect(Page.GetByTestId("slow-items").Locator("tbody tr").First).ToBeVisibleAsync();
        await SnapshotAsync("parts-slow-moving");

        // A superseded number in the catalogue says what replaces it.
        var (oldNumber, newNumber) = await App.AsUserAsync("parts", async services =>
        {
            var old = await services.GetRequiredService<AfterSalesDb>().Set<Part>().Where(p => p.ReplacedByNumber != null).OrderBy(p => p.Number).FirstAsync();
            return (old.Number, old.ReplacedByNumber!);
        });
        await GoToAsync("/parts");
        await Page.Locator("#part-search").FillAsync(oldNumber);
        var found = Page.GetByTestId("part-table").Locator("tbody tr");
        await Expect(found).ToHaveCountAsync(1);
        await Expect(found).ToContainTextAsync(oldNumber);
        await Expect(found).ToContainTextAsync(string.Format(App.Text("parts.replaced_by"), newNumber));
        await SnapshotAsync("parts-catalogue-supersession");

        // Tomorrow's reserved shelf opens for the clerk's store.
        await GoToAsync("/parts/reserved");
        await Expect(Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync(App.Text("nav.parts_reserved"));
        await SnapshotAsync("parts-reserved-shelf");
    });

    /// <summary>A walk-in's repair order with a brake job, opened by the advisor through the real handlers; returns its number.</summary>
    private async Task<string> OpenRepairOrderWithAJobAsync(Guid store)
    {
        var customer = NewCustomer.Unique();
        var customerId = await customer.RegisterAsync(App);
        return await App.AsUserAsync("advisor", async services =>
        {
            var db = services.GetRequiredService<AfterSalesDb>();
            var assetId = (await db.Assets.SingleAsync(a => a.Vin == customer.Vin)).Id;
            var operation = await db.Set<LabourOperation>().FirstAsync(o => o.StoreId == store && o.Code == "ME-001");
            var opened = await services.GetRequiredService<OpenRepairOrder>().HandleAsync(new OpenRepairOrderRequest(customerId, assetId, "刹车异响", StoreId: store), CancellationToken.None);
            Assert.True(opened.IsOk, string.Join("; ", opened.Errors));
            var revised = await services.GetRequiredService<ReviseRepairOrder>().HandleAsync(
                opened.Value!.Id, new ReviseRepairOrderRequest(opened.Value.Version, "刹车异响", [new JobRequest(operation.Id, PayType.Customer)]), CancellationToken.None);
            Assert.True(revised.IsOk, string.Join("; ", revised.Errors));
            return revised.Value!.Number;
        });
    }

    private async Task SnapshotAsync(string name)
    {
        var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
