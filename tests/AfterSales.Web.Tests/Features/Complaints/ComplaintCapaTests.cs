using System.Net;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Stores;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.Complaints.Capa;
using AfterSales.Web.Features.Complaints.Handling;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.Complaints.ComplaintFixtures;

namespace AfterSales.Web.Tests.Features.Complaints;

/// <summary>Corrective and preventive actions through the API: adding, validation, done, the four-eyes judgement, closure and store scoping.</summary>
public abstract class ComplaintCapaTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static readonly string[] Whys = ["报警灯常亮", "传感器插头松动", "装配后未自检"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(Store.DefaultTimeZone);

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Zone).DateTime);

    private static async Task<ComplaintView> PostAsync<T>(HttpClient client, ComplaintView c, string path, T body) =>
        await (await client.PostAsync($"/api/v1/complaints/{c.Id}{path}", body)).ReadAsync<ComplaintView>();

    private async Task<ComplaintView> InvestigatingAsync(HttpClient specialist, HttpClient recorder, HttpClient? registrar = null)
    {
        var customer = await CustomerAsync(registrar ?? await app.ClientForAsync("advisor"));
        var complaint = (await RecordAsync(recorder, Intake(customer, assetId: customer.Assets[0].Id))).Complaint;
        var acknowledged = await PostAsync(specialist, complaint, "/acknowledge", new AcknowledgeComplaintRequest(complaint.Version));
        return await PostAsync(specialist, acknowledged, "/investigation", new StartInvestigationRequest(acknowledged.Version, await app.UserIdAsync("complaints")));
    }

    private async Task<ComplaintView> AnalysedAsync(HttpClient specialist, bool systemic)
    {
        var c = await InvestigatingAsync(specialist, await app.ClientForAsync("agent"));
        return await PostAsync(specialist, c, "/analysis", new RecordAnalysisRequest(c.Version, Whys, Responsibility.TechnicianError, systemic));
    }

    private Task<HttpResponseMessage> AddAsync(HttpClient client, ComplaintView c, AddCapaRequest request) =>
        client.PostAsync($"/api/v1/complaints/{c.Id}/capas", request);

    private async Task<AddCapaRequest> CorrectiveAsync(ComplaintView c, string owner = "tech", CapaMeasure measure = CapaMeasure.RepeatsOnAsset, string? note = null) =>
        new(c.Version, CapaKind.Corrective, "对该车重新紧固传感器插头并复检", await app.UserIdAsync(owner), Today.AddDays(3), Today.AddDays(30), measure, 0, note);

    private static async Task<CapaListView> ListAsync(HttpClient client, ComplaintView c) =>
        await (await client.GetAsync($"/api/v1/complaints/{c.Id}/capas", Ct)).ReadAsync<CapaListView>();

    [Fact]
    public async Task Actions_are_added_after_the_analysis_with_field_errors_as_problem_details_and_audited()
    {
        var specialist = await app.ClientForAsync("complaints", "en");
        var early = await InvestigatingAsync(specialist, await app.ClientForAsync("agent"));
        var beforeAnalysis = await (await AddAsync(specialist, early, await CorrectiveAsync(early))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("complaint.analysis_required", beforeAnalysis.Code);

        var c = await AnalysedAsync(specialist, systemic: false);
        var empty = await (await AddAsync(specialist, c, await CorrectiveAsync(c) with { Description = " ", OwnerId = Guid.Empty, MaxRepeats = 101 })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var past = await (await AddAsync(specialist, c, await CorrectiveAsync(c) with { DueDate = Today.AddDays(-1) })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var checkFirst = await (await AddAsync(specialist, c, await CorrectiveAsync(c) with { CheckDate = Today.AddDays(1) })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var noNote = await (await AddAsync(specialist, c, await CorrectiveAsync(c, measure: CapaMeasure.Manual))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var otherStore = await (await AddAsync(specialist, c, await CorrectiveAsync(c, owner: "advisor.sh"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var stale = await (await AddAsync(specialist, c, await CorrectiveAsync(c) with { Version = c.Version - 1 })).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(["capa.description_required", "capa.max_repeats_invalid", "capa.owner_required"], empty.Codes.Order());
        Assert.Equal("Describe the action.", Assert.Single(empty.ErrorsOf("description")));
        Assert.Equal("The due date cannot be in the past.", Assert.Single(past.ErrorsOf("dueDate")));
        Assert.Equal(["capa.check_before_due"], checkFirst.Codes);
        Assert.Single(checkFirst.ErrorsOf("checkDate"));
        Assert.Equal(["capa.measure_note_required"], noNote.Codes);
        Assert.Equal(["capa.owner_invalid"], otherStore.Codes);
        Assert.Single(otherStore.ErrorsOf("ownerId"));
        Assert.Equal("complaint.changed_by_someone_else", stale.Code);

        var added = await (await AddAsync(specialist, c, await CorrectiveAsync(c))).ReadAsync<CapaView>(HttpStatusCode.Created);
        Assert.Equal((CapaStatus.Open, "赵磊", "郑洁", 1), (added.Status, added.OwnerName, added.CreatedBy, added.Round));
        var list = await ListAsync(specialist, c);
        Assert.True(list.MayAdd);
        Assert.Equal([added.Id], list.Items.Select(i => i.Id));
        Assert.True(Assert.Single(list.Items).MayMarkDone);
        var stored = await app.WithDbAsync(db => db.Set<CapaAction>().SingleAsync(a => a.Id == added.Id, Ct));
        Assert.Equal((await app.StoreIdAsync("BJ01"), c.Id, (Guid?)null), (stored.StoreId, stored.ComplaintId, stored.ScopeStoreId));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == added.Id).ToListAsync(Ct));
        Assert.Equal(("CapaAction", "Added", await app.UserIdAsync("complaints")), (Assert.Single(audit).EntityType, audit[0].Action, audit[0].UserId));
    }

    [Fact]
    public async Task An_action_is_marked_done_once_on_its_own_version_and_a_manual_measure_is_judged_by_a_second_person_at_its_check_date()
    {
        var specialist = await app.ClientForAsync("complaints", "en");
        var manager = await app.ClientForAsync("manager", "en");
        var c = await AnalysedAsync(specialist, systemic: false);
        var counted = await (await AddAsync(specialist, c, await CorrectiveAsync(c))).ReadAsync<CapaView>(HttpStatusCode.Created);
        var manual = await (await AddAsync(specialist, c, await CorrectiveAsync(c, owner: "complaints", measure: CapaMeasure.Manual, note: "抽查 10 台同批次车辆插头状态") with { Kind = CapaKind.Preventive }))
            .ReadAsync<CapaView>(HttpStatusCode.Created);
        var url = $"/api/v1/complaints/{c.Id}/capas";

        var notYet = await (await manager.PostAsync($"{url}/{manual.Id}/judgement", new CapaJudgementRequest(manual.Version, true, "抽查无问题"))).ReadProblemAsync(HttpStatusCode.Conflict);
        var done = await (await specialist.PostAsync($"{url}/{counted.Id}/done", new CapaDoneRequest(counted.Version, "已复检"))).ReadAsync<CapaView>();
        var staleDone = await (await specialist.PostAsync($"{url}/{counted.Id}/done", new CapaDoneRequest(counted.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
        var again = await (await specialist.PostAsync($"{url}/{counted.Id}/done", new CapaDoneRequest(done.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
        var judgeCounted = await (await manager.PostAsync($"{url}/{counted.Id}/judgement", new CapaJudgementRequest(done.Version, true, "x"))).ReadProblemAsync(HttpStatusCode.Conflict);
        var tooLong = await (await specialist.PostAsync($"{url}/{counted.Id}/done", new CapaDoneRequest(done.Version, new string('x', Complaint.ReasonMaxLength + 1)))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("capa.not_done", notYet.Code);
        Assert.Equal((CapaStatus.Done, "郑洁", "已复检"), (done.Status, done.DoneBy, done.DoneNote));
        Assert.Equal(counted.Version + 1, done.Version);
        Assert.Equal("capa.changed_by_someone_else", staleDone.Code);
        Assert.Equal("capa.already_done", again.Code);
        Assert.Equal("capa.checked_automatically", judgeCounted.Code);
        Assert.Single(tooLong.ErrorsOf("note"));

        var manualDone = await (await specialist.PostAsync($"{url}/{manual.Id}/done", new CapaDoneRequest(manual.Version))).ReadAsync<CapaView>();
        var early = await (await manager.PostAsync($"{url}/{manual.Id}/judgement", new CapaJudgementRequest(manualDone.Version, true, "抽查无问题"))).ReadProblemAsync(HttpStatusCode.Conflict);
        app.Clock.Advance(TimeSpan.FromDays(31));
        var noNote = await (await manager.PostAsync($"{url}/{manual.Id}/judgement", new CapaJudgementRequest(manualDone.Version, true, ""))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var self = await (await specialist.PostAsync($"{url}/{manual.Id}/judgement", new CapaJudgementRequest(manualDone.Version, true, "抽查无问题"))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.False((await ListAsync(specialist, c)).Items.Single(i => i.Id == manual.Id).MayJudge);
        Assert.True((await ListAsync(manager, c)).Items.Single(i => i.Id == manual.Id).MayJudge);
        var judged = await (await manager.PostAsync($"{url}/{manual.Id}/judgement", new CapaJudgementRequest(manualDone.Version, false, "抽查发现 2 台松动"))).ReadAsync<CapaView>();

        Assert.Equal("capa.check_not_due", early.Code);
        Assert.Equal(["capa.judgement_note_required"], noNote.Codes);
        Assert.Equal("capa.self_verification", self.Code);
        Assert.Equal("The effectiveness must be judged by someone other than the person who carried the action out.", self.Title);
        Assert.Equal((CapaStatus.NotEffective, "黄涛", "抽查发现 2 台松动"), (judged.Status, judged.CheckedBy, judged.CheckNote));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == manual.Id).OrderBy(e => e.Id).Select(e => new { e.Action, e.UserId }).ToListAsync(Ct));
        Assert.Equal(["Added", "Modified", "Modified"], audit.Select(a => a.Action));
        Assert.Equal(await app.UserIdAsync("manager"), audit[^1].UserId);
    }

    [Fact]
    public async Task A_systemic_cause_cannot_be_closed_without_a_preventive_action()
    {
        var specialist = await app.ClientForAsync("complaints", "en");
        var manager = await app.ClientForAsync("manager", "en");
        var c = await AnalysedAsync(specialist, systemic: true);
        c = await PostAsync(specialist, c, "/resolution", new ProposeResolutionRequest(c.Version, [new(ResolutionActionKind.Explanation, "向客户说明原因", null)]));
        c = await PostAsync(specialist, c, "/resolution/present", new ComplaintNoteRequest(c.Version));
        c = await PostAsync(specialist, c, "/customer-response", new CustomerResponseRequest(c.Version, CustomerResponse.Accepted));
        var handling = await (await specialist.GetAsync($"/api/v1/complaints/{c.Id}/handling", Ct)).ReadAsync<ComplaintHandlingView>();
        c = await PostAsync(specialist, c, $"/resolution/actions/{Assert.Single(handling.Plan).Id}/done", new ComplaintNoteRequest(c.Version));
        await (await AddAsync(specialist, c, await CorrectiveAsync(c))).ReadAsync<CapaView>(HttpStatusCode.Created);
        Assert.True((await ListAsync(specialist, c)).NeedsPreventive);

        var refused = await (await manager.PostAsync($"/api/v1/complaints/{c.Id}/close", new ComplaintReasonRequest(c.Version, "审核通过"))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("complaint.preventive_action_required", refused.Code);
        Assert.Equal("The root cause is systemic: add at least one preventive action before closing.", refused.Title);

        await (await AddAsync(specialist, c, await CorrectiveAsync(c) with { Kind = CapaKind.Preventive, Measure = CapaMeasure.RepeatsOfCategoryInGroup, MaxRepeats = 2 })).ReadAsync<CapaView>(HttpStatusCode.Created);
        var closed = await PostAsync(manager, c, "/close", new ComplaintReasonRequest(c.Version, "审核通过，预防措施已落实"));
        Assert.Equal(ComplaintStatus.Closed, closed.Status);
        var list = await ListAsync(manager, closed);
        Assert.False(list.MayAdd);
        Assert.False(list.NeedsPreventive);
        var afterClose = await (await AddAsync(specialist, closed, await CorrectiveAsync(closed))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("complaint.closed_read_only", afterClose.Code);

        // Carried out after closure: its handler still marks the preventive action done.
        var preventive = list.Items.Single(i => i.Kind == CapaKind.Preventive);
        var done = await (await specialist.PostAsync($"/api/v1/complaints/{c.Id}/capas/{preventive.Id}/done", new CapaDoneRequest(preventive.Version))).ReadAsync<CapaView>();
        Assert.Equal(CapaStatus.Done, done.Status);
    }

    [Fact]
    public async Task Another_stores_staff_get_404_for_the_actions_of_a_complaint_they_cannot_see()
    {
        var specialist = await app.ClientForAsync("complaints");
        var shanghai = await app.ClientForAsync("advisor.sh");
        var c = await InvestigatingAsync(specialist, shanghai, shanghai);
        c = await PostAsync(specialist, c, "/analysis", new RecordAnalysisRequest(c.Version, Whys, Responsibility.TechnicianError, false));
        var capa = await (await AddAsync(specialist, c, await CorrectiveAsync(c, owner: "advisor.sh", measure: CapaMeasure.RepeatsOfCategoryAtStore))).ReadAsync<CapaView>(HttpStatusCode.Created);
        var manager = await app.ClientForAsync("manager");
        var url = $"/api/v1/complaints/{c.Id}/capas";

        var list = await (await manager.GetAsync(url, Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        var add = await (await AddAsync(manager, c, await CorrectiveAsync(c, owner: "manager"))).ReadProblemAsync(HttpStatusCode.NotFound);
        var done = await (await manager.PostAsync($"{url}/{capa.Id}/done", new CapaDoneRequest(capa.Version))).ReadProblemAsync(HttpStatusCode.NotFound);
        var judge = await (await manager.PostAsync($"{url}/{capa.Id}/judgement", new CapaJudgementRequest(capa.Version, true, "x"))).ReadProblemAsync(HttpStatusCode.NotFound);
        var owners = await (await manager.GetAsync($"/api/v1/complaints/capa-owners?storeId={await app.StoreIdAsync("SH01")}", Ct)).ReadAsync<List<CapaOwnerView>>();

        Assert.All([list, add, done, judge], p => Assert.Equal("common.not_found", p.Code));
        Assert.Empty(owners);
        Assert.Contains(await app.UserIdAsync("advisor.sh"), (await (await specialist.GetAsync($"/api/v1/complaints/capa-owners?storeId={await app.StoreIdAsync("SH01")}", Ct)).ReadAsync<List<CapaOwnerView>>()).Select(o => o.Id));
        var unchanged = await app.WithDbAsync(db => db.Set<CapaAction>().SingleAsync(a => a.Id == capa.Id, Ct));
        Assert.Equal((CapaStatus.Open, capa.Version, await app.StoreIdAsync("SH01")), (unchanged.Status, unchanged.Version, unchanged.ScopeStoreId));
        var denied = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == c.Id && e.Action == "AccessDenied").CountAsync(Ct));
        Assert.Equal(4, denied);
    }
}

public sealed class SqliteComplaintCapaTests(SqliteApp app) : ComplaintCapaTests<SqliteApp>(app);

public sealed class PostgresComplaintCapaTests(PostgresApp app) : ComplaintCapaTests<PostgresApp>(app);
