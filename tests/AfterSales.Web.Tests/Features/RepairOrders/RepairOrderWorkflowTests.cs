using System.Net;
using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using static AfterSales.Web.Tests.Features.RepairOrders.RepairOrderFixtures;

namespace AfterSales.Web.Tests.Features.RepairOrders;

public abstract class RepairOrderWorkflowTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private Task<Guid> Beijing => app.StoreIdAsync(DemoData.BeijingStore);

    [Fact]
    public async Task A_walk_in_opens_a_checked_in_draft_at_the_stores_labour_and_tax_rates()
    {
        var advisor = await app.ClientForAsync("advisor");
        var customer = await CustomerAsync(advisor);

        var order = await OpenAsync(advisor, customer, WalkAround);

        Assert.Equal(RepairOrderStatus.Draft, order.Status);
        Assert.Matches(@"^RO-\d{8}-\d{4}$", order.Number);
        Assert.Equal("李娜", order.AdvisorName);
        Assert.Equal(220m, order.LabourRate);
        Assert.Equal(0.13m, order.TaxRate);
        Assert.Equal(23_456, order.CheckIn.MileageKm);
        Assert.True(order.CheckIn.CoversFitted);
        Assert.Equal(2, order.CheckIn.DamageMarks.Count);
        Assert.Equal([RepairOrderTrigger.SubmitForSignature, RepairOrderTrigger.Cancel], order.PermittedTriggers);
    }

    [Fact]
    public async Task A_draft_refuses_signing_and_reopening_and_submitting_without_jobs_or_check_in()
    {
        var advisor = await app.ClientForAsync("advisor");
        var order = await OpenAsync(advisor, await CustomerAsync(advisor));

        await ExpectConflictAsync(advisor.PostAsync($"/api/v1/repair-orders/{order.Id}/sign", new SignRepairOrderRequest(order.Version, "张三", SignaturePng)), "repair_order.not_awaiting_signature");
        await ExpectConflictAsync(advisor.PostAsync($"/api/v1/repair-orders/{order.Id}/reopen", new RepairOrderMoveRequest(order.Version)), "repair_order.already_draft");
        await ExpectConflictAsync(advisor.PostAsync($"/api/v1/repair-orders/{order.Id}/submit", new RepairOrderMoveRequest(order.Version)), "repair_order.no_jobs");

        order = await ReviseAsync(advisor, order, Revision(order, await TwoJobsAsync(advisor, await Beijing)));
        await ExpectConflictAsync(advisor.PostAsync($"/api/v1/repair-orders/{order.Id}/submit", new RepairOrderMoveRequest(order.Version)), "repair_order.not_checked_in");

        order = await (await advisor.PutAsync($"/api/v1/repair-orders/{order.Id}/check-in", new RecordCheckInRequest(order.Version, WalkAround))).ReadAsync<RepairOrderView>();
        order = await MoveAsync(advisor, order, "submit");
        Assert.Equal(RepairOrderStatus.AwaitingSignature, order.Status);
    }

    [Fact]
    public async Task The_whole_path_draft_to_signed_to_draft_to_cancelled_with_every_refusal_on_the_way_and_every_move_recorded()
    {
        var advisor = await app.ClientForAsync("advisor");
        var order = await ReadyDraftAsync(advisor, await Beijing);

        order = await MoveAsync(advisor, order, "submit");
        Assert.Equal([RepairOrderTrigger.Sign, RepairOrderTrigger.Reopen, RepairOrderTrigger.Cancel], order.PermittedTriggers);
        await ExpectConflictAsync(advisor.PostAsync($"/api/v1/repair-orders/{order.Id}/submit", new RepairOrderMoveRequest(order.Version)), "repair_order.already_awaiting_signature");
        await ExpectConflictAsync(advisor.PutAsync($"/api/v1/repair-orders/{order.Id}", Revision(order, [])), "repair_order.not_editable");
        await ExpectConflictAsync(advisor.PutAsync($"/api/v1/repair-orders/{order.Id}/check-in", new RecordCheckInRequest(order.Version, WalkAround)), "repair_order.not_editable");

        order = await SignAsync(advisor, order);
        Assert.Equal(RepairOrderStatus.Signed, order.Status);
        Assert.Equal([RepairOrderTrigger.Reopen, RepairOrderTrigger.Cancel, RepairOrderTrigger.StartWork], order.PermittedTriggers);
        var signature = Assert.Single(order.Signatures);
        Assert.True(signature.IsCurrent);
        Assert.True(signature.IsIntact);
        await ExpectConflictAsync(advisor.PostAsync($"/api/v1/repair-orders/{order.Id}/sign", new SignRepairOrderRequest(order.Version, "张三", SignaturePng)), "repair_order.already_signed");
        await ExpectConflictAsync(advisor.PostAsync($"/api/v1/repair-orders/{order.Id}/submit", new RepairOrderMoveRequest(order.Version)), "repair_order.already_signed");
        await ExpectConflictAsync(advisor.PutAsync($"/api/v1/repair-orders/{order.Id}", Revision(order, [])), "repair_order.not_editable");

        order = await MoveAsync(advisor, order, "reopen", "客户追加更换雨刮");
        Assert.Equal(RepairOrderStatus.Draft, order.Status);
        Assert.Null(order.CurrentSignature);
        Assert.Single(order.Signatures);

        var missingReason = await advisor.PostAsync($"/api/v1/repair-orders/{order.Id}/cancel", new RepairOrderMoveRequest(order.Version));
        Assert.Contains("repair_order.cancel_reason_required", (await missingReason.ReadProblemAsync(HttpStatusCode.BadRequest)).Codes);
        order = await MoveAsync(advisor, order, "cancel", "客户改期");
        Assert.Equal(RepairOrderStatus.Cancelled, order.Status);
        Assert.Empty(order.PermittedTriggers);
        foreach (var move in new[] { "submit", "sign", "reopen", "cancel" })
        {
            var body = move == "sign" ? (object)new SignRepairOrderRequest(order.Version, "张三", SignaturePng) : new RepairOrderMoveRequest(order.Version, "再次");
            await ExpectConflictAsync(advisor.PostAsync($"/api/v1/repair-orders/{order.Id}/{move}", body), "repair_order.cancelled");
        }

        await ExpectConflictAsync(advisor.PutAsync($"/api/v1/repair-orders/{order.Id}", Revision(order, [])), "repair_order.cancelled");

        var history = await (await advisor.GetAsync($"/api/v1/repair-orders/{order.Id}/history", TestContext.Current.CancellationToken)).ReadAsync<List<RepairOrderStatusChangeView>>();
        Assert.Equal(
            [(null, RepairOrderStatus.Draft), (RepairOrderStatus.Draft, RepairOrderStatus.AwaitingSignature), (RepairOrderStatus.AwaitingSignature, RepairOrderStatus.Signed),
                (RepairOrderStatus.Signed, RepairOrderStatus.Draft), (RepairOrderStatus.Draft, RepairOrderStatus.Cancelled)],
            history.Select(h => (h.From, h.To)).ToList());
        Assert.All(history, h => Assert.Equal("李娜", h.UserName));
        Assert.Equal("客户追加更换雨刮", history[3].Reason);
        Assert.Equal("客户改期", history[4].Reason);
    }

    [Fact]
    public async Task Awaiting_signature_goes_back_to_draft_or_is_cancelled()
    {
        var advisor = await app.ClientForAsync("advisor");
        var order = await MoveAsync(advisor, await ReadyDraftAsync(advisor, await Beijing), "submit");

        var draft = await MoveAsync(advisor, order, "reopen");
        Assert.Equal(RepairOrderStatus.Draft, draft.Status);

        var again = await MoveAsync(advisor, await ReadyDraftAsync(advisor, await Beijing), "submit");
        var cancelled = await MoveAsync(advisor, again, "cancel", "客户不修了");
        Assert.Equal(RepairOrderStatus.Cancelled, cancelled.Status);
        Assert.Equal("客户不修了", cancelled.CancelReason);
    }

    [Fact]
    public async Task A_signed_order_can_be_cancelled()
    {
        var advisor = await app.ClientForAsync("advisor");
        var signed = await SignAsync(advisor, await MoveAsync(advisor, await ReadyDraftAsync(advisor, await Beijing), "submit"));

        var cancelled = await MoveAsync(advisor, signed, "cancel", "客户取消维修");

        Assert.Equal(RepairOrderStatus.Cancelled, cancelled.Status);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict()
    {
        var advisor = await app.ClientForAsync("advisor");
        var order = await ReadyDraftAsync(advisor, await Beijing);
        await ReviseAsync(advisor, order, Revision(order, []));

        await ExpectConflictAsync(advisor.PutAsync($"/api/v1/repair-orders/{order.Id}", Revision(order, [])), "repair_order.changed_by_someone_else");
        await ExpectConflictAsync(advisor.PostAsync($"/api/v1/repair-orders/{order.Id}/submit", new RepairOrderMoveRequest(order.Version)), "repair_order.changed_by_someone_else");
    }

    private static async Task ExpectConflictAsync(Task<HttpResponseMessage> call, string code)
    {
        var problem = await (await call).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(code, problem.Code);
    }
}

public sealed class SqliteRepairOrderWorkflowTests(SqliteApp app) : RepairOrderWorkflowTests<SqliteApp>(app);

public sealed class PostgresRepairOrderWorkflowTests(PostgresApp app) : RepairOrderWorkflowTests<PostgresApp>(app);
