using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.ComplaintSla;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.Complaints.ComplaintFixtures;
using static AfterSales.Web.Tests.Features.ComplaintSla.SlaFixtures;

namespace AfterSales.Web.Tests.Features.ComplaintSla;

/// <summary>The escalation job on the app's fake clock: once per warning and breach, across runs, instances and restarts.</summary>
public abstract class SlaEscalationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ComplaintView> HotlineComplaintAsync()
    {
        var agent = await app.ClientForAsync("agent");
        var customer = await CustomerAsync(await app.ClientForAsync("advisor"));
        return (await RecordAsync(agent, Intake(customer, channel: ComplaintChannel.Hotline))).Complaint;
    }

    private Task<List<ComplaintSlaEvent>> EventsAsync(Guid complaintId) =>
        app.WithDbAsync(db => db.Set<ComplaintSlaEvent>().AsNoTracking().Where(e => e.ComplaintId == complaintId).OrderBy(e => e.DueAt).ThenBy(e => e.Kind).ToListAsync(Ct));

    private Task<List<OutboxMessage>> AlertsAsync(string complaintNumber) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => (m.TemplateKey.StartsWith("complaint_sla") || m.TemplateKey == "complaint_progress_overdue") && m.Body.Contains(complaintNumber)).ToListAsync(Ct));

    [Fact]
    public async Task The_warning_alerts_the_complaint_desk_and_the_breach_escalates_to_the_service_manager_once()
    {
        await MoveToWorkingMorningAsync(app);
        var complaint = await HotlineComplaintAsync();

        // Hotline default: acknowledge with a warning after 10 and a breach after 15 working minutes.
        app.Clock.Advance(TimeSpan.FromMinutes(9));
        await EscalateAsync(app.Services);
        Assert.Empty(await EventsAsync(complaint.Id));

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await EscalateAsync(app.Services);
        var warning = Assert.Single(await EventsAsync(complaint.Id));
        Assert.Equal((SlaClockKind.Acknowledge, SlaEventKind.Warning, EscalationLevel.Specialist), (warning.Clock, warning.Kind, warning.Level));
        var desk = Assert.Single(await AlertsAsync(complaint.Number));
        Assert.Equal("complaints@demo.aftersales.cn", desk.Recipient);
        Assert.Equal("complaint_sla_warning", desk.TemplateKey);
        Assert.Contains("受理确认", desk.Body, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await EscalateAsync(app.Services);
        await EscalateAsync(app.Services);

        var events = await EventsAsync(complaint.Id);
        Assert.Equal(2, events.Count);
        var breach = events.Single(e => e.Kind == SlaEventKind.Breach);
        Assert.Equal((SlaClockKind.Acknowledge, EscalationLevel.ServiceManager), (breach.Clock, breach.Level));
        Assert.Equal(complaint.ReceivedAt.AddMinutes(15), breach.DueAt);
        var escalation = Assert.Single(await AlertsAsync(complaint.Number), m => m.TemplateKey == "complaint_sla_breach");
        Assert.Equal("manager@demo.aftersales.cn", escalation.Recipient);
        Assert.Contains("服务经理", escalation.Subject, StringComparison.Ordinal);

        var sla = await (await (await app.ClientForAsync("complaints")).GetAsync($"/api/v1/complaints/{complaint.Id}/sla", Ct)).ReadAsync<ComplaintSlaView>();
        Assert.Equal(EscalationLevel.ServiceManager, sla.Level);
        Assert.Equal(SlaClockState.Breached, sla.Clocks.Single(c => c.Clock == SlaClockKind.Acknowledge).State);
        Assert.Equal(2, sla.Events.Count);
    }

    [Fact]
    public async Task A_second_job_instance_and_a_restarted_app_do_not_fire_again_and_a_breach_due_while_no_job_ran_is_still_handled()
    {
        await MoveToWorkingMorningAsync(app);
        var first = await HotlineComplaintAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        await EscalateAsync(app.Services);
        var handled = await EventsAsync(first.Id);
        Assert.Equal([SlaEventKind.Warning, SlaEventKind.Breach], handled.Select(e => e.Kind));

        // A second instance of the job (its own scope and handler) finds nothing new to do.
        var again = await EscalateAsync(app.Services);
        Assert.Equal(0, again.Warnings + again.Breaches);

        // While no job runs, a second complaint goes past its warning and its breach.
        var second = await HotlineComplaintAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Empty(await EventsAsync(second.Id));

        // A restart: a new app instance on the same database, its hosted job switched on, runs its first round at start-up.
        await using (var restarted = app.WithWebHostBuilder(b => b.UseSetting("Complaints:Sla:Escalator:Enabled", "true").UseSetting("Logging:LogLevel:Default", "Warning")))
        {
            _ = restarted.Services;
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await EventsAsync(second.Id)).Count < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, Ct);
            }

            await EscalateAsync(restarted.Services);
        }

        var secondEvents = await EventsAsync(second.Id);
        Assert.Equal([SlaEventKind.Warning, SlaEventKind.Breach], secondEvents.Select(e => e.Kind));
        Assert.Equal(second.ReceivedAt.AddMinutes(15), secondEvents[1].DueAt);

        // The warning came with the breach in the same round: one escalation alert, no stale warning.
        Assert.Equal(["complaint_sla_breach"], (await AlertsAsync(second.Number)).Select(m => m.TemplateKey));
        Assert.Equal(handled.Select(e => e.Id), (await EventsAsync(first.Id)).Select(e => e.Id));
    }

    [Fact]
    public async Task Two_job_instances_running_at_the_same_moment_escalate_once()
    {
        await MoveToWorkingMorningAsync(app);
        var complaint = await HotlineComplaintAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(16));

        await Task.WhenAll(EscalateAsync(app.Services), EscalateAsync(app.Services), EscalateAsync(app.Services));

        var events = await EventsAsync(complaint.Id);
        Assert.Single(events, e => e.Kind == SlaEventKind.Breach);
        Assert.Single(events, e => e.Kind == SlaEventKind.Warning);
        Assert.Single(await AlertsAsync(complaint.Number), m => m.TemplateKey == "complaint_sla_breach");
    }

    [Fact]
    public async Task The_database_refuses_a_second_record_of_the_same_breach()
    {
        await MoveToWorkingMorningAsync(app);
        var complaint = await HotlineComplaintAsync();
        var now = app.Clock.GetUtcNow();
        ComplaintSlaEvent Breach() => ComplaintSlaEvent.Record(complaint.Id, complaint.StoreId, SlaClockKind.Close, SlaEventKind.Breach, complaint.ReceivedAt, now, EscalationLevel.ServiceManager, 0, now);
        await app.WithDbAsync(db =>
        {
            db.Add(Breach());
            return db.SaveChangesAsync(Ct);
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(db =>
        {
            db.Add(Breach());
            return db.SaveChangesAsync(Ct);
        }));
    }

    [Fact]
    public async Task A_second_breach_escalates_to_the_group_and_a_met_clock_never_fires()
    {
        await MoveToWorkingMorningAsync(app);
        var complaint = await HotlineComplaintAsync();
        var specialist = await app.ClientForAsync("complaints");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var acknowledged = await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/acknowledge", new AcknowledgeComplaintRequest(complaint.Version))).ReadAsync<ComplaintView>();
        await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/investigation", new StartInvestigationRequest(acknowledged.Version, await app.UserIdAsync("complaints")))).ReadAsync<ComplaintView>();

        // Normal urgency: first contact warns after 4 and breaches after 8 working hours; two days later that is long past.
        app.Clock.Advance(TimeSpan.FromDays(2));
        await EscalateAsync(app.Services);
        var events = await EventsAsync(complaint.Id);
        Assert.DoesNotContain(events, e => e.Clock == SlaClockKind.Acknowledge);
        var contact = events.Single(e => e.Clock == SlaClockKind.FirstContact && e.Kind == SlaEventKind.Breach);
        Assert.Equal(EscalationLevel.ServiceManager, contact.Level);

        app.Clock.Advance(TimeSpan.FromDays(4));
        await EscalateAsync(app.Services);
        var later = await EventsAsync(complaint.Id);
        var group = later.Single(e => e.Clock == SlaClockKind.ProposeResolution && e.Kind == SlaEventKind.Breach);
        Assert.Equal(EscalationLevel.Group, group.Level);
        Assert.Contains(await AlertsAsync(complaint.Number), m => m.Recipient == "admin@demo.aftersales.cn" && m.TemplateKey == "complaint_sla_breach");

        // Nobody updated the customer either: the missed progress update is a warning to the assignee, never a breach.
        Assert.Contains(later, e => e.Clock == SlaClockKind.ProgressUpdate && e.Kind == SlaEventKind.Warning);
        Assert.DoesNotContain(later, e => e.Clock == SlaClockKind.ProgressUpdate && e.Kind == SlaEventKind.Breach);
        Assert.Contains(await AlertsAsync(complaint.Number), m => m.Recipient == "complaints@demo.aftersales.cn" && m.TemplateKey == "complaint_progress_overdue");
    }

    [Fact]
    public async Task A_progress_update_to_the_customer_is_a_first_contact_and_restarts_the_interval()
    {
        await MoveToWorkingMorningAsync(app);
        var complaint = await HotlineComplaintAsync();
        var specialist = await app.ClientForAsync("complaints");
        await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/acknowledge", new AcknowledgeComplaintRequest(complaint.Version))).ReadAsync<ComplaintView>();
        app.Clock.Advance(TimeSpan.FromHours(1));

        var update = await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/progress-updates", new RecordProgressUpdateRequest("技术部门已调取维修记录，明天给您初步结论。"))).ReadAsync<ProgressUpdateView>();

        Assert.True(update.SentToCustomer);
        var sms = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.TemplateKey == "complaint_progress" && m.Body.Contains(complaint.Number), Ct));
        Assert.Equal(NotificationChannel.Sms, sms.Channel);
        Assert.Contains("明天给您初步结论", sms.Body, StringComparison.Ordinal);
        var sla = await (await specialist.GetAsync($"/api/v1/complaints/{complaint.Id}/sla", Ct)).ReadAsync<ComplaintSlaView>();
        var contact = sla.Clocks.Single(c => c.Clock == SlaClockKind.FirstContact);
        Assert.Equal(SlaClockState.Met, contact.State);
        Assert.Equal(update.At, contact.MetAt);
        Assert.Equal(update.At, sla.Clocks.Single(c => c.Clock == SlaClockKind.ProgressUpdate).StartedAt);
        Assert.Equal("技术部门已调取维修记录，明天给您初步结论。", Assert.Single(sla.ProgressUpdates).Message);
    }
}

public sealed class SqliteSlaEscalationTests(SqliteApp app) : SlaEscalationTests<SqliteApp>(app);

public sealed class PostgresSlaEscalationTests(PostgresApp app) : SlaEscalationTests<PostgresApp>(app);
