using AfterSales.Domain.Labour;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Features.Settlement;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed class DeliveryScenarios(AppServer app) : BrowserTest(app)
{
    private const string SignaturePng = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    [Fact]
    public Task Handover_settlement_with_two_payments_walk_through_and_the_gate_then_the_customers_phone() => ScenarioAsync("delivery-progress-phone", async () =>
    {
        var orderId = await InspectedOrderAsync();
        await LoginAsAsync("advisor");
        await GoToAsync($"/repair-orders/{orderId}/delivery");
        await Expect(Page.GetByTestId("delivery-status")).ToHaveTextAsync(App.Text("enum.RepairOrderStatus.Inspected"));

        // Handover: wash, parking spot, checklist.
        foreach (var key in new[] { "delivery.wash_done", "delivery.check_jobs", "delivery.check_fault", "delivery.check_old_parts", "delivery.check_clean", "delivery.check_tools" })
        {
            await Page.GetByLabel(App.Text(key)).CheckAsync();
        }

        await Page.Locator("#parking-spot").FillAsync("B2-17");
        await SnapshotAsync("delivery-handover");
        await Page.GetByTestId("complete-handover").ClickAsync();
        await Expect(Page.GetByTestId("delivery-status")).ToHaveTextAsync(App.Text("enum.RepairOrderStatus.ReadyForDelivery"));

        // Two part payments: 300 by WeChat Pay, the rest in cash with change.
        var outstanding = Page.GetByTestId("outstanding");
        await Page.Locator("#payment-amount").FillAsync("300");
        await Page.Locator("#payment-reference").FillAsync("WX4200001");
        await Page.GetByTestId("take-payment").ClickAsync();
        await Expect(Page.GetByTestId("payments").Locator("tr")).ToHaveCountAsync(1);
        var rest = decimal.Parse((await outstanding.InnerTextAsync()).TrimStart('¥').Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        await Page.GetByTestId("payment-method").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = App.Text("enum.PaymentMethod.Cash"), Exact = true }).ClickAsync();
        await Page.Locator("#payment-tendered").FillAsync("2000");
        await Page.Locator("#payment-tendered").BlurAsync();
        await Expect(Page.GetByTestId("change-preview")).ToBeVisibleAsync();
        await Page.GetByTestId("take-payment").ClickAsync();
        await Expect(Page.GetByTestId("settled")).ToBeVisibleAsync();
        await Expect(outstanding).ToHaveTextAsync("¥0.00");
        await Expect(Page.GetByTestId("payments")).ToContainTextAsync((2000m - rest).ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
        await SnapshotAsync("delivery-settled");

        // Walk-through: the declined safety item is acknowledged with a signature, then delivery.
        await Expect(Page.GetByTestId("declined-items")).ToContainTextAsync(App.Text("delivery.safety_critical"));
        await Page.Locator("#ack-signer").FillAsync("张三");
        var canvas = Page.GetByTestId("signature-canvas");
        await canvas.ScrollIntoViewIfNeededAsync();
        var box = await canvas.BoundingBoxAsync();
        Assert.NotNull(box);
        await Page.Mouse.MoveAsync(box.X + 30, box.Y + 100);
        await Page.Mouse.DownAsync();
        foreach (var (dx, dy) in new[] { (70, 50), (110, 120), (160, 60), (220, 110), (280, 70) })
        {
            await Page.Mouse.MoveAsync(box.X + dx, box.Y + dy, new MouseMoveOptions { Steps = 5 });
        }

        await Page.Mouse.UpAsync();
        await SnapshotAsync("delivery-walk-through");
        await Page.GetByTestId("deliver").ClickAsync();
        await Expect(Page.GetByTestId("delivery-status")).ToHaveTextAsync(App.Text("enum.RepairOrderStatus.Delivered"));

        // The printed gate pass carries the QR code and its token; the statement and invoice print too.
        await Page.GotoAsync($"/repair-orders/{orderId}/delivery/print/statement");
        await Expect(Page.GetByTestId("delivery-print")).ToContainTextAsync(App.Text("delivery.statement_title"));
        await SnapshotAsync("delivery-print-statement");
        await Page.GotoAsync($"/repair-orders/{orderId}/delivery/print/gate-pass");
        await Expect(Page.GetByTestId("gate-pass").Locator("img")).ToHaveJSPropertyAsync("complete", true);
        await ExpectImageLoadedAsync(Page.GetByTestId("gate-pass").Locator("img"), "The QR code");
        var token = await Page.GetByTestId("gate-pass-token").InnerTextAsync();
        await SnapshotAsync("delivery-print-gate-pass");

        // The gate scans it: valid once, then already used.
        await GoToAsync("/gate");
        await Page.Locator("#gate-code").FillAsync(token);
        await Page.GetByTestId("gate-check").ClickAsync();
        await Expect(Page.GetByTestId("gate-result")).ToHaveAttributeAsync("data-result", "Valid");
        await Page.Locator("#gate-code").FillAsync(token);
        await Page.GetByTestId("gate-check").ClickAsync();
        await Expect(Page.GetByTestId("gate-result")).ToHaveAttributeAsync("data-result", "AlreadyUsed");
        await SnapshotAsync("delivery-gate");

        // The customer follows the link on a phone.
        var link = await App.AsUserAsync("advisor", services =>
            services.GetRequiredService<AfterSalesDb>().Set<RepairOrderProgressLink>().Where(l => l.RepairOrderId == orderId).Select(l => l.Token).SingleAsync());
        await OpenAsync(390, 844);
        await Page.GotoAsync(RepairOrderProgressLink.PathOf(link));
        await Expect(Page.GetByTestId("progress-stage")).ToHaveTextAsync(App.Text("enum.ProgressStage.Delivered"));
        await Expect(Page.GetByTestId("step-Ready")).ToHaveAttributeAsync("data-reached", "yes");
    });

    /// <summary>A signed order (pads for the customer, a warranty battery check, a declined safety item) through the workshop and QC.</summary>
    private async Task<Guid> InspectedOrderAsync()
    {
        var customer = NewCustomer.Unique();
        var customerId = await customer.RegisterAsync(App);
        var store = await App.StoreIdAsync(DemoData.BeijingStore);
        return await App.AsUserAsync("advisor", async services =>
        {
            var db = services.GetRequiredService<AfterSalesDb>();
            var assetId = (await db.Assets.SingleAsync(a => a.Vin == customer.Vin)).Id;
            var pads = await db.Set<LabourOperation>().FirstAsync(o => o.StoreId == store && o.Code == "ME-001");
            var battery = await db.Set<LabourOperation>().FirstAsync(o => o.StoreId == store && o.Code == "EV-002");
            var opened = await services.GetRequiredService<OpenRepairOrder>().HandleAsync(
                new OpenRepairOrderRequest(customerId, assetId, "刹车异响", new CheckInRequest(MileageKm: 23_456, EnergyLevelPercent: 60, CoversFitted: true), StoreId: store), CancellationToken.None);
            Assert.True(opened.IsOk, string.Join("; ", opened.Errors));
            var order = opened.Value!;
            JobRequest[] jobs =
            [
                new(pads.Id, PayType.Customer, Parts: [new PartLineRequest("BP-45022", "前刹车片(套)", 1, 480m)]),
                new(battery.Id, PayType.Warranty),
                new(pads.Id, PayType.Customer, Note: "后刹车片磨损至 2mm"),
            ];
            order = (await services.GetRequiredService<ReviseRepairOrder>().HandleAsync(order.Id,
                new ReviseRepairOrderRequest(order.Version, order.CustomerWords, jobs, 0m, null, null, PaymentMethod.WeChatPay, OldPartsHandling.CustomerTakes, FreeWash: true), CancellationToken.None)).Value!;
            order = (await services.GetRequiredService<SubmitRepairOrder>().HandleAsync(order.Id, new RepairOrderMoveRequest(order.Version), CancellationToken.None)).Value!;
            var signed = await services.GetRequiredService<SignRepairOrder>().HandleAsync(order.Id, new SignRepairOrderRequest(order.Version, "张三", SignaturePng), App.BaseUrl, CancellationToken.None);
            Assert.True(signed.IsOk, string.Join("; ", signed.Errors));

            var o = await db.Set<RepairOrder>().Include(x => x.Jobs).SingleAsync(x => x.Id == order.Id);
            var third = o.Jobs.Single(j => j.Position == 3);
            db.Entry(third).Property(nameof(RepairJob.Status)).CurrentValue = RepairJobStatus.Declined;
            db.Entry(third).Property(nameof(RepairJob.SafetyCritical)).CurrentValue = true;
            var tech = await db.Users.Where(u => u.UserName == "tech").Select(u => u.Id).SingleAsync();
            var actor = new RepairOrderActor(tech, "赵磊");
            var now = DateTimeOffset.UtcNow;
            foreach (var job in o.Jobs.Where(j => j.Status == RepairJobStatus.Pending).ToList())
            {
                o.AssignJob(job.Id, tech, "赵磊", actor, null, now);
                o.MoveJob(job.Id, RepairJobTrigger.Start, actor, null, now);
                o.MoveJob(job.Id, RepairJobTrigger.Finish, actor, null, now);
                o.MoveJob(job.Id, RepairJobTrigger.Check, actor, null, now);
            }

            Assert.Null(o.PassFinalInspection(actor, "路试正常", now));
            await db.SaveChangesAsync();
            return o.Id;
        });
    }

    private async Task SnapshotAsync(string name)
    {
        var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
