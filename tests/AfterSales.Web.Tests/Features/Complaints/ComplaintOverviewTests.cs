using System.IO.Compression;
using System.Net;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.Complaints.Handling;
using AfterSales.Web.Features.Complaints.Overview;
using AfterSales.Web.Features.ComplaintSla;
using AfterSales.Web.Tests.Infrastructure;
using static AfterSales.Web.Tests.Features.Complaints.ComplaintFixtures;

namespace AfterSales.Web.Tests.Features.Complaints;

public abstract class ComplaintOverviewTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ComplaintView> PostAsync<T>(HttpClient client, ComplaintView c, string path, T body) =>
        await (await client.PostAsync($"/api/v1/complaints/{c.Id}{path}", body)).ReadAsync<ComplaintView>();

    private async Task<ComplaintView> InvestigatingAsync(HttpClient specialist, ComplaintView c)
    {
        c = await PostAsync(specialist, c, "/acknowledge", new AcknowledgeComplaintRequest(c.Version));
        c = await PostAsync(specialist, c, "/investigation", new StartInvestigationRequest(c.Version, await app.UserIdAsync("complaints")));
        c = await PostAsync(specialist, c, "/analysis", new RecordAnalysisRequest(c.Version, ["原因"], Responsibility.TechnicianError, IsSystemic: false));
        c = await PostAsync(specialist, c, "/resolution", new ProposeResolutionRequest(c.Version, [new(ResolutionActionKind.Explanation, "当面解释", null)]));
        return await PostAsync(specialist, c, "/resolution/present", new ComplaintNoteRequest(c.Version));
    }

    private Task<int> RecordBreachAsync(ComplaintView c, SlaClockKind clock, int startedHoursAgo) => app.WithDbAsync(db =>
    {
        var now = app.Clock.GetUtcNow();
        db.Add(ComplaintSlaEvent.Record(c.Id, c.StoreId, clock, SlaEventKind.Breach, now.AddHours(-startedHoursAgo), now.AddHours(-1), EscalationLevel.ServiceManager, 1, now));
        return db.SaveChangesAsync(Ct);
    });

    [Fact]
    public async Task The_overview_counts_arranged_complaints_by_state_category_store_technician_and_model_with_sla_and_acceptance()
    {
        var admin = await app.ClientForAsync("admin", "en");
        var agent = await app.ClientForAsync("agent");
        var specialist = await app.ClientForAsync("complaints");
        var manager = await app.ClientForAsync("manager", "en");
        var tech = await app.UserIdAsync("tech");
        var teamLead = await app.UserIdAsync("teamlead");
        var noise = await (await admin.PostAsync("/api/v1/complaint-subcategories", new CreateSubCategoryRequest(ComplaintCategory.RepairQuality, "异响", "Noise")))
            .ReadAsync<SubCategoryView>(HttpStatusCode.Created);
        var car = await CustomerAsync(await app.ClientForAsync("advisor"));
        var phoneOwner = await CustomerAsync(await app.ClientForAsync("advisor"));
        var vehicle = car.Assets.Single(a => a.Kind == Domain.Assets.AssetKind.Vehicle);
        var phone = phoneOwner.Assets.Single(a => a.Kind == Domain.Assets.AssetKind.Phone);

        // Beijing: three repair-quality complaints (two about the same car, the second a repeat) and one about fees (the same customer again: a repeat too).
        var c1 = (await RecordAsync(agent, Intake(car, vehicle.Id, urgency: ComplaintUrgency.Critical) with { TechnicianId = tech, SubCategoryId = noise.Id })).Complaint;
        var c2 = (await RecordAsync(agent, Intake(car, vehicle.Id, urgency: ComplaintUrgency.High) with { TechnicianId = tech, SubCategoryId = noise.Id })).Complaint;
        var c3 = (await RecordAsync(agent, Intake(car, category: ComplaintCategory.Fees) with { TechnicianId = teamLead })).Complaint;
        var c4 = (await RecordAsync(agent, Intake(phoneOwner, phone.Id))).Complaint;

        // Shanghai: one about parts.
        var shanghaiCustomer = await CustomerAsync(await app.ClientForAsync("advisor.sh"));
        await RecordAsync(agent, Intake(shanghaiCustomer, category: ComplaintCategory.Parts));

        // c1 accepted and closed ten hours after intake; c4's customer declines; c3 breached acknowledgement (twice, one clock) and c2 closure.
        c1 = await InvestigatingAsync(specialist, c1);
        c1 = await PostAsync(specialist, c1, "/customer-response", new CustomerResponseRequest(c1.Version, CustomerResponse.Accepted));
        var action = Assert.Single((await (await specialist.GetAsync($"/api/v1/complaints/{c1.Id}/handling", Ct)).ReadAsync<ComplaintHandlingView>()).Plan);
        c1 = await PostAsync(specialist, c1, $"/resolution/actions/{action.Id}/done", new ComplaintNoteRequest(c1.Version));
        c4 = await InvestigatingAsync(specialist, c4);
        await PostAsync(specialist, c4, "/customer-response", new CustomerResponseRequest(c4.Version, CustomerResponse.Declined, "不接受解释"));
        app.Clock.Advance(TimeSpan.FromHours(10));
        await PostAsync(await app.ClientForAsync("manager"), c1, "/close", new ComplaintReasonRequest(c1.Version, "审核通过"));
        await RecordBreachAsync(c3, SlaClockKind.Acknowledge, 9);
        await RecordBreachAsync(c3, SlaClockKind.Acknowledge, 5);
        await RecordBreachAsync(c2, SlaClockKind.Close, 9);
        await RecordBreachAsync(c2, SlaClockKind.ProgressUpdate, 9);

        var beijing = await (await manager.GetAsync($"/api/v1/complaints/overview?storeId={car.StoreId}", Ct)).ReadAsync<ComplaintOverviewView>();
        var group = await (await admin.GetAsync("/api/v1/complaints/overview", Ct)).ReadAsync<ComplaintOverviewView>();

        Assert.Equal((4, 3, 2, 50.0m), (beijing.Received, beijing.OpenTotal, beijing.Repeat, beijing.RepeatPercent));
        Assert.Equal(
            [(ComplaintStatus.Received, ComplaintUrgency.High, 1), (ComplaintStatus.Received, ComplaintUrgency.Normal, 1), (ComplaintStatus.InInvestigation, ComplaintUrgency.Normal, 1)],
            beijing.OpenByStateAndUrgency.Select(o => (o.Status, o.Urgency, o.Count)));
        Assert.Equal((16, 2, 87.5m), (beijing.Sla.Clocks, beijing.Sla.Breached, beijing.Sla.CompliancePercent));
        Assert.Equal([1, 0, 0, 1], beijing.Sla.ByClock.Select(b => b.Breached));
        Assert.Equal(
            [("RepairQuality", 3, 75.0m, 75.0m), ("Fees", 1, 25.0m, 100.0m)],
            beijing.Categories.Select(c => (c.Key, c.Count, c.Percent, c.CumulativePercent)));
        Assert.Equal([(ComplaintOverview.NoSubCategory, 2, 50.0m), ("Noise", 2, 100.0m)], beijing.SubCategories.Select(c => (c.Label, c.Count, c.CumulativePercent)));
        Assert.Equal([("赵磊", 2), ("刘强", 1)], beijing.ByTechnician.Select(t => (t.Label, t.Count)));
        Assert.Equal([("比亚迪 汉 EV", 2), ("华为 Mate 60 Pro", 1)], beijing.ByModel.Select(m => (m.Label, m.Count)));
        Assert.Equal((1, 10.0m), (beijing.Closed, beijing.AverageCalendarHoursToClose));
        Assert.Equal((2, 1, 50.0m), (beijing.CustomerAnswers, beijing.Accepted, beijing.AcceptancePercent));

        Assert.Equal((5, 4), (group.Received, group.OpenTotal));
        Assert.Equal([("北京朝阳旗舰店", 4), ("上海浦东服务中心", 1)], group.ByStore.Select(s => (s.Label, s.Count)));
        Assert.Equal([("RepairQuality", 3), ("Fees", 1), ("Parts", 1)], group.Categories.Select(c => (c.Key, c.Count)));
        Assert.Equal(100.0m, group.Categories[^1].CumulativePercent);

        var before = await (await manager.GetAsync($"/api/v1/complaints/overview?from=2020-01-01&to=2020-01-31", Ct)).ReadAsync<ComplaintOverviewView>();
        Assert.Equal((0, 3, null), (before.Received, before.OpenTotal, before.Sla.CompliancePercent));
    }

    [Fact]
    public async Task The_export_is_a_workbook_with_the_same_tables_and_only_managers_and_group_roles_read_the_overview()
    {
        var manager = await app.ClientForAsync("manager", "en");

        var export = await manager.GetAsync("/api/v1/complaints/overview/export", Ct);
        var bySpecialist = await (await (await app.ClientForAsync("complaints", "en")).GetAsync("/api/v1/complaints/overview", Ct)).ReadProblemAsync(HttpStatusCode.Forbidden);
        var backwards = await (await manager.GetAsync("/api/v1/complaints/overview?from=2026-02-01&to=2026-01-01", Ct)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(ExportComplaintOverview.ContentType, export.Content.Headers.ContentType?.MediaType);
        await using var zip = new ZipArchive(await export.Content.ReadAsStreamAsync(Ct));
        using var workbook = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open());
        var sheets = await workbook.ReadToEndAsync(Ct);
        Assert.All(["Summary", "Categories (Pareto)", "Sub-categories (Pareto)", "By store", "By technician", "By model", "Open by state and urgency"],
            name => Assert.Contains($"name=\"{name}\"", sheets, StringComparison.Ordinal));
        Assert.Equal("complaint.overview_forbidden", bySpecialist.Code);
        Assert.Contains("complaint.overview_period_invalid", backwards.Codes);
    }
}

public sealed class SqliteComplaintOverviewTests(SqliteApp app) : ComplaintOverviewTests<SqliteApp>(app);

public sealed class PostgresComplaintOverviewTests(PostgresApp app) : ComplaintOverviewTests<PostgresApp>(app);
