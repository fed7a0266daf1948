using System.Net;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Features.Warranty;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.RepairOrders.RepairOrderFixtures;

namespace AfterSales.Web.Tests.Features.Warranty;

public abstract class ClaimTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ClaimLineInput[] Lines =
    [
        new(ClaimLineKind.Part, "BYD-BAT-M01", "动力电池模组", 1, 1_800m),
        new(ClaimLineKind.Labour, "L-BAT-01", "更换电池模组", 2.5m, 180m),
    ];

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    /// <summary>
    /// An EV battery job on a draft order of a BYD sold <paramref name="monthsAgo"/> months ago, checked in at 23,456 km,
    /// decided Warranty (with a reason when the proposal said otherwise) unless <paramref name="decide"/> is false.
    /// </summary>
    private async Task<(HttpClient Client, RepairOrderView Order, JobReferenceInput Job)> WarrantyJobAsync(string user = "advisor", int monthsAgo = 12, bool decide = true)
    {
        var client = await app.ClientForAsync(user);
        var vehicle = TestData.Vehicle() with { PurchaseDate = Today.AddMonths(-monthsAgo) };
        var customer = await (await client.PostAsync("/api/v1/customers", TestData.Customer(assets: [vehicle]))).ReadAsync<CustomerView>(HttpStatusCode.Created);
        var order = await OpenAsync(client, customer, WalkAround);
        var battery = await OperationAsync(client, order.StoreId, "EV-002");
        order = await ReviseAsync(client, order, Revision(order, [new JobRequest(battery.Id, PayType.PendingDecision)]));
        var job = order.Jobs[0];
        if (decide)
        {
            await DecideAsync(client, order, job.Id, PayType.Warranty);
        }

        return (client, order, new JobReferenceInput("RepairOrderJob", job.Id, $"{order.Number}/1"));
    }

    private static async Task DecideAsync(HttpClient client, RepairOrderView order, Guid jobId, PayType chosen)
    {
        var proposal = await (await client.PostAsync($"/api/v1/repair-orders/{order.Id}/pay-type-proposals", new JobPayTypeProposalRequest(WorkshopSkill.EvHighVoltage))).ReadAsync<ProposalView>();
        var reason = proposal.PayType == chosen ? null : "厂家特批";
        await (await client.PostAsync($"/api/v1/repair-orders/{order.Id}/jobs/{jobId}/pay-type-decisions", new JobPayTypeDecisionRequest(ComponentGroup.TractionBattery, proposal.PayType, chosen, reason)))
            .ReadAsync<DecisionView>(HttpStatusCode.Created);
    }

    private static Task<HttpResponseMessage> PostClaimAsync(HttpClient client, RepairOrderView order, JobReferenceInput job, string? tag = null) =>
        client.PostAsync("/api/v1/warranty/claims", new DraftClaimRequest(order.AssetId, job, ComponentGroup.TractionBattery, "电芯压差过大，续航骤降", Lines, tag));

    private async Task<ClaimView> DraftAsync(string user = "advisor", string? tag = null)
    {
        var (client, order, job) = await WarrantyJobAsync(user);
        return await (await PostClaimAsync(client, order, job, tag)).ReadAsync<ClaimView>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_claim_must_name_a_real_agreed_warranty_job_decided_warranty_and_covered_at_the_orders_date_and_mileage()
    {
        var (client, order, job) = await WarrantyJobAsync(decide: false);
        var fake = await PostClaimAsync(client, order, job with { Id = Guid.NewGuid() });
        var otherAsset = await client.PostAsync("/api/v1/warranty/claims", new DraftClaimRequest((await CustomerAsync(client)).Assets[0].Id, job, ComponentGroup.TractionBattery, "x", Lines));
        var undecided = await PostClaimAsync(client, order, job);
        await DecideAsync(client, order, job.Id, PayType.Warranty);
        await DecideAsync(client, order, job.Id, PayType.Customer);
        var decidedCustomer = await PostClaimAsync(client, order, job);
        await DecideAsync(client, order, job.Id, PayType.Warranty);
        order = await (await client.GetAsync($"/api/v1/repair-orders/{order.Id}", Ct)).ReadAsync<RepairOrderView>();
        var revised = await ReviseAsync(client, order, Revision(order, [new JobRequest(order.Jobs[0].LabourOperationId!.Value, PayType.Customer, Id: order.Jobs[0].Id)]));
        var jobCustomer = await PostClaimAsync(client, revised, job);
        var (oldClient, oldOrder, oldJob) = await WarrantyJobAsync(monthsAgo: 120);
        var outOfWarranty = await PostClaimAsync(oldClient, oldOrder, oldJob);
        var (declinedClient, declinedOrder, declinedJob) = await WarrantyJobAsync();
        await app.WithDbAsync(async db =>
        {
            var j = await db.Set<RepairJob>().SingleAsync(x => x.Id == declinedJob.Id, Ct);
            db.Entry(j).Property(nameof(RepairJob.Status)).CurrentValue = RepairJobStatus.Declined;
            return await db.SaveChangesAsync(Ct);
        });
        var declined = await PostClaimAsync(declinedClient, declinedOrder, declinedJob);

        Assert.Contains("warranty.job_not_found", (await fake.ReadProblemAsync(HttpStatusCode.BadRequest)).Codes);
        Assert.Contains("warranty.job_not_found", (await otherAsset.ReadProblemAsync(HttpStatusCode.BadRequest)).Codes);
        Assert.Equal("claim.no_warranty_decision", (await undecided.ReadProblemAsync(HttpStatusCode.Conflict)).Code);
        Assert.Equal("claim.no_warranty_decision", (await decidedCustomer.ReadProblemAsync(HttpStatusCode.Conflict)).Code);
        Assert.Equal("claim.job_not_warranty", (await jobCustomer.ReadProblemAsync(HttpStatusCode.Conflict)).Code);
        Assert.Contains("claim.not_covered", (await outOfWarranty.ReadProblemAsync(HttpStatusCode.BadRequest)).Codes);
        Assert.Equal("claim.job_not_agreed", (await declined.ReadProblemAsync(HttpStatusCode.Conflict)).Code);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<WarrantyClaim>().CountAsync(c => c.AssetId == order.AssetId || c.AssetId == oldOrder.AssetId || c.AssetId == declinedOrder.AssetId, Ct)));
    }

    [Fact]
    public async Task A_claim_goes_from_draft_to_paid_with_its_amounts_and_history()
    {
        var claim = await DraftAsync();
        var client = await app.ClientForAsync("advisor");

        var untagged = await (await client.PostAsync($"/api/v1/warranty/claims/{claim.Id}/submission", new ClaimMoveRequest(claim.Version))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var edited = await (await client.PutAsync($"/api/v1/warranty/claims/{claim.Id}", new EditClaimRequest(claim.Version, claim.ComponentGroup, claim.FailureDescription, Lines, "JJ-2026-0001"))).ReadAsync<ClaimView>();
        var submitted = await (await client.PostAsync($"/api/v1/warranty/claims/{claim.Id}/submission", new ClaimMoveRequest(edited.Version))).ReadAsync<ClaimView>();
        var shipped = await (await client.PostAsync($"/api/v1/warranty/claims/{claim.Id}/shipment", new ClaimShipmentRequest(submitted.Version, "顺丰", "SF1234567890"))).ReadAsync<ClaimView>();
        var tooMuch = await (await client.PostAsync($"/api/v1/warranty/claims/{claim.Id}/approval", new ClaimMoveRequest(shipped.Version, Amount: 5_000m))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var approved = await (await client.PostAsync($"/api/v1/warranty/claims/{claim.Id}/approval", new ClaimMoveRequest(shipped.Version, Amount: 2_000m, ManufacturerReference: "BYD-SP-88"))).ReadAsync<ClaimView>();
        var paid = await (await client.PostAsync($"/api/v1/warranty/claims/{claim.Id}/payment", new ClaimMoveRequest(approved.Version, Amount: 2_000m))).ReadAsync<ClaimView>();
        var afterPaid = await (await client.PostAsync($"/api/v1/warranty/claims/{claim.Id}/rejection", new ClaimMoveRequest(paid.Version, "迟到的拒赔"))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.StartsWith("SP-", claim.Number, StringComparison.Ordinal);
        Assert.Equal(ClaimStatus.Draft, claim.Status);
        Assert.Equal(2_250m, claim.ClaimedAmount);
        Assert.Contains("claim.old_part_tag_required", untagged.Codes);
        Assert.Equal("SF1234567890", shipped.ShipmentTrackingNumber);
        Assert.Contains("claim.approved_amount_invalid", tooMuch.Codes);
        Assert.Equal(2_000m, approved.ApprovedAmount);
        Assert.Equal(ClaimStatus.Paid, paid.Status);
        Assert.Empty(paid.PermittedTriggers);
        Assert.Equal(ClaimLifecycle.AlreadyPaid, afterPaid.Code);
        Assert.Equal([ClaimStatus.Draft, ClaimStatus.Submitted, ClaimStatus.Approved, ClaimStatus.Paid], paid.History.Select(h => h.To));
    }

    [Fact]
    public async Task A_rejected_claim_changes_the_jobs_pay_type_only_through_a_recorded_decision()
    {
        var claim = await DraftAsync(tag: "JJ-2026-0002");
        var client = await app.ClientForAsync("advisor");
        var submitted = await (await client.PostAsync($"/api/v1/warranty/claims/{claim.Id}/submission", new ClaimMoveRequest(claim.Version))).ReadAsync<ClaimView>();
        var noReason = await (await client.PostAsync($"/api/v1/warranty/claims/{claim.Id}/rejection", new ClaimMoveRequest(submitted.Version))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var rejected = await (await client.PostAsync($"/api/v1/warranty/claims/{claim.Id}/rejection", new ClaimMoveRequest(submitted.Version, "电池包外壳有撞击痕迹"))).ReadAsync<ClaimView>();
        var stillWarranty = await (await client.GetAsync($"/api/v1/warranty/decisions?jobId={claim.JobId}", Ct)).ReadAsync<List<DecisionView>>();

        var internalPay = await (await client.PostAsync($"/api/v1/warranty/claims/{claim.Id}/follow-up-decision", new ClaimFollowUpRequest(rejected.Version, PayType.Internal, "内部消化"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var closed = await (await client.PostAsync($"/api/v1/warranty/claims/{claim.Id}/follow-up-decision", new ClaimFollowUpRequest(rejected.Version, PayType.Goodwill, "老客户，门店善意承担"))).ReadAsync<ClaimView>();
        var decisions = await (await client.GetAsync($"/api/v1/warranty/decisions?jobId={claim.JobId}", Ct)).ReadAsync<List<DecisionView>>();

        Assert.Contains("claim.rejection_reason_required", noReason.Codes);
        Assert.Equal("电池包外壳有撞击痕迹", rejected.RejectionReason);
        Assert.Equal([ClaimTrigger.Revise, ClaimTrigger.DecideAfterRejection], rejected.PermittedTriggers);
        Assert.Equal(PayType.Warranty, Assert.Single(stillWarranty).Chosen);
        Assert.Contains("claim.follow_up_pay_type_invalid", internalPay.Codes);
        Assert.Equal(ClaimStatus.Closed, closed.Status);
        Assert.Equal(2, decisions.Count);
        var decision = decisions[0];
        Assert.Equal(PayType.Goodwill, decision.Chosen);
        Assert.Equal(PayType.Warranty, decision.Proposed);
        Assert.Equal(claim.Id, decision.ClaimId);
        Assert.Equal(closed.FollowUpDecisionId, decision.Id);
        var job = await app.WithDbAsync(db => db.Set<RepairJob>().SingleAsync(j => j.Id == claim.JobId, Ct));
        Assert.Equal(PayType.Goodwill, job.PayType);
    }

    [Fact]
    public async Task Refused_moves_and_stale_versions_are_conflicts_with_their_codes()
    {
        var claim = await DraftAsync(tag: "JJ-2026-0003");
        var client = await app.ClientForAsync("advisor");

        var approveDraft = await (await client.PostAsync($"/api/v1/warranty/claims/{claim.Id}/approval", new ClaimMoveRequest(claim.Version, Amount: 1m))).ReadProblemAsync(HttpStatusCode.Conflict);
        var payDraft = await (await client.PostAsync($"/api/v1/warranty/claims/{claim.Id}/payment", new ClaimMoveRequest(claim.Version, Amount: 1m))).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsync($"/api/v1/warranty/claims/{claim.Id}/submission", new ClaimMoveRequest(claim.Version))).ReadAsync<ClaimView>();
        var stale = await (await client.PostAsync($"/api/v1/warranty/claims/{claim.Id}/submission", new ClaimMoveRequest(claim.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
        var twice = await (await client.PostAsync("/api/v1/warranty/claims", new DraftClaimRequest(claim.AssetId, new JobReferenceInput(claim.JobKind, claim.JobId, claim.JobNumber), ComponentGroup.TractionBattery, "再次", Lines))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(ClaimLifecycle.NotSubmitted, approveDraft.Code);
        Assert.Equal(ClaimLifecycle.NotApproved, payDraft.Code);
        Assert.Equal(ClaimGate.ChangedBySomeoneElse, stale.Code);
        Assert.Equal("claim.job_already_claimed", twice.Code);
    }

    [Fact]
    public async Task Claim_lines_and_the_job_reference_are_validated()
    {
        var client = await app.ClientForAsync("advisor");
        var customer = await (await client.PostAsync("/api/v1/customers", TestData.Customer(assets: [TestData.Vehicle()]))).ReadAsync<CustomerView>(HttpStatusCode.Created);

        var problem = await (await client.PostAsync("/api/v1/warranty/claims", new DraftClaimRequest(
            customer.Assets[0].Id, new JobReferenceInput("", Guid.Empty, ""), ComponentGroup.TractionBattery, "",
            [new ClaimLineInput(ClaimLineKind.Part, "", "", 0, -1)]))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(
            ["claim.failure_required", "claim.line_code_required", "claim.line_description_required", "claim.line_price_invalid", "claim.line_quantity_invalid", "warranty.job_id_required", "warranty.job_kind_required", "warranty.job_number_required"],
            problem.Codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_claim_of_another_store_is_not_found_for_every_endpoint()
    {
        var claim = await DraftAsync("advisor.sh", tag: "JJ-SH-1");
        var beijing = await app.ClientForAsync("advisor");
        var move = new ClaimMoveRequest(claim.Version, "x", 1m);

        HttpResponseMessage[] responses =
        [
            await beijing.GetAsync($"/api/v1/warranty/claims/{claim.Id}", Ct),
            await beijing.PutAsync($"/api/v1/warranty/claims/{claim.Id}", new EditClaimRequest(claim.Version, claim.ComponentGroup, "x", Lines, "t")),
            await beijing.PostAsync($"/api/v1/warranty/claims/{claim.Id}/submission", move),
            await beijing.PostAsync($"/api/v1/warranty/claims/{claim.Id}/approval", move),
            await beijing.PostAsync($"/api/v1/warranty/claims/{claim.Id}/rejection", move),
            await beijing.PostAsync($"/api/v1/warranty/claims/{claim.Id}/payment", move),
            await beijing.PostAsync($"/api/v1/warranty/claims/{claim.Id}/revision", move),
            await beijing.PostAsync($"/api/v1/warranty/claims/{claim.Id}/follow-up-decision", new ClaimFollowUpRequest(claim.Version, PayType.Goodwill, "x")),
            await beijing.PostAsync($"/api/v1/warranty/claims/{claim.Id}/shipment", new ClaimShipmentRequest(claim.Version, "顺丰", "1")),
        ];

        foreach (var response in responses)
        {
            Assert.Equal("common.not_found", (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Code);
        }

        var list = await (await beijing.GetAsync("/api/v1/warranty/claims?pageSize=100", Ct)).ReadAsync<AfterSales.Web.Features.Page<ClaimListItem>>();
        Assert.DoesNotContain(list.Items, c => c.Id == claim.Id);
    }
}

public sealed class SqliteClaimTests(SqliteApp app) : ClaimTests<SqliteApp>(app);

public sealed class PostgresClaimTests(PostgresApp app) : ClaimTests<PostgresApp>(app);
