using System.Net;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Domain.Workshop;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Features.Workshop;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Features.RepairOrders;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Tests.Features.Workshop;

public abstract class DispatchTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A signed Beijing order with front brake pads (mechanical) and an HV battery check (EV high voltage).</summary>
    private async Task<RepairOrderView> SignedOrderAsync()
    {
        var advisor = await app.ClientForAsync("advisor");
        var storeId = await app.StoreIdAsync(DemoData.BeijingStore);
        var order = await RepairOrderFixtures.ReadyDraftAsync(advisor, storeId);
        order = await RepairOrderFixtures.MoveAsync(advisor, order, "submit");
        return await RepairOrderFixtures.SignAsync(advisor, order);
    }

    /// <summary>
    /// The plan fills only the time left in the store's working day: run late in the afternoon, fewer jobs fit and
    /// the outcome would depend on when the suite runs. 00:30 UTC is before opening in Beijing, so a whole day is free.
    /// </summary>
    private void StartOfNextWorkingMorning()
    {
        var now = app.Clock.GetUtcNow();
        app.Clock.SetUtcNow(new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddMinutes(30), TimeSpan.Zero));
    }

    private static RepairJobView Job(RepairOrderView order, WorkshopSkill skill) => order.Jobs.Single(j => j.Skill == skill);

    private static Task<HttpResponseMessage> AssignAsync(HttpClient client, RepairOrderView order, RepairJobView job, Guid technicianId, string? reason = null, int? version = null) =>
        client.PostAsync($"/api/v1/repair-orders/{order.Id}/jobs/{job.Id}/assignment", new AssignJobRequest(technicianId, reason, version ?? order.Version));

    [Fact]
    public async Task The_workshop_manager_assigns_a_job_and_a_reassignment_needs_a_reason()
    {
        var order = await SignedOrderAsync();
        var workshop = await app.ClientForAsync("workshop");
        var brakes = Job(order, WorkshopSkill.Mechanical);

        var assigned = await (await AssignAsync(workshop, order, brakes, await app.UserIdAsync("tech"))).ReadAsync<RepairOrderView>();
        var job = assigned.Jobs.Single(j => j.Id == brakes.Id);
        Assert.Equal(RepairJobStatus.Assigned, job.Status);
        Assert.Equal("赵磊", job.TechnicianName);
        Assert.Equal(RepairOrderStatus.Signed, assigned.Status);

        var noReason = await (await AssignAsync(workshop, assigned, brakes, await app.UserIdAsync("teamlead"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("repair_job.reason_required", noReason.Codes);

        var reassigned = await (await AssignAsync(workshop, assigned, brakes, await app.UserIdAsync("teamlead"), "赵磊请假")).ReadAsync<RepairOrderView>();
        job = reassigned.Jobs.Single(j => j.Id == brakes.Id);
        Assert.Equal("刘强", job.TechnicianName);
        Assert.Equal("赵磊请假", job.StatusReason);
        var history = await app.WithDbAsync(db => db.Set<RepairJobStatusChange>().Where(c => c.RepairJobId == brakes.Id).OrderBy(c => c.At).ToListAsync(Ct));
        Assert.Equal(2, history.Count);
        Assert.Equal("赵磊请假", history[1].Reason);
        Assert.All(history, h => Assert.Equal(RepairJobTrigger.Assign, h.Trigger));
    }

    [Fact]
    public async Task A_technician_without_the_skill_is_refused()
    {
        var order = await SignedOrderAsync();
        var workshop = await app.ClientForAsync("workshop");

        var problem = await (await AssignAsync(workshop, order, Job(order, WorkshopSkill.EvHighVoltage), await app.UserIdAsync("tech"))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("dispatch.skill_mismatch", problem.Code);

        var ev = await (await AssignAsync(workshop, order, Job(order, WorkshopSkill.EvHighVoltage), await app.UserIdAsync("tech.bj5"))).ReadAsync<RepairOrderView>();
        Assert.Equal("周鹏", Job(ev, WorkshopSkill.EvHighVoltage).TechnicianName);
    }

    [Fact]
    public async Task Assignment_is_refused_before_signature_while_in_progress_and_on_a_stale_version()
    {
        var advisor = await app.ClientForAsync("advisor");
        var workshop = await app.ClientForAsync("workshop");
        var tech = await app.UserIdAsync("tech");
        var draft = await RepairOrderFixtures.ReadyDraftAsync(advisor, await app.StoreIdAsync(DemoData.BeijingStore));
        var notInWork = await (await AssignAsync(workshop, draft, Job(draft, WorkshopSkill.Mechanical), tech)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(RepairOrder.NotInWork, notInWork.Code);

        var order = await SignedOrderAsync();
        var brakes = Job(order, WorkshopSkill.Mechanical);
        var assigned = await (await AssignAsync(workshop, order, brakes, tech)).ReadAsync<RepairOrderView>();

        var stale = await (await AssignAsync(workshop, order, brakes, tech, "换人")).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(RepairOrderGate.ChangedBySomeoneElse, stale.Code);

        await app.WithDbAsync(async db =>
        {
            var tracked = await db.Set<RepairOrder>().Include(o => o.Jobs).SingleAsync(o => o.Id == order.Id, Ct);
            Assert.Null(tracked.MoveJob(brakes.Id, RepairJobTrigger.Start, new RepairOrderActor(tech, "赵磊"), null, app.Clock.GetUtcNow()));
            return await db.SaveChangesAsync(Ct);
        });
        var current = await (await advisor.GetAsync($"/api/v1/repair-orders/{order.Id}", Ct)).ReadAsync<RepairOrderView>();
        Assert.Equal(RepairOrderStatus.InWorkshop, current.Status);
        var inProgress = await (await AssignAsync(workshop, current, brakes, await app.UserIdAsync("teamlead"), "换人")).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(RepairJobLifecycle.AlreadyInProgress, inProgress.Code);
        Assert.True(current.Version > assigned.Version);
    }

    [Fact]
    public async Task An_advisor_may_not_dispatch()
    {
        var order = await SignedOrderAsync();
        var advisor = await app.ClientForAsync("advisor");

        var problem = await (await AssignAsync(advisor, order, Job(order, WorkshopSkill.Mechanical), await app.UserIdAsync("tech"))).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("dispatch.forbidden", problem.Code);
        var suggest = await advisor.PostAsync("/api/v1/workshop/dispatch-suggestions", new SuggestDispatchRequest(order.StoreId));
        Assert.Equal(HttpStatusCode.Forbidden, suggest.StatusCode);
    }

    [Fact]
    public async Task Marking_the_customer_as_waiting_is_audited_and_can_be_undone()
    {
        var order = await SignedOrderAsync();
        var workshop = await app.ClientForAsync("workshop");

        var marked = await (await workshop.PostAsync($"/api/v1/repair-orders/{order.Id}/customer-waiting", new CustomerWaitingRequest(true, order.Version))).ReadAsync<RepairOrderView>();
        var stale = await (await workshop.PostAsync($"/api/v1/repair-orders/{order.Id}/customer-waiting", new CustomerWaitingRequest(false, order.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(RepairOrderGate.ChangedBySomeoneElse, stale.Code);
        var unmarked = await (await workshop.PostAsync($"/api/v1/repair-orders/{order.Id}/customer-waiting", new CustomerWaitingRequest(false, marked.Version))).ReadAsync<RepairOrderView>();
        Assert.True(unmarked.Version > marked.Version);

        var tech = await app.ClientForAsync("tech");
        var forbidden = await tech.PostAsync($"/api/v1/repair-orders/{order.Id}/customer-waiting", new CustomerWaitingRequest(true, unmarked.Version));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var waiting = await app.WithDbAsync(db => db.Set<RepairOrder>().Where(o => o.Id == order.Id).Select(o => o.CustomerWaiting).SingleAsync(Ct));
        Assert.False(waiting);
        var changes = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == order.Id && e.Action == "Modified").Select(e => e.Changes).ToListAsync(Ct));
        Assert.Equal(2, changes.Count(c => c.Contains(nameof(RepairOrder.CustomerWaiting), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_board_lists_open_jobs_by_priority_with_technician_load()
    {
        var ordinary = await SignedOrderAsync();
        var waiting = await SignedOrderAsync();
        var workshop = await app.ClientForAsync("workshop");
        waiting = await (await workshop.PostAsync($"/api/v1/repair-orders/{waiting.Id}/customer-waiting", new CustomerWaitingRequest(true, waiting.Version))).ReadAsync<RepairOrderView>();
        await (await AssignAsync(workshop, ordinary, Job(ordinary, WorkshopSkill.Mechanical), await app.UserIdAsync("tech"))).ReadAsync<RepairOrderView>();

        var board = await (await workshop.GetAsync($"/api/v1/workshop/dispatch-board?storeId={ordinary.StoreId}", Ct)).ReadAsync<DispatchBoardView>();

        var mine = board.Jobs.Where(j => j.OrderId == ordinary.Id || j.OrderId == waiting.Id).ToList();
        Assert.Equal(4, mine.Count);
        Assert.True(board.Jobs.ToList().FindIndex(j => j.OrderId == waiting.Id) < board.Jobs.ToList().FindIndex(j => j.OrderId == ordinary.Id));
        Assert.All(mine.Where(j => j.OrderId == waiting.Id), j => Assert.True(j.CustomerWaiting));
        Assert.Contains(mine, j => j.Status == RepairJobStatus.Assigned && j.TechnicianName == "赵磊");
        var zhao = board.Technicians.Single(t => t.Name == "赵磊");
        Assert.True(zhao.LoadHours >= Job(ordinary, WorkshopSkill.Mechanical).Hours);
        Assert.InRange(zhao.AvailableHours, 8m, 9.5m); // no shift of his own: the opening hours (08:30–18:00, Sundays 09:00–17:00)
        Assert.InRange(board.Technicians.Single(t => t.Name == "钱勇").AvailableHours, 7.5m, 8.5m); // shift 08:00–17:00 within them
        Assert.NotNull(board.WorkingDate);
        Assert.Contains(board.Technicians, t => t.IsTeamLead && t.Name == "刘强");
        Assert.DoesNotContain(board.Jobs, j => j.AssetName.Length == 0);
    }

    [Fact]
    public async Task Suggest_proposes_skilled_technicians_and_accept_assigns_them_all_at_once()
    {
        StartOfNextWorkingMorning();
        var first = await SignedOrderAsync();
        var second = await SignedOrderAsync();
        var workshop = await app.ClientForAsync("workshop");

        var plan = await (await workshop.PostAsync("/api/v1/workshop/dispatch-suggestions", new SuggestDispatchRequest(first.StoreId))).ReadAsync<DispatchSuggestionView>();
        Assert.True(plan.SolveMilliseconds < 5000);
        var rows = plan.Rows.Where(r => r.OrderId == first.Id || r.OrderId == second.Id).ToList();
        Assert.Equal(4, rows.Count);
        var technicians = await app.WithDbAsync(db => db.Set<Technician>().Where(t => t.StoreId == first.StoreId).ToListAsync(Ct));
        Assert.All(rows, r => Assert.Contains(r.Skill, technicians.Single(t => t.UserId == r.TechnicianId).Skills));
        Assert.All(rows, r => Assert.True(r.PlannedEnd > r.PlannedStart));

        // The manager changes one row before accepting: the mechanical job of the first order goes to the team lead.
        var teamlead = await app.UserIdAsync("teamlead");
        var accepted = rows.Select(r => new AcceptRow(r.OrderId, r.JobId, r.OrderId == first.Id && r.Skill == WorkshopSkill.Mechanical ? teamlead : r.TechnicianId, r.OrderVersion)).ToList();
        var result = await (await workshop.PostAsync("/api/v1/workshop/dispatch-suggestions/accept", new AcceptDispatchRequest(first.StoreId, accepted))).ReadAsync<AcceptDispatchResult>();
        Assert.Equal(4, result.Assigned);

        var after = await (await workshop.GetAsync($"/api/v1/repair-orders/{first.Id}", Ct)).ReadAsync<RepairOrderView>();
        Assert.All(after.Jobs, j => Assert.Equal(RepairJobStatus.Assigned, j.Status));
        Assert.Equal("刘强", Job(after, WorkshopSkill.Mechanical).TechnicianName);

        // The same plan again is stale: nothing is saved.
        var again = await (await workshop.PostAsync("/api/v1/workshop/dispatch-suggestions/accept", new AcceptDispatchRequest(first.StoreId, accepted))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(RepairOrderGate.ChangedBySomeoneElse, again.Code);
    }

    [Fact]
    public async Task Near_closing_the_manager_plans_the_whole_next_working_day_instead()
    {
        // 17:50 in Beijing, ten minutes before the store closes: nothing fits into what is left of today.
        var now = app.Clock.GetUtcNow();
        app.Clock.SetUtcNow(new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddHours(9).AddMinutes(50), TimeSpan.Zero));
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var order = await SignedOrderAsync();
        var workshop = await app.ClientForAsync("workshop");

        var rest = await (await workshop.PostAsync("/api/v1/workshop/dispatch-suggestions", new SuggestDispatchRequest(order.StoreId))).ReadAsync<DispatchSuggestionView>();
        Assert.Equal(today, rest.WorkingDate);
        Assert.DoesNotContain(rest.Rows, r => r.OrderId == order.Id);
        Assert.All(rest.Unplaced.Where(u => u.OrderId == order.Id), u => Assert.Equal(SuggestDispatch.NoTimeLeft, u.Reason));
        Assert.Equal(2, rest.Unplaced.Count(u => u.OrderId == order.Id));

        var tomorrow = await (await workshop.PostAsync("/api/v1/workshop/dispatch-suggestions", new SuggestDispatchRequest(order.StoreId, NextWorkingDay: true))).ReadAsync<DispatchSuggestionView>();
        Assert.Equal(today.AddDays(1), tomorrow.WorkingDate);
        var own = tomorrow.Rows.Where(r => r.OrderId == order.Id).ToList();
        Assert.Equal(2, own.Count);
        Assert.All(own, r =>
        {
            var start = r.PlannedStart.ToOffset(TimeSpan.FromHours(8));
            Assert.Equal(today.AddDays(1), DateOnly.FromDateTime(start.DateTime));
            Assert.True(TimeOnly.FromDateTime(start.DateTime) >= new TimeOnly(8, 30), $"planned before opening: {start}");
        });
    }

    [Fact]
    public async Task An_accepted_plan_with_a_refused_row_saves_nothing()
    {
        var order = await SignedOrderAsync();
        var other = await SignedOrderAsync();
        var workshop = await app.ClientForAsync("workshop");
        AcceptRow[] rows =
        [
            new(other.Id, Job(other, WorkshopSkill.Mechanical).Id, await app.UserIdAsync("tech"), other.Version),
            new(order.Id, Job(order, WorkshopSkill.EvHighVoltage).Id, await app.UserIdAsync("tech"), order.Version),
        ];

        var problem = await (await workshop.PostAsync("/api/v1/workshop/dispatch-suggestions/accept", new AcceptDispatchRequest(order.StoreId, rows))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("dispatch.skill_mismatch", problem.Code);
        var unchanged = await (await workshop.GetAsync($"/api/v1/repair-orders/{other.Id}", Ct)).ReadAsync<RepairOrderView>();
        Assert.All(unchanged.Jobs, j => Assert.Equal(RepairJobStatus.Pending, j.Status));
    }

    [Fact]
    public async Task Another_stores_board_plan_technician_and_order_are_not_found()
    {
        var workshop = await app.ClientForAsync("workshop");
        var shanghai = await app.StoreIdAsync(DemoData.ShanghaiStore);
        var shTech = await app.WithDbAsync(db => db.Set<Technician>().FirstAsync(t => t.StoreId == shanghai, Ct));
        var shTeam = await app.WithDbAsync(db => db.Set<WorkshopTeam>().FirstAsync(t => t.StoreId == shanghai, Ct));

        await (await workshop.GetAsync($"/api/v1/workshop/dispatch-board?storeId={shanghai}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await workshop.GetAsync($"/api/v1/workshop/staff?storeId={shanghai}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await workshop.PostAsync("/api/v1/workshop/dispatch-suggestions", new SuggestDispatchRequest(shanghai))).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await workshop.PutAsync($"/api/v1/workshop/technicians/{shTech.Id}", new SaveTechnicianRequest([WorkshopSkill.Phone], null, null, null, true, shTech.Version))).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await workshop.PutAsync($"/api/v1/workshop/teams/{shTeam.Id}", new SaveTeamRequest("X", null, shTeam.Version))).ReadProblemAsync(HttpStatusCode.NotFound);
        var denied = await app.WithDbAsync(db => db.AuditEntries.Where(e => (e.EntityId == shTech.Id || e.EntityId == shTeam.Id) && e.Action == "AccessDenied").CountAsync(Ct));
        Assert.Equal(2, denied);

        // A Beijing technician cannot be given a Shanghai job even by a manager who sees both stores.
        var admin = await app.ClientForAsync("admin");
        var bjOrder = await SignedOrderAsync();
        var problem = await (await AssignAsync(admin, bjOrder, Job(bjOrder, WorkshopSkill.Mechanical), shTech.UserId)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("dispatch.technician_not_found", problem.Codes);
    }

    [Fact]
    public async Task The_workshop_manager_maintains_skills_teams_and_shifts()
    {
        var workshop = await app.ClientForAsync("workshop");
        var storeId = await app.StoreIdAsync(DemoData.BeijingStore);
        var staff = await (await workshop.GetAsync($"/api/v1/workshop/staff?storeId={storeId}", Ct)).ReadAsync<WorkshopStaffView>();
        var sun = staff.Technicians.Single(t => t.Name == "孙浩");

        var team = await (await workshop.PostAsync("/api/v1/workshop/teams", new AddTeamRequest(storeId, "快修组", await app.UserIdAsync("tech.bj4")))).ReadAsync<WorkshopTeamView>(HttpStatusCode.Created);
        Assert.Equal("孙浩", team.LeadName);
        var saved = await (await workshop.PutAsync($"/api/v1/workshop/technicians/{sun.Id}",
            new SaveTechnicianRequest([WorkshopSkill.Maintenance, WorkshopSkill.Electrical], team.Id, new TimeOnly(9, 0), new TimeOnly(15, 0), true, sun.Version))).ReadAsync<TechnicianView>();
        Assert.Equal([WorkshopSkill.Maintenance, WorkshopSkill.Electrical], saved.Skills);
        Assert.Equal("快修组", saved.TeamName);

        var stale = await (await workshop.PutAsync($"/api/v1/workshop/technicians/{sun.Id}", new SaveTechnicianRequest([WorkshopSkill.Maintenance], null, null, null, true, sun.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("common.concurrency_conflict", stale.Code);
        var invalid = await (await workshop.PutAsync($"/api/v1/workshop/technicians/{sun.Id}", new SaveTechnicianRequest([], null, new TimeOnly(15, 0), new TimeOnly(9, 0), true, saved.Version))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(Technician.SkillsRequired, invalid.Codes);
        Assert.Contains(Technician.ShiftInvalid, invalid.Codes);

        var tech = await app.ClientForAsync("tech");
        var forbidden = await tech.PutAsync($"/api/v1/workshop/technicians/{sun.Id}", new SaveTechnicianRequest([WorkshopSkill.Maintenance], null, null, null, true, saved.Version));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}

public sealed class SqliteDispatchTests(SqliteApp app) : DispatchTests<SqliteApp>(app);

public sealed class PostgresDispatchTests(PostgresApp app) : DispatchTests<PostgresApp>(app);
