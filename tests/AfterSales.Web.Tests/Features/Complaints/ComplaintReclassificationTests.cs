using System.Net;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.ComplaintSla;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.Complaints.ComplaintFixtures;
using static AfterSales.Web.Tests.Features.ComplaintSla.SlaFixtures;

namespace AfterSales.Web.Tests.Features.Complaints;

/// <summary>Reclassifying a complaint after intake: recorded and audited, the clocks follow, escalations fire once.</summary>
public abstract class ComplaintReclassificationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ComplaintView> AcknowledgedAsync(HttpClient specialist, ComplaintUrgency urgency, TimeSpan after)
    {
        var complaint = (await RecordAsync(await app.ClientForAsync("agent"), Intake(await CustomerAsync(await app.ClientForAsync("advisor")), channel: ComplaintChannel.OnlineApp, urgency: urgency))).Complaint;
        app.Clock.Advance(after);
        return await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/acknowledge", new AcknowledgeComplaintRequest(complaint.Version))).ReadAsync<ComplaintView>();
    }

    private static async Task<ComplaintSlaView> SlaAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/complaints/{id}/sla", Ct)).ReadAsync<ComplaintSlaView>();

    private Task<List<ComplaintSlaEvent>> EventsAsync(Guid complaintId) =>
        app.WithDbAsync(db => db.Set<ComplaintSlaEvent>().AsNoTracking().Where(e => e.ComplaintId == complaintId).ToListAsync(Ct));

    private static Task<HttpResponseMessage> ReclassifyAsync(HttpClient client, ComplaintView c, ComplaintUrgency urgency, string reason = "客户称车辆存在安全隐患并提及媒体曝光", ComplaintCategory? category = null, Guid? subCategoryId = null, int? version = null) =>
        client.PostAsync($"/api/v1/complaints/{c.Id}/classification", new ReclassifyComplaintRequest(version ?? c.Version, category ?? c.Category, subCategoryId, urgency, reason));

    [Fact]
    public async Task Raising_the_urgency_to_critical_makes_the_running_clock_breach_sooner_and_the_job_escalates_exactly_once()
    {
        await MoveToWorkingMorningAsync(app);
        var specialist = await app.ClientForAsync("complaints", "en");

        // Normal, online: acknowledged after 45 working minutes, within normal's hour (critical would have allowed 30).
        var c = await AcknowledgedAsync(specialist, ComplaintUrgency.Normal, TimeSpan.FromMinutes(45));
        var before = (await SlaAsync(specialist, c.Id)).Clocks.Single(x => x.Clock == SlaClockKind.FirstContact);
        Assert.Equal(8 * 60, before.BreachMinutes);
        await EscalateAsync(app.Services);
        Assert.Empty(await EventsAsync(c.Id));

        var reclassified = await (await ReclassifyAsync(specialist, c, ComplaintUrgency.Critical)).ReadAsync<ComplaintView>();

        Assert.Equal((ComplaintUrgency.Critical, c.Version + 1), (reclassified.Urgency, reclassified.Version));
        var sla = await SlaAsync(specialist, c.Id);
        Assert.Equal(ComplaintUrgency.Critical, sla.Urgency);
        var contact = sla.Clocks.Single(x => x.Clock == SlaClockKind.FirstContact);
        Assert.Equal((2 * 60, before.StartedAt), (contact.BreachMinutes, contact.StartedAt));
        Assert.True(contact.BreachAt < before.BreachAt, $"{contact.BreachAt} should be before {before.BreachAt}");
        Assert.Equal(c.ReceivedAt.AddHours(2), contact.BreachAt);

        // The acknowledgement was met before: it is still judged by the targets it had then.
        var acknowledge = sla.Clocks.Single(x => x.Clock == SlaClockKind.Acknowledge);
        Assert.Equal((SlaClockState.Met, false, 60), (acknowledge.State, acknowledge.Late, acknowledge.BreachMinutes));

        // History and audit.
        var history = await (await specialist.GetAsync($"/api/v1/complaints/{c.Id}/history", Ct)).ReadAsync<List<ComplaintStatusChangeView>>();
        var line = history[^1];
        Assert.Equal(("郑洁", ComplaintStatus.Acknowledged, "客户称车辆存在安全隐患并提及媒体曝光"), (line.UserName, line.To, line.Reason));
        Assert.Equal((ComplaintUrgency.Normal, ComplaintUrgency.Critical), (line.Reclassification!.FromUrgency, line.Reclassification.ToUrgency));
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityId == c.Id && e.EntityType == nameof(Complaint) && e.Action != "Viewed").ToListAsync(Ct));
        Assert.Contains(audit, e => e.Changes.Contains("Urgency", StringComparison.Ordinal) && e.Changes.Contains("Critical", StringComparison.Ordinal));

        // The job: critical's warning is due after one working hour, the breach after two; each is handled once.
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        await EscalateAsync(app.Services);
        Assert.Equal([SlaEventKind.Warning], (await EventsAsync(c.Id)).Where(e => e.Clock == SlaClockKind.FirstContact).Select(e => e.Kind));
        app.Clock.Advance(contact.BreachAt!.Value - app.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await Task.WhenAll(EscalateAsync(app.Services), EscalateAsync(app.Services));
        await EscalateAsync(app.Services);

        var events = await EventsAsync(c.Id);
        var breach = Assert.Single(events, e => e.Kind == SlaEventKind.Breach);
        Assert.Equal((SlaClockKind.FirstContact, contact.BreachAt.Value, EscalationLevel.ServiceManager), (breach.Clock, breach.DueAt, breach.Level));
        Assert.Single(events, e => e.Clock == SlaClockKind.FirstContact && e.Kind == SlaEventKind.Warning);
        var alerts = await app.WithDbAsync(db => db.Set<AfterSales.Web.Features.Notifications.OutboxMessage>().AsNoTracking()
            .Where(m => m.TemplateKey == "complaint_sla_breach" && m.Body.Contains(c.Number)).CountAsync(Ct));
        Assert.Equal(1, alerts);
    }

    [Fact]
    public async Task Lowering_the_urgency_keeps_the_escalation_already_fired_and_never_fires_it_again()
    {
        await MoveToWorkingMorningAsync(app);
        var specialist = await app.ClientForAsync("complaints");
        var c = await AcknowledgedAsync(specialist, ComplaintUrgency.Critical, TimeSpan.FromMinutes(5));
        app.Clock.Advance(TimeSpan.FromHours(2));
        await EscalateAsync(app.Services);
        var fired = Assert.Single(await EventsAsync(c.Id), e => e.Kind == SlaEventKind.Breach);
        Assert.Equal(SlaClockKind.FirstContact, fired.Clock);

        c = await (await ReclassifyAsync(specialist, c, ComplaintUrgency.Low, "经核实无安全隐患")).ReadAsync<ComplaintView>();
        await EscalateAsync(app.Services);
        var sla = await SlaAsync(specialist, c.Id);
        Assert.Equal(SlaClockState.Ok, sla.Clocks.Single(x => x.Clock == SlaClockKind.FirstContact).State);
        Assert.Equal(EscalationLevel.ServiceManager, sla.Level);
        Assert.Single(sla.Events, e => e.Kind == SlaEventKind.Breach);

        // Past low's first-contact limit too: the breach of that clock run was handled already.
        app.Clock.Advance(TimeSpan.FromDays(3));
        await EscalateAsync(app.Services);
        var events = await EventsAsync(c.Id);
        Assert.Single(events, e => e.Clock == SlaClockKind.FirstContact && e.Kind == SlaEventKind.Breach);
        Assert.Equal(fired.Id, events.Single(e => e.Clock == SlaClockKind.FirstContact && e.Kind == SlaEventKind.Breach).Id);
    }

    [Fact]
    public async Task Refusals_are_problems_reason_unchanged_stale_other_categorys_sub_category_and_someone_who_does_not_handle_it()
    {
        var specialist = await app.ClientForAsync("complaints", "en");
        var c = await AcknowledgedAsync(specialist, ComplaintUrgency.Normal, TimeSpan.FromMinutes(1));
        var feesSub = (await (await (await app.ClientForAsync("admin")).PostAsync("/api/v1/complaint-subcategories", new CreateSubCategoryRequest(ComplaintCategory.Fees, "收费不透明", "Unclear charges")))
            .ReadAsync<SubCategoryView>(HttpStatusCode.Created)).Id;

        var noReason = await (await ReclassifyAsync(specialist, c, ComplaintUrgency.High, reason: " ")).ReadProblemAsync(HttpStatusCode.BadRequest);
        var unchanged = await (await ReclassifyAsync(specialist, c, c.Urgency)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var wrongSub = await (await ReclassifyAsync(specialist, c, c.Urgency, subCategoryId: feesSub)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var stale = await (await ReclassifyAsync(specialist, c, ComplaintUrgency.High, version: c.Version - 1)).ReadProblemAsync(HttpStatusCode.Conflict);
        var agent = await (await ReclassifyAsync(await app.ClientForAsync("agent"), c, ComplaintUrgency.High)).ReadProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(["complaint.reason_required"], noReason.Codes);
        Assert.Equal(["complaint.reclassification_unchanged"], unchanged.Codes);
        Assert.Equal(["complaint.subcategory_invalid"], wrongSub.Codes);
        Assert.Equal("complaint.changed_by_someone_else", stale.Code);
        Assert.Equal("complaint.handle_forbidden", agent.Code);

        var moved = await (await ReclassifyAsync(specialist, c, ComplaintUrgency.Normal, "收费问题", ComplaintCategory.Fees, feesSub)).ReadAsync<ComplaintView>();
        Assert.Equal((ComplaintCategory.Fees, feesSub, ComplaintUrgency.Normal), (moved.Category, moved.SubCategoryId, moved.Urgency));
        var row = await app.WithDbAsync(db => db.Set<ComplaintReclassification>().AsNoTracking().SingleAsync(r => r.ComplaintId == c.Id, Ct));
        Assert.Equal((ComplaintCategory.RepairQuality, ComplaintCategory.Fees, (Guid?)feesSub), (row.FromCategory, row.ToCategory, row.ToSubCategoryId));
    }
}

public sealed class SqliteComplaintReclassificationTests(SqliteApp app) : ComplaintReclassificationTests<SqliteApp>(app);

public sealed class PostgresComplaintReclassificationTests(PostgresApp app) : ComplaintReclassificationTests<PostgresApp>(app);
