using System.Net;
using AfterSales.Domain.Quality;
using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Features.Appointments;
using AfterSales.Web.Features.Quality;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.Quality.QualityFixtures;

namespace AfterSales.Web.Tests.Features.Quality;

/// <summary>The three levels of quality control through the API: self-check, team-lead check, final inspection, rework and unfixed issues.</summary>
public abstract class QualityControlTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Guid> Beijing => app.StoreIdAsync(DemoData.BeijingStore);

    [Fact]
    public async Task Every_trade_has_a_demo_checklist_with_safety_items_and_an_operation_checklist_wins_over_its_trade()
    {
        var admin = await app.ClientForAsync("admin");
        var checklists = await (await admin.GetAsync("/api/v1/quality-checklists", Ct)).ReadAsync<List<ChecklistView>>();

        foreach (var skill in Enum.GetValues<AfterSales.Domain.Service.WorkshopSkill>())
        {
            var trade = Assert.Single(checklists, c => c.Skill == skill && c.OperationCode is null);
            Assert.Contains(trade.Items, i => i.Safety);
        }

        var advisor = await app.ClientForAsync("advisor", "en");
        var order = await SignedAsync(advisor, await Beijing);
        var job = await JobAsync(advisor, order.Jobs[0].Id);
        Assert.Equal("Mechanical repair checklist", job.Checklist.Name);
        Assert.True(job.Checklist.RoadTestRequired);
    }

    [Fact]
    public async Task An_administrator_edits_checklists_others_may_not_and_a_stale_version_is_refused()
    {
        var admin = await app.ClientForAsync("admin");
        var request = new ChecklistRequest(AfterSales.Domain.Service.WorkshopSkill.Electrical, "el-005", "大灯更换检验单", "Headlamp replacement checklist", false,
            [new ChecklistItemRequest("灯光照射高度已调整", "Beam height adjusted", true), new ChecklistItemRequest("灯罩无进水", "No water in the lens", false)]);
        var created = await (await admin.PostAsync("/api/v1/quality-checklists", request)).ReadAsync<ChecklistView>(HttpStatusCode.Created);
        Assert.Equal("EL-005", created.OperationCode);

        await ExpectAsync(admin.PostAsync("/api/v1/quality-checklists", request), HttpStatusCode.BadRequest, "quality.checklist_taken");
        await ExpectAsync(admin.PostAsync("/api/v1/quality-checklists", request with { OperationCode = "EL-004", Items = [] }), HttpStatusCode.BadRequest, "quality.checklist_items_required");
        var advisor = await app.ClientForAsync("advisor");
        await (await advisor.PostAsync("/api/v1/quality-checklists", request with { OperationCode = "EL-003" })).ReadProblemAsync(HttpStatusCode.Forbidden);

        var updated = await (await admin.PutAsync($"/api/v1/quality-checklists/{created.Id}", new UpdateChecklistRequest(created.Version, request with { RoadTestRequired = true })))
            .ReadAsync<ChecklistView>();
        Assert.True(updated.RoadTestRequired);
        Assert.Equal(created.Version + 1, updated.Version);
        await ExpectAsync(admin.PutAsync($"/api/v1/quality-checklists/{created.Id}", new UpdateChecklistRequest(created.Version, request)), HttpStatusCode.Conflict, "quality.checklist_changed_by_someone_else");
    }

    [Fact]
    public async Task Passing_the_self_check_records_it_and_finishes_the_job_in_the_same_save()
    {
        var order = await SignedAsync(await app.ClientForAsync("advisor"), await Beijing);
        await StartJobsAsync(app, order.Id);
        var technician = await app.ClientForAsync("tech");
        var jobId = order.Jobs[0].Id;
        var job = await JobAsync(technician, jobId);
        Assert.Equal(RepairJobStatus.InProgress, job.Job.Status);

        var current = await OrderAsync(technician, order.Id);
        var finished = await (await SelfCheckAsync(technician, current, jobId, AllPass(job.Checklist))).ReadAsync<RepairOrderView>();

        Assert.Equal(RepairJobStatus.Done, finished.Jobs.Single(j => j.Id == jobId).Status);
        Assert.Equal(current.Version + 1, finished.Version);
        var check = await app.WithDbAsync(db => db.Set<QualityCheck>().SingleAsync(c => c.RepairJobId == jobId, Ct));
        Assert.Equal(QualityLevel.SelfCheck, check.Level);
        Assert.True(check.Passed);
        Assert.Equal("赵磊", check.UserName);
        Assert.Equal(job.Checklist.Items.Count, check.Items.Count);
        var move = await app.WithDbAsync(db => db.Set<RepairJobStatusChange>().SingleAsync(h => h.RepairJobId == jobId && h.Trigger == RepairJobTrigger.Finish, Ct));
        Assert.Equal(RepairJobStatus.Done, move.To);

        // Finished once: a second self-check is refused by the job's transition table.
        await ExpectAsync(SelfCheckAsync(technician, finished, jobId, AllPass(job.Checklist)), HttpStatusCode.Conflict, RepairJobLifecycle.AlreadyDone);
    }

    [Fact]
    public async Task A_failed_item_blocks_finishing_with_the_item_named_and_nothing_is_recorded()
    {
        var order = await SignedAsync(await app.ClientForAsync("advisor"), await Beijing);
        await StartJobsAsync(app, order.Id);
        var technician = await app.ClientForAsync("tech", "en");
        var jobId = order.Jobs[0].Id;
        var job = await JobAsync(technician, jobId);
        var current = await OrderAsync(technician, order.Id);
        var safety = job.Checklist.Items.First(i => i.Safety).Index;
        var plain = job.Checklist.Items.First(i => !i.Safety).Index;

        var problem = await ExpectAsync(
            SelfCheckAsync(technician, current, jobId, AllPass(job.Checklist).Select(a => a.Index == safety ? a with { Passed = false, Note = "螺栓未到力矩" } : a).ToList()),
            HttpStatusCode.BadRequest, QualityControl.SafetyItemFailed);
        Assert.StartsWith("A safety item failed", problem.ErrorsOf($"items[{safety}]")[0], StringComparison.Ordinal);
        await ExpectAsync(
            SelfCheckAsync(technician, current, jobId, AllPass(job.Checklist).Select(a => a.Index == plain ? a with { Passed = false } : a).ToList()),
            HttpStatusCode.BadRequest, QualityControl.ItemFailed);
        await ExpectAsync(SelfCheckAsync(technician, current, jobId, AllPass(job.Checklist).Skip(1).ToList()), HttpStatusCode.BadRequest, QualityControl.ItemsIncomplete);

        var after = await OrderAsync(technician, order.Id);
        Assert.Equal(RepairJobStatus.InProgress, after.Jobs.Single(j => j.Id == jobId).Status);
        Assert.Equal(current.Version, after.Version);
        Assert.False(await app.WithDbAsync(db => db.Set<QualityCheck>().AnyAsync(c => c.RepairOrderId == order.Id, Ct)));
    }

    [Fact]
    public async Task The_self_check_is_refused_on_a_job_not_in_progress_on_a_stale_version_and_for_someone_elses_role()
    {
        var advisor = await app.ClientForAsync("advisor");
        var order = await SignedAsync(advisor, await Beijing);
        var technician = await app.ClientForAsync("tech");
        var jobId = order.Jobs[0].Id;
        var job = await JobAsync(technician, jobId);

        // Signed but not assigned: not the technician's job yet, and nobody is working on it.
        var lead = await app.ClientForAsync("teamlead");
        await (await SelfCheckAsync(technician, order, jobId, AllPass(job.Checklist))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await ExpectAsync(SelfCheckAsync(lead, order, jobId, AllPass(job.Checklist)), HttpStatusCode.Conflict, RepairJobLifecycle.NotInProgress);
        await StartJobsAsync(app, order.Id, start: false);
        var assigned = await OrderAsync(technician, order.Id);
        await ExpectAsync(SelfCheckAsync(technician, assigned, jobId, AllPass(job.Checklist)), HttpStatusCode.Conflict, RepairJobLifecycle.NotInProgress);

        await StartJobsAsync(app, order.Id);
        await ExpectAsync(SelfCheckAsync(technician, assigned, jobId, AllPass(job.Checklist)), HttpStatusCode.Conflict, RepairOrderGate.ChangedBySomeoneElse);
        var started = await OrderAsync(technician, order.Id);
        await (await SelfCheckAsync(advisor, started, jobId, AllPass(job.Checklist))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await SelfCheckAsync(technician, started, Guid.NewGuid(), AllPass(job.Checklist))).ReadProblemAsync(HttpStatusCode.NotFound);

        // A draft order is not in the workshop at all.
        var draft = await RepairOrders.RepairOrderFixtures.ReadyDraftAsync(advisor, await Beijing);
        await ExpectAsync(SelfCheckAsync(lead, draft, draft.Jobs[0].Id, AllPass(job.Checklist)), HttpStatusCode.Conflict, RepairOrder.NotInWork);
    }

    [Fact]
    public async Task A_team_lead_failure_sends_the_job_back_with_reason_and_party_it_is_counted_and_the_pass_after_rework_checks_it()
    {
        var order = await SignedAsync(await app.ClientForAsync("advisor"), await Beijing);
        await StartJobsAsync(app, order.Id);
        var technician = await app.ClientForAsync("tech");
        var lead = await app.ClientForAsync("teamlead");
        var jobId = order.Jobs[0].Id;

        // Not finished yet: nothing to check.
        var current = await OrderAsync(lead, order.Id);
        await ExpectAsync(TeamLeadAsync(lead, current, jobId, true), HttpStatusCode.Conflict, RepairJobLifecycle.NotDone);

        current = await FinishAsync(technician, order.Id, jobId);
        var queue = await (await lead.GetAsync("/api/v1/quality/queue", Ct)).ReadAsync<QualityQueueView>();
        Assert.Contains(queue.AwaitingTeamLeadCheck, j => j.JobId == jobId && j.TechnicianName == "赵磊");

        await ExpectAsync(TeamLeadAsync(lead, current, jobId, false, party: ResponsibleParty.Technician), HttpStatusCode.BadRequest, QualityControl.ReasonRequired);
        await ExpectAsync(TeamLeadAsync(lead, current, jobId, false, "刹车片未涂抗噪膏"), HttpStatusCode.BadRequest, QualityControl.PartyRequired);
        await (await TeamLeadAsync(technician, current, jobId, true)).ReadProblemAsync(HttpStatusCode.Forbidden);

        var sentBack = await (await TeamLeadAsync(lead, current, jobId, false, "刹车片未涂抗噪膏", ResponsibleParty.Technician)).ReadAsync<RepairOrderView>();
        var job = sentBack.Jobs.Single(j => j.Id == jobId);
        Assert.Equal(RepairJobStatus.Assigned, job.Status);
        Assert.Equal(1, job.ReworkCount);
        Assert.Equal("刹车片未涂抗噪膏", job.StatusReason);
        Assert.Equal(1, sentBack.ReworkCount);
        var rework = await app.WithDbAsync(db => db.Set<ReworkRecord>().SingleAsync(r => r.RepairJobId == jobId, Ct));
        Assert.Equal((QualityLevel.TeamLeadCheck, ResponsibleParty.Technician, "赵磊", "刘强"), (rework.Level, rework.ResponsibleParty, rework.TechnicianName, rework.ByUserName));
        var stats = await (await lead.GetAsync($"/api/v1/quality/rework?storeId={await Beijing}", Ct)).ReadAsync<ReworkStatsView>();
        var mine = Assert.Single(stats.ByTechnician, t => t.TechnicianId == rework.TechnicianId);
        Assert.True(mine.AtTeamLeadCheck >= 1);
        Assert.Contains(stats.ByParty, p => p.ResponsibleParty == ResponsibleParty.Technician);

        // The technician redoes the work, self-checks again, and the team lead passes it.
        await StartJobsAsync(app, order.Id);
        current = await FinishAsync(technician, order.Id, jobId);
        var checkedOrder = await (await TeamLeadAsync(lead, current, jobId, true)).ReadAsync<RepairOrderView>();
        Assert.Equal(RepairJobStatus.Checked, checkedOrder.Jobs.Single(j => j.Id == jobId).Status);
        Assert.Equal(RepairOrderStatus.InWorkshop, checkedOrder.Status);
        var levels = await app.WithDbAsync(db => db.Set<QualityCheck>().Where(c => c.RepairJobId == jobId).OrderBy(c => c.At).Select(c => new { c.Level, c.Passed }).ToListAsync(Ct));
        Assert.Equal(
            [(QualityLevel.SelfCheck, true), (QualityLevel.TeamLeadCheck, false), (QualityLevel.SelfCheck, true), (QualityLevel.TeamLeadCheck, true)],
            levels.Select(l => (l.Level, l.Passed)).ToList());
    }

    [Fact]
    public async Task Final_inspection_is_refused_before_the_order_waits_for_it_needs_the_road_test_and_a_pass_reaches_inspected()
    {
        var order = await SignedAsync(await app.ClientForAsync("advisor"), await Beijing);
        var qc = await app.ClientForAsync("qc");
        var early = await FinalRequestAsync(qc, order.Id, new RoadTestRequest(5m, true));
        await ExpectAsync(qc.PostAsync($"/api/v1/repair-orders/{order.Id}/final-inspection", early), HttpStatusCode.Conflict, RepairOrderLifecycle.NotAwaitingFinalInspection);

        var waiting = await ReadyForFinalAsync(app, order);
        var queue = await (await qc.GetAsync("/api/v1/quality/queue", Ct)).ReadAsync<QualityQueueView>();
        Assert.Contains(queue.AwaitingFinalInspection, o => o.OrderId == order.Id);
        var quality = await QualityAsync(qc, order.Id);
        Assert.True(quality.RoadTestRequired);
        Assert.False(quality.HasPassedFinalInspection);

        var noRoadTest = await FinalRequestAsync(qc, order.Id, null);
        await ExpectAsync(qc.PostAsync($"/api/v1/repair-orders/{order.Id}/final-inspection", noRoadTest), HttpStatusCode.BadRequest, QualityControl.RoadTestRequired);
        var missingJob = noRoadTest with { Jobs = noRoadTest.Jobs.Skip(1).ToList(), RoadTest = new RoadTestRequest(5m, true) };
        await ExpectAsync(qc.PostAsync($"/api/v1/repair-orders/{order.Id}/final-inspection", missingJob), HttpStatusCode.BadRequest, QualityControl.JobsIncomplete);
        var roadFailedOnly = noRoadTest with { RoadTest = new RoadTestRequest(5m, false, "制动跑偏") };
        await ExpectAsync(qc.PostAsync($"/api/v1/repair-orders/{order.Id}/final-inspection", roadFailedOnly), HttpStatusCode.BadRequest, QualityControl.RoadTestFailedNeedsJob);
        var lead = await app.ClientForAsync("teamlead");
        await (await lead.PostAsync($"/api/v1/repair-orders/{order.Id}/final-inspection", noRoadTest with { RoadTest = new RoadTestRequest(5m, true) })).ReadProblemAsync(HttpStatusCode.Forbidden);
        await ExpectAsync(qc.PostAsync($"/api/v1/repair-orders/{order.Id}/final-inspection", noRoadTest with { Version = waiting.Version - 1, RoadTest = new RoadTestRequest(5m, true) }),
            HttpStatusCode.Conflict, RepairOrderGate.ChangedBySomeoneElse);

        var passed = await (await qc.PostAsync($"/api/v1/repair-orders/{order.Id}/final-inspection", noRoadTest with { RoadTest = new RoadTestRequest(6.5m, true, "无异响,制动正常") }))
            .ReadAsync<RepairOrderView>();

        Assert.Equal(RepairOrderStatus.Inspected, passed.Status);
        var after = await QualityAsync(qc, order.Id);
        Assert.True(after.HasPassedFinalInspection);
        var final = Assert.Single(after.Checks, c => c.Level == QualityLevel.FinalInspection);
        Assert.Equal(new RoadTest(6.5m, true, "无异响,制动正常"), final.RoadTest);
        Assert.Equal("孙丽", final.UserName);
        Assert.Equal(after.Jobs.Sum(j => j.Checklist.Items.Count), final.Items.Count);

        // Inspected once: a second inspection is refused.
        await ExpectAsync(qc.PostAsync($"/api/v1/repair-orders/{order.Id}/final-inspection", noRoadTest with { Version = passed.Version, RoadTest = new RoadTestRequest(5m, true) }),
            HttpStatusCode.Conflict, RepairOrderLifecycle.NotAwaitingFinalInspection);
    }

    [Fact]
    public async Task A_failed_final_inspection_sends_the_failed_job_back_and_the_order_to_the_workshop_and_the_rework_is_counted()
    {
        var order = await SignedAsync(await app.ClientForAsync("advisor"), await Beijing);
        await ReadyForFinalAsync(app, order);
        var qc = await app.ClientForAsync("qc");
        var failedJob = order.Jobs[0].Id;
        var withoutReason = await FinalRequestAsync(qc, order.Id, new RoadTestRequest(4m, false, "制动踏板偏软"), failedJob);
        var problem = await ExpectAsync(qc.PostAsync($"/api/v1/repair-orders/{order.Id}/final-inspection", withoutReason), HttpStatusCode.BadRequest, QualityControl.ReasonRequired);
        Assert.NotEmpty(problem.ErrorsOf("jobs[0].reworkReason"));

        var request = await FinalRequestAsync(qc, order.Id, new RoadTestRequest(4m, false, "制动踏板偏软"), failedJob, "制动系统排气不彻底", ResponsibleParty.Process);
        var failed = await (await qc.PostAsync($"/api/v1/repair-orders/{order.Id}/final-inspection", request)).ReadAsync<RepairOrderView>();

        Assert.Equal(RepairOrderStatus.InWorkshop, failed.Status);
        Assert.Equal(RepairJobStatus.Assigned, failed.Jobs.Single(j => j.Id == failedJob).Status);
        Assert.Equal(RepairJobStatus.Checked, failed.Jobs.Single(j => j.Id != failedJob).Status);
        Assert.Equal(1, failed.ReworkCount);
        var quality = await QualityAsync(qc, order.Id);
        var check = Assert.Single(quality.Checks, c => c.Level == QualityLevel.FinalInspection);
        Assert.False(check.Passed);
        Assert.False(quality.HasPassedFinalInspection);
        var rework = Assert.Single(quality.Reworks);
        Assert.Equal((failedJob, QualityLevel.FinalInspection, ResponsibleParty.Process, "制动系统排气不彻底"), (rework.RepairJobId, rework.Level, rework.ResponsibleParty, rework.Reason));
        var history = await (await qc.GetAsync($"/api/v1/repair-orders/{order.Id}/history", Ct)).ReadAsync<List<RepairOrderStatusChangeView>>();
        Assert.Contains(history, h => h.Trigger == RepairOrderTrigger.FailFinalInspection && h.To == RepairOrderStatus.InWorkshop);

        // Redone, self-checked and checked again: the second final inspection passes.
        await StartJobsAsync(app, order.Id);
        var technician = await app.ClientForAsync("tech");
        var lead = await app.ClientForAsync("teamlead");
        var current = await FinishAsync(technician, order.Id, failedJob);
        current = await (await TeamLeadAsync(lead, current, failedJob, true)).ReadAsync<RepairOrderView>();
        Assert.Equal(RepairOrderStatus.FinalInspection, current.Status);
        var again = await FinalRequestAsync(qc, order.Id, new RoadTestRequest(4m, true));
        var passed = await (await qc.PostAsync($"/api/v1/repair-orders/{order.Id}/final-inspection", again)).ReadAsync<RepairOrderView>();
        Assert.Equal(RepairOrderStatus.Inspected, passed.Status);
    }

    [Fact]
    public async Task No_order_reaches_inspected_or_the_delivery_path_without_a_recorded_passed_final_inspection()
    {
        var order = await SignedAsync(await app.ClientForAsync("advisor"), await Beijing);
        await ReadyForFinalAsync(app, order);
        var qc = await app.ClientForAsync("qc");

        // The delivery moves are refused while the order waits for QC, and after a failed inspection.
        var now = app.Clock.GetUtcNow();
        var refusals = await app.WithDbAsync(async db =>
        {
            var loaded = await db.Set<RepairOrder>().Include(o => o.Jobs).SingleAsync(o => o.Id == order.Id, Ct);
            return (loaded.MarkReady(new RepairOrderActor(null, "交车"), null, now)?.Code, loaded.Deliver(null, null, new RepairOrderActor(null, "交车"), now)?.Code);
        });
        Assert.Equal((RepairOrderLifecycle.NotInspected, RepairOrderLifecycle.NotReadyForDelivery), refusals);
        var failing = await FinalRequestAsync(qc, order.Id, new RoadTestRequest(3m, true), order.Jobs[1].Id, "绝缘检测记录缺失", ResponsibleParty.Process);
        Assert.Equal(RepairOrderStatus.InWorkshop, (await (await qc.PostAsync($"/api/v1/repair-orders/{order.Id}/final-inspection", failing)).ReadAsync<RepairOrderView>()).Status);

        // Every order of this database that got past final inspection holds a passed one.
        var past = await app.WithDbAsync(db => db.Set<RepairOrder>()
            .Where(o => o.Status == RepairOrderStatus.Inspected || o.Status == RepairOrderStatus.ReadyForDelivery || o.Status == RepairOrderStatus.Delivered)
            .Select(o => new { o.Id, Passed = db.Set<QualityCheck>().Any(c => c.RepairOrderId == o.Id && c.Level == QualityLevel.FinalInspection && c.Passed) })
            .ToListAsync(Ct));
        Assert.All(past, o => Assert.True(o.Passed));
        Assert.False((await QualityAsync(qc, order.Id)).HasPassedFinalInspection);
    }

    [Fact]
    public async Task Unfixed_issues_are_written_on_the_order_and_the_next_booking_reads_them()
    {
        var advisor = await app.ClientForAsync("advisor");
        var draft = await RepairOrders.RepairOrderFixtures.ReadyDraftAsync(advisor, await Beijing);
        var qc = await app.ClientForAsync("qc");
        await ExpectAsync(qc.PostAsync($"/api/v1/repair-orders/{draft.Id}/unfixed-issues", new UnfixedIssueRequest("左后轮胎花纹接近磨损极限")), HttpStatusCode.Conflict, UnfixedIssue.OrderClosed);
        await ExpectAsync(qc.PostAsync($"/api/v1/repair-orders/{draft.Id}/unfixed-issues", new UnfixedIssueRequest(" ")), HttpStatusCode.BadRequest, "quality.issue_description_required");

        var order = await SignedAsync(advisor, await Beijing);
        var tyre = await (await qc.PostAsync($"/api/v1/repair-orders/{order.Id}/unfixed-issues", new UnfixedIssueRequest("左后轮胎花纹接近磨损极限,建议下次更换", true)))
            .ReadAsync<UnfixedIssueView>(HttpStatusCode.Created);
        Assert.Equal((UnfixedIssueSource.QualityControl, "孙丽", order.AssetId), (tyre.Source, tyre.RecordedByName, tyre.AssetId));
        var technician = await app.ClientForAsync("tech");
        var wiper = await (await technician.PostAsync($"/api/v1/repair-orders/{order.Id}/unfixed-issues", new UnfixedIssueRequest("雨刮片老化")))
            .ReadAsync<UnfixedIssueView>(HttpStatusCode.Created);
        var mistake = await (await technician.PostAsync($"/api/v1/repair-orders/{order.Id}/unfixed-issues", new UnfixedIssueRequest("写错了")))
            .ReadAsync<UnfixedIssueView>(HttpStatusCode.Created);
        Assert.Equal(UnfixedIssueSource.Technician, wiper.Source);
        await ExpectAsync(technician.DeleteAsync($"/api/v1/repair-orders/{order.Id}/unfixed-issues/{mistake.Id}?version={mistake.Version + 1}", Ct), HttpStatusCode.Conflict, RepairOrderGate.ChangedBySomeoneElse);
        Assert.Equal(HttpStatusCode.NoContent, (await technician.DeleteAsync($"/api/v1/repair-orders/{order.Id}/unfixed-issues/{mistake.Id}?version={mistake.Version}", Ct)).StatusCode);

        var issues = await (await advisor.GetAsync($"/api/v1/repair-orders/{order.Id}/unfixed-issues", Ct)).ReadAsync<List<UnfixedIssueView>>();
        Assert.Equal([tyre.Id, wiper.Id], issues.Select(i => i.Id).ToList());

        // The booking of the asset's next visit shows what was found last time (the order was in the workshop or later).
        await StartJobsAsync(app, order.Id);
        var summary = await (await advisor.GetAsync($"/api/v1/appointments/visit-summary?assetId={order.AssetId}&storeId={await Beijing}", Ct)).ReadAsync<VisitSummary>();
        Assert.Equal(order.Id, summary.LastVisit?.RepairOrderId);
        var last = Assert.Single(summary.UnfixedIssues);
        Assert.Contains("左后轮胎花纹接近磨损极限", last.OpenIssues, StringComparison.Ordinal);
        Assert.Contains("雨刮片老化", last.OpenIssues, StringComparison.Ordinal);
        Assert.DoesNotContain("写错了", last.OpenIssues, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quality_endpoints_answer_404_for_another_stores_order_and_log_the_attempt()
    {
        var shanghai = await SignedAsync(await app.ClientForAsync("advisor.sh"), await app.StoreIdAsync(DemoData.ShanghaiStore));
        var jobId = shanghai.Jobs[0].Id;
        var qc = await app.ClientForAsync("qc");
        var lead = await app.ClientForAsync("teamlead");
        var calls = new Func<Task<HttpResponseMessage>>[]
        {
            () => lead.PostAsync($"/api/v1/repair-orders/{shanghai.Id}/jobs/{jobId}/self-check", new SelfCheckRequest(shanghai.Version, [])),
            () => lead.PostAsync($"/api/v1/repair-orders/{shanghai.Id}/jobs/{jobId}/team-lead-check", new TeamLeadCheckRequest(shanghai.Version, true)),
            () => qc.PostAsync($"/api/v1/repair-orders/{shanghai.Id}/final-inspection", new FinalInspectionRequest(shanghai.Version, [])),
            () => qc.PostAsync($"/api/v1/repair-orders/{shanghai.Id}/unfixed-issues", new UnfixedIssueRequest("雨刮片老化")),
            () => qc.DeleteAsync($"/api/v1/repair-orders/{shanghai.Id}/unfixed-issues/{Guid.NewGuid()}?version=0", Ct),
            () => qc.GetAsync($"/api/v1/quality/jobs/{jobId}", Ct),
        };
        foreach (var call in calls)
        {
            Assert.Equal("common.not_found", (await (await call()).ReadProblemAsync(HttpStatusCode.NotFound)).Code);
        }

        var denied = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityId == shanghai.Id && e.Action == "AccessDenied", Ct));
        Assert.Equal(calls.Length, denied);
        var queue = await (await qc.GetAsync("/api/v1/quality/queue", Ct)).ReadAsync<QualityQueueView>();
        Assert.DoesNotContain(queue.AwaitingTeamLeadCheck, j => j.OrderId == shanghai.Id);
    }

    [Fact]
    public async Task The_team_lead_check_and_the_final_inspection_are_refused_to_whoever_did_the_self_check()
    {
        var order = await SignedAsync(await app.ClientForAsync("advisor"), await Beijing);
        await StartJobsAsync(app, order.Id);
        var lead = await app.ClientForAsync("teamlead", "en");
        var admin = await app.ClientForAsync("admin");
        var qc = await app.ClientForAsync("qc");

        // The lead records the first self-check for the technician, the administrator the second.
        await FinishAsync(lead, order.Id, order.Jobs[0].Id);
        await FinishAsync(admin, order.Id, order.Jobs[1].Id);

        var current = await OrderAsync(lead, order.Id);
        var refused = await ExpectAsync(TeamLeadAsync(lead, current, order.Jobs[0].Id, true), HttpStatusCode.Conflict, QualityControl.SameAsSelfCheck);
        Assert.Equal("The team-lead check needs a second person: you did the self-check or the work on this job.", refused.Title);
        Assert.Equal(RepairJobStatus.Done, (await JobAsync(lead, order.Jobs[0].Id)).Job.Status);

        current = await (await TeamLeadAsync(qc, current, order.Jobs[0].Id, true)).ReadAsync<RepairOrderView>();
        current = await (await TeamLeadAsync(lead, current, order.Jobs[1].Id, true)).ReadAsync<RepairOrderView>();
        Assert.Equal(RepairOrderStatus.FinalInspection, current.Status);

        var inspection = await FinalRequestAsync(admin, order.Id, new RoadTestRequest(5m, true));
        await ExpectAsync(admin.PostAsync($"/api/v1/repair-orders/{order.Id}/final-inspection", inspection), HttpStatusCode.Conflict, QualityControl.SameAsWorkshop);
        var inspected = await (await qc.PostAsync($"/api/v1/repair-orders/{order.Id}/final-inspection", inspection)).ReadAsync<RepairOrderView>();
        Assert.Equal(RepairOrderStatus.Inspected, inspected.Status);
        var checks = (await QualityAsync(qc, order.Id)).Checks;
        var firstJob = checks.Where(c => c.RepairJobId == order.Jobs[0].Id).ToList();
        Assert.NotEqual(firstJob.Single(c => c.Level == QualityLevel.SelfCheck).UserName, firstJob.Single(c => c.Level == QualityLevel.TeamLeadCheck).UserName);
        Assert.Single(checks, c => c.Level == QualityLevel.FinalInspection && c.Passed);
    }
}

public sealed class SqliteQualityControlTests(SqliteApp app) : QualityControlTests<SqliteApp>(app);

public sealed class PostgresQualityControlTests(PostgresApp app) : QualityControlTests<PostgresApp>(app);
