using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed partial class RepairOrderScenarios(AppServer app) : BrowserTest(app)
{
    [Fact]
    public Task An_advisor_checks_in_a_walk_in_builds_two_jobs_and_the_customer_signs_with_the_mouse() => ScenarioAsync("repair-order-signed", async () =>
    {
        var customer = NewCustomer.Unique();
        await customer.RegisterAsync(App);
        await LoginAsAsync("advisor");
        await GoToAsync("/repair-orders/new");

        await PickCustomerAsync("#ro-customer", customer);
        await Expect(Page.GetByTestId("ro-asset")).ToBeVisibleAsync();
        await Page.Locator("#ro-words").FillAsync("刹车时有异响，仪表盘胎压灯亮");
        await Page.Locator("#checkin-mileage").FillAsync("23456");
        await Page.Locator("#checkin-energy").FillAsync("60");
        await Page.Locator("[data-zone=FrontBumper]").ClickAsync();
        await Page.Locator("[data-zone=RearLeftDoor]").ClickAsync();
        await Expect(Page.Locator("[data-testid=damage-marks] .mud-chip")).ToHaveCountAsync(2);
        await Page.Locator("#checkin-valuables").FillAsync("行车记录仪");
        await SnapshotAsync("repair-order-check-in");
        await Page.GetByTestId("ro-open").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/repair-orders/[0-9a-f-]{36}$"));
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync(RoNumber());
        await Expect(Page.GetByTestId("ro-status")).ToHaveTextAsync(App.Text("enum.RepairOrderStatus.Draft"));

        await AddJobAsync("ME-001");
        await AddJobAsync("EV-002");
        await Expect(Page.GetByTestId("ro-job")).ToHaveCountAsync(2);

        // A part on the brake job, found by its name; the totals follow at once.
        await Page.Locator("#job-0-part").FillAsync("前制动片");
        await Page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await Expect(Page.GetByTestId("ro-job").First).ToContainTextAsync("前制动片");

        // The battery check is a warranty job.
        await Page.GetByTestId("ro-job").Nth(1).GetByTestId("job-pay-type").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = App.Text("enum.PayType.Warranty"), Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("ro-totals")).ToContainTextAsync(App.Text("enum.PayType.Warranty"));

        // Without a sale date on file the warranty module leaves it pending; deciding otherwise takes a reason.
        await Page.Locator("#job-1-override-reason").FillAsync("购车发票已核验，在三电保修期内");
        await SnapshotAsync("repair-order-editor");

        await Page.GetByTestId("ro-submit").ClickAsync();
        await Expect(Page.GetByTestId("ro-status")).ToHaveTextAsync(App.Text("enum.RepairOrderStatus.AwaitingSignature"));

        // The customer signs with the mouse on the canvas.
        var canvas = Page.GetByTestId("signature-canvas");
        await canvas.ScrollIntoViewIfNeededAsync();
        var box = await canvas.BoundingBoxAsync();
        Assert.NotNull(box);
        await Page.Mouse.MoveAsync(box.X + 30, box.Y + 120);
        await Page.Mouse.DownAsync();
        foreach (var (dx, dy) in new[] { (60, 60), (90, 140), (130, 70), (170, 130), (210, 60), (260, 120), (320, 90) })
        {
            await Page.Mouse.MoveAsync(box.X + dx, box.Y + dy, new MouseMoveOptions { Steps = 6 });
        }

        await Page.Mouse.UpAsync();
        await SnapshotAsync("repair-order-signing");
        await Page.GetByTestId("ro-confirm-signature").ClickAsync();

        await Expect(Page.GetByTestId("ro-status")).ToHaveTextAsync(App.Text("enum.RepairOrderStatus.Signed"));
        await Expect(Page.GetByTestId("ro-signatures")).ToContainTextAsync("SHA-256");
        await Expect(Page.GetByTestId("ro-signatures").Locator("img")).ToHaveJSPropertyAsync("complete", true);
        await ExpectImageLoadedAsync(Page.GetByTestId("ro-signatures").Locator("img").First, "The signature image");

        var url = Page.Url;
        await Page.GotoAsync(url + "/print");
        await Expect(Page.GetByTestId("ro-print")).ToContainTextAsync(App.Text("ro.print_title"));
        await Expect(Page.GetByTestId("ro-print")).ToContainTextAsync("ME-001");
        await Expect(Page.GetByTestId("ro-print").Locator(".sig img")).ToBeVisibleAsync();
        await SnapshotAsync("repair-order-print");
    });

    private async Task AddJobAsync(string code)
    {
        await PickAsync(Page.Locator("#ro-add-job"), code, Page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = code }).First);
        await Expect(Page.GetByTestId("ro-jobs")).ToContainTextAsync(code);
        await Expect(Page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    private async Task SnapshotAsync(string name)
    {
        var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    [GeneratedRegex(@"^RO-\d{8}-\d{4}$")]
    private static partial Regex RoNumber();
}
