using System.Net;
using AfterSales.Domain.Stores;
using AfterSales.Web.Features.Surveys;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using static AfterSales.Web.Tests.Features.Surveys.SurveyFixtures;

namespace AfterSales.Web.Tests.Features.Surveys;

/// <summary>Managers' figures from four surveys whose answers are known, asserted to the digit.</summary>
public abstract class SurveyAnalyticsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Averages_nps_first_time_fix_by_question_store_advisor_technician_and_period_are_exact()
    {
        var agent = await app.ClientForAsync("agent");
        var o1 = await DeliveredOrderAsync(app, "advisor", DemoData.BeijingStore, ("teamlead", "刘强"));
        var o2 = await DeliveredOrderAsync(app, "advisor", DemoData.BeijingStore, ("teamlead", "刘强"), ("tech", "赵磊"));
        var o3 = await DeliveredOrderAsync(app, "advisor", DemoData.BeijingStore, ("tech", "赵磊"));
        var o4 = await DeliveredOrderAsync(app, "advisor.sh", DemoData.ShanghaiStore, ("qc", "孙伟"));
        var questions = (await SurveyAsync(agent, o1.Id)).Questions;
        await Answer(o1.Id, Answers(questions, true, 5, 5, 5, 5, 10, "刘强师傅很专业"));
        await Answer(o2.Id, Answers(questions, true, 4, 4, 3, 4, 8));
        await Answer(o3.Id, Answers(questions, false, 2, 3, 3, 1, 3, "还是有异响"));
        await Answer(o4.Id, Answers(questions, true, 5, 4, 5, 4, 9));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(Store.DefaultTimeZone)).DateTime);
        var admin = await app.ClientForAsync("admin", "en");

        var all = await (await admin.GetAsync($"/api/v1/follow-ups/analytics?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}", Ct)).ReadAsync<SurveyAnalyticsView>();
        var beijing = await (await (await app.ClientForAsync("manager")).GetAsync($"/api/v1/follow-ups/analytics?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}&storeId={o1.StoreId}", Ct))
            .ReadAsync<SurveyAnalyticsView>();
        var before = await (await admin.GetAsync($"/api/v1/follow-ups/analytics?from={today.AddDays(-30):yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}", Ct)).ReadAsync<SurveyAnalyticsView>();
        var byAdvisor = await (await agent.GetAsync("/api/v1/follow-ups/analytics", Ct)).ReadProblemAsync(HttpStatusCode.Forbidden);
        var excel = await admin.GetAsync($"/api/v1/follow-ups/analytics/export?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}", Ct);

        Assert.Equal(new SurveyFigures(4, 16, 3.88m, 4, 2, 1, 25.0m, 4, 3, 75.0m), all.Overall);
        Assert.Equal(new SurveyReach(4, 4, 100.0m, 4, 0), all.Reach);
        Assert.Equal((1, 1, 1), (all.Unhappy, all.ComplaintsRaised, all.Praise));
        Assert.Equal(
            [("FixedFirstTime", 4, (decimal?)null, (decimal?)75.0m), ("Work", 4, 4.00m, null), ("Advisor", 4, 4.00m, null), ("Time", 4, 4.00m, null), ("PriceExplanation", 4, 3.50m, null), ("Recommend", 4, 7.50m, null), ("Comment", 2, null, null)],
            all.ByQuestion.Select(q => (q.Topic.ToString(), q.Answers, q.Average, q.YesRate)).ToList());
        Assert.Equal(
            [(o1.StoreId, 3, 3.67m, 0.0m, 66.7m), (o4.StoreId, 1, 4.50m, 100.0m, 100.0m)],
            all.ByStore.Select(s => (s.Id!.Value, s.Figures.Responses, s.Figures.AverageScore!.Value, s.Figures.Nps!.Value, s.Figures.FirstTimeFixRate!.Value)).OrderBy(s => s.Item2 == 1).ToList());
        Assert.Equal([("陈杰", 1, 4.50m), ("李娜", 3, 3.67m)], all.ByAdvisor.Select(a => (a.Name, a.Figures.Responses, a.Figures.AverageScore!.Value)).ToList());
        Assert.Equal([("孙伟", 1, 4.50m), ("刘强", 2, 4.38m), ("赵磊", 2, 3.00m)], all.ByTechnician.Select(t => (t.Name, t.Figures.Responses, t.Figures.AverageScore!.Value)).ToList());
        Assert.Equal(await app.UserIdAsync("tech"), all.ByTechnician.Single(t => t.Name == "赵磊").Id);
        Assert.Equal([("刘强", 1)], all.PraiseByStaff.Select(p => (p.Name, p.Figures.Responses)).ToList());
        var week = Assert.Single(all.ByWeek);
        Assert.Equal((today.AddDays(-(((int)today.DayOfWeek + 6) % 7)), 4, 3.88m), (week.Start, week.Figures.Responses, week.Figures.AverageScore));
        var month = Assert.Single(all.ByMonth);
        Assert.Equal((new DateOnly(today.Year, today.Month, 1), 4, 25.0m), (month.Start, month.Figures.Responses, month.Figures.Nps));
        Assert.Equal(["还是有异响", "刘强师傅很专业"], all.Comments.Select(c => c.Comment).ToList());
        Assert.NotNull(all.Comments[0].ComplaintNumber);
        Assert.Equal(new SurveyFigures(3, 12, 3.67m, 3, 1, 1, 0.0m, 3, 2, 66.7m), beijing.Overall);
        Assert.Equal(0, before.Overall.Responses);
        Assert.Equal("survey.analytics_forbidden", byAdvisor.Code);
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        Assert.Equal(ExportSurveyAnalytics.ContentType, excel.Content.Headers.ContentType?.MediaType);
        var bytes = await excel.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        using var book = new MemoryStream(bytes);
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(book);
        Assert.Equal(["Summary", "By question", "By store", "By advisor", "By technician", "By week", "By month", "Comments", "Coverage by store", "Coverage by week", "Coverage by month"], sheets);

        async Task Answer(Guid orderId, IReadOnlyList<Domain.Surveys.SurveyAnswerInput> answers)
        {
            await (await RecordAsync(agent, orderId, new RecordSurveyRequest(answers))).ReadAsync<SurveyResponseView>(HttpStatusCode.Created);
            app.Clock.Advance(TimeSpan.FromSeconds(10));
        }
    }
}

public sealed class SqliteSurveyAnalyticsTests(SqliteApp app) : SurveyAnalyticsTests<SqliteApp>(app);

public sealed class PostgresSurveyAnalyticsTests(PostgresApp app) : SurveyAnalyticsTests<PostgresApp>(app);
