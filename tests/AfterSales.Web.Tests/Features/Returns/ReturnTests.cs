using System.Net;
using AfterSales.Domain.Returns;
using AfterSales.Domain.Stores;
using AfterSales.Web.Features;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Features.Returns;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Tests.Features.Returns;

public abstract class ReturnTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A UTC day after anything the shared clock has reached, so tests that set the clock never go back in time.</summary>
    private DateOnly FutureDay() => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(2);

    private async Task<SaleView> SaleAsync(SaleChannel channel, DateTimeOffset? completedAt = null, string user = "advisor", string store = DemoData.BeijingStore)
    {
        var client = await app.ClientForAsync(user);
        var customer = await (await client.PostAsync("/api/v1/customers", TestData.Customer())).ReadAsync<CustomerView>(HttpStatusCode.Created);
        var request = new RecordSaleRequest(await app.StoreIdAsync(store), customer.Id, "TB" + TestData.Serial(), channel,
            [new SaleItemInput("EAR-01", "蓝牙耳机", 1, 399m), new SaleItemInput("CBL-02", "充电线", 2, 29.5m)], completedAt ?? app.Clock.GetUtcNow().AddHours(-1));
        return await (await client.PostAsync("/api/v1/returns/sales", request)).ReadAsync<SaleView>(HttpStatusCode.Created);
    }

    private async Task<HttpResponseMessage> OpenAsync(HttpClient client, SaleView sale, ReturnReason reason = ReturnReason.QualityFault) =>
        await client.PostAsync("/api/v1/returns", new OpenReturnRequest(sale.Id, ReturnKind.Return, reason, "左耳无声", ["旺旺聊天截图 2026-11-20", "质检报告 QC-881"]));

    [Fact]
    public async Task A_quality_return_is_inspected_and_refunded_with_the_seller_paying_shipping_and_every_step_timed()
    {
        var sale = await SaleAsync(SaleChannel.Online);
        var client = await app.ClientForAsync("advisor");

        var opened = await (await OpenAsync(client, sale)).ReadAsync<ReturnView>(HttpStatusCode.Created);
        app.Clock.Advance(TimeSpan.FromHours(3));
        var inspected = await (await client.PostAsync($"/api/v1/returns/{opened.Id}/inspection", new InspectReturnRequest(opened.Version, InspectionResult.FaultConfirmed, "左耳喇叭断线"))).ReadAsync<ReturnView>();
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var resolved = await (await client.PostAsync($"/api/v1/returns/{opened.Id}/resolution", new ResolveReturnRequest(inspected.Version, ReturnOutcome.Refund, 458m, 12m))).ReadAsync<ReturnView>();

        Assert.StartsWith("TH-", opened.Number, StringComparison.Ordinal);
        Assert.Equal(458m, sale.Total);
        Assert.Equal(2, opened.Evidence.Count);
        Assert.Equal(ReturnStatus.Resolved, resolved.Status);
        Assert.Equal(CostBearer.Seller, resolved.ShippingBorneBy);
        Assert.Equal(12m, resolved.ShippingCost);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromHours(3), TimeSpan.FromMinutes(30)], resolved.Steps.Select(s => s.Waited));
        Assert.Equal(app.Clock.GetUtcNow(), resolved.DecidedAt);
    }

    [Fact]
    public async Task The_claim_window_closes_at_the_end_of_the_fifteenth_local_day_and_follows_the_stores_setting()
    {
        // Completed at 23:30 Shanghai time (15:30 UTC) on a day L: the window runs to the end of day L + 15, Shanghai time.
        var day = FutureDay();
        var shanghaiNight = new DateTimeOffset(day.Year, day.Month, day.Day, 15, 30, 0, TimeSpan.Zero);
        app.Clock.SetUtcNow(shanghaiNight.AddMinutes(10));
        var sale = await SaleAsync(SaleChannel.OverTheCounter, shanghaiNight);
        var client = await app.ClientForAsync("advisor");

        app.Clock.SetUtcNow(new DateTimeOffset(shanghaiNight.Date.AddDays(15).AddHours(15).AddMinutes(59), TimeSpan.Zero));
        var lastMinute = await OpenAsync(client, sale);
        var opened = await lastMinute.ReadAsync<ReturnView>(HttpStatusCode.Created);
        var refused = await (await client.PostAsync($"/api/v1/returns/{opened.Id}/refusal", new RefuseReturnRequest(opened.Version, "外观划伤为人为", 15m))).ReadAsync<ReturnView>();

        var other = await SaleAsync(SaleChannel.OverTheCounter, shanghaiNight);
        app.Clock.SetUtcNow(new DateTimeOffset(shanghaiNight.Date.AddDays(15).AddHours(16), TimeSpan.Zero));
        var late = await (await OpenAsync(client, other)).ReadProblemAsync(HttpStatusCode.BadRequest);

        var manager = await app.ClientForAsync("manager");
        var store = await app.StoreIdAsync(DemoData.BeijingStore);
        var terms = await (await manager.GetAsync($"/api/v1/returns/terms/{store}", Ct)).ReadAsync<ReturnTermsView>();
        await (await manager.PutAsync($"/api/v1/returns/terms/{store}", new ReturnTermsRequest(30, 7, false, terms.Version))).ReadAsync<ReturnTermsView>();
        var longer = await OpenAsync(client, other);

        Assert.Equal(CostBearer.Buyer, refused.ShippingBorneBy);
        Assert.Contains(ReturnWindow.Expired, late.Codes);
        Assert.Equal(15, terms.ClaimWindowDays);
        await longer.ReadAsync<ReturnView>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_window_is_counted_in_the_stores_own_time_zone()
    {
        // 17:30 UTC on a day U: already U + 1 in Shanghai, still U in Urumqi.
        var day = FutureDay();
        var completed = new DateTimeOffset(day.Year, day.Month, day.Day, 17, 30, 0, TimeSpan.Zero);
        app.Clock.SetUtcNow(completed.AddMinutes(5));
        var sale = await SaleAsync(SaleChannel.Online, completed, "advisor.sh", DemoData.ShanghaiStore);
        var client = await app.ClientForAsync("advisor.sh");
        await app.WithDbAsync(async db =>
        {
            var store = await db.Stores.SingleAsync(s => s.Code == DemoData.ShanghaiStore, Ct);
            store.Update(store.Code, store.Name, store.Address, store.Phone, "Asia/Urumqi", store.OpeningHours);
            return await db.SaveChangesAsync(Ct);
        });

        try
        {
            // U + 16 at 12:00 UTC is 18:00 in Urumqi, past the end of U + 15 there; in Shanghai it is still U + 16, inside the window.
            app.Clock.SetUtcNow(new DateTimeOffset(completed.Date.AddDays(16).AddHours(12), TimeSpan.Zero));
            var problem = await (await OpenAsync(client, sale)).ReadProblemAsync(HttpStatusCode.BadRequest);
            var view = await (await client.GetAsync($"/api/v1/returns/sales/{sale.Id}", Ct)).ReadAsync<SaleView>();

            Assert.Contains(ReturnWindow.Expired, problem.Codes);
            Assert.Equal(new DateTimeOffset(completed.Date.AddDays(15).AddHours(18), TimeSpan.Zero), view.ClaimDeadline);
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                var store = await db.Stores.SingleAsync(s => s.Code == DemoData.ShanghaiStore, Ct);
                store.Update(store.Code, store.Name, store.Address, store.Phone, Store.DefaultTimeZone, store.OpeningHours);
                return await db.SaveChangesAsync(Ct);
            });
        }
    }

    [Fact]
    public async Task A_change_of_mind_is_refused_over_the_counter_and_allowed_online_for_seven_days()
    {
        var counter = await SaleAsync(SaleChannel.OverTheCounter);
        var online = await SaleAsync(SaleChannel.Online);
        var client = await app.ClientForAsync("advisor");

        var refused = await (await OpenAsync(client, counter, ReturnReason.ChangedMind)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var accepted = await (await OpenAsync(client, online, ReturnReason.ChangedMind)).ReadAsync<ReturnView>(HttpStatusCode.Created);
        var duplicate = await (await OpenAsync(client, online)).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains(ReturnWindow.ChangedMindNotAccepted, refused.Codes);
        Assert.Equal(ReturnReason.ChangedMind, accepted.Reason);
        Assert.Equal("return.already_open", duplicate.Code);
    }

    [Fact]
    public async Task An_order_is_escalated_once_even_across_two_requests_and_even_when_two_escalations_race()
    {
        var sale = await SaleAsync(SaleChannel.Online);
        var client = await app.ClientForAsync("advisor");
        var first = await (await OpenAsync(client, sale)).ReadAsync<ReturnView>(HttpStatusCode.Created);
        var refused = await (await client.PostAsync($"/api/v1/returns/{first.Id}/refusal", new RefuseReturnRequest(first.Version, "未发现质量问题"))).ReadAsync<ReturnView>();
        var escalated = await (await client.PostAsync($"/api/v1/returns/{first.Id}/escalation", new EscalateReturnRequest(refused.Version, EscalationTarget.Platform, "买家申请淘宝客服介入"))).ReadAsync<ReturnView>();
        var again = await (await client.PostAsync($"/api/v1/returns/{first.Id}/escalation", new EscalateReturnRequest(escalated.Version, EscalationTarget.Manager, "再次"))).ReadProblemAsync(HttpStatusCode.Conflict);
        var resolved = await (await client.PostAsync($"/api/v1/returns/{first.Id}/resolution", new ResolveReturnRequest(escalated.Version, ReturnOutcome.Exchange, null))).ReadAsync<ReturnView>();

        var second = await (await OpenAsync(client, sale, ReturnReason.NotAsDescribed)).ReadAsync<ReturnView>(HttpStatusCode.Created);
        var secondEscalation = await (await client.PostAsync($"/api/v1/returns/{second.Id}/escalation", new EscalateReturnRequest(second.Version, EscalationTarget.Manager, "再次维权"))).ReadProblemAsync(HttpStatusCode.Conflict);
        var saleView = await (await client.GetAsync($"/api/v1/returns/sales/{sale.Id}", Ct)).ReadAsync<SaleView>();

        Assert.Equal(EscalationTarget.Platform, escalated.EscalatedTo);
        Assert.Equal(ReturnLifecycle.AlreadyEscalated, again.Code);
        Assert.Equal(ReturnStatus.Resolved, resolved.Status);
        Assert.Equal(ReturnDesk.EscalationUsed, secondEscalation.Code);
        Assert.True(saleView.Escalated);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ReturnEscalation>().CountAsync(e => e.SaleId == sale.Id, Ct)));

        // Two requests of one sale escalating at once: the unique index lets exactly one through.
        var racing = await SaleAsync(SaleChannel.Online);
        var a = await (await OpenAsync(client, racing)).ReadAsync<ReturnView>(HttpStatusCode.Created);
        var aRefused = await (await client.PostAsync($"/api/v1/returns/{a.Id}/refusal", new RefuseReturnRequest(a.Version, "无问题"))).ReadAsync<ReturnView>();
        var b = await (await OpenAsync(client, racing, ReturnReason.NotAsDescribed)).ReadAsync<ReturnView>(HttpStatusCode.Created);
        var results = await Task.WhenAll(
            client.PostAsync($"/api/v1/returns/{a.Id}/escalation", new EscalateReturnRequest(aRefused.Version, EscalationTarget.Platform, "甲")),
            client.PostAsync($"/api/v1/returns/{b.Id}/escalation", new EscalateReturnRequest(b.Version, EscalationTarget.Platform, "乙")));
        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ReturnEscalation>().CountAsync(e => e.SaleId == racing.Id, Ct)));
    }

    [Fact]
    public async Task A_counter_sale_cannot_go_to_a_platform_and_refusals_need_reasons()
    {
        var sale = await SaleAsync(SaleChannel.OverTheCounter);
        var client = await app.ClientForAsync("advisor");
        var opened = await (await OpenAsync(client, sale)).ReadAsync<ReturnView>(HttpStatusCode.Created);

        var platform = await (await client.PostAsync($"/api/v1/returns/{opened.Id}/escalation", new EscalateReturnRequest(opened.Version, EscalationTarget.Platform, "x"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var noReason = await (await client.PostAsync($"/api/v1/returns/{opened.Id}/refusal", new RefuseReturnRequest(opened.Version, " "))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var notInspected = await (await client.PostAsync($"/api/v1/returns/{opened.Id}/resolution", new ResolveReturnRequest(opened.Version, ReturnOutcome.Repair, null))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("return.platform_only_online", platform.Codes);
        Assert.Contains("return.refusal_reason_required", noReason.Codes);
        Assert.Equal(ReturnLifecycle.NotInspectedYet, notInspected.Code);
    }

    [Fact]
    public async Task Sales_are_validated()
    {
        var client = await app.ClientForAsync("advisor");
        var customer = await (await client.PostAsync("/api/v1/customers", TestData.Customer())).ReadAsync<CustomerView>(HttpStatusCode.Created);
        var store = await app.StoreIdAsync(DemoData.BeijingStore);

        var empty = await (await client.PostAsync("/api/v1/returns/sales", new RecordSaleRequest(store, customer.Id, " ", SaleChannel.Online, [], app.Clock.GetUtcNow().AddDays(1)))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var otherStore = await (await client.PostAsync("/api/v1/returns/sales", new RecordSaleRequest(await app.StoreIdAsync(DemoData.ShanghaiStore), customer.Id, "X1", SaleChannel.Online,
            [new SaleItemInput("A", "B", 1, 1m)], app.Clock.GetUtcNow()))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["sale.completed_in_future", "sale.items_required", "sale.number_required"], empty.Codes.Order(StringComparer.Ordinal));
        Assert.Contains("sale.store_unknown", otherStore.Codes);
    }

    [Fact]
    public async Task Another_stores_sales_and_returns_are_not_found()
    {
        var sale = await SaleAsync(SaleChannel.Online, user: "advisor.sh", store: DemoData.ShanghaiStore);
        var shanghai = await app.ClientForAsync("advisor.sh");
        var request = await (await OpenAsync(shanghai, sale)).ReadAsync<ReturnView>(HttpStatusCode.Created);
        var beijing = await app.ClientForAsync("advisor");

        HttpResponseMessage[] responses =
        [
            await beijing.GetAsync($"/api/v1/returns/sales/{sale.Id}", Ct),
            await OpenAsync(beijing, sale),
            await beijing.GetAsync($"/api/v1/returns/{request.Id}", Ct),
            await beijing.PostAsync($"/api/v1/returns/{request.Id}/inspection", new InspectReturnRequest(request.Version, InspectionResult.NoFaultFound)),
            await beijing.PostAsync($"/api/v1/returns/{request.Id}/resolution", new ResolveReturnRequest(request.Version, ReturnOutcome.Repair, null)),
            await beijing.PostAsync($"/api/v1/returns/{request.Id}/refusal", new RefuseReturnRequest(request.Version, "x")),
            await beijing.PostAsync($"/api/v1/returns/{request.Id}/escalation", new EscalateReturnRequest(request.Version, EscalationTarget.Manager, "x")),
            await beijing.GetAsync($"/api/v1/returns/terms/{sale.StoreId}", Ct),
            await beijing.GetAsync($"/api/v1/files?ownerKind=return&ownerId={request.Id}", Ct),
        ];

        foreach (var response in responses)
        {
            Assert.Equal("common.not_found", (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Code);
        }

        var list = await (await beijing.GetAsync("/api/v1/returns?pageSize=100", Ct)).ReadAsync<Page<ReturnListItem>>();
        Assert.DoesNotContain(list.Items, r => r.Id == request.Id);
    }
}

public sealed class SqliteReturnTests(SqliteApp app) : ReturnTests<SqliteApp>(app);

public sealed class PostgresReturnTests(PostgresApp app) : ReturnTests<PostgresApp>(app);
