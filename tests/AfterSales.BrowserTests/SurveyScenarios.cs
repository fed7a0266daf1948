using System.Text.RegularExpressions;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Labour;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Features.Surveys;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed partial class SurveyScenarios(AppServer app) : BrowserTest(app)
{
    private const string SignaturePng = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    [Fact]
    public Task The_agent_records_a_low_score_on_the_call_and_it_becomes_a_complaint() => ScenarioAsync("survey-agent-low-score", async () =>
    {
        var (orderId, number) = await DeliveredOrderAsync();
        await LoginAsAsync("agent");
        await GoToAsync($"/follow-ups/calls/{Guid.NewGuid()}/survey?order={orderId}");

        await Expect(Page.GetByTestId("survey-order")).ToContainTextAsync(number);
        await Page.GetByTestId("q-fixedfirsttime-no").ClickAsync();
        await Page.GetByTestId("q-work-2").ClickAsync();
        await Page.GetByTestId("q-advisor-4").ClickAsync();
        await Page.GetByTestId("q-time-3").ClickAsync();
        await Page.GetByTestId("q-priceexplanation-4").ClickAsync();
        await Page.GetByTestId("q-recommend-5").ClickAsync();
        await Page.GetByTestId("q-comment-text").FillAsync("刹车还是有异响");
        await Page.GetByTestId("survey-notes").FillAsync("客户希望本周六上午回店复查");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("survey-agent-form"), FullPage = true });
        await Page.GetByTestId("survey-save").ClickAsync();

        await Expect(Page.GetByTestId("survey-outcome")).ToHaveTextAsync(App.Text("survey.page.unhappy"));
        await Expect(Page.GetByTestId("survey-complaint")).ToHaveTextAsync(new Regex(@"TS-\d{4}-\d{6}"));
        await Expect(Page.GetByTestId("answer-work")).ToHaveTextAsync("2 / 5");
        await Page.GetByTestId("survey-complaint").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/complaints/[0-9a-f-]{36}$"));
        await WaitUntilInteractiveAsync();
        await Expect(Page.Locator("body")).ToContainTextAsync("客户希望本周六上午回店复查");

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDb>();
        var complaint = await db.Set<Complaint>().IgnoreQueryFilters().SingleAsync(c => c.RepairOrderReference == number);
        Assert.Equal((ComplaintChannel.FollowUpCall, ComplaintCategory.RepairQuality), (complaint.Channel, complaint.Category));
    });

    [Fact]
    public Task A_customer_answers_the_survey_from_the_texted_link_on_a_phone() => ScenarioAsync("survey-public-phone", async () =>
    {
        var (orderId, number) = await DeliveredOrderAsync();
        var link = await App.AsUserAsync("agent", async services =>
        {
            var sent = await services.GetRequiredService<SendSurveyLink>().HandleAsync(orderId, new SendSurveyLinkRequest("zh-CN"), App.BaseUrl, CancellationToken.None);
            Assert.True(sent.IsOk, string.Join("; ", sent.Errors));
            return sent.Value!.Url;
        });
        await OpenAsync(390, 844);
        await GoToAsync(link);

        await Expect(Page.GetByTestId("survey-order")).ToContainTextAsync(number);
        await Page.GetByTestId("q-fixedfirsttime-yes").ClickAsync();
        await Page.GetByTestId("q-work-5").ClickAsync();
        await Page.GetByTestId("q-advisor-5").ClickAsync();
        await Page.GetByTestId("q-time-4").ClickAsync();
        await Page.GetByTestId("q-priceexplanation-5").ClickAsync();
        await Page.GetByTestId("q-recommend-10").ClickAsync();
        await Page.GetByTestId("q-comment-text").FillAsync("赵师傅修得很仔细，谢谢！");
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The survey scrolls sideways on a phone.");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("survey-public-form-phone"), FullPage = true });
        await Page.GetByTestId("survey-submit").ClickAsync();

        await Expect(Page.GetByTestId("survey-thanks")).ToBeVisibleAsync();
        await GoToAsync(link);
        await Expect(Page.GetByTestId("survey-already")).ToBeVisibleAsync();
        await GoToAsync(link[..^4] + "AAAA");
        await Expect(Page.GetByTestId("survey-link-invalid")).ToBeVisibleAsync();

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDb>();
        var praise = await db.Set<Domain.Surveys.StaffPraise>().IgnoreQueryFilters().SingleAsync(p => p.RepairOrderId == orderId);
        Assert.Equal("赵磊", praise.StaffName);
    });

    private static string Shot(string name) => Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots", name + ".png");

    /// <summary>A walk-in's order opened and signed through the real handlers, then worked by 赵磊 and delivered through the domain.</summary>
    private async Task<(Guid Id, string Number)> DeliveredOrderAsync()
    {
        var store = await App.StoreIdAsync(DemoData.BeijingStore);
        var customer = NewCustomer.Unique();
        var customerId = await customer.RegisterAsync(App);
        var order = await App.AsUserAsync("advisor", async services =>
        {
            var db = services.GetRequiredService<AfterSalesDb>();
            var assetId = (await db.Assets.SingleAsync(a => a.Vin == customer.Vin)).Id;
            var operation = await db.Set<LabourOperation>().FirstAsync(o => o.StoreId == store && o.Code == "ME-001");
            var opened = Ok(await services.GetRequiredService<OpenRepairOrder>().HandleAsync(new OpenRepairOrderRequest(customerId, assetId, "刹车异响", CheckIn: new CheckInRequest(MileageKm: 23_456, EnergyLevelPercent: 60, SpareTyrePresent: true, ToolsPresent: true, CoversFitted: true), StoreId: store), CancellationToken.None));
            var revised = Ok(await services.GetRequiredService<ReviseRepairOrder>().HandleAsync(
                opened.Id, new ReviseRepairOrderRequest(opened.Version, "刹车异响", [new JobRequest(operation.Id, PayType.Customer)]), CancellationToken.None));
            var submitted = Ok(await services.GetRequiredService<SubmitRepairOrder>().HandleAsync(revised.Id, new RepairOrderMoveRequest(revised.Version), CancellationToken.None));
            return Ok(await services.GetRequiredService<SignRepairOrder>().HandleAsync(submitted.Id, new SignRepairOrderRequest(submitted.Version, customer.Name, SignaturePng), App.BaseUrl, CancellationToken.None));
        });
        var technician = await App.AsUserAsync("tech", services => Task.FromResult(services.GetRequiredService<Web.Infrastructure.ICurrentUser>().UserId!.Value));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AfterSalesDb>();
            var tracked = await db.Set<RepairOrder>().Include(o => o.Jobs).SingleAsync(o => o.Id == order.Id);
            var by = new RepairOrderActor(null, "车间");
            var now = DateTimeOffset.UtcNow;
            foreach (var job in tracked.Jobs)
            {
                Assert.Null(tracked.AssignJob(job.Id, technician, "赵磊", by, null, now));
                Assert.Null(tracked.MoveJob(job.Id, RepairJobTrigger.Start, by, null, now));
                Assert.Null(tracked.MoveJob(job.Id, RepairJobTrigger.Finish, by, null, now));
                Assert.Null(tracked.MoveJob(job.Id, RepairJobTrigger.Check, by, null, now));
            }

            Assert.Null(tracked.PassFinalInspection(by, null, now));
            Assert.Null(tracked.MarkReady(by, null, now));
            Assert.Null(tracked.Deliver(null, null, by, now));
            await db.SaveChangesAsync();
        }

        return (order.Id, order.Number);
    }

    private static RepairOrderView Ok(Web.Infrastructure.Outcome<RepairOrderView> outcome)
    {
        Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors));
        return outcome.Value!;
    }
}
