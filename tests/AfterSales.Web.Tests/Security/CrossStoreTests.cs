using System.Net;
using AfterSales.Domain.FollowUps;
using AfterSales.Domain.Service;
using AfterSales.Web.Features;
using AfterSales.Web.Features.Assets;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.Complaints.Public;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Features.Files;
using AfterSales.Web.Features.FollowUps;
using AfterSales.Web.Features.Labour;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Features.Appointments;
using AfterSales.Web.Tests.Features.Complaints;
using AfterSales.Web.Tests.Features.Files;
using AfterSales.Web.Tests.Features.RepairOrders;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Tests.Security;

/// <summary>An id from another store answers exactly like an unknown id, and the attempt is audited.</summary>
public abstract class CrossStoreTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every endpoint that takes a customer or asset id; add new ones here.</summary>
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/v1/customers/{customer}" },
        { "PUT", "/api/v1/customers/{customer}" },
        { "GET", "/api/v1/customers/{customer}/assets" },
        { "POST", "/api/v1/customers/{customer}/assets" },
        { "GET", "/api/v1/customers/{customer}/audit" },
        { "GET", "/api/v1/customers/{customer}/timeline" },
        { "GET", "/api/v1/assets/{asset}" },
        { "PUT", "/api/v1/assets/{asset}" },
        { "GET", "/api/v1/assets/{asset}/audit" },
        { "GET", "/api/v1/assets/{asset}/timeline" },
        { "GET", "/api/v1/assets/{asset}/service-history" },
        { "GET", "/api/v1/assets/{asset}/warranty-contracts" },
        { "POST", "/api/v1/assets/{asset}/warranty-contracts" },
        { "GET", "/api/v1/assets/{asset}/reminders" },
        { "GET", "/api/v1/assets/{asset}/three-guarantees" },
        { "GET", "/api/v1/complaints/{complaint}/evidence" },
        { "POST", "/api/v1/complaints/{complaint}/evidence" },
        { "GET", "/api/v1/files?ownerKind=complaint&ownerId={complaint}" },
        { "GET", "/api/v1/files/{file}" },
        { "GET", "/api/v1/files/{file}/content" },
        { "GET", "/api/v1/files/{file}/thumbnail" },
        { "GET", "/api/v1/complaints/{complaint}/messages" },
        { "POST", "/api/v1/complaints/{complaint}/messages" },
        { "POST", "/api/v1/complaints/{complaint}/merge" },
        { "GET", "/api/v1/labour-operations/{operation}" },
        { "GET", "/api/v1/repair-orders/{order}" },
        { "PUT", "/api/v1/repair-orders/{order}" },
        { "PUT", "/api/v1/repair-orders/{order}/check-in" },
        { "POST", "/api/v1/repair-orders/{order}/pay-type-proposals" },
        { "POST", "/api/v1/repair-orders/{order}/jobs/{job}/pay-type-decisions" },
        { "PUT", "/api/v1/repair-orders/{order}/jobs/{job}/fault" },
        { "GET", "/api/v1/repair-orders/{order}/history" },
        { "POST", "/api/v1/repair-orders/{order}/cancel" },
        { "POST", "/api/v1/repair-orders/{order}/customer-waiting" },
        { "POST", "/api/v1/repair-orders/{order}/jobs/{job}/assignment" },
        { "GET", "/api/v1/repair-orders/{order}/jobs/{job}/work" },
        { "GET", "/api/v1/repair-orders/{order}/extra-work" },
        { "GET", "/api/v1/repair-orders/{order}/quality" },
        { "GET", "/api/v1/repair-orders/{order}/unfixed-issues" },
        { "GET", "/api/v1/quality/jobs/{job}?order={order}" },
        { "GET", "/api/v1/repair-orders/{order}/survey" },
        { "GET", "/api/v1/repair-orders/{order}/delivery" },
        { "POST", "/api/v1/repair-orders/{order}/progress-link" },
        { "PUT", "/api/v1/repair-orders/{order}/settlement/invoice-details" },
        { "GET", "/api/v1/appointments/visit-summary?assetId={asset}" },
        { "GET", "/api/v1/appointments/{appointment}" },
        { "GET", "/api/v1/appointments/{appointment}/history" },
        { "POST", "/api/v1/appointments/{appointment}/confirm" },
        { "POST", "/api/v1/appointments/{appointment}/arrive" },
        { "POST", "/api/v1/appointments/{appointment}/cancel" },
        { "POST", "/api/v1/appointments/{appointment}/reschedule" },
        { "PUT", "/api/v1/appointments/{appointment}/preparation" },
        { "POST", "/api/v1/appointments/{appointment}/readiness" },
        { "GET", "/api/v1/follow-ups/calls/{call}" },
        { "POST", "/api/v1/follow-ups/calls/{call}/outcomes" },
        { "PUT", "/api/v1/customers/{customer}/do-not-call" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_beijing_advisor_gets_404_for_a_shanghai_id_and_the_attempt_is_audited(string method, string template)
    {
        var (customer, asset) = await ShanghaiCustomerAsync();
        var advisor = await app.ClientForAsync("advisor");
        var advisorId = await app.UserIdAsync("advisor");
        var (complaint, file) = await ShanghaiEvidenceAsync(template, customer, asset);
        var other = await OtherIdsAsync(template, customer);
        var targetId = other.CallId ?? other.Order?.Id ?? other.OperationId ?? (template.Contains("{asset}", StringComparison.Ordinal) ? asset.Id
            : template.Contains("{complaint}", StringComparison.Ordinal) ? complaint
            : template.Contains("{file}", StringComparison.Ordinal) ? file
            : customer.Id);
        if (template.Contains("{appointment}", StringComparison.Ordinal))
        {
            (template, targetId) = await AppointmentCalls.InShanghaiAsync(app, template);
        }

        var response = await SendAsync(advisor, method, template, customer, asset, complaint, file, other);

        var problem = await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("common.not_found", problem.Code);
        var denied = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == targetId && e.Action == "AccessDenied").ToListAsync(Ct));
        var entry = Assert.Single(denied);
        Assert.Equal(advisorId, entry.UserId);
        var unchanged = await app.WithDbAsync(db => db.Customers.IgnoreQueryFilters().SingleAsync(c => c.Id == customer.Id, Ct));
        Assert.Equal(customer.Version, unchanged.Version);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task The_shanghai_advisor_reaches_the_same_endpoint(string method, string template)
    {
        var (customer, asset) = await ShanghaiCustomerAsync();
        var advisor = await app.ClientForAsync(IsDispatch(template) ? "tech.sh1" : IsMerge(template) ? "complaints" : "advisor.sh");
        var (complaint, file) = await ShanghaiEvidenceAsync(template, customer, asset);
        var other = await OtherIdsAsync(template, customer);
        if (template.Contains("{appointment}", StringComparison.Ordinal))
        {
            (template, _) = await AppointmentCalls.InShanghaiAsync(app, template);
        }

        var response = await SendAsync(advisor, method, template, customer, asset, complaint, file, other);

        Assert.True(response.IsSuccessStatusCode, $"{method} {template}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string template, CustomerView customer, AssetView asset, Guid complaint, Guid file, OtherIds other)
    {
        var url = template.Replace("{customer}", customer.Id.ToString(), StringComparison.Ordinal).Replace("{asset}", asset.Id.ToString(), StringComparison.Ordinal)
            .Replace("{complaint}", complaint.ToString(), StringComparison.Ordinal).Replace("{file}", file.ToString(), StringComparison.Ordinal)
            .Replace("{order}", other.Order?.Id.ToString(), StringComparison.Ordinal).Replace("{operation}", other.OperationId?.ToString(), StringComparison.Ordinal)
            .Replace("{job}", (other.Order is { Jobs.Count: > 0 } withJob ? withJob.Jobs[0].Id.ToString() : null), StringComparison.Ordinal)
            .Replace("{call}", other.CallId?.ToString(), StringComparison.Ordinal);
        return (method, template) switch
        {
            ("PUT", "/api/v1/repair-orders/{order}") => client.PutAsync(url, new ReviseRepairOrderRequest(other.Order!.Version, "异响", [])),
            ("PUT", "/api/v1/repair-orders/{order}/jobs/{job}/fault") => client.PutAsync(url, new AfterSales.Web.Features.ThreeGuarantees.RecordJobFaultRequest(
                other.Order!.Version, new Domain.RepairOrders.JobFault(Domain.ThreeGuarantees.FaultSystem.Engine, "P0300"))),
            ("PUT", "/api/v1/repair-orders/{order}/check-in") => client.PutAsync(url, new RecordCheckInRequest(other.Order!.Version, new CheckInRequest(MileageKm: 1))),
            ("POST", "/api/v1/repair-orders/{order}/pay-type-proposals") => client.PostAsync(url, new JobPayTypeProposalRequest(WorkshopSkill.Mechanical)),
            ("POST", "/api/v1/repair-orders/{order}/jobs/{job}/pay-type-decisions") => client.PostAsync(url, new JobPayTypeDecisionRequest(Domain.Warranty.ComponentGroup.Powertrain, PayType.PendingDecision, PayType.PendingDecision)),
            ("PUT", "/api/v1/repair-orders/{order}/settlement/invoice-details") => client.PutAsync(url, new AfterSales.Web.Features.Settlement.InvoiceDetailsRequest(other.Order!.Version, Domain.Delivery.InvoiceKind.Ordinary, "上海某某汽车服务有限公司", "91310000MA1FL0XX2A")),
            ("POST", "/api/v1/repair-orders/{order}/cancel") => client.PostAsync(url, new RepairOrderMoveRequest(other.Order!.Version, "test")),
            ("POST", "/api/v1/repair-orders/{order}/customer-waiting") => client.PostAsync(url, new AfterSales.Web.Features.Workshop.CustomerWaitingRequest(true, other.Order!.Version)),
            ("POST", "/api/v1/repair-orders/{order}/jobs/{job}/assignment") => client.PostAsync(url, new AfterSales.Web.Features.Workshop.AssignJobRequest(other.TechnicianId!.Value, null, other.Order!.Version)),
            ("POST", "/api/v1/follow-ups/calls/{call}/outcomes") => client.PostAsync(url, new RecordFollowUpOutcomeRequest(other.CallVersion, FollowUpOutcome.NoAnswer)),
            ("POST", "/api/v1/complaints/{complaint}/evidence") => client.PostAsync(url, TestFiles.Form(TestFiles.Png(), "evidence.png"), Ct),
            ("POST", "/api/v1/complaints/{complaint}/messages") => client.PostAsync(url, new ComplaintMessageRequest("我们会尽快联系您。")),
            ("POST", "/api/v1/complaints/{complaint}/merge") => client.PostAsync(url, new MergeComplaintRequest(other.ComplaintVersion, other.MergeInto ?? Guid.NewGuid(), "同一问题")),
            ("GET", _) => client.GetAsync(url, Ct),
            ("PUT", "/api/v1/customers/{customer}") => client.PutAsync(url, TestData.Update(customer, notes: "changed")),
            ("PUT", "/api/v1/customers/{customer}/do-not-call") => client.PutAsync(url, new SetDoNotCallRequest(true)),
            (_, _) when template.Contains("/appointments/", StringComparison.Ordinal) => AppointmentCalls.SendAsync(client, method, url),
            ("PUT", _) => client.PutAsync(url, new UpdateAssetRequest(asset.Version, AssetInput.From(asset) with { MileageKm = 1 })),
            ("POST", "/api/v1/assets/{asset}/warranty-contracts") => client.PostAsync(url, new AfterSales.Web.Features.Warranty.SellContractRequest("YB-" + TestData.Serial(), "原厂延保", new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31), null, [Domain.Warranty.ComponentGroup.WholeVehicle], 3000m)),
            ("POST", _) => client.PostAsync(url, TestData.Phone()),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
    }

    /// <summary>A Shanghai repair order or labour operation, made only for the templates that need one.</summary>
    private async Task<OtherIds> OtherIdsAsync(string template, CustomerView customer)
    {
        var client = await app.ClientForAsync("advisor.sh");
        var order = template.Contains("{order}", StringComparison.Ordinal) || template.Contains("{call}", StringComparison.Ordinal)
            ? await (await client.PostAsync("/api/v1/repair-orders", new OpenRepairOrderRequest(customer.Id, customer.Assets[0].Id, "异响", IsDispatch(template) ? RepairOrderFixtures.WalkAround : null))).ReadAsync<RepairOrderView>(HttpStatusCode.Created)
            : null;
        var operationId = template.Contains("{operation}", StringComparison.Ordinal) || template.Contains("{job}", StringComparison.Ordinal)
            ? (await (await client.GetAsync($"/api/v1/stores/{customer.StoreId}/labour-operations{(IsDispatch(template) ? "?query=ME-001" : string.Empty)}", Ct)).ReadAsync<Page<LabourOperationView>>()).Items[0].Id
            : (Guid?)null;
        if (order is not null && template.Contains("{job}", StringComparison.Ordinal))
        {
            var job = new JobRequest(operationId!.Value, PayType.PendingDecision);
            order = await (await client.PutAsync($"/api/v1/repair-orders/{order.Id}", new ReviseRepairOrderRequest(order.Version, order.CustomerWords, [job]))).ReadAsync<RepairOrderView>();
        }

        // Dispatch needs a signed order and a Shanghai technician with the job's skill (the team lead tech.sh1 dispatches too).
        if (order is not null && IsDispatch(template))
        {
            order = await RepairOrderFixtures.SignAsync(client, await RepairOrderFixtures.MoveAsync(client, order, "submit"));
            return new OtherIds(order, operationId, await app.UserIdAsync("tech.sh1"));
        }

        // Invoice details are taken once the car is ready for delivery.
        if (order is not null && template.EndsWith("/settlement/invoice-details", StringComparison.Ordinal))
        {
            await app.WithDbAsync(async db =>
            {
                var o = await db.Set<Domain.RepairOrders.RepairOrder>().IgnoreQueryFilters().SingleAsync(x => x.Id == order.Id, Ct);
                db.Entry(o).Property(nameof(Domain.RepairOrders.RepairOrder.Status)).CurrentValue = Domain.RepairOrders.RepairOrderStatus.ReadyForDelivery;
                return await db.SaveChangesAsync(Ct);
            });
            order = await (await client.GetAsync($"/api/v1/repair-orders/{order.Id}", Ct)).ReadAsync<RepairOrderView>();
        }

        if (order is not null && template.Contains("{call}", StringComparison.Ordinal))
        {
            // A follow-up call on the Shanghai order, as the generator would make it after delivery.
            var call = FollowUpTask.Create(customer.StoreId, order.Id, customer.Id, FollowUpKind.Within24Hours, FollowUpOrderType.Repair, app.Clock.GetUtcNow(), 3, app.Clock.GetUtcNow());
            var version = await app.WithDbAsync(async db =>
            {
                db.Add(call);
                await db.SaveChangesAsync(Ct);
                return call.Version;
            });
            return new OtherIds(order, operationId, CallId: call.Id, CallVersion: version);
        }

        if (IsMerge(template))
        {
            // The complaint in the path (made first) merges into a second open complaint of the same customer.
            var into = await ComplaintFixtures.RecordAsync(client, ComplaintFixtures.Intake(customer));
            var version = await app.WithDbAsync(db => db.Set<Domain.Complaints.Complaint>().IgnoreQueryFilters()
                .Where(c => c.CustomerId == customer.Id && c.Id != into.Complaint.Id).Select(c => c.Version).SingleAsync(Ct));
            return new OtherIds(order, operationId, MergeInto: into.Complaint.Id, ComplaintVersion: version);
        }

        return new OtherIds(order, operationId);
    }

    private static bool IsDispatch(string template) => template.EndsWith("/assignment", StringComparison.Ordinal);

    /// <summary>Merging needs a handler of both stores (the specialist) and a second open complaint of the customer.</summary>
    private static bool IsMerge(string template) => template.EndsWith("/merge", StringComparison.Ordinal);

    private sealed record OtherIds(RepairOrderView? Order, Guid? OperationId, Guid? TechnicianId = null, Guid? CallId = null, int CallVersion = 0, Guid? MergeInto = null, int ComplaintVersion = 0);

    /// <summary>A Shanghai complaint with one photo, for the templates that need them (empty ids otherwise).</summary>
    private async Task<(Guid Complaint, Guid File)> ShanghaiEvidenceAsync(string template, CustomerView customer, AssetView asset)
    {
        if (!template.Contains("{complaint}", StringComparison.Ordinal) && !template.Contains("{file}", StringComparison.Ordinal))
        {
            return (Guid.Empty, Guid.Empty);
        }

        var client = await app.ClientForAsync("advisor.sh");
        var complaint = await ComplaintFixtures.RecordAsync(client, ComplaintFixtures.Intake(customer, asset.Id));
        var file = await (await client.PostAsync($"/api/v1/complaints/{complaint.Complaint.Id}/evidence", TestFiles.Form(TestFiles.Png(), "photo.png"), Ct))
            .ReadAsync<StoredFileView>(HttpStatusCode.Created);
        return (complaint.Complaint.Id, file.Id);
    }

    private async Task<(CustomerView Customer, AssetView Asset)> ShanghaiCustomerAsync()
    {
        var client = await app.ClientForAsync("advisor.sh");
        var customer = await (await client.PostAsync("/api/v1/customers", TestData.Customer(assets: [TestData.Vehicle()]))).ReadAsync<CustomerView>(HttpStatusCode.Created);
        Assert.Equal(await app.StoreIdAsync(DemoData.ShanghaiStore), customer.StoreId);
        return (customer, customer.Assets[0]);
    }
}

public sealed class SqliteCrossStoreTests(SqliteApp app) : CrossStoreTests<SqliteApp>(app);

public sealed class PostgresCrossStoreTests(PostgresApp app) : CrossStoreTests<PostgresApp>(app);
