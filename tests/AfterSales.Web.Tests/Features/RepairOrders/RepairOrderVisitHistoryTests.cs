using AfterSales.Web.Features.Appointments;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using static AfterSales.Web.Tests.Features.RepairOrders.RepairOrderFixtures;

namespace AfterSales.Web.Tests.Features.RepairOrders;

public abstract class RepairOrderVisitHistoryTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<VisitSummary> SummaryAsync(HttpClient client, Guid assetId, string skills) =>
        await (await client.GetAsync($"/api/v1/appointments/visit-summary?assetId={assetId}&skills={skills}", Ct)).ReadAsync<VisitSummary>();

    [Fact]
    public async Task A_signed_walk_in_order_is_the_last_visit_and_makes_a_booking_for_the_same_trade_a_repeat_repair()
    {
        var advisor = await app.ClientForAsync("advisor");
        var store = await app.StoreIdAsync(DemoData.BeijingStore);
        var customer = await CustomerAsync(advisor);
        var order = await OpenAsync(advisor, customer, WalkAround);
        order = await ReviseAsync(advisor, order, Revision(order, await TwoJobsAsync(advisor, store)));
        var asset = customer.Assets[0].Id;

        var whileDraft = await SummaryAsync(advisor, asset, "EvHighVoltage");
        var signed = await SignAsync(advisor, await MoveAsync(advisor, order, "submit"));
        var battery = await SummaryAsync(advisor, asset, "EvHighVoltage");
        var bodywork = await SummaryAsync(advisor, asset, "BodyPaint");

        Assert.Null(whileDraft.LastVisit);
        Assert.False(whileDraft.IsRepeatRepair);
        Assert.True(battery.IsRepeatRepair);
        Assert.Equal(signed.Id, battery.LastVisit?.RepairOrderId);
        Assert.Equal(signed.Number, battery.RepeatOf?.RepairOrderNumber);
        Assert.Null(battery.LastVisit?.AppointmentId);
        Assert.Equal(order.CustomerWords, battery.LastVisit?.Need);
        Assert.False(bodywork.IsRepeatRepair);
        Assert.Equal(signed.Id, bodywork.LastVisit?.RepairOrderId);
    }
}

public sealed class SqliteRepairOrderVisitHistoryTests(SqliteApp app) : RepairOrderVisitHistoryTests<SqliteApp>(app);

public sealed class PostgresRepairOrderVisitHistoryTests(PostgresApp app) : RepairOrderVisitHistoryTests<PostgresApp>(app);
