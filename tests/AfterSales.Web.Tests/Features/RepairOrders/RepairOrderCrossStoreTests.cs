using System.Net;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.RepairOrders.RepairOrderFixtures;

namespace AfterSales.Web.Tests.Features.RepairOrders;

/// <summary>The status moves and signature reads of a Shanghai order answer a Beijing advisor like an unknown id, and are audited.</summary>
public abstract class RepairOrderCrossStoreTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_move_and_every_signature_read_of_another_stores_order_is_not_found()
    {
        var shanghai = await app.ClientForAsync("advisor.sh");
        var signed = await SignAsync(shanghai, await MoveAsync(shanghai, await ReadyDraftAsync(shanghai, await app.StoreIdAsync("SH01")), "submit"));
        var signature = signed.Signatures[0].Id;
        var advisor = await app.ClientForAsync("advisor");
        var calls = new Func<Task<HttpResponseMessage>>[]
        {
            () => advisor.PostAsync($"/api/v1/repair-orders/{signed.Id}/submit", new RepairOrderMoveRequest(signed.Version)),
            () => advisor.PostAsync($"/api/v1/repair-orders/{signed.Id}/sign", new SignRepairOrderRequest(signed.Version, "张三", SignaturePng)),
            () => advisor.PostAsync($"/api/v1/repair-orders/{signed.Id}/reopen", new RepairOrderMoveRequest(signed.Version)),
            () => advisor.PostAsync($"/api/v1/repair-orders/{signed.Id}/discount-approval", new RepairOrderVersionRequest(signed.Version)),
            () => advisor.GetAsync($"/api/v1/repair-orders/{signed.Id}/signatures/{signature}/image", Ct),
            () => advisor.GetAsync($"/api/v1/repair-orders/{signed.Id}/signatures/{signature}/snapshot", Ct),
        };

        foreach (var call in calls)
        {
            Assert.Equal("common.not_found", (await (await call()).ReadProblemAsync(HttpStatusCode.NotFound)).Code);
        }

        var advisorId = await app.UserIdAsync("advisor");
        var denied = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityId == signed.Id && e.Action == "AccessDenied" && e.UserId == advisorId, Ct));
        Assert.Equal(calls.Length, denied);
        var unchanged = await (await shanghai.GetAsync($"/api/v1/repair-orders/{signed.Id}", Ct)).ReadAsync<RepairOrderView>();
        Assert.Equal(signed.Version, unchanged.Version);
    }

    [Fact]
    public async Task A_beijing_advisor_cannot_open_an_order_for_a_shanghai_customer()
    {
        var customer = await CustomerAsync(await app.ClientForAsync("advisor.sh"));

        var response = await (await app.ClientForAsync("advisor")).PostAsync("/api/v1/repair-orders", new OpenRepairOrderRequest(customer.Id, customer.Assets[0].Id, "异响"));

        Assert.Contains("repair_order.customer_unknown", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Codes);
    }
}

public sealed class SqliteRepairOrderCrossStoreTests(SqliteApp app) : RepairOrderCrossStoreTests<SqliteApp>(app);

public sealed class PostgresRepairOrderCrossStoreTests(PostgresApp app) : RepairOrderCrossStoreTests<PostgresApp>(app);
