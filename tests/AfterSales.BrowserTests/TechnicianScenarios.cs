using System.Text.RegularExpressions;
using AfterSales.Domain.Labour;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed class TechnicianScenarios(AppServer app) : BrowserTest(app)
{
    /// <summary>A 1×1 PNG, as the signature pad sends it.</summary>
    private const string SignaturePng = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    [Fact]
    public Task A_technician_clocks_a_job_on_a_phone_reports_a_finding_the_advisor_prices_it_and_the_customer_approves_by_link() => ScenarioAsync("technician-extra-work", async () =>
    {
        var store = await App.StoreIdAsync(DemoData.BeijingStore);
        var (orderId, number) = await SignedOrderForTechAsync(store);

        await OpenAsync(390, 844);
        await LoginAsAsync("tech");
        await GoToAsync("/workshop/my-jobs");
        var card = Page.GetByTestId("my-job").Filter(new LocatorFilterOptions { HasText = number });
        await Expect(card).ToHaveCountAsync(1);
        await SnapshotAsync("technician-my-jobs");
        await card.GetByTestId("my-job-link").ClickAsync();
        await Page.WaitForURLAsync(new Regex("/workshop/jobs/[0-9a-f-]{36}$"));
        await WaitUntilInteractiveAsync();

        await Page.GetByTestId("job-start").ClickAsync();
        await Expect(Page.GetByTestId("job-status")).ToHaveTextAsync(App.Text("enum.RepairJobStatus.InProgress"));
        await Expect(Page.GetByTestId("clock-session")).ToHaveCountAsync(1);
        await Page.GetByTestId("job-pause").ClickAsync();
        await Expect(Page.GetByTestId("job-status")).ToHaveTextAsync(App.Text("enum.RepairJobStatus.Paused"));
        await Expect(Page.GetByTestId("job-pause-reason")).ToHaveTextAsync(App.Text("enum.PauseReason.WaitingForParts"));
        await Page.GetByTestId("job-resume").ClickAsync();
        await Expect(Page.GetByTestId("job-status")).ToHaveTextAsync(App.Text("enum.RepairJobStatus.InProgress"));
        await Expect(Page.GetByTestId("clock-session")).ToHaveCountAsync(2);

        await Page.Locator("#finding-text").FillAsync("左后刹车片磨损到极限");
        await Page.GetByTestId("finding-safety").ClickAsync();
        await Page.GetByTestId("finding-report").ClickAsync();
        await Expect(Page.GetByTestId("finding")).ToHaveCountAsync(1);
        await Page.GetByTestId("job-name").ScrollIntoViewIfNeededAsync();
        await SnapshotAsync("technician-job-phone");

        // The advisor prices the finding at the desk.
        var advisor = await SecondPageAsync();
        await advisor.GotoAsync("/account/login");
        await advisor.GetByLabel(App.Text("login.username")).FillAsync("advisor");
        await advisor.GetByLabel(App.Text("login.password")).FillAsync(DemoData.Password);
        await advisor.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = App.Text("login.submit") }).ClickAsync();
        await advisor.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await advisor.GotoAsync($"/repair-orders/{orderId}/extra-work");
        await advisor.Locator("[data-interactive=true]").WaitForAsync();
        await advisor.GetByTestId("extra-finding-pick").ClickAsync();
        for (var attempt = 0; ; attempt++)
        {
            await advisor.Locator("#extra-operation").FillAsync("ME-002");
            try
            {
                await advisor.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 4_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }

        await advisor.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await advisor.GetByTestId("extra-propose-button").ClickAsync();
        await Expect(advisor.GetByTestId("extra-job-status")).ToHaveTextAsync(App.Text("enum.RepairJobStatus.Proposed"));
        await advisor.GetByTestId("extra-send-link").ClickAsync();
        var link = await advisor.GetByTestId("extra-link-url").GetAttributeAsync("href");
        Assert.NotNull(link);
        await SnapshotAsync(advisor, "technician-advisor-extra-work");

        // The customer opens the texted link on a phone, without logging in, and approves.
        await OpenAsync(390, 844);
        await Page.GotoAsync(link);
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByTestId("link-job")).ToHaveCountAsync(1);
        await Page.Locator("#link-signer").FillAsync("张三");
        await SnapshotAsync("technician-customer-link");
        await Page.GetByTestId("link-approve").ClickAsync();
        await Expect(Page.GetByTestId("link-job-answer")).ToHaveTextAsync(App.Text("customer_link.approved"));
        await SnapshotAsync("technician-customer-approved");

        var status = await App.AsUserAsync("advisor", async services =>
            (await services.GetRequiredService<AfterSalesDb>().Set<RepairJob>().Where(j => j.RepairOrderId == orderId && j.IsExtraWork).SingleAsync()).Status);
        Assert.Equal(RepairJobStatus.Pending, status);
    });

    private static async Task SnapshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private Task SnapshotAsync(string name) => SnapshotAsync(Page, name);

    /// <summary>A signed Beijing order whose only job the dispatcher gave to the demo technician.</summary>
    private async Task<(Guid Id, string Number)> SignedOrderForTechAsync(Guid store)
    {
        var customer = NewCustomer.Unique();
        var customerId = await customer.RegisterAsync(App);
        var techId = await App.AsUserAsync("admin", services => services.GetRequiredService<AfterSalesDb>().Users.Where(u => u.UserName == "tech").Select(u => u.Id).SingleAsync());
        return await App.AsUserAsync("advisor", async services =>
        {
            var db = services.GetRequiredService<AfterSalesDb>();
            var assetId = (await db.Assets.SingleAsync(a => a.Vin == customer.Vin)).Id;
            var operation = await db.Set<LabourOperation>().FirstAsync(o => o.StoreId == store && o.Code == "ME-001");
            var opened = await services.GetRequiredService<OpenRepairOrder>().HandleAsync(
                new OpenRepairOrderRequest(customerId, assetId, "刹车异响", new CheckInRequest(MileageKm: 30_000, CoversFitted: true), StoreId: store), CancellationToken.None);
            Assert.True(opened.IsOk, string.Join("; ", opened.Errors));
            var revised = await services.GetRequiredService<ReviseRepairOrder>().HandleAsync(
                opened.Value!.Id, new ReviseRepairOrderRequest(opened.Value.Version, "刹车异响", [new JobRequest(operation.Id, PayType.Customer)]), CancellationToken.None);
            Assert.True(revised.IsOk, string.Join("; ", revised.Errors));
            var submitted = await services.GetRequiredService<SubmitRepairOrder>().HandleAsync(revised.Value!.Id, new RepairOrderMoveRequest(revised.Value.Version), CancellationToken.None);
            Assert.True(submitted.IsOk, string.Join("; ", submitted.Errors));
            var signed = await services.GetRequiredService<SignRepairOrder>().HandleAsync(submitted.Value!.Id, new SignRepairOrderRequest(submitted.Value.Version, "张三", SignaturePng), CancellationToken.None);
            Assert.True(signed.IsOk, string.Join("; ", signed.Errors));
            var order = await db.Set<RepairOrder>().Include(o => o.Jobs).SingleAsync(o => o.Id == signed.Value!.Id);
            Assert.Null(order.AssignJob(order.Jobs[0].Id, techId, "赵磊", new RepairOrderActor(null, "张伟"), null, services.GetRequiredService<TimeProvider>().GetUtcNow()));
            await db.SaveChangesAsync();
            return (order.Id, order.Number);
        });
    }
}
