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
    public Task An_agent_works_through_the_due_calls() => ScenarioAsync("follow-up-workbench", async () =>
    {
        var first = await DeliveredAsync();
        var second = await DeliveredAsync();
        await MakeDueAsync(first, second);

        await LoginAsAsync("agent");
        await GoToAsync("/follow-ups");
        var firstCall = Page.Locator($"[data-testid=due-call][data-order='{first.Number}']");
        var secondCall = Page.Locator($"[data-testid=due-call][data-order='{second.Number}']");
        await Expect(firstCall).ToHaveCountAsync(1);
        await Expect(secondCall).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("coverage-panel")).ToContainTextAsync(App.Text("follow_ups.coverage"));

        // The first call: the order, its jobs and technician are beside the script; the customer answers.
        await firstCall.ClickAsync();
        var detail = Page.GetByTestId("call-detail");
        await Expect(detail).ToContainTextAsync(first.CustomerName);
        await Expect(Page.GetByTestId("order")).ToContainTextAsync(first.Number);
        await Expect(Page.GetByTestId("order")).ToContainTextAsync("赵磊");
        await Expect(Page.GetByTestId("script")).ToContainTextAsync(first.Number);
        await Expect(Page.GetByTestId("survey-link")).ToHaveAttributeAsync("href", SurveyLink());
        await SnapshotAsync("follow-up-call");
        await Page.Locator("#follow-up-note").FillAsync("客户表示刹车已无异响,很满意");
        await Page.GetByTestId("outcome-reached").ClickAsync();
        await Expect(firstCall).ToHaveCountAsync(0);

        // The second: nobody answers, so it goes back on the schedule and leaves the list of calls due now.
        await secondCall.ClickAsync();
        await Expect(detail).ToContainTextAsync(second.CustomerName);
        await Page.GetByTestId("outcome-no-answer").ClickAsync();
        await Expect(secondCall).ToHaveCountAsync(0);

        // Among the coming calls it shows its first attempt.
        await Page.GetByLabel(App.Text("follow_ups.show_upcoming")).CheckAsync();
        await Expect(secondCall).ToHaveCountAsync(1);
        await secondCall.ClickAsync();
        await Expect(Page.GetByTestId("attempts")).ToContainTextAsync(App.Text("enum.FollowUpOutcome.NoAnswer"));
        await Expect(Page.GetByTestId("attempts")).ToContainTextAsync("王芳");

        var tasks = await App.AsUserAsync("admin", sp => sp.GetRequiredService<AfterSalesDb>().Set<FollowUpTask>()
            .Where(t => t.RepairOrderId == first.Id || t.RepairOrderId == second.Id).ToListAsync());
        Assert.Contains(tasks, t => t.RepairOrderId == first.Id && t.Status == FollowUpTaskStatus.Reached);
        Assert.Contains(tasks, t => t.RepairOrderId == second.Id && t.Status == FollowUpTaskStatus.Open && t.AttemptCount == 1 && t.DueAt > DateTimeOffset.UtcNow);
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

    /// <summary>A Beijing order for a new customer: signed through the handlers, then through the workshop and delivered in the domain.</summary>
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
            return Ok(await sp.GetRequiredService<SignRepairOrder>().HandleAsync(submitted.Id, new SignRepairOrderRequest(submitted.Version, customer.Name, SignaturePng), CancellationToken.None));
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
                Assert.Null(o.MoveJob(job.Id, RepairJobTrigger.Check, by, null, now));
            }

            Assert.Null(o.PassFinalInspection(by, null, now));
            Assert.Null(o.MarkReady(by, null, now));
            Assert.Null(o.Deliver(null, null, by, now));
            return await db.SaveChangesAsync();
        });
        return order;
    }

    /// <summary>Runs the generator (the background job may have been first: either way the calls exist once) and makes the 24-hour calls due.</summary>
    private async Task MakeDueAsync(params RepairOrderView[] orders)
    {
        var ids = orders.Select(o => o.Id).ToList();
        await App.AsUserAsync("admin", sp => sp.GetRequiredService<GenerateFollowUpTasks>().HandleAsync(500, CancellationToken.None));
        var due = DateTimeOffset.UtcNow.AddMinutes(-30);
        var calls = await App.AsUserAsync("admin", async sp =>
        {
            var db = sp.GetRequiredService<AfterSalesDb>();
            var selected = await db.Set<FollowUpSelection>().Where(s => ids.Contains(s.RepairOrderId)).CountAsync(s => s.Selected);
            Assert.True(selected == ids.Count, $"{selected} of {ids.Count} deliveries sampled");
            return await db.Set<FollowUpTask>().Where(t => ids.Contains(t.RepairOrderId) && t.Kind == FollowUpKind.Within24Hours)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, due));
        });
        Assert.Equal(ids.Count, calls);
    }

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

    [System.Text.RegularExpressions.GeneratedRegex("/follow-ups/calls/[0-9a-f-]{36}/survey$")]
    private static partial System.Text.RegularExpressions.Regex SurveyLink();
}
