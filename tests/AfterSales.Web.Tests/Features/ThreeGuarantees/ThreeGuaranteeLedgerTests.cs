using System.Net;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Domain.ThreeGuarantees;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Features.ThreeGuarantees;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.RepairOrders.RepairOrderFixtures;

namespace AfterSales.Web.Tests.Features.ThreeGuarantees;

/// <summary>A vehicle's 三包 history built through the API: the repair orders record the faults, the ledger counts them.</summary>
public abstract class ThreeGuaranteeLedgerTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_braking_fault_repaired_twice_warns_that_a_third_failure_entitles_a_replacement()
    {
        var advisor = await app.ClientForAsync("advisor");
        var customer = await VehicleBoughtAsync(advisor, daysAgo: 200, mileageKm: 15_000);
        var pads = await OperationAsync(advisor, customer.StoreId, "ME-001");
        var brakeFault = new JobFault(FaultSystem.Braking, "c1 234", SeriousSafetyFault: true);

        var first = await RepairAsync(advisor, customer, new JobRequest(pads.Id, PayType.Warranty, Fault: brakeFault,
            Parts: [new PartLineRequest("BP-45022", "前刹车片(套)", 1, 480m, MainComponentOf: FaultSystem.Braking)]));
        app.Clock.Advance(TimeSpan.FromDays(20));
        var second = await RepairAsync(advisor, customer, new JobRequest(pads.Id, PayType.Warranty, Fault: brakeFault with { FaultCode = "C1234" }));
        app.Clock.Advance(TimeSpan.FromDays(3));
        await RepairAsync(advisor, customer, new JobRequest(pads.Id, PayType.Customer));

        var view = await (await advisor.GetAsync($"/api/v1/assets/{customer.Assets[0].Id}/three-guarantees", Ct)).ReadAsync<ThreeGuaranteesView>();

        Assert.Null(view.NotEvaluated);
        Assert.Equal("家用汽车产品修理更换退货责任规定", view.Regulation);
        Assert.True(view.InGuaranteePeriod);
        Assert.Equal([first.Number, second.Number], view.Ledger.Select(r => r.OrderNumber));
        Assert.All(view.Ledger, r => Assert.Equal(FaultSystem.Braking, r.System));
        Assert.Equal(["C1 234", "C1234"], view.Ledger.Select(r => r.ProblemKey));
        Assert.Equal(new ReplacedComponent(FaultSystem.Braking, "BP-45022", false), Assert.Single(view.Ledger[0].Replaced));
        Assert.Equal(23, view.Ledger[0].Days);
        var warning = Assert.Single(view.Warnings, w => w.Rule == GuaranteeRule.SeriousSafetyRepeated);
        Assert.Equal("第二十四条第一款第（一）项", warning.Article);
        Assert.Equal([first.Number, second.Number], warning.EvidenceOrders);
        Assert.Equal(2, warning.Count);
        Assert.Equal(2, warning.Limit);
        Assert.DoesNotContain(view.Entitlements, e => e.Rule == GuaranteeRule.SeriousSafetyRepeated);

        // The two open repairs have kept the car 23 + 3 days: the first is past five days, which gives a replacement car (第二十一条).
        var longRepair = Assert.Single(view.Entitlements, e => e.Rule == GuaranteeRule.LongRepair && e.Subject == first.Number);
        Assert.Equal("第二十一条", longRepair.Article);
        Assert.Equal([GuaranteeOption.ReplacementCarOrTransportCompensation], longRepair.Options);
    }

    [Fact]
    public async Task A_braking_failure_in_the_first_60_days_entitles_a_free_replacement_or_refund_under_article_23()
    {
        var advisor = await app.ClientForAsync("advisor");
        var customer = await VehicleBoughtAsync(advisor, daysAgo: 20, mileageKm: 900);
        var pads = await OperationAsync(advisor, customer.StoreId, "ME-001");

        // Paid by the customer at first, but marked a quality problem: it counts.
        var order = await RepairAsync(advisor, customer, new JobRequest(pads.Id, PayType.Customer,
            Fault: new JobFault(FaultSystem.Braking, "BRAKE-FAIL", QualityProblem: true, SeriousSafetyFault: true, EarlyFault: EarlySeriousFault.BrakingFailure)), mileageKm: 1_200);

        var view = await (await advisor.GetAsync($"/api/v1/assets/{customer.Assets[0].Id}/three-guarantees", Ct)).ReadAsync<ThreeGuaranteesView>();

        var row = Assert.Single(view.Ledger);
        Assert.Equal(EarlySeriousFault.BrakingFailure, row.EarlyFault);
        Assert.Equal(1_200, row.MileageKm);
        var early = Assert.Single(view.Entitlements, e => e.Rule == GuaranteeRule.EarlySeriousFault);
        Assert.Equal("第二十三条", early.Article);
        Assert.Equal([order.Number], early.EvidenceOrders);
        Assert.Equal([GuaranteeOption.Replacement, GuaranteeOption.Refund], early.Options);
        Assert.True(early.Free);
        Assert.Null(early.UseDeduction);
        Assert.Equal(row.ReceivedOn, early.Since);
    }

    [Fact]
    public async Task A_fault_the_domain_refuses_is_a_field_error_and_the_saved_fault_reads_back_on_the_order()
    {
        var advisor = await app.ClientForAsync("advisor");
        var customer = await VehicleBoughtAsync(advisor, daysAgo: 100, mileageKm: 5_000);
        var pads = await OperationAsync(advisor, customer.StoreId, "ME-001");
        var order = await OpenAsync(advisor, customer, WalkAround);

        var wrongSystem = Revision(order, [new JobRequest(pads.Id, PayType.Warranty,
            Fault: new JobFault(FaultSystem.Steering, "X1", SeriousSafetyFault: true, EarlyFault: EarlySeriousFault.BrakingFailure))]);
        var problem = await (await advisor.PutAsync($"/api/v1/repair-orders/{order.Id}", wrongSystem)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(JobFault.EarlyFaultSystem, problem.Codes);
        problem.ErrorsOf("jobs[0].fault.earlyFault");

        var notMajor = Revision(order, [new JobRequest(pads.Id, PayType.Warranty, Fault: new JobFault(FaultSystem.Braking, "X1"),
            Parts: [new PartLineRequest("BD-1", "刹车盘", 1, 300m, MainComponentOf: FaultSystem.Braking, WholeAssembly: true)])]);
        problem = await (await advisor.PutAsync($"/api/v1/repair-orders/{order.Id}", notMajor)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(JobFault.WholeAssemblyNotMajor, problem.Codes);
        problem.ErrorsOf("jobs[0].parts[0].wholeAssembly");

        var saved = await ReviseAsync(advisor, order, Revision(order, [new JobRequest(pads.Id, PayType.Goodwill, Fault: new JobFault(FaultSystem.Braking, " abs-7 "),
            Parts: [new PartLineRequest("BD-1", "刹车盘", 1, 300m, MainComponentOf: FaultSystem.Braking)])]));
        var job = Assert.Single(saved.Jobs);
        Assert.Equal(new JobFault(FaultSystem.Braking, "ABS-7"), job.Fault);
        Assert.Equal(FaultSystem.Braking, Assert.Single(job.Parts).MainComponentOf);

        // A corrected fault is a change of the job like any other: audited with the old and the new value.
        await ReviseAsync(advisor, saved, Revision(saved, [new JobRequest(pads.Id, PayType.Goodwill, Id: job.Id,
            Fault: new JobFault(FaultSystem.Braking, "ABS-8", QualityProblem: true))]));
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == job.Id && e.Action == "Modified").Select(e => e.Changes).ToListAsync(Ct));
        var change = Assert.Single(audited, c => c.Contains("FaultCode", StringComparison.Ordinal));
        Assert.Contains("ABS-7", change, StringComparison.Ordinal);
        Assert.Contains("ABS-8", change, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_technician_records_the_fault_after_the_signature_and_the_ledger_counts_the_replaced_transmission()
    {
        var advisor = await app.ClientForAsync("advisor");
        var tech = await app.ClientForAsync("tech");
        var customer = await VehicleBoughtAsync(advisor, daysAgo: 300, mileageKm: 20_000);
        var gearbox = await OperationAsync(advisor, customer.StoreId, "ME-001");
        var order = await OpenAsync(advisor, customer, WalkAround);
        order = await ReviseAsync(advisor, order, Revision(order, [new JobRequest(gearbox.Id, PayType.Warranty,
            Parts: [new PartLineRequest("TM-6AT", "自动变速器总成", 1, 18_000m), new PartLineRequest("ATF-1", "变速箱油", 6, 80m)])]));
        order = await SignAsync(advisor, await MoveAsync(advisor, order, "submit"));
        var job = Assert.Single(order.Jobs);
        var url = $"/api/v1/repair-orders/{order.Id}/jobs/{job.Id}/fault";
        var fault = new JobFault(FaultSystem.Transmission, "p0700");
        MainComponentMark[] marks = [new(FaultSystem.Transmission, WholeAssembly: true), new(null)];

        // The draft editor refuses a signed order; the fault is recorded on its own, checked by the same rules.
        var problem = await (await tech.PutAsync(url, new RecordJobFaultRequest(order.Version, fault with { FaultCode = " " }, marks))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(JobFault.CodeRequired, problem.Codes);
        problem.ErrorsOf("fault.faultCode");
        problem = await (await tech.PutAsync(url, new RecordJobFaultRequest(order.Version, new JobFault(FaultSystem.Braking, "X"), [new(FaultSystem.Braking, WholeAssembly: true), new(null)])))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsOf("parts[0].wholeAssembly");
        problem = await (await tech.PutAsync(url, new RecordJobFaultRequest(order.Version, fault, [marks[0]]))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(JobFault.PartsChanged, problem.Codes);
        await (await tech.PutAsync(url, new RecordJobFaultRequest(order.Version - 1, fault, marks))).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await tech.PutAsync($"/api/v1/repair-orders/{order.Id}/jobs/{Guid.NewGuid()}/fault", new RecordJobFaultRequest(order.Version, fault, marks)))
            .ReadProblemAsync(HttpStatusCode.NotFound);

        var recorded = await (await tech.PutAsync(url, new RecordJobFaultRequest(order.Version, fault, marks))).ReadAsync<RepairOrderView>();
        Assert.Equal(order.Version + 1, recorded.Version);
        Assert.Equal(RepairOrderStatus.Signed, recorded.Status);
        Assert.Equal(new JobFault(FaultSystem.Transmission, "P0700"), recorded.Jobs[0].Fault);
        Assert.Equal([FaultSystem.Transmission, null], recorded.Jobs[0].Parts.Select(p => p.MainComponentOf));
        Assert.True(recorded.Jobs[0].Parts[0].WholeAssembly);

        var view = await (await advisor.GetAsync($"/api/v1/assets/{customer.Assets[0].Id}/three-guarantees", Ct)).ReadAsync<ThreeGuaranteesView>();
        var row = Assert.Single(view.Ledger);
        Assert.Equal(FaultSystem.Transmission, row.System);
        Assert.Equal("P0700", row.ProblemKey);
        Assert.Equal(new ReplacedComponent(FaultSystem.Transmission, "TM-6AT", true), Assert.Single(row.Replaced));
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == job.Id && e.Action == "Modified").Select(e => e.Changes).ToListAsync(Ct));
        Assert.Contains(audited, c => c.Contains("P0700", StringComparison.Ordinal));

        // Cleared again: the job no longer names a system, and its parts are no main components.
        recorded = await (await tech.PutAsync(url, new RecordJobFaultRequest(recorded.Version, null, [new(null), new(null)]))).ReadAsync<RepairOrderView>();
        Assert.Null(recorded.Jobs[0].Fault);
        Assert.All(recorded.Jobs[0].Parts, p => Assert.Null(p.MainComponentOf));
    }

    private async Task<CustomerView> VehicleBoughtAsync(HttpClient client, int daysAgo, int mileageKm)
    {
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var vehicle = TestData.Vehicle() with { PurchaseDate = today.AddDays(-daysAgo), MileageKm = mileageKm };
        return await (await client.PostAsync("/api/v1/customers", TestData.Customer(assets: [vehicle]))).ReadAsync<CustomerView>(HttpStatusCode.Created);
    }

    private static async Task<RepairOrderView> RepairAsync(HttpClient client, CustomerView customer, JobRequest job, int? mileageKm = null)
    {
        var order = await OpenAsync(client, customer, WalkAround with { MileageKm = mileageKm ?? WalkAround.MileageKm });
        return await ReviseAsync(client, order, Revision(order, [job]));
    }
}

public sealed class SqliteThreeGuaranteeLedgerTests(SqliteApp app) : ThreeGuaranteeLedgerTests<SqliteApp>(app);

public sealed class PostgresThreeGuaranteeLedgerTests(PostgresApp app) : ThreeGuaranteeLedgerTests<PostgresApp>(app);
