using AfterSales.Domain.Service;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Features.Today;
using AfterSales.Web.Features.Workshop;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Features.RepairOrders;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Features.Today;

public abstract class TodayBoardTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static async Task<TodayBoardView> BoardAsync(HttpClient client) => await (await client.GetAsync("/api/v1/today")).ReadAsync<TodayBoardView>();

    [Fact]
    public async Task The_board_follows_an_order_from_signature_to_dispatch_in_its_own_store_only()
    {
        var advisor = await app.ClientForAsync("advisor");
        var workshop = await app.ClientForAsync("workshop");
        var shanghai = await app.ClientForAsync("advisor.sh");
        var before = await BoardAsync(advisor);
        var shanghaiBefore = await BoardAsync(shanghai);

        var draft = await RepairOrderFixtures.ReadyDraftAsync(advisor, await app.StoreIdAsync(DemoData.BeijingStore));
        var drafted = await BoardAsync(advisor);
        Assert.Equal(before.RepairOrders.Open + 1, drafted.RepairOrders.Open);
        Assert.Equal(before.RepairOrders.AwaitingSignature + 1, drafted.RepairOrders.AwaitingSignature);
        Assert.Equal(before.Jobs.Unassigned, drafted.Jobs.Unassigned);

        var signed = await RepairOrderFixtures.SignAsync(advisor, await RepairOrderFixtures.MoveAsync(advisor, draft, "submit"));
        var inWork = await BoardAsync(advisor);
        Assert.Equal(before.RepairOrders.AwaitingSignature, inWork.RepairOrders.AwaitingSignature);
        Assert.Equal(before.RepairOrders.InWork + 1, inWork.RepairOrders.InWork);
        Assert.Equal(before.Jobs.Unassigned + signed.Jobs.Count, inWork.Jobs.Unassigned);

        var brakes = signed.Jobs.Single(j => j.Skill == WorkshopSkill.Mechanical);
        await (await workshop.PostAsync($"/api/v1/repair-orders/{signed.Id}/jobs/{brakes.Id}/assignment", new AssignJobRequest(await app.UserIdAsync("tech"), null, signed.Version)))
            .ReadAsync<RepairOrderView>();
        var dispatched = await BoardAsync(workshop);
        Assert.Equal(inWork.Jobs.Unassigned - 1, dispatched.Jobs.Unassigned);
        Assert.Equal(inWork.Jobs.Assigned + 1, dispatched.Jobs.Assigned);

        // Shanghai's advisor counts only Shanghai: nothing of Beijing's order shows there.
        var shanghaiAfter = await BoardAsync(shanghai);
        Assert.Equal(shanghaiBefore.RepairOrders, shanghaiAfter.RepairOrders);
        Assert.Equal(shanghaiBefore.Jobs, shanghaiAfter.Jobs);
    }

    [Fact]
    public async Task Today_is_the_store_day_and_the_order_figures_add_up()
    {
        var board = await BoardAsync(await app.ClientForAsync("manager"));

        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime), board.Date);
        Assert.Equal(board.Appointments.Booked, board.Appointments.Expected + board.Appointments.Arrived + board.Appointments.NoShow);
        Assert.Equal(board.RepairOrders.Open, board.RepairOrders.AwaitingSignature + board.RepairOrders.InWork + board.RepairOrders.FinalInspection + board.RepairOrders.ReadyForDelivery);
        Assert.True(board.Complaints.Open >= board.Complaints.Critical);
        Assert.True(board.FollowUps.DueToday >= board.FollowUps.Overdue);
    }
}

public sealed class SqliteTodayBoardTests(SqliteApp app) : TodayBoardTests<SqliteApp>(app);

public sealed class PostgresTodayBoardTests(PostgresApp app) : TodayBoardTests<PostgresApp>(app);
