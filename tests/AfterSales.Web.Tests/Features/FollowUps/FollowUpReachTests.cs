using System.Net;
using AfterSales.Domain.FollowUps;
using AfterSales.Web.Features.FollowUps;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Features.Surveys;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.FollowUps.FollowUpFixtures;

namespace AfterSales.Web.Tests.Features.FollowUps;

/// <summary>
/// Coverage and reach on the managers' analytics, asserted to the digit. The class has its own database and its clock
/// moves to the spring of 2027, so the only deliveries of the period are the five made here: Beijing (target 100%)
/// delivers on Wednesday 31 March, Thursday 1 April (the same week, another month) and Tuesday 6 April (a customer who
/// does not want calls); Shanghai (the default 50%) delivers twice on 6 April and one of the two is drawn.
/// </summary>
public abstract class FollowUpReachTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static readonly DateOnly Week1 = new(2027, 3, 29);
    private static readonly DateOnly Week2 = new(2027, 4, 5);
    private static readonly DateOnly March = new(2027, 3, 1);
    private static readonly DateOnly April = new(2027, 4, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Coverage_and_reach_per_store_week_and_month_are_exact_and_marked_against_the_target()
    {
        await TargetAsync(app, "BJ01", 100);
        var beijing = await app.StoreIdAsync("BJ01");
        var shanghai = await app.StoreIdAsync("SH01");

        app.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 31, 6, 0, 0, TimeSpan.Zero)); // 14:00 in Beijing
        var b1 = await DeliveredAsync(app);
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 1, 6, 0, 0, TimeSpan.Zero));
        var b2 = await DeliveredAsync(app);
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 6, 6, 0, 0, TimeSpan.Zero));
        var b3 = await DeliveredAsync(app);
        var s1 = await DeliveredAsync(app, "advisor.sh");
        var s2 = await DeliveredAsync(app, "advisor.sh");
        await app.WithDbAsync(async db =>
        {
            var customer = await db.Customers.IgnoreQueryFilters().SingleAsync(c => c.Id == b3.CustomerId, Ct);
            customer.RecordDoNotCall(true, app.Clock.GetUtcNow());
            return await db.SaveChangesAsync(Ct);
        });
        await RunGeneratorAsync(app);
        await RunGeneratorAsync(app); // a restart decides nothing twice

        // Every call is due by the 20th.
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 20, 6, 0, 0, TimeSpan.Zero));
        var agent = await app.ClientForAsync("agent");
        await RecordAsync(agent, b1, FollowUpKind.Within24Hours, FollowUpOutcome.Reached);
        await RecordAsync(agent, b1, FollowUpKind.After3Days, FollowUpOutcome.NoAnswer);
        await RecordAsync(agent, b1, FollowUpKind.After1Week, FollowUpOutcome.Refused);
        await RecordAsync(agent, b2, FollowUpKind.Within24Hours, FollowUpOutcome.NoAnswer);
        await RecordAsync(agent, b2, FollowUpKind.Within24Hours, FollowUpOutcome.WrongNumber);
        await RecordAsync(agent, b2, FollowUpKind.After3Days, FollowUpOutcome.CallBack, app.Clock.GetUtcNow().AddDays(1));
        var drawn = (await SelectionAsync(app, s1.Id))!.Selected ? s1 : s2;
        Assert.False((await SelectionAsync(app, drawn == s1 ? s2.Id : s1.Id))!.Selected);
        await RecordAsync(agent, drawn, FollowUpKind.Within24Hours, FollowUpOutcome.Reached);

        var admin = await app.ClientForAsync("admin", "en");
        var view = await AnalyticsAsync(admin, Week1, Week2.AddDays(6));
        var c = view.Coverage;

        // Columns: deliveries, do not call, callable, sampled, required, sampled %, followed up, coverage %, target, below target,
        // calls, attempted, reached, reach rate, open, attempts, no answer, refused, wrong number, call back.
        Assert.Equal(new FollowUpReachFigures(5, 1, 4, 3, 0, 75.0m, 2, 50.0m, 75, true, 9, 5, 2, 40.0m, 5, 7, 2, 1, 1, 1), c.Overall);
        Assert.Equal(
            [
                (beijing, new FollowUpReachFigures(3, 1, 2, 2, 0, 100.0m, 1, 50.0m, 100, true, 6, 4, 1, 25.0m, 3, 6, 2, 1, 1, 1)),
                (shanghai, new FollowUpReachFigures(2, 0, 2, 1, 0, 50.0m, 1, 50.0m, 50, false, 3, 1, 1, 100.0m, 2, 1, 0, 0, 0, 0)),
            ],
            c.ByStore.Select(r => (r.StoreId!.Value, r.Figures)).OrderBy(r => r.Item1 != beijing).ToList());
        Assert.All(c.ByStore, r => Assert.Null(r.Start));
        Assert.Equal(
            [
                (Week1, new FollowUpReachFigures(2, 0, 2, 2, 0, 100.0m, 1, 50.0m, 100, true, 6, 4, 1, 25.0m, 3, 6, 2, 1, 1, 1)),
                (Week2, new FollowUpReachFigures(3, 1, 2, 1, 0, 50.0m, 1, 50.0m, 50, false, 3, 1, 1, 100.0m, 2, 1, 0, 0, 0, 0)),
            ],
            c.ByWeek.Select(r => (r.Start!.Value, r.Figures)).ToList());
        Assert.Equal(
            [
                (March, new FollowUpReachFigures(1, 0, 1, 1, 0, 100.0m, 1, 100.0m, 100, false, 3, 3, 1, 33.3m, 1, 3, 1, 1, 0, 0)),
                (April, new FollowUpReachFigures(4, 1, 3, 2, 0, 66.7m, 1, 33.3m, 67, true, 6, 2, 1, 50.0m, 4, 4, 1, 0, 1, 1)),
            ],
            c.ByMonth.Select(r => (r.Start!.Value, r.Figures)).ToList());
        Assert.Equal(
            [
                (beijing, Week1, 2, (decimal?)50.0m, true),
                (beijing, Week2, 1, (decimal?)null, false),
                (shanghai, Week2, 2, 50.0m, false),
            ],
            c.ByStoreAndWeek.Select(r => (r.StoreId!.Value, r.Start!.Value, r.Figures.Deliveries, r.Figures.CoveragePercent, r.Figures.BelowTarget))
                .OrderBy(r => r.Item1 != beijing).ThenBy(r => r.Item2).ToList());
        Assert.Equal(
            [
                (beijing, March, 1, (decimal?)100.0m, false),
                (beijing, April, 2, 0.0m, true),
                (shanghai, April, 2, 50.0m, false),
            ],
            c.ByStoreAndMonth.Select(r => (r.StoreId!.Value, r.Start!.Value, r.Figures.Deliveries, r.Figures.CoveragePercent, r.Figures.BelowTarget))
                .OrderBy(r => r.Item1 != beijing).ThenBy(r => r.Item2).ToList());

        // A narrower period and one store; a Beijing manager sees Beijing only and another store not at all.
        var fromApril = (await AnalyticsAsync(admin, April, Week2.AddDays(6), shanghai)).Coverage;
        Assert.Equal(new FollowUpReachFigures(2, 0, 2, 1, 0, 50.0m, 1, 50.0m, 50, false, 3, 1, 1, 100.0m, 2, 1, 0, 0, 0, 0), fromApril.Overall);
        var manager = await app.ClientForAsync("manager");
        var managers = (await AnalyticsAsync(manager, Week1, Week2.AddDays(6))).Coverage;
        Assert.Equal([beijing], managers.ByStore.Select(r => r.StoreId!.Value));
        Assert.Equal(3, managers.Overall.Deliveries);
        await (await manager.GetAsync($"/api/v1/follow-ups/analytics?from={Week1:yyyy-MM-dd}&to={Week2:yyyy-MM-dd}&storeId={shanghai}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        var empty = (await AnalyticsAsync(admin, Week1.AddDays(-28), Week1.AddDays(-1))).Coverage;
        Assert.Equal((0, (decimal?)null, false), (empty.Overall.Deliveries, empty.Overall.CoveragePercent, empty.Overall.BelowTarget));
        Assert.Empty(empty.ByWeek);

        // The workbook carries the same rows, with the below-target marker in words.
        var excel = await admin.GetAsync($"/api/v1/follow-ups/analytics/export?from={Week1:yyyy-MM-dd}&to={Week2.AddDays(6):yyyy-MM-dd}", Ct);
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        using var book = new MemoryStream(await excel.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(["Coverage by store", "Coverage by week", "Coverage by month"], MiniExcelLibs.MiniExcel.GetSheetNames(book).TakeLast(3));
        book.Position = 0;
        var byStore = MiniExcelLibs.MiniExcel.Query(book, useHeaderRow: true, sheetName: "Coverage by store").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, byStore.Count);
        Assert.Equal(("All stores", 5.0, 50.0, "Below target"), ((string)byStore[0]["Store"]!, Convert.ToDouble(byStore[0]["Deliveries"], System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToDouble(byStore[0]["Coverage"], System.Globalization.CultureInfo.InvariantCulture), (string)byStore[0]["Status"]!));
        book.Position = 0;
        var byWeek = MiniExcelLibs.MiniExcel.Query(book, useHeaderRow: true, sheetName: "Coverage by week").Cast<IDictionary<string, object?>>().ToList();
        // All stores by week, then per store (Shanghai sorts first by name).
        Assert.Equal(["2027-03-29", "2027-04-05", "2027-04-05", "2027-03-29", "2027-04-05"], byWeek.Select(r => r["Period from"]?.ToString()));
    }

    [Fact]
    public async Task An_inverted_period_is_refused()
    {
        var admin = await app.ClientForAsync("admin");
        var problem = await (await admin.GetAsync("/api/v1/follow-ups/analytics?from=2027-05-02&to=2027-05-01", Ct)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("survey.period_invalid", problem.Codes);
    }

    private static async Task<SurveyAnalyticsView> AnalyticsAsync(HttpClient client, DateOnly from, DateOnly to, Guid? storeId = null) =>
        await (await client.GetAsync($"/api/v1/follow-ups/analytics?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}" + (storeId is { } s ? $"&storeId={s}" : string.Empty), Ct))
            .ReadAsync<SurveyAnalyticsView>();

    private async Task RecordAsync(HttpClient agent, RepairOrderView order, FollowUpKind kind, FollowUpOutcome outcome, DateTimeOffset? callBackAt = null)
    {
        var call = (await TasksAsync(app, order.Id)).Single(t => t.Kind == kind);
        await (await agent.PostAsync($"/api/v1/follow-ups/calls/{call.Id}/outcomes", new RecordFollowUpOutcomeRequest(call.Version, outcome, CallBackAt: callBackAt)))
            .ReadAsync<FollowUpCallView>();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
    }
}

public sealed class SqliteFollowUpReachTests(SqliteApp app) : FollowUpReachTests<SqliteApp>(app);

public sealed class PostgresFollowUpReachTests(PostgresApp app) : FollowUpReachTests<PostgresApp>(app);
