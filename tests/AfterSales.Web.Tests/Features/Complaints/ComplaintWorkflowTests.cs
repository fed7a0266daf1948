using System.Net;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Features;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.Complaints.ComplaintFixtures;

namespace AfterSales.Web.Tests.Features.Complaints;

public abstract class ComplaintWorkflowTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ComplaintView> NewComplaintAsync(HttpClient client) =>
        (await RecordAsync(client, Intake(await CustomerAsync(await app.ClientForAsync("advisor"))))).Complaint;

    [Fact]
    public async Task Acknowledging_then_assigning_a_specialist_moves_the_complaint_and_writes_the_history()
    {
        var specialist = await app.ClientForAsync("complaints");
        var specialistId = await app.UserIdAsync("complaints");
        var complaint = await NewComplaintAsync(await app.ClientForAsync("agent"));
        app.Clock.Advance(TimeSpan.FromMinutes(3));

        var acknowledged = await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/acknowledge", new AcknowledgeComplaintRequest(complaint.Version, "已致电客户"))).ReadAsync<ComplaintView>();
        var investigating = await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/investigation", new StartInvestigationRequest(acknowledged.Version, specialistId))).ReadAsync<ComplaintView>();

        Assert.Equal(ComplaintStatus.Acknowledged, acknowledged.Status);
        Assert.Equal(app.Clock.GetUtcNow(), acknowledged.AcknowledgedAt);
        Assert.Equal([ComplaintTrigger.StartInvestigation, ComplaintTrigger.CloseAsDuplicate], acknowledged.PermittedTriggers);
        Assert.Equal(ComplaintStatus.InInvestigation, investigating.Status);
        Assert.Equal(specialistId, investigating.AssignedSpecialistId);
        Assert.Equal("郑洁", investigating.AssignedSpecialistName);
        Assert.Equal([ComplaintTrigger.ProposeResolution, ComplaintTrigger.CloseAsDuplicate], investigating.PermittedTriggers);
        Assert.Equal(complaint.Version + 2, investigating.Version);
        var history = await (await specialist.GetAsync($"/api/v1/complaints/{complaint.Id}/history", Ct)).ReadAsync<List<ComplaintStatusChangeView>>();
        Assert.Equal(
            [(null, ComplaintStatus.Received, null, "王芳", null), (ComplaintStatus.Received, ComplaintStatus.Acknowledged, ComplaintTrigger.Acknowledge, "郑洁", "已致电客户"), (ComplaintStatus.Acknowledged, ComplaintStatus.InInvestigation, ComplaintTrigger.StartInvestigation, "郑洁", null)],
            history.Select(h => (h.From, h.To, h.Trigger, h.UserName, h.Reason)));
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == complaint.Id && e.Action == "Modified").CountAsync(Ct));
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task A_move_the_table_refuses_is_409_with_its_code_and_changes_nothing()
    {
        var specialist = await app.ClientForAsync("complaints", "en");
        var complaint = await NewComplaintAsync(specialist);

        var early = await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/investigation", new StartInvestigationRequest(complaint.Version, await app.UserIdAsync("complaints"))))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        var acknowledged = await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/acknowledge", new AcknowledgeComplaintRequest(complaint.Version))).ReadAsync<ComplaintView>();
        var twice = await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/acknowledge", new AcknowledgeComplaintRequest(acknowledged.Version))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("complaint.not_acknowledged_yet", early.Code);
        Assert.Equal("The complaint has not been acknowledged yet.", early.Title);
        Assert.Equal("complaint.already_acknowledged", twice.Code);
        var read = await (await specialist.GetAsync($"/api/v1/complaints/{complaint.Id}", Ct)).ReadAsync<ComplaintView>();
        Assert.Equal((ComplaintStatus.Acknowledged, acknowledged.Version), (read.Status, read.Version));
        Assert.Equal(2, (await (await specialist.GetAsync($"/api/v1/complaints/{complaint.Id}/history", Ct)).ReadAsync<List<ComplaintStatusChangeView>>()).Count);
    }

    [Fact]
    public async Task A_move_from_a_stale_version_is_409()
    {
        var specialist = await app.ClientForAsync("complaints");
        var complaint = await NewComplaintAsync(specialist);
        await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/acknowledge", new AcknowledgeComplaintRequest(complaint.Version))).ReadAsync<ComplaintView>();

        var stale = await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/investigation", new StartInvestigationRequest(complaint.Version, await app.UserIdAsync("complaints"))))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("complaint.changed_by_someone_else", stale.Code);
    }

    [Fact]
    public async Task Only_specialists_and_managers_assign_and_only_to_someone_who_can_take_the_store()
    {
        var specialist = await app.ClientForAsync("complaints", "en");
        var complaint = await NewComplaintAsync(await app.ClientForAsync("agent"));
        var acknowledged = await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/acknowledge", new AcknowledgeComplaintRequest(complaint.Version))).ReadAsync<ComplaintView>();

        // The call-centre agent who recorded it still sees it, but only handlers assign.
        var byAdvisor = await (await (await app.ClientForAsync("agent")).PostAsync($"/api/v1/complaints/{complaint.Id}/investigation", new StartInvestigationRequest(acknowledged.Version, await app.UserIdAsync("complaints"))))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        var toAdvisor = await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/investigation", new StartInvestigationRequest(acknowledged.Version, await app.UserIdAsync("advisor"))))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        var candidates = await (await specialist.GetAsync($"/api/v1/complaints/specialists?storeId={complaint.StoreId}", Ct)).ReadAsync<List<SpecialistView>>();
        var toManager = await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/investigation", new StartInvestigationRequest(acknowledged.Version, await app.UserIdAsync("manager")))).ReadAsync<ComplaintView>();

        Assert.Equal("complaint.assign_forbidden", byAdvisor.Code);
        Assert.Equal(["complaint.specialist_invalid"], toAdvisor.Codes);
        Assert.Single(toAdvisor.ErrorsOf("specialistId"));
        Assert.Equal(new[] { "黄涛", "郑洁" }.Order(StringComparer.Ordinal), candidates.Select(c => c.DisplayName).Order(StringComparer.Ordinal));
        Assert.Equal("黄涛", toManager.AssignedSpecialistName);
    }

    [Fact]
    public async Task The_list_filters_by_status_urgency_category_store_and_text_and_pages()
    {
        var agent = await app.ClientForAsync("agent");
        var customer = await CustomerAsync(await app.ClientForAsync("advisor"), TestData.Name("Pager"));
        var made = new List<ComplaintView>();
        foreach (var (urgency, category) in new[]
        {
            (ComplaintUrgency.Critical, ComplaintCategory.RepairQuality), (ComplaintUrgency.High, ComplaintCategory.Fees),
            (ComplaintUrgency.Normal, ComplaintCategory.Fees), (ComplaintUrgency.Low, ComplaintCategory.Parts), (ComplaintUrgency.Critical, ComplaintCategory.Fees),
        })
        {
            made.Add((await RecordAsync(agent, Intake(customer, urgency: urgency, category: category))).Complaint);
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await (await agent.PostAsync($"/api/v1/complaints/{made[0].Id}/acknowledge", new AcknowledgeComplaintRequest(made[0].Version))).ReadAsync<ComplaintView>();
        var name = Uri.EscapeDataString(customer.Name);

        async Task<Page<ComplaintListItem>> SearchAsync(string query) =>
            await (await agent.GetAsync($"/api/v1/complaints?query={name}{query}", Ct)).ReadAsync<Page<ComplaintListItem>>();

        var all = await SearchAsync(string.Empty);
        Assert.Equal(made.Select(m => m.Id).Reverse(), all.Items.Select(i => i.Id));
        Assert.All(all.Items, i => Assert.Equal(customer.Name, i.CustomerName));
        Assert.Equal([made[4].Id, made[0].Id], (await SearchAsync("&urgency=Critical")).Items.Select(i => i.Id));
        Assert.Equal([made[4].Id, made[2].Id, made[1].Id], (await SearchAsync("&category=Fees")).Items.Select(i => i.Id));
        Assert.Equal([made[4].Id], (await SearchAsync("&category=Fees&urgency=Critical")).Items.Select(i => i.Id));
        Assert.Equal([made[0].Id], (await SearchAsync("&status=Acknowledged")).Items.Select(i => i.Id));
        Assert.Equal(5, (await SearchAsync($"&storeId={customer.StoreId}")).TotalCount);
        Assert.Equal(0, (await SearchAsync($"&storeId={await app.StoreIdAsync(DemoData.ShanghaiStore)}")).TotalCount);

        var second = await SearchAsync("&page=2&pageSize=2");
        Assert.Equal((5, 3, 2), (second.TotalCount, second.PageCount, second.PageNumber));
        Assert.Equal([made[2].Id, made[1].Id], second.Items.Select(i => i.Id));

        var byNumber = await (await agent.GetAsync($"/api/v1/complaints?query={made[3].Number.ToLowerInvariant()}", Ct)).ReadAsync<Page<ComplaintListItem>>();
        Assert.Equal([made[3].Id], byNumber.Items.Select(i => i.Id));
        var byPhone = await (await agent.GetAsync($"/api/v1/complaints?query={customer.Phones[0].Number[^4..]}&category=Parts", Ct)).ReadAsync<Page<ComplaintListItem>>();
        Assert.Contains(made[3].Id, byPhone.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Staff_see_only_complaints_of_their_stores_in_the_list()
    {
        var shanghaiAdvisor = await app.ClientForAsync("advisor.sh");
        var shanghaiCustomer = await CustomerAsync(shanghaiAdvisor, TestData.Name("Hidden"));
        await RecordAsync(shanghaiAdvisor, Intake(shanghaiCustomer));
        var query = $"/api/v1/complaints?query={Uri.EscapeDataString(shanghaiCustomer.Name)}";

        var beijing = await (await (await app.ClientForAsync("advisor")).GetAsync(query, Ct)).ReadAsync<Page<ComplaintListItem>>();
        var group = await (await (await app.ClientForAsync("complaints")).GetAsync(query, Ct)).ReadAsync<Page<ComplaintListItem>>();

        Assert.Equal(0, beijing.TotalCount);
        Assert.Equal(1, group.TotalCount);
    }

    public static TheoryData<string, string> IdEndpoints => new()
    {
        { "GET", "/api/v1/complaints/{id}" },
        { "GET", "/api/v1/complaints/{id}/history" },
        { "POST", "/api/v1/complaints/{id}/acknowledge" },
        { "POST", "/api/v1/complaints/{id}/investigation" },
    };

    [Theory]
    [MemberData(nameof(IdEndpoints))]
    public async Task A_beijing_advisor_gets_404_for_a_shanghai_complaint_and_the_attempt_is_audited(string method, string template)
    {
        var shanghaiAdvisor = await app.ClientForAsync("advisor.sh");
        var complaint = (await RecordAsync(shanghaiAdvisor, Intake(await CustomerAsync(shanghaiAdvisor)))).Complaint;
        var url = template.Replace("{id}", complaint.Id.ToString(), StringComparison.Ordinal);
        var beijing = await app.ClientForAsync("advisor");

        var response = method == "GET" ? await beijing.GetAsync(url, Ct) : await SendMoveAsync(beijing, url, complaint.Version);
        var sameStore = method == "GET" ? await shanghaiAdvisor.GetAsync(url, Ct) : null;

        Assert.Equal("common.not_found", (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Code);
        var denied = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == complaint.Id && e.Action == "AccessDenied").ToListAsync(Ct));
        Assert.Equal(await app.UserIdAsync("advisor"), Assert.Single(denied).UserId);
        var unchanged = await app.WithDbAsync(db => db.Set<Complaint>().SingleAsync(c => c.Id == complaint.Id, Ct));
        Assert.Equal((ComplaintStatus.Received, complaint.Version), (unchanged.Status, unchanged.Version));
        if (sameStore is not null)
        {
            await sameStore.ExpectStatusAsync(HttpStatusCode.OK);
        }
    }

    private async Task<HttpResponseMessage> SendMoveAsync(HttpClient client, string url, int version) =>
        url.EndsWith("/acknowledge", StringComparison.Ordinal)
            ? await client.PostAsync(url, new AcknowledgeComplaintRequest(version))
            : await client.PostAsync(url, new StartInvestigationRequest(version, await app.UserIdAsync("complaints")));

    [Fact]
    public async Task An_unknown_id_is_404()
    {
        var client = await app.ClientForAsync("complaints");

        var problem = await (await client.GetAsync($"/api/v1/complaints/{Guid.NewGuid()}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("common.not_found", problem.Code);
    }
}

public sealed class SqliteComplaintWorkflowTests(SqliteApp app) : ComplaintWorkflowTests<SqliteApp>(app);

public sealed class PostgresComplaintWorkflowTests(PostgresApp app) : ComplaintWorkflowTests<PostgresApp>(app);
