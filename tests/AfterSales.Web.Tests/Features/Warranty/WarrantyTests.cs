using System.Net;
using AfterSales.Domain.Service;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Features.Assets;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Features.Warranty;
using AfterSales.Web.Tests.Features.RepairOrders;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Features.Warranty;

public abstract class WarrantyTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    /// <summary>A BYD Han EV of a Beijing customer, sold <paramref name="monthsAgo"/> months ago.</summary>
    private async Task<Guid> VehicleAsync(string user = "advisor", int monthsAgo = 12, int km = 20_000)
    {
        var client = await app.ClientForAsync(user);
        var vehicle = TestData.Vehicle() with { MileageKm = km, PurchaseDate = Today.AddMonths(-monthsAgo) };
        var customer = await (await client.PostAsync("/api/v1/customers", TestData.Customer(assets: [vehicle]))).ReadAsync<CustomerView>(HttpStatusCode.Created);
        return customer.Assets[0].Id;
    }

    /// <summary>A job on a new repair order of the asset, as the decision names it.</summary>
    private static async Task<JobReferenceInput> JobOfAsync(HttpClient client, Guid assetId)
    {
        var customerId = (await (await client.GetAsync($"/api/v1/assets/{assetId}", Ct)).ReadAsync<AssetView>()).CustomerId;
        var order = await (await client.PostAsync("/api/v1/repair-orders", new OpenRepairOrderRequest(customerId, assetId, "异响", null))).ReadAsync<RepairOrderView>(HttpStatusCode.Created);
        var operation = await RepairOrderFixtures.OperationAsync(client, order.StoreId, "ME-001");
        order = await RepairOrderFixtures.ReviseAsync(client, order, RepairOrderFixtures.Revision(order, [new JobRequest(operation.Id, PayType.PendingDecision)]));
        return new JobReferenceInput("RepairOrderJob", order.Jobs[0].Id, $"{order.Number}/1");
    }

    private async Task<ProposalView> ProposeAsync(HttpClient client, Guid assetId, ComponentGroup group, int? km) =>
        await (await client.PostAsync("/api/v1/warranty/proposals", new ProposalRequest(assetId, group, km))).ReadAsync<ProposalView>();

    [Fact]
    public async Task A_young_byd_is_warranty_under_the_makers_terms_and_the_reason_names_them_in_the_readers_language()
    {
        var asset = await VehicleAsync();
        var zh = await app.ClientForAsync("advisor", "zh-CN");
        var en = await app.ClientForAsync("advisor", "en");

        var inChinese = await ProposeAsync(zh, asset, ComponentGroup.WholeVehicle, 20_000);
        var inEnglish = await ProposeAsync(en, asset, ComponentGroup.WholeVehicle, 20_000);

        Assert.Equal(PayType.Warranty, inChinese.PayType);
        Assert.Equal("比亚迪整车保修", inChinese.PolicyName);
        Assert.Equal(PayTypeProposer.CoveredByPolicy, inChinese.ReasonCode);
        Assert.Equal(inChinese.ReasonZh, inChinese.Reason);
        Assert.Equal(inEnglish.ReasonEn, inEnglish.Reason);
        Assert.Contains("whole vehicle", inEnglish.Reason, StringComparison.Ordinal);
        Assert.Equal(Today.AddMonths(-12).AddMonths(72).AddDays(-1), inChinese.CoveredUntil);
    }

    [Fact]
    public async Task Wear_parts_past_their_short_terms_are_customer_pay_and_the_battery_is_still_warranty()
    {
        var asset = await VehicleAsync(monthsAgo: 80, km: 140_000);
        var client = await app.ClientForAsync("advisor");

        var wear = await ProposeAsync(client, asset, ComponentGroup.WearParts, 140_000);
        var body = await ProposeAsync(client, asset, ComponentGroup.WholeVehicle, 140_000);
        var battery = await ProposeAsync(client, asset, ComponentGroup.TractionBattery, 140_000);
        var batteryOverKm = await ProposeAsync(client, asset, ComponentGroup.TractionBattery, 150_001);

        Assert.Equal(PayType.Customer, wear.PayType);
        Assert.Equal(PayTypeProposer.ExpiredByAge, body.ReasonCode);
        Assert.Equal(PayType.Warranty, battery.PayType);
        Assert.Equal("比亚迪三电保修（电池）", battery.PolicyName);
        Assert.Equal(PayTypeProposer.ExpiredByMileage, batteryOverKm.ReasonCode);
    }

    [Fact]
    public async Task Without_a_sale_date_the_proposal_is_pending_decision()
    {
        var client = await app.ClientForAsync("advisor");
        var customer = await (await client.PostAsync("/api/v1/customers", TestData.Customer(assets: [TestData.Vehicle()]))).ReadAsync<CustomerView>(HttpStatusCode.Created);

        var proposal = await ProposeAsync(client, customer.Assets[0].Id, ComponentGroup.WholeVehicle, 12_000);

        Assert.Equal(PayType.PendingDecision, proposal.PayType);
        Assert.Equal(PayTypeProposer.StartUnknown, proposal.ReasonCode);
    }

    [Fact]
    public async Task A_group_of_another_kind_a_negative_mileage_and_no_asset_are_field_errors()
    {
        var asset = await VehicleAsync();
        var client = await app.ClientForAsync("advisor", "en");

        var wrongGroup = await (await client.PostAsync("/api/v1/warranty/proposals", new ProposalRequest(asset, ComponentGroup.Compressor, 1))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var negative = await (await client.PostAsync("/api/v1/warranty/proposals", new ProposalRequest(asset, ComponentGroup.WholeVehicle, -5))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var noAsset = await (await client.PostAsync("/api/v1/warranty/proposals", new ProposalRequest(Guid.Empty, ComponentGroup.WholeVehicle))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var badEnum = await client.SendRawAsync(HttpMethod.Post, "/api/v1/warranty/proposals", $$"""{"assetId":"{{asset}}","componentGroup":"Wheels"}""");

        Assert.Contains("warranty.group_not_for_kind", wrongGroup.Codes);
        Assert.NotEmpty(wrongGroup.ErrorsOf("componentGroup"));
        Assert.Contains("warranty.mileage_invalid", negative.Codes);
        Assert.Contains("warranty.asset_required", noAsset.Codes);
        await badEnum.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Another_stores_asset_is_not_found_and_the_attempt_is_audited()
    {
        var shanghaiAsset = await VehicleAsync("advisor.sh");
        var beijing = await app.ClientForAsync("advisor");

        var problem = await (await beijing.PostAsync("/api/v1/warranty/proposals", new ProposalRequest(shanghaiAsset, ComponentGroup.WholeVehicle, 1))).ReadProblemAsync(HttpStatusCode.NotFound);
        var decision = await (await beijing.PostAsync("/api/v1/warranty/decisions", new RecordDecisionRequest(shanghaiAsset, ComponentGroup.WholeVehicle, 1, PayType.Warranty, PayType.Warranty))).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("common.not_found", problem.Code);
        Assert.Equal("common.not_found", decision.Code);
        Assert.True(await app.WithDbAsync(db => Task.FromResult(db.AuditEntries.Any(e => e.EntityId == shanghaiAsset && e.Action == "AccessDenied"))));
    }

    [Fact]
    public async Task Overriding_the_proposal_needs_a_reason_and_is_recorded_with_both_pay_types_and_the_job()
    {
        var asset = await VehicleAsync();
        var client = await app.ClientForAsync("advisor");
        var job = await JobOfAsync(client, asset);

        var refused = await (await client.PostAsync("/api/v1/warranty/decisions", new RecordDecisionRequest(asset, ComponentGroup.WholeVehicle, 20_000, PayType.Warranty, PayType.Customer, " ", job))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var recorded = await (await client.PostAsync("/api/v1/warranty/decisions", new RecordDecisionRequest(asset, ComponentGroup.WholeVehicle, 20_000, PayType.Warranty, PayType.Customer, "客户改装导致，非质量问题", job))).ReadAsync<DecisionView>(HttpStatusCode.Created);
        var forJob = await (await client.GetAsync($"/api/v1/warranty/decisions?jobId={job.Id}", Ct)).ReadAsync<List<DecisionView>>();

        Assert.Contains("warranty.override_reason_required", refused.Codes);
        Assert.True(recorded.IsOverride);
        Assert.Equal(PayType.Warranty, recorded.Proposed);
        Assert.Equal(PayType.Customer, recorded.Chosen);
        Assert.Equal("李娜", recorded.DecidedBy);
        Assert.Equal(recorded.Id, Assert.Single(forJob).Id);
        Assert.Equal(job.Number, forJob[0].JobNumber);
    }

    [Fact]
    public async Task A_decision_against_a_proposal_that_changed_meanwhile_is_a_conflict()
    {
        var asset = await VehicleAsync();
        var client = await app.ClientForAsync("advisor");

        var problem = await (await client.PostAsync("/api/v1/warranty/decisions", new RecordDecisionRequest(asset, ComponentGroup.WholeVehicle, 20_000, PayType.Customer, PayType.Customer))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(RecordDecision.ProposalChanged, problem.Code);
    }

    [Fact]
    public async Task An_extended_warranty_covers_after_the_factory_terms_until_its_end_and_mileage()
    {
        var asset = await VehicleAsync(monthsAgo: 73, km: 120_000);
        var client = await app.ClientForAsync("advisor");
        var number = "YB-" + TestData.Serial();
        var sell = new SellContractRequest(number, "比亚迪原厂延保", Today.AddMonths(-1), Today.AddDays(10), 160_000, [ComponentGroup.WholeVehicle], 4_800m);

        var before = await ProposeAsync(client, asset, ComponentGroup.Powertrain, 120_000);
        var contract = await (await client.PostAsync($"/api/v1/assets/{asset}/warranty-contracts", sell)).ReadAsync<ContractView>(HttpStatusCode.Created);
        var during = await ProposeAsync(client, asset, ComponentGroup.Powertrain, 120_000);
        var overKm = await ProposeAsync(client, asset, ComponentGroup.Powertrain, 160_001);
        app.Clock.Advance(TimeSpan.FromDays(11));
        var after = await ProposeAsync(client, asset, ComponentGroup.Powertrain, 121_000);
        var again = await (await client.PostAsync($"/api/v1/assets/{asset}/warranty-contracts", sell)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(PayType.Customer, before.PayType);
        Assert.Equal(PayType.Warranty, during.PayType);
        Assert.Equal(PayTypeProposer.CoveredByContract, during.ReasonCode);
        Assert.Equal(contract.Number, during.ContractNumber);
        Assert.Equal(PayType.Customer, overKm.PayType);
        Assert.Equal(PayType.Customer, after.PayType);
        Assert.Contains("warranty.contract_number_taken", again.Codes);
    }

    [Fact]
    public async Task Contract_terms_are_checked_field_by_field()
    {
        var asset = await VehicleAsync();
        var client = await app.ClientForAsync("advisor", "en");

        var problem = await (await client.PostAsync($"/api/v1/assets/{asset}/warranty-contracts",
            new SellContractRequest("", "", Today, Today.AddDays(-1), 0, [ComponentGroup.Compressor], -1m))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(
            ["warranty.contract_ends_before_start", "warranty.contract_number_required", "warranty.contract_provider_required", "warranty.group_not_for_kind", "warranty.mileage_limit_invalid", "warranty.price_negative"],
            problem.Codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Only_administrators_and_service_managers_set_policy()
    {
        var advisor = await app.ClientForAsync("advisor");
        var manager = await app.ClientForAsync("manager");
        var policy = new PolicyRequest("蔚来整车保修", Domain.Assets.AssetKind.Vehicle, "蔚来", null, ComponentGroup.WholeVehicle, 60, 150_000);

        var forbidden = await (await advisor.PostAsync("/api/v1/warranty/policies", policy)).ReadProblemAsync(HttpStatusCode.Forbidden);
        var created = await (await manager.PostAsync("/api/v1/warranty/policies", policy)).ReadAsync<PolicyView>(HttpStatusCode.Created);
        var changed = await (await manager.PutAsync($"/api/v1/warranty/policies/{created.Id}", policy with { Months = 72, Version = created.Version })).ReadAsync<PolicyView>();
        var stale = await (await manager.PutAsync($"/api/v1/warranty/policies/{created.Id}", policy with { Version = created.Version })).ReadProblemAsync(HttpStatusCode.Conflict);
        var invalid = await (await manager.PostAsync("/api/v1/warranty/policies", policy with { Name = " ", Months = 0, Group = ComponentGroup.PhoneBattery })).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("warranty.policy_forbidden", forbidden.Code);
        Assert.Equal(72, changed.Months);
        Assert.Equal(SavePolicy.ChangedBySomeoneElse, stale.Code);
        Assert.Equal(["warranty.group_not_for_kind", "warranty.months_out_of_range", "warranty.policy_name_required"], invalid.Codes.Order(StringComparer.Ordinal));
    }
}

public sealed class SqliteWarrantyTests(SqliteApp app) : WarrantyTests<SqliteApp>(app);

public sealed class PostgresWarrantyTests(PostgresApp app) : WarrantyTests<PostgresApp>(app);
