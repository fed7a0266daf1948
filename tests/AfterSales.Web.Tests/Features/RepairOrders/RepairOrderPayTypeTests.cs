using System.Net;
using AfterSales.Domain.Service;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Features.Warranty;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.RepairOrders.RepairOrderFixtures;

namespace AfterSales.Web.Tests.Features.RepairOrders;

public abstract class RepairOrderPayTypeTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    /// <summary>A draft for a BYD Han EV sold a year ago, checked in at 23,456 km, with one EV battery job saved.</summary>
    private async Task<(HttpClient Client, RepairOrderView Order)> InWarrantyDraftAsync()
    {
        var client = await app.ClientForAsync("advisor");
        var vehicle = TestData.Vehicle() with { PurchaseDate = Today.AddMonths(-12) };
        var customer = await (await client.PostAsync("/api/v1/customers", TestData.Customer(assets: [vehicle]))).ReadAsync<CustomerView>(HttpStatusCode.Created);
        var order = await OpenAsync(client, customer, WalkAround);
        var battery = await OperationAsync(client, order.StoreId, "EV-002");
        order = await ReviseAsync(client, order, Revision(order, [new JobRequest(battery.Id, PayType.PendingDecision)]));
        return (client, order);
    }

    [Fact]
    public async Task A_job_on_an_asset_in_warranty_is_proposed_warranty_for_the_group_its_skill_touches_with_the_reason()
    {
        var (client, order) = await InWarrantyDraftAsync();

        var proposal = await (await client.PostAsync($"/api/v1/repair-orders/{order.Id}/pay-type-proposals", new JobPayTypeProposalRequest(WorkshopSkill.EvHighVoltage))).ReadAsync<ProposalView>();
        var wearParts = await (await client.PostAsync($"/api/v1/repair-orders/{order.Id}/pay-type-proposals", new JobPayTypeProposalRequest(WorkshopSkill.EvHighVoltage, ComponentGroup.WearParts))).ReadAsync<ProposalView>();
        var wrongKind = await (await client.PostAsync($"/api/v1/repair-orders/{order.Id}/pay-type-proposals", new JobPayTypeProposalRequest(WorkshopSkill.Appliance, ComponentGroup.Compressor))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(ComponentGroup.TractionBattery, proposal.ComponentGroup);
        Assert.Equal(PayType.Warranty, proposal.PayType);
        Assert.Equal(23_456, proposal.MileageKm);
        Assert.False(string.IsNullOrWhiteSpace(proposal.Reason));
        Assert.Equal(ComponentGroup.WearParts, wearParts.ComponentGroup);
        Assert.Contains("warranty.group_not_for_kind", wrongKind.Codes);
    }

    [Fact]
    public async Task Overriding_the_proposal_for_a_job_needs_a_reason_and_is_recorded_with_the_orders_job_number()
    {
        var (client, order) = await InWarrantyDraftAsync();
        var job = order.Jobs[0];
        var url = $"/api/v1/repair-orders/{order.Id}/jobs/{job.Id}/pay-type-decisions";

        var refused = await (await client.PostAsync(url, new JobPayTypeDecisionRequest(ComponentGroup.TractionBattery, PayType.Warranty, PayType.Customer))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var recorded = await (await client.PostAsync(url, new JobPayTypeDecisionRequest(ComponentGroup.TractionBattery, PayType.Warranty, PayType.Customer, "电池外壳碰撞损伤，非质量问题"))).ReadAsync<DecisionView>(HttpStatusCode.Created);
        var forJob = await (await client.GetAsync($"/api/v1/warranty/decisions?jobId={job.Id}", Ct)).ReadAsync<List<DecisionView>>();
        var unknownJob = await (await client.PostAsync($"/api/v1/repair-orders/{order.Id}/jobs/{Guid.NewGuid()}/pay-type-decisions", new JobPayTypeDecisionRequest(ComponentGroup.TractionBattery, PayType.Warranty, PayType.Warranty))).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("warranty.override_reason_required", refused.Codes);
        Assert.True(recorded.IsOverride);
        Assert.Equal((PayType.Warranty, PayType.Customer), (recorded.Proposed, recorded.Chosen));
        Assert.Equal(23_456, recorded.MileageKm);
        var only = Assert.Single(forJob);
        Assert.Equal(recorded.Id, only.Id);
        Assert.Equal((JobComponentGroups.JobKind, job.Id, $"{order.Number}/1"), (only.JobKind, only.JobId, only.JobNumber));
        Assert.Equal("电池外壳碰撞损伤，非质量问题", only.Reason);
        Assert.Equal("common.not_found", unknownJob.Code);
    }

    [Fact]
    public async Task A_decision_after_the_signature_changes_the_jobs_pay_type_and_the_totals_per_pay_type_audited()
    {
        var (client, draft) = await InWarrantyDraftAsync();
        var signed = await SignAsync(client, await MoveAsync(client, draft, "submit"));
        var job = signed.Jobs[0];
        Assert.True(signed.Totals.Pending > 0);
        var url = $"/api/v1/repair-orders/{signed.Id}/jobs/{job.Id}/pay-type-decisions";

        await (await client.PostAsync(url, new JobPayTypeDecisionRequest(ComponentGroup.TractionBattery, PayType.Warranty, PayType.Warranty))).ReadAsync<DecisionView>(HttpStatusCode.Created);
        var warranty = await (await client.GetAsync($"/api/v1/repair-orders/{signed.Id}", Ct)).ReadAsync<RepairOrderView>();

        Assert.Equal(PayType.Warranty, warranty.Jobs[0].PayType);
        Assert.Equal(0m, warranty.Totals.Pending);
        Assert.Equal(signed.Totals.Pending, Assert.Single(warranty.Totals.ByPayType, t => t.PayType == PayType.Warranty).Total);
        Assert.True(warranty.Version > signed.Version);

        await (await client.PostAsync(url, new JobPayTypeDecisionRequest(ComponentGroup.TractionBattery, PayType.Warranty, PayType.Customer, "电池外壳碰撞损伤，非质量问题"))).ReadAsync<DecisionView>(HttpStatusCode.Created);
        var customerPays = await (await client.GetAsync($"/api/v1/repair-orders/{signed.Id}", Ct)).ReadAsync<RepairOrderView>();

        Assert.Equal(PayType.Customer, customerPays.Jobs[0].PayType);
        Assert.Equal(signed.Totals.Pending, customerPays.Totals.CustomerPays);
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == job.Id && e.Action == "Modified").Select(e => e.Changes).ToListAsync(Ct));
        Assert.Equal(2, audited.Count(c => c.Contains("PayType", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_warranty_decision_for_a_job_with_an_open_claim_belongs_to_the_claim_and_a_decision_for_an_unknown_job_is_refused()
    {
        var (client, order) = await InWarrantyDraftAsync();
        var job = order.Jobs[0];
        var url = $"/api/v1/repair-orders/{order.Id}/jobs/{job.Id}/pay-type-decisions";
        var first = await (await client.PostAsync(url, new JobPayTypeDecisionRequest(ComponentGroup.TractionBattery, PayType.Warranty, PayType.Warranty))).ReadAsync<DecisionView>(HttpStatusCode.Created);
        var reference = new JobReferenceInput(JobComponentGroups.JobKind, job.Id, $"{order.Number}/1");
        var claim = await (await client.PostAsync("/api/v1/warranty/claims", new DraftClaimRequest(order.AssetId, reference, ComponentGroup.TractionBattery, "电芯压差过大",
            [new ClaimLineInput(ClaimLineKind.Labour, "L-BAT-01", "电池检测", 1m, 180m)]))).ReadAsync<ClaimView>(HttpStatusCode.Created);

        var second = await (await client.PostAsync(url, new JobPayTypeDecisionRequest(ComponentGroup.TractionBattery, PayType.Warranty, PayType.Warranty))).ReadAsync<DecisionView>(HttpStatusCode.Created);
        var unknown = await (await client.PostAsync("/api/v1/warranty/decisions", new RecordDecisionRequest(
            order.AssetId, ComponentGroup.TractionBattery, 23_456, PayType.Warranty, PayType.Warranty, null, reference with { Id = Guid.NewGuid() }))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Null(first.ClaimId);
        Assert.Equal(claim.Id, second.ClaimId);
        Assert.Contains("warranty.job_not_found", unknown.Codes);
    }
}

public sealed class SqliteRepairOrderPayTypeTests(SqliteApp app) : RepairOrderPayTypeTests<SqliteApp>(app);

public sealed class PostgresRepairOrderPayTypeTests(PostgresApp app) : RepairOrderPayTypeTests<PostgresApp>(app);
