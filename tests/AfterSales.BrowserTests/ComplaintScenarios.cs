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

        await PickCustomerAsync("#complaint-customer", customer);
        await Page.Locator("#complaint-core-problem").FillAsync("保养后仪表盘报警灯常亮");
        await Page.Locator("#complaint-expectation").FillAsync("免费重新检查并修好");
        await SnapshotAsync("complaint-intake-form");
        await Button("complaints.save").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/complaints/[0-9a-f-]{36}$"));
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
        await PickCustomerAsync("#complaint-customer", customer);
        await Expect(Page.GetByTestId("duplicates")).ToContainTextAsync(number);
        await SnapshotAsync("complaint-duplicate-warning");
    });

    [Fact]
    public Task A_specialist_works_a_hotline_complaint_through_an_approved_compensation_to_the_managers_closure() => ScenarioAsync("complaint-handling-to-closure", async () =>
    {
        var customer = NewCustomer.Unique();
        await customer.RegisterAsync(App);
        await LoginAsAsync("complaints");
        await GoToAsync("/complaints/new");
        await PickCustomerAsync("#complaint-customer", customer);
        await Page.Locator("#complaint-core-problem").FillAsync("更换刹车片后仍有异响");
        await Page.Locator("#complaint-expectation").FillAsync("免费返修并退还工时费");
        await Button("complaints.save").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/complaints/[0-9a-f-]{36}$"));
        var complaintUrl = Page.Url;
        await WaitUntilInteractiveAsync();
        await Button("enum.ComplaintTrigger.Acknowledge").ClickAsync();
        await Expect(Page.GetByTestId("complaint-status")).ToHaveTextAsync(App.Text("enum.ComplaintStatus.Acknowledged"));
        await Button("enum.ComplaintTrigger.StartInvestigation").ClickAsync();
        await Expect(Page.GetByTestId("complaint-status")).ToHaveTextAsync(App.Text("enum.ComplaintStatus.InInvestigation"));

        // Investigation: a log line, then the 5-whys analysis.
        await Page.Locator("#log-text").FillAsync("致电客户，约定明天到店复检；查阅上次工单");
        await Button("cxflow.add_log").ClickAsync();
        await Expect(Page.GetByTestId("log-table")).ToContainTextAsync("约定明天到店复检");
        await Page.Locator("#why-0").FillAsync("刹车异响");
        await Page.Locator("#why-1").FillAsync("刹车片与卡钳间隙过小");
        await Page.Locator("#why-2").FillAsync("安装后未按标准检查");
        await ChooseAsync(Page.GetByTestId("complaint-analysis").Locator(".mud-select").First, App.Text("enum.Responsibility.TechnicianError"));
        await Button("cxflow.save_analysis").ClickAsync();

        // Proposing without a saved analysis would be refused: the status below proves the analysis was kept.

        // A plan with a refund above the specialist's limit: it must go to the manager.
        await Page.Locator("#plan-description-0").FillAsync("免费返修刹车系统");
        await Button("cxflow.add_action").ClickAsync();
        await ChooseAsync(Page.GetByTestId("plan-row").Nth(1).Locator(".mud-select").First, App.Text("enum.ResolutionActionKind.Refund"));
        await Page.Locator("#plan-description-1").FillAsync("退还上次工时费");
        await Page.Locator("#plan-amount-1").FillAsync("2000");
        await Button("enum.ComplaintTrigger.ProposeResolution").ClickAsync();
        await Expect(Page.GetByTestId("complaint-status")).ToHaveTextAsync(App.Text("enum.ComplaintStatus.ResolutionProposed"));
        await Button("enum.ComplaintTrigger.PresentToCustomer").ClickAsync();
        await Expect(Page.Locator(".mud-snackbar", new PageLocatorOptions { HasText = App.Text("complaint.approval_required") })).ToHaveCountAsync(1);
        await Button("enum.ComplaintTrigger.SubmitForApproval").ClickAsync();
        await Expect(Page.GetByTestId("complaint-status")).ToHaveTextAsync(App.Text("enum.ComplaintStatus.AwaitingApproval"));
        await SnapshotAsync("complaint-awaiting-approval");

        await SwitchUserAsync("manager", complaintUrl);
        await Page.Locator("#handling-note").FillAsync("同意退还工时费");
        await Button("enum.ComplaintTrigger.Approve").ClickAsync();
        await Expect(Page.GetByTestId("complaint-status")).ToHaveTextAsync(App.Text("enum.ComplaintStatus.AwaitingCustomer"));

        await SwitchUserAsync("complaints", complaintUrl);
        await Page.Locator("#handling-note").FillAsync("客户电话确认接受");
        await Button("enum.ComplaintTrigger.CustomerAccepts").ClickAsync();
        await Expect(Page.GetByTestId("complaint-status")).ToHaveTextAsync(App.Text("enum.ComplaintStatus.Resolved"));
        await Expect(Page.GetByTestId("customer-response")).ToContainTextAsync(App.Text("enum.CustomerResponse.Accepted"));
        // The re-repair is carried out by opening its repair order (the customer's only car); the refund is marked done.
        await Button("cxflow.open_re_repair").ClickAsync();
        await Expect(Page.GetByTestId("re-repair-order")).ToBeVisibleAsync();
        await Button("cxflow.mark_done").ClickAsync();
        await Expect(Button("cxflow.mark_done")).ToHaveCountAsync(0);
        await Expect(Button("enum.ComplaintTrigger.Close")).ToHaveCountAsync(0);
        await SnapshotAsync("complaint-resolved");

        await SwitchUserAsync("manager", complaintUrl);
        await Page.Locator("#handling-note").FillAsync("审核通过，归档");
        await Button("enum.ComplaintTrigger.Close").ClickAsync();
        await Expect(Page.GetByTestId("complaint-status")).ToHaveTextAsync(App.Text("enum.ComplaintStatus.Closed"));
        await Expect(Page.GetByTestId("complaint-plan")).ToContainTextAsync("黄涛");
        await Expect(Button("enum.ComplaintTrigger.Reopen")).ToBeVisibleAsync();
        await Expect(Button("cxflow.add_log")).ToHaveCountAsync(0);
        await SnapshotAsync("complaint-closed");

        // Another advisor of the same store cannot open it.
        await SwitchUserAsync("advisor", complaintUrl);
        await Expect(Page.GetByText(App.Text("common.not_found"))).ToBeVisibleAsync();
    });

    private async Task SwitchUserAsync(string userName, string url)
    {
        await Page.Context.ClearCookiesAsync();
        await LoginAsAsync(userName);
        await GoToAsync(url);
    }

    /// <summary>Opens a MudSelect and picks the item with this text.</summary>
    private async Task ChooseAsync(ILocator select, string text)
    {
        await select.ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = text }).First.ClickAsync();
        await Expect(Page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    private async Task SnapshotAsync(string name)
    {
        var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
