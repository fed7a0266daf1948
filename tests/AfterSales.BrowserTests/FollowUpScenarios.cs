using System.Text.RegularExpressions;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.FollowUps;
using AfterSales.Domain.Labour;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Web.Features.FollowUps;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed partial class FollowUpScenarios(AppServer app) : BrowserTest(app)
{
    private const string SignaturePng = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    [Fact]
    public Task An_agent_works_through_the_due_calls_and_a_low_score_becomes_a_complaint() => ScenarioAsync("follow-up-workbench", async () =>
    {
        // Reworked orders are always followed up, whatever the store's coverage target and the other deliveries.
        var first = await DeliveredAsync();
        var second = await DeliveredAsync();
        await MakeDueAsync(first, second);

        await LoginAsAsync("agent");
        await GoToAsync("/follow-ups");
        var firstCall = DueCall(first);
        var secondCall = DueCall(second);
        await Expect(firstCall).ToHaveCountAsync(1);
        await Expect(secondCall).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("coverage-panel")).ToContainTextAsync(App.Text("follow_ups.coverage"));

        // The first call: the order, its jobs and technician are beside the script.
        await firstCall.ClickAsync();
        var detail = Page.GetByTestId("call-detail");
        await Expect(detail).ToContainTextAsync(first.CustomerName);
        await Expect(Page.GetByTestId("order")).ToContainTextAsync(first.Number);
        await Expect(Page.GetByTestId("order")).ToContainTextAsync("赵磊");
        await Expect(Page.GetByTestId("script")).ToContainTextAsync(first.Number);
        await SnapshotAsync("follow-up-call");

        // The customer is not happy: the survey of the call records low scores, which open a complaint on the order.
        await Page.GetByTestId("survey-link").ClickAsync();
        await Page.WaitForURLAsync(SurveyLink());
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByTestId("survey-order")).ToContainTextAsync(first.Number);
        await Page.GetByTestId("q-fixedfirsttime-no").ClickAsync();
        await Page.GetByTestId("q-work-2").ClickAsync();
        await Page.GetByTestId("q-advisor-3").ClickAsync();
        await Page.GetByTestId("q-time-3").ClickAsync();
        await Page.GetByTestId("q-priceexplanation-4").ClickAsync();
        await Page.GetByTestId("q-recommend-4").ClickAsync();
        await Page.GetByTestId("q-comment-text").FillAsync("返修后刹车还是有异响");
        await Page.GetByTestId("survey-notes").FillAsync("客户希望周六上午回店复查");
        await Page.GetByTestId("survey-save").ClickAsync();
        await Expect(Page.GetByTestId("survey-outcome")).ToHaveTextAsync(App.Text("survey.page.unhappy"));
        await Expect(Page.GetByTestId("survey-complaint")).ToHaveTextAsync(new Regex(@"TS-\d{4}-\d{6}"));
        await SnapshotAsync("follow-up-low-score");

        // Back at the calls, the call is recorded as reached and leaves the list.
        await Page.GetByTestId("back-to-calls").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/follow-ups$"));
        await WaitUntilInteractiveAsync();
        await firstCall.ClickAsync();
        await Expect(detail).ToContainTextAsync(first.CustomerName);
        await Page.Locator("#follow-up-note").FillAsync("客户反映刹车仍有异响,已转投诉");
        await Page.GetByTestId("outcome-reached").ClickAsync();
        await Expect(firstCall).ToHaveCountAsync(0);

        // The second: nobody answers, so it goes back on the schedule and leaves the list of calls due now.
        await secondCall.ClickAsync();
        await Expect(detail).ToContainTextAsync(second.CustomerName);
        await Page.GetByTestId("outcome-no-answer").ClickAsync();
        await Expect(secondCall).ToHaveCountAsync(0);

        var (tasks, complaints) = await App.AsUserAsync("admin", async sp =>
        {
            var db = sp.GetRequiredService<AfterSalesDb>();
            var calls = await db.Set<FollowUpTask>().Include(t => t.Attempts)
                .Where(t => (t.RepairOrderId == first.Id || t.RepairOrderId == second.Id) && t.Kind == FollowUpKind.Within24Hours).ToListAsync();
            var raised = await db.Set<Complaint>().Where(c => c.RepairOrderReference == first.Number || c.RepairOrderReference == second.Number)
                .Select(c => new { c.RepairOrderReference, c.Channel, c.CoreProblem }).ToListAsync();
            return (calls, raised.Select(c => (Order: c.RepairOrderReference ?? string.Empty, c.Channel, c.CoreProblem)).ToList());
        });
        var reached = Assert.Single(tasks, t => t.RepairOrderId == first.Id);
        Assert.Equal((FollowUpTaskStatus.Reached, "王芳"), (reached.Status, reached.AgentName ?? string.Empty));
        var retried = Assert.Single(tasks, t => t.RepairOrderId == second.Id);
        Assert.Equal((FollowUpTaskStatus.Open, 1, FollowUpOutcome.NoAnswer), (retried.Status, retried.AttemptCount, retried.Attempts.Single().Outcome));
        Assert.True(retried.DueAt > DateTimeOffset.UtcNow, "A call nobody answered is retried later, not now.");
        var complaint = Assert.Single(complaints);
        Assert.Equal((first.Number, ComplaintChannel.FollowUpCall), (complaint.Order, complaint.Channel));
        Assert.Contains("客户希望周六上午回店复查", complaint.CoreProblem, StringComparison.Ordinal);
    });

    [Fact]
    public Task A_manager_sees_coverage_and_reach_against_the_target() => ScenarioAsync("follow-up-analytics", async () =>
    {
        var order = await DeliveredAsync();
        await MakeDueAsync(order);

        await LoginAsAsync("manager");
        await GoToAsync("/follow-ups/analytics");
        var coverage = Page.GetByTestId("analytics-coverage");
        await Expect(coverage).ToContainTextAsync(App.Text("follow_up_reach.title"));
        await Expect(Page.GetByTestId("coverage-by-store")).ToContainTextAsync("北京朝阳旗舰店");
        await Expect(Page.GetByTestId("coverage-by-store").Locator("[data-testid=coverage-percent]").First).ToBeVisibleAsync();
        await coverage.ScrollIntoViewIfNeededAsync();
        await SnapshotAsync("follow-up-analytics-by-store");
        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = App.Text("follow_up_reach.by_week") }).ClickAsync();
        await Expect(Page.GetByTestId("coverage-by-week")).ToContainTextAsync("北京朝阳旗舰店");
    });

    [Fact]
    public Task An_administrator_sets_the_follow_up_policy() => ScenarioAsync("follow-up-policies", async () =>
    {
        await LoginAsAsync("admin");
        await GoToAsync("/admin/follow-up-policies");
        await Expect(Page.GetByTestId("follow-up-rules")).ToContainTextAsync(App.Text("enum.FollowUpOrderType.ComplaintReRepair"));
        await Expect(Page.GetByTestId("blocked-window")).ToHaveCountAsync(2);
        await Button("follow_up_policies.save").ClickAsync();
        await Expect(Page.GetByText(App.Text("follow_up_policies.saved"))).ToBeVisibleAsync();
    });

    /// <summary>
    /// A Beijing order for a new customer: signed through the handlers, then through the workshop in the domain with one
    /// rework (so it is always followed up) and delivered.
    /// </summary>
    private async Task<RepairOrderView> DeliveredAsync()
    {
        var customer = NewCustomer.Unique();
        var customerId = await customer.RegisterAsync(App);
        var store = await App.StoreIdAsync(DemoData.BeijingStore);
        var order = await App.AsUserAsync("advisor", async sp =>
        {
            var db = sp.GetRequiredService<AfterSalesDb>();
            var assetId = await db.Assets.Where(a => a.CustomerId == customerId).Select(a => a.Id).FirstAsync();
            var operation = await db.Set<LabourOperation>().Where(o => o.StoreId == store && o.Code == "ME-001").Select(o => o.Id).FirstAsync();
            var opened = Ok(await sp.GetRequiredService<OpenRepairOrder>().HandleAsync(
                new OpenRepairOrderRequest(customerId, assetId, "刹车有异响", new CheckInRequest(MileageKm: 15000, CoversFitted: true)), CancellationToken.None));
            var revised = Ok(await sp.GetRequiredService<ReviseRepairOrder>().HandleAsync(opened.Id,
                new ReviseRepairOrderRequest(opened.Version, opened.CustomerWords, [new JobRequest(operation, PayType.Customer)]), CancellationToken.None));
            var submitted = Ok(await sp.GetRequiredService<SubmitRepairOrder>().HandleAsync(revised.Id, new RepairOrderMoveRequest(revised.Version), CancellationToken.None));
            return Ok(await sp.GetRequiredService<SignRepairOrder>().HandleAsync(submitted.Id, new SignRepairOrderRequest(submitted.Version, customer.Name, SignaturePng), App.BaseUrl, CancellationToken.None));
        });
        var techId = await App.AsUserAsync("admin", sp => sp.GetRequiredService<AfterSalesDb>().Users.Where(u => u.UserName == "tech").Select(u => u.Id).FirstAsync());
        await App.AsUserAsync("admin", async sp =>
        {
            var db = sp.GetRequiredService<AfterSalesDb>();
            var o = await db.Set<RepairOrder>().Include(x => x.Jobs).ThenInclude(j => j.Parts).FirstAsync(x => x.Id == order.Id);
            var by = new RepairOrderActor(null, "测试");
            var now = DateTimeOffset.UtcNow.AddDays(-2);
            foreach (var job in o.Jobs)
            {
                Assert.Null(o.AssignJob(job.Id, techId, "赵磊", by, null, now));
                Assert.Null(o.MoveJob(job.Id, RepairJobTrigger.Start, by, null, now));
                Assert.Null(o.MoveJob(job.Id, RepairJobTrigger.Finish, by, null, now));
                if (job == o.Jobs[0])
                {
                    Assert.Null(o.MoveJob(job.Id, RepairJobTrigger.Rework, by, "刹车仍有异响", now));
                    Assert.Null(o.MoveJob(job.Id, RepairJobTrigger.Start, by, null, now));
                    Assert.Null(o.MoveJob(job.Id, RepairJobTrigger.Finish, by, null, now));
                }

                Assert.Null(o.MoveJob(job.Id, RepairJobTrigger.Check, by, null, now));
            }

            Assert.Null(o.PassFinalInspection(by, null, now));
            Assert.Null(o.MarkReady(by, null, now));
            Assert.Null(o.Deliver(null, null, by, now));
            return await db.SaveChangesAsync();
        });
        return order;
    }

    /// <summary>
    /// Runs the generator (the background job may have been first: either way the calls exist once) and makes the 24-hour
    /// calls due before every other open call, so they head the agent's list however many calls other scenarios left.
    /// </summary>
    private async Task MakeDueAsync(params RepairOrderView[] orders)
    {
        var ids = orders.Select(o => o.Id).ToList();
        await App.AsUserAsync("admin", sp => sp.GetRequiredService<GenerateFollowUpTasks>().HandleAsync(500, CancellationToken.None));
        var calls = await App.AsUserAsync("admin", async sp =>
        {
            var db = sp.GetRequiredService<AfterSalesDb>();
            var decisions = await db.Set<FollowUpSelection>().Where(s => ids.Contains(s.RepairOrderId)).ToListAsync();
            Assert.Equal(ids.Count, decisions.Count(s => s.Selected && s.Reason == SampleReason.Required));
            var earliest = await db.Set<FollowUpTask>().Where(t => t.Status == FollowUpTaskStatus.Open)
                .OrderBy(t => t.DueAt).Select(t => (DateTimeOffset?)t.DueAt).FirstOrDefaultAsync() ?? DateTimeOffset.UtcNow;
            var due = (earliest < DateTimeOffset.UtcNow.AddMinutes(-30) ? earliest : DateTimeOffset.UtcNow.AddMinutes(-30)).AddMinutes(-1);
            return await db.Set<FollowUpTask>().Where(t => ids.Contains(t.RepairOrderId) && t.Kind == FollowUpKind.Within24Hours)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, due));
        });
        Assert.Equal(ids.Count, calls);
    }

    /// <summary>The order's 24-hour call in the agent's list (its other calls may be listed too once they are due).</summary>
    private ILocator DueCall(RepairOrderView order) =>
        Page.Locator($"[data-testid=due-call][data-order='{order.Number}'][data-kind='{FollowUpKind.Within24Hours}']");

    private async Task SnapshotAsync(string name)
    {
        var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private static RepairOrderView Ok(Outcome<RepairOrderView> outcome)
    {
        Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors));
        return outcome.Value!;
    }

    [GeneratedRegex("/follow-ups/calls/[0-9a-f-]{36}/survey\\?order=[0-9a-f-]{36}$")]
    private static partial Regex SurveyLink();
}
