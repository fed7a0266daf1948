using System.Net;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.FollowUps;
using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.Complaints.Handling;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Features.FollowUps;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.Complaints.ComplaintFixtures;
using static AfterSales.Web.Tests.Features.FollowUps.FollowUpFixtures;

namespace AfterSales.Web.Tests.Features.Complaints;

/// <summary>A re-repair action carried out opens a draft repair order linked to the complaint, once, through the repair order's own handler.</summary>
public abstract class ComplaintReRepairTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ComplaintView> PostAsync<T>(HttpClient client, ComplaintView c, string path, T body) =>
        await (await client.PostAsync($"/api/v1/complaints/{c.Id}{path}", body)).ReadAsync<ComplaintView>();

    /// <summary>A Beijing complaint whose plan (re-repair and an explanation) the customer accepted.</summary>
    private async Task<(ComplaintView Complaint, CustomerView Customer)> AcceptedAsync(HttpClient specialist, bool withAsset)
    {
        var customer = await CustomerAsync(await app.ClientForAsync("advisor"));
        var c = (await RecordAsync(await app.ClientForAsync("agent"), Intake(customer, assetId: withAsset ? customer.Assets[0].Id : null))).Complaint;
        c = await PostAsync(specialist, c, "/acknowledge", new AcknowledgeComplaintRequest(c.Version));
        c = await PostAsync(specialist, c, "/investigation", new StartInvestigationRequest(c.Version, await app.UserIdAsync("complaints")));
        c = await PostAsync(specialist, c, "/analysis", new RecordAnalysisRequest(c.Version, ["报警灯常亮", "传感器插头松动"], Responsibility.TechnicianError, false));
        c = await PostAsync(specialist, c, "/resolution", new ProposeResolutionRequest(c.Version, [new(ResolutionActionKind.ReRepair, "免费返修传感器插头", null), new(ResolutionActionKind.Explanation, "向客户解释原因", null)]));
        c = await PostAsync(specialist, c, "/resolution/present", new ComplaintNoteRequest(c.Version));
        c = await PostAsync(specialist, c, "/customer-response", new CustomerResponseRequest(c.Version, CustomerResponse.Accepted));
        Assert.Equal(ComplaintStatus.Resolved, c.Status);
        return (c, customer);
    }

    private static async Task<ComplaintHandlingView> HandlingAsync(HttpClient client, ComplaintView c) =>
        await (await client.GetAsync($"/api/v1/complaints/{c.Id}/handling", Ct)).ReadAsync<ComplaintHandlingView>();

    private Task<List<RepairOrder>> OrdersOfAsync(Guid complaintId) =>
        app.WithDbAsync(db => db.Set<RepairOrder>().IgnoreQueryFilters().AsNoTracking().Where(o => o.ComplaintId == complaintId).ToListAsync(Ct));

    [Fact]
    public async Task Carrying_out_the_re_repair_opens_one_draft_order_for_the_complaints_customer_asset_and_store_linked_both_ways()
    {
        var specialist = await app.ClientForAsync("complaints", "en");
        var (c, customer) = await AcceptedAsync(specialist, withAsset: true);
        var action = (await HandlingAsync(specialist, c)).Plan.Single(a => a.Kind == ResolutionActionKind.ReRepair);

        c = await PostAsync(specialist, c, $"/resolution/actions/{action.Id}/done", new ActionDoneRequest(c.Version, "已安排返修"));

        var done = (await HandlingAsync(specialist, c)).Plan.Single(a => a.Id == action.Id);
        Assert.True(done.IsDone);
        Assert.NotNull(done.RepairOrderId);
        var order = await (await (await app.ClientForAsync("advisor")).GetAsync($"/api/v1/repair-orders/{done.RepairOrderId}", Ct)).ReadAsync<RepairOrderView>();
        Assert.Equal(done.RepairOrderNumber, order.Number);
        Assert.Equal((RepairOrderStatus.Draft, customer.Id, customer.Assets[0].Id, c.StoreId), (order.Status, order.CustomerId, order.AssetId, order.StoreId));
        Assert.Equal((c.Id, c.Number), (order.ComplaintId, order.ComplaintNumber));
        Assert.Equal($"{c.Number} · 保养后仪表盘报警灯常亮", order.CustomerWords);

        // Twice is refused before a second order is opened; the other action is marked done as before.
        var again = await (await specialist.PostAsync($"/api/v1/complaints/{c.Id}/resolution/actions/{action.Id}/done", new ActionDoneRequest(c.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("complaint.action_already_done", again.Code);
        Assert.Single(await OrdersOfAsync(c.Id));
        var explanation = (await HandlingAsync(specialist, c)).Plan.Single(a => a.Kind == ResolutionActionKind.Explanation);
        c = await PostAsync(specialist, c, $"/resolution/actions/{explanation.Id}/done", new ActionDoneRequest(c.Version));
        Assert.Null((await HandlingAsync(specialist, c)).Plan.Single(a => a.Id == explanation.Id).RepairOrderId);
        Assert.Single(await OrdersOfAsync(c.Id));
    }

    [Fact]
    public async Task Without_an_asset_on_the_complaint_the_handler_names_one_a_refusal_opens_nothing_and_follow_ups_classify_the_order_as_a_complaint_re_repair()
    {
        var specialist = await app.ClientForAsync("complaints", "en");
        var (c, customer) = await AcceptedAsync(specialist, withAsset: false);
        var action = (await HandlingAsync(specialist, c)).Plan.Single(a => a.Kind == ResolutionActionKind.ReRepair);

        // The customer has a car and a phone: which one goes in must be said.
        var unnamed = await (await specialist.PostAsync($"/api/v1/complaints/{c.Id}/resolution/actions/{action.Id}/done", new ActionDoneRequest(c.Version))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var stale = await (await specialist.PostAsync($"/api/v1/complaints/{c.Id}/resolution/actions/{action.Id}/done", new ActionDoneRequest(c.Version - 1, null, customer.Assets[1].Id))).ReadProblemAsync(HttpStatusCode.Conflict);
        var notTheirs = await (await specialist.PostAsync($"/api/v1/complaints/{c.Id}/resolution/actions/{action.Id}/done", new ActionDoneRequest(c.Version, null, Guid.NewGuid()))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var agent = await (await (await app.ClientForAsync("agent")).PostAsync($"/api/v1/complaints/{c.Id}/resolution/actions/{action.Id}/done", new ActionDoneRequest(c.Version, null, customer.Assets[1].Id))).ReadProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(["complaint.re_repair_asset_required"], unnamed.Codes);
        Assert.Equal("complaint.changed_by_someone_else", stale.Code);
        Assert.Equal(["repair_order.asset_not_customers"], notTheirs.Codes);
        Assert.Equal("complaint.handle_forbidden", agent.Code);
        Assert.Empty(await OrdersOfAsync(c.Id));

        c = await PostAsync(specialist, c, $"/resolution/actions/{action.Id}/done", new ActionDoneRequest(c.Version, null, customer.Assets[1].Id));
        var order = Assert.Single(await OrdersOfAsync(c.Id));
        Assert.Equal(customer.Assets[1].Id, order.AssetId);

        // Follow-ups: the order names no complaint in its words' reference and the complaint names no asset; the flag alone classifies it.
        await app.WithDbAsync(async db =>
        {
            var row = await db.Set<RepairOrder>().IgnoreQueryFilters().SingleAsync(o => o.Id == order.Id, Ct);
            db.Entry(row).Property(o => o.Status).CurrentValue = RepairOrderStatus.Delivered;
            db.Entry(row).Property(o => o.DeliveredAt).CurrentValue = app.Clock.GetUtcNow();
            return await db.SaveChangesAsync(Ct);
        });
        await RunGeneratorAsync(app);
        var selection = await app.WithDbAsync(db => db.Set<FollowUpSelection>().IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.RepairOrderId == order.Id, Ct));
        Assert.Equal(FollowUpOrderType.ComplaintReRepair, selection.OrderType);
        Assert.True(selection.Selected);
    }
}

public sealed class SqliteComplaintReRepairTests(SqliteApp app) : ComplaintReRepairTests<SqliteApp>(app);

public sealed class PostgresComplaintReRepairTests(PostgresApp app) : ComplaintReRepairTests<PostgresApp>(app);
