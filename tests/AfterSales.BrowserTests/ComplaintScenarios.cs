using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed class ComplaintScenarios(AppServer app) : BrowserTest(app)
{
    [Fact]
    public Task A_specialist_takes_a_hotline_complaint_acknowledges_it_and_starts_the_investigation() => ScenarioAsync("complaint-intake-to-investigation", async () =>
    {
        var customer = NewCustomer.Unique();
        await customer.RegisterAsync(App);
        await LoginAsAsync("complaints");
        await GoToAsync("/complaints/new");

        await Button("complaints.save").ClickAsync();
        await Expect(FieldAround("#complaint-core-problem")).ToContainTextAsync(App.Text("complaint.core_problem_required"));
        await Expect(Page.GetByTestId("error-summary")).ToContainTextAsync(App.Text("complaint.customer_required"));

        await Page.Locator("#complaint-customer").FillAsync(customer.LastFour);
        await Page.GetByText(customer.Name).First.ClickAsync();

        // The pick is a round trip to the circuit: typing on before it has settled loses the text on re-render.
        await Expect(Page.Locator("#complaint-customer")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(customer.Name));
        await Expect(Page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Page.Locator("#complaint-core-problem").FillAsync("保养后仪表盘报警灯常亮");
        await Page.Locator("#complaint-expectation").FillAsync("免费重新检查并修好");
        await SnapshotAsync("complaint-intake-form");
        await Button("complaints.save").ClickAsync();

        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/complaints/[0-9a-f-]{36}$"));
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^TS-\d{4}-\d{6}$"));
        await Expect(Page.GetByTestId("complaint-status")).ToHaveTextAsync(App.Text("enum.ComplaintStatus.Received"));

        await Button("enum.ComplaintTrigger.Acknowledge").ClickAsync();
        await Expect(Page.GetByTestId("complaint-status")).ToHaveTextAsync(App.Text("enum.ComplaintStatus.Acknowledged"));
        await Button("enum.ComplaintTrigger.StartInvestigation").ClickAsync();
        await Expect(Page.GetByTestId("complaint-status")).ToHaveTextAsync(App.Text("enum.ComplaintStatus.InInvestigation"));
        await Expect(Page.Locator("[data-testid=complaint-history] tbody tr")).ToHaveCountAsync(3);
        await Expect(Page.GetByTestId("complaint-actions")).ToContainTextAsync(App.Text("complaints.no_actions"));
        await SnapshotAsync("complaint-in-investigation");

        await GoToAsync("/complaints");
        await Page.Locator("#complaint-search").FillAsync(customer.Name);
        await Expect(Page.Locator("[data-testid=complaint-table] tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("complaint-table")).ToContainTextAsync(App.Text("enum.ComplaintStatus.InInvestigation"));
        var number = await Page.Locator("[data-testid=complaint-table] tbody tr a").First.InnerTextAsync();

        // A second complaint of the same customer: the open one is shown before anything is saved.
        await GoToAsync("/complaints/new");
        await Page.Locator("#complaint-customer").FillAsync(customer.LastFour);
        await Page.GetByText(customer.Name).First.ClickAsync();
        await Expect(Page.GetByTestId("duplicates")).ToContainTextAsync(number);
        await SnapshotAsync("complaint-duplicate-warning");
    });

    private async Task SnapshotAsync(string name)
    {
        var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
