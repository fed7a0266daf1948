using AfterSales.Domain.Quality;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Web.Features.Labour;
using AfterSales.Web.Features.Quality;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

/// <summary>The three levels of quality control on screen: the technician's self-check on a phone, a team lead's rework and pass, QC's final inspection.</summary>
public sealed class QualityScenarios(AppServer app) : BrowserTest(app)
{
    private const string SignaturePng = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    [Fact]
    public Task A_job_is_self_checked_on_a_phone_sent_back_by_the_team_lead_passed_after_rework_and_the_order_passes_final_inspection() => ScenarioAsync("quality-final-inspection", async () =>
    {
        var (orderId, jobId) = await BrakeJobInProgressAsync();

        // The technician on a phone: a failed safety item blocks finishing, then every item passes.
        await OpenAsync(390, 844);
        await LoginAsAsync("tech");
        await GoToAsync($"/workshop/jobs/{jobId}/self-check");
        var items = Page.GetByTestId("check-item");
        var count = await items.CountAsync();
        Assert.True(count >= 4, "The mechanical checklist has its items.");
        for (var i = 0; i < count; i++)
        {
            await items.Nth(i).GetByTestId(i == 1 ? "item-fail" : "item-pass").ClickAsync();
        }

        await Page.GetByTestId("finish-job").ClickAsync();
        await Expect(Page.GetByTestId("error-summary")).ToContainTextAsync(App.Text("quality.safety_item_failed"));
        await Expect(Page.Locator(".qc-item-failed")).ToHaveCountAsync(1);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("quality-self-check-refused"), FullPage = true });
        await items.Nth(1).GetByTestId("item-pass").ClickAsync();
        await Page.GetByTestId("finish-job").ClickAsync();
        await Expect(Page.GetByTestId("job-status")).ToHaveTextAsync(App.Text("enum.RepairJobStatus.Done"));
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("quality-self-check-passed"), FullPage = true });

        // The team lead finds it in the queue and sends it back with a reason and the responsible party.
        await OpenAsync(1366, 900);
        await LoginAsAsync("teamlead");
        await GoToAsync("/quality");
        var row = Page.GetByTestId("queue-job").Filter(new LocatorFilterOptions { HasText = "ME-001" }).First;
        await row.GetByTestId("queue-check").ClickAsync();
        await Page.WaitForURLAsync($"**/quality/jobs/{jobId}");
        await WaitUntilInteractiveAsync();
        await Page.Locator("#rework-reason").FillAsync("刹车片背板未涂抗噪膏,试车有异响");
        await Page.GetByTestId("responsible-party").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = App.Text("enum.ResponsibleParty.Technician"), Exact = true }).ClickAsync();
        await Page.GetByTestId("team-lead-fail").ClickAsync();
        await Expect(Page.GetByTestId("job-status")).ToHaveTextAsync(App.Text("enum.RepairJobStatus.Assigned"));
        await Expect(Page.GetByTestId("job-rework-count")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("quality-checks")).ToContainTextAsync("刹车片背板未涂抗噪膏");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("quality-team-lead-rework"), FullPage = true });

        // The technician redoes the work and self-checks again; the team lead passes it: the order waits for QC.
        await RestartAndFinishAsync(orderId, jobId);
        await GoToAsync($"/quality/jobs/{jobId}");
        await Page.GetByTestId("team-lead-pass").ClickAsync();
        await Expect(Page.GetByTestId("job-status")).ToHaveTextAsync(App.Text("enum.RepairJobStatus.Checked"));

        // QC inspects the order: every item, the road test, an issue found but not fixed.
        await OpenAsync(1366, 900);
        await LoginAsAsync("qc");
        await GoToAsync("/quality");
        await Page.GetByTestId("queue-order").Filter(new LocatorFilterOptions { HasText = await NumberAsync(orderId) }).GetByTestId("queue-inspect").ClickAsync();
        await Page.WaitForURLAsync($"**/quality/final/{orderId}");
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByTestId("ro-status")).ToHaveTextAsync(App.Text("enum.RepairOrderStatus.FinalInspection"));
        await Page.GetByTestId("final-job-pass-all").ClickAsync();
        await Expect(Page.Locator("#road-test-km")).ToBeVisibleAsync();
        await Page.Locator("#road-test-km").FillAsync("6.5");
        await Page.Locator("#unfixed-issue-text").FillAsync("左后轮胎花纹接近磨损极限,建议下次保养时更换");
        await Page.GetByTestId("unfixed-issue-add").ClickAsync();
        await Expect(Page.GetByTestId("unfixed-issue")).ToHaveCountAsync(1);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("quality-final-form"), FullPage = true });
        await Page.GetByTestId("final-submit").ClickAsync();

        await Expect(Page.GetByTestId("ro-status")).ToHaveTextAsync(App.Text("enum.RepairOrderStatus.Inspected"));
        await Expect(Page.GetByTestId("final-passed")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("quality-checks")).ToContainTextAsync("6.5");
        var status = await App.AsUserAsync("qc", services => services.GetRequiredService<AfterSalesDb>().Set<RepairOrder>().Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync());
        Assert.Equal(RepairOrderStatus.Inspected, status);
    });

    private static string Shot(string name) => Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots", name + ".png");

    private Task<string> NumberAsync(Guid orderId) =>
        App.AsUserAsync("qc", services => services.GetRequiredService<AfterSalesDb>().Set<RepairOrder>().Where(o => o.Id == orderId).Select(o => o.Number).SingleAsync());

    /// <summary>A signed order for a new customer with one brake job, assigned to the demo technician and started.</summary>
    private async Task<(Guid OrderId, Guid JobId)> BrakeJobInProgressAsync()
    {
        var customer = NewCustomer.Unique();
        var customerId = await customer.RegisterAsync(App);
        var store = await App.StoreIdAsync(DemoData.BeijingStore);
        var order = await App.AsUserAsync("advisor", async services =>
        {
            var db = services.GetRequiredService<AfterSalesDb>();
            var assetId = await db.Assets.Where(a => a.CustomerId == customerId).Select(a => a.Id).SingleAsync();
            var operations = await services.GetRequiredService<SearchLabourOperations>().HandleAsync(store, new SearchLabourOperationsRequest("ME-001"), CancellationToken.None);
            var opened = Ok(await services.GetRequiredService<OpenRepairOrder>().HandleAsync(
                new OpenRepairOrderRequest(customerId, assetId, "踩刹车时前轮有异响", new CheckInRequest(MileageKm: 12_500, EnergyLevelPercent: 80, CoversFitted: true)), CancellationToken.None));
            var revised = Ok(await services.GetRequiredService<ReviseRepairOrder>().HandleAsync(
                opened.Id, new ReviseRepairOrderRequest(opened.Version, opened.CustomerWords, [new JobRequest(operations.Items.Single(o => o.Code == "ME-001").Id, PayType.Customer)]), CancellationToken.None));
            var submitted = Ok(await services.GetRequiredService<SubmitRepairOrder>().HandleAsync(revised.Id, new RepairOrderMoveRequest(revised.Version), CancellationToken.None));
            return Ok(await services.GetRequiredService<SignRepairOrder>().HandleAsync(submitted.Id, new SignRepairOrderRequest(submitted.Version, customer.Name, SignaturePng), App.BaseUrl, CancellationToken.None));
        });
        var jobId = order.Jobs[0].Id;
        var technicianId = await AppUserId("tech");
        await MoveAsync(order.Id, (o, by, now) =>
        {
            Assert.Null(o.AssignJob(jobId, technicianId, "赵磊", by, null, now));
            Assert.Null(o.MoveJob(jobId, RepairJobTrigger.Start, by, null, now));
        });
        return (order.Id, jobId);
    }

    private async Task RestartAndFinishAsync(Guid orderId, Guid jobId)
    {
        await MoveAsync(orderId, (o, by, now) => Assert.Null(o.MoveJob(jobId, RepairJobTrigger.Start, by, null, now)));
        await App.AsUserAsync("tech", async services =>
        {
            var view = Ok(await services.GetRequiredService<GetJobQuality>().HandleAsync(jobId, CancellationToken.None));
            var answers = view.Checklist.Items.Select(i => new ItemAnswer(i.Index, true)).ToList();
            return Ok(await services.GetRequiredService<SelfCheckJob>().HandleAsync(orderId, jobId, new SelfCheckRequest(view.OrderVersion, answers), CancellationToken.None));
        });
    }

    private Task<int> MoveAsync(Guid orderId, Action<RepairOrder, RepairOrderActor, DateTimeOffset> move) => App.AsUserAsync("workshop", async services =>
    {
        var db = services.GetRequiredService<AfterSalesDb>();
        var order = await db.Set<RepairOrder>().Include(o => o.Jobs).SingleAsync(o => o.Id == orderId);
        move(order, new RepairOrderActor(null, "张伟"), services.GetRequiredService<TimeProvider>().GetUtcNow());
        return await db.SaveChangesAsync();
    });

    private Task<Guid> AppUserId(string userName) =>
        App.AsUserAsync(userName, services => services.GetRequiredService<AfterSalesDb>().Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private static T Ok<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors.Select(e => e.Code)));
        return outcome.Value!;
    }
}
