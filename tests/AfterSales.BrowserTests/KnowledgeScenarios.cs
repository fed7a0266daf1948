using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.Complaints.Handling;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed class KnowledgeScenarios(AppServer app) : BrowserTest(app)
{
    private const string CoreProblem = "更换电瓶后中控屏反复黑屏重启，导航无法使用。";

    [Fact]
    public Task A_closed_case_becomes_an_article_that_the_next_intake_suggests_and_the_overview_shows_the_pareto() => ScenarioAsync("knowledge-article-suggested", async () =>
    {
        var customer = NewCustomer.Unique();
        await customer.RegisterAsync(App);
        var complaintId = await ClosedComplaintAsync(customer);

        await LoginAsAsync("complaints");
        await GoToAsync($"/complaints/{complaintId}");
        await Button("knowledge.create_from_case").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/complaints/knowledge/[0-9a-f-]{36}$"));
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByTestId("article-status")).ToHaveTextAsync(App.Text("enum.KnowledgeArticleStatus.Draft"));
        await Expect(Page.GetByTestId("article-cause")).ToContainTextAsync("负极接线柱未按扭矩拧紧");
        await Expect(Page.GetByTestId("article-resolution")).ToContainTextAsync("重新紧固负极接线柱");

        // The handler sharpens the title and tags before publishing.
        await Button("knowledge.edit").ClickAsync();
        await Page.Locator("#article-title").FillAsync("换电瓶后中控屏黑屏重启：负极接线柱松动");
        await Page.Locator("#article-tags").FillAsync("电瓶, 中控屏, 黑屏");
        await Button("knowledge.save").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("换电瓶后中控屏黑屏重启：负极接线柱松动");
        await Button("knowledge.publish").ClickAsync();
        await Expect(Page.GetByTestId("article-status")).ToHaveTextAsync(App.Text("enum.KnowledgeArticleStatus.Published"));
        await SnapshotAsync("knowledge-article-published");

        // The list finds it by a Chinese substring.
        await GoToAsync("/complaints/knowledge");
        await Page.Locator("#knowledge-search").FillAsync("黑屏");
        await Expect(Page.Locator("[data-testid=knowledge-table] tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("knowledge-table")).ToContainTextAsync("负极接线柱松动");
        await SnapshotAsync("knowledge-list-search");

        // The next intake: while the agent types what the customer says, the case is suggested.
        await GoToAsync("/complaints/new");
        await PickCustomerAsync("#complaint-customer", customer);
        await Page.Locator("#complaint-core-problem").FillAsync("客户说换了电瓶以后中控屏总是黑屏");
        await Expect(Page.GetByTestId("knowledge-suggestion").First).ToContainTextAsync("负极接线柱松动");
        await SnapshotAsync("knowledge-suggested-at-intake");

        // The manager's overview: the categories as a Pareto.
        await Page.Context.ClearCookiesAsync();
        await LoginAsAsync("manager");
        await GoToAsync("/complaints/overview");
        // Other scenarios share this database: repair quality is a row of the Pareto, not necessarily the first.
        await Expect(Page.Locator("[data-testid=overview-pareto] [data-testid=pareto-row]").Filter(new LocatorFilterOptions { HasText = App.Text("enum.ComplaintCategory.RepairQuality") })).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("figure-received")).Not.ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"^\D*0$"));
        await Expect(Page.Locator("[data-testid=overview-pareto] .pareto-bar").First).ToBeVisibleAsync();
        await SnapshotAsync("complaints-overview");
    });

    /// <summary>A Beijing complaint taken, worked, accepted and closed through the real handlers.</summary>
    private async Task<Guid> ClosedComplaintAsync(NewCustomer customer)
    {
        var customerId = await App.AsUserAsync("agent", async services =>
            (await services.GetRequiredService<AfterSalesDb>().Customers.Where(c => c.Name == customer.Name).Select(c => new { c.Id }).FirstAsync()).Id);
        var specialistId = await App.AsUserAsync("agent", async services => (await services.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("complaints"))!.Id);
        var recorded = await App.AsUserAsync("agent", services => services.GetRequiredService<RecordComplaint>().HandleAsync(
            new RecordComplaintRequest(ComplaintChannel.Hotline, customerId, CoreProblem, "彻底修好", ComplaintCategory.RepairQuality), CancellationToken.None));
        var c = Ok(recorded).Complaint;
        c = Ok(await App.AsUserAsync("complaints", s => s.GetRequiredService<AcknowledgeComplaint>().HandleAsync(c.Id, new AcknowledgeComplaintRequest(c.Version), CancellationToken.None)));
        c = Ok(await App.AsUserAsync("complaints", s => s.GetRequiredService<StartInvestigation>().HandleAsync(c.Id, new StartInvestigationRequest(c.Version, specialistId), CancellationToken.None)));
        c = Ok(await App.AsUserAsync("complaints", s => s.GetRequiredService<HandleComplaint>().RecordAnalysisAsync(c.Id,
            new RecordAnalysisRequest(c.Version, ["中控屏反复黑屏重启", "更换电瓶后供电电压不稳", "负极接线柱未按扭矩拧紧"], Responsibility.TechnicianError, false), CancellationToken.None)));
        c = Ok(await App.AsUserAsync("complaints", s => s.GetRequiredService<HandleComplaint>().ProposeAsync(c.Id,
            new ProposeResolutionRequest(c.Version, [new(ResolutionActionKind.ReRepair, "按扭矩重新紧固负极接线柱并做电压测试", null)]), CancellationToken.None)));
        c = Ok(await App.AsUserAsync("complaints", s => s.GetRequiredService<HandleComplaint>().PresentAsync(c.Id, new ComplaintNoteRequest(c.Version), CancellationToken.None)));
        c = Ok(await App.AsUserAsync("complaints", s => s.GetRequiredService<HandleComplaint>().CustomerRespondsAsync(c.Id,
            new CustomerResponseRequest(c.Version, CustomerResponse.Accepted), CancellationToken.None)));
        var handling = Ok(await App.AsUserAsync("complaints", s => s.GetRequiredService<GetComplaintHandling>().HandleAsync(c.Id, CancellationToken.None)));
        c = Ok(await App.AsUserAsync("complaints", s => s.GetRequiredService<HandleComplaint>().MarkActionDoneAsync(c.Id, handling.Plan[0].Id, new ActionDoneRequest(c.Version), CancellationToken.None)));
        c = Ok(await App.AsUserAsync("manager", s => s.GetRequiredService<HandleComplaint>().CloseAsync(c.Id, new ComplaintReasonRequest(c.Version, "审核通过"), CancellationToken.None)));
        Assert.Equal(ComplaintStatus.Closed, c.Status);
        return c.Id;
    }

    private static T Ok<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors));
        return outcome.Value!;
    }

    private async Task SnapshotAsync(string name)
    {
        var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
