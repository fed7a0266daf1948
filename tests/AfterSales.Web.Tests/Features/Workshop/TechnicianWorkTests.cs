using System.Net;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Features.Workshop;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.RepairOrders.RepairOrderFixtures;

namespace AfterSales.Web.Tests.Features.Workshop;

public abstract class TechnicianWorkTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Guid> Beijing => app.StoreIdAsync(DemoData.BeijingStore);

    [Fact]
    public async Task Start_pause_resume_open_and_close_clock_sessions_and_actual_hours_sit_beside_standard_hours()
    {
        var (order, job) = await AssignedToTechAsync();
        var tech = await app.ClientForAsync("tech");

        var started = await PostJobAsync<TechnicianJobView>(tech, order.Id, job, "start", new JobClockRequest(order.Version));
        Assert.Equal(RepairJobStatus.InProgress, started.Job.Status);
        Assert.Equal(RepairOrderStatus.InWorkshop, started.OrderStatus);
        Assert.Null(Assert.Single(started.Sessions).EndedAt);

        app.Clock.Advance(TimeSpan.FromHours(1));
        var paused = await PostJobAsync<TechnicianJobView>(tech, order.Id, job, "pause", new PauseJobRequest(started.OrderVersion, PauseReason.WaitingForParts));
        Assert.Equal(RepairJobStatus.Paused, paused.Job.Status);
        Assert.Equal("WaitingForParts", paused.Job.StatusReason);
        Assert.NotNull(Assert.Single(paused.Sessions).EndedAt);
        Assert.Equal(1m, paused.ActualHours);

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var resumed = await PostJobAsync<TechnicianJobView>(tech, order.Id, job, "resume", new JobClockRequest(paused.OrderVersion));
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var view = await (await tech.GetAsync($"/api/v1/repair-orders/{order.Id}/jobs/{job}/work", Ct)).ReadAsync<TechnicianJobView>();

        Assert.Equal(RepairJobStatus.InProgress, resumed.Job.Status);
        Assert.Equal(2, view.Sessions.Count);
        Assert.Equal(1.5m, view.ActualHours);
        Assert.Equal(started.Job.Hours, view.StandardHours);
        var mine = await (await tech.GetAsync("/api/v1/workshop/my-jobs", Ct)).ReadAsync<List<MyJobItem>>();
        Assert.Contains(mine, j => j.JobId == job && j.Status == RepairJobStatus.InProgress && j.ActualHours == 1.5m);
        var byJob = await (await tech.GetAsync($"/api/v1/workshop/jobs/{job}", Ct)).ReadAsync<TechnicianJobView>();
        Assert.Equal(order.Number, byJob.OrderNumber);
    }

    [Fact]
    public async Task Pausing_needs_a_reason_and_a_note_for_other_and_only_a_running_job_pauses()
    {
        var (order, job) = await AssignedToTechAsync();
        var tech = await app.ClientForAsync("tech");

        var notRunning = await (await tech.PostAsync($"/api/v1/repair-orders/{order.Id}/jobs/{job}/pause", new PauseJobRequest(order.Version, PauseReason.EndOfShift)))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(RepairJobLifecycle.NotInProgress, notRunning.Code);

        var started = await PostJobAsync<TechnicianJobView>(tech, order.Id, job, "start", new JobClockRequest(order.Version));
        var noNote = await (await tech.PostAsync($"/api/v1/repair-orders/{order.Id}/jobs/{job}/pause", new PauseJobRequest(started.OrderVersion, PauseReason.Other)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Note", noNote.Errors.Keys, StringComparer.OrdinalIgnoreCase);

        var paused = await PostJobAsync<TechnicianJobView>(tech, order.Id, job, "pause", new PauseJobRequest(started.OrderVersion, PauseReason.Other, "举升机故障"));
        Assert.Equal("Other: 举升机故障", paused.Job.StatusReason);
    }

    [Fact]
    public async Task Another_technicians_job_is_refused()
    {
        var (order, job) = await AssignedToTechAsync(technician: "teamlead");
        var tech = await app.ClientForAsync("tech");

        var problem = await (await tech.PostAsync($"/api/v1/repair-orders/{order.Id}/jobs/{job}/start", new JobClockRequest(order.Version))).ReadProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(TechnicianWork.NotYourJob, problem.Code);
    }

    [Fact]
    public async Task No_work_is_clocked_on_an_unapproved_extra_job_and_a_job_within_the_pre_approved_amount_is_approved_at_once()
    {
        var (order, _) = await AssignedToTechAsync();
        var advisor = await app.ClientForAsync("advisor");
        var pads = await OperationAsync(advisor, await Beijing, "ME-001");

        var expensive = await ProposeAsync(advisor, order.Id, new JobRequest(pads.Id, PayType.Customer, 1m, Parts: [new PartLineRequest("BP-99", "后刹车片", 1, 600m)]));
        var proposed = Assert.Single(expensive.ExtraJobs);
        Assert.Equal(RepairJobStatus.Proposed, proposed.Status);

        var workshop = await app.ClientForAsync("workshop");
        var refused = await (await workshop.PostAsync($"/api/v1/repair-orders/{order.Id}/jobs/{proposed.Id}/start", new JobClockRequest(expensive.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(RepairJobLifecycle.NotApproved, refused.Code);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<RepairJobClockSession>().CountAsync(s => s.RepairJobId == proposed.Id, Ct)));
        var assignRefused = await app.WithDbAsync(async db =>
        {
            var loaded = await db.Set<RepairOrder>().Include(o => o.Jobs).SingleAsync(o => o.Id == order.Id, Ct);
            return loaded.AssignJob(proposed.Id, await app.UserIdAsync("tech"), "赵磊", new RepairOrderActor(null, "test"), null, app.Clock.GetUtcNow());
        });
        Assert.Equal(RepairJobLifecycle.NotApproved, assignRefused?.Code);

        // One hour at 220 is within the 300 the customer pre-approved.
        var small = await ProposeAsync(advisor, order.Id, new JobRequest(pads.Id, PayType.Customer, 1m), expensive.Version);
        var approved = small.ExtraJobs.Single(j => j.Id != proposed.Id);
        Assert.Equal(RepairJobStatus.Pending, approved.Status);
        var evidence = Assert.Single(small.Approvals);
        Assert.Equal((ExtraWorkDecision.Approved, ExtraWorkChannel.PreApproved, 220m), (evidence.Decision, evidence.Channel, evidence.Amount));
    }

    [Fact]
    public async Task A_delay_moves_the_promise_texts_the_customer_the_new_time_and_alerts_the_advisor()
    {
        var (order, _) = await AssignedToTechAsync();
        var tech = await app.ClientForAsync("tech");
        var later = app.Clock.GetUtcNow().AddDays(1);

        var tooEarly = await (await tech.PostAsync($"/api/v1/repair-orders/{order.Id}/delays", new ReportDelayRequest(order.Version, app.Clock.GetUtcNow().AddMinutes(-5), "等配件"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("NewPromisedAt", tooEarly.Errors.Keys, StringComparer.OrdinalIgnoreCase);
        var delayed = await (await tech.PostAsync($"/api/v1/repair-orders/{order.Id}/delays", new ReportDelayRequest(order.Version, later, "刹车盘需从总库调拨"))).ReadAsync<RepairOrderView>();

        Assert.Equal(later, delayed.PromisedAt);
        var messages = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Body.Contains(order.Number)).ToListAsync(Ct));
        var customer = Assert.Single(messages, m => m.TemplateKey == "repair_delayed");
        Assert.Equal(NotificationChannel.Sms, customer.Channel);
        Assert.Equal(order.CustomerId, customer.CustomerId);
        var advisor = Assert.Single(messages, m => m.TemplateKey == "repair_delayed_staff");
        Assert.Equal("advisor@demo.aftersales.cn", advisor.Recipient);
        Assert.Contains("刹车盘需从总库调拨", advisor.Body, StringComparison.Ordinal);
        var extra = await (await tech.GetAsync($"/api/v1/repair-orders/{order.Id}/extra-work", Ct)).ReadAsync<ExtraWorkView>();
        Assert.Equal(order.PromisedAt, Assert.Single(extra.Delays).PreviousPromisedAt);
    }

    [Fact]
    public async Task A_finding_becomes_a_proposed_job_the_customer_approves_or_declines_by_link_and_the_link_refuses_tampering_repeats_and_expiry()
    {
        var (order, job) = await AssignedToTechAsync();
        var tech = await app.ClientForAsync("tech");
        var finding = await (await tech.PostAsync($"/api/v1/repair-orders/{order.Id}/findings", new ReportFindingRequest(order.Version, "左后刹车片磨损到极限", true, job)))
            .ReadAsync<JobFindingView>(HttpStatusCode.Created);
        Assert.True(finding.SafetyCritical);

        var advisor = await app.ClientForAsync("advisor");
        var pads = await OperationAsync(advisor, await Beijing, "ME-001");
        var current = await (await advisor.GetAsync($"/api/v1/repair-orders/{order.Id}/extra-work", Ct)).ReadAsync<ExtraWorkView>();
        var withBrakes = await (await advisor.PostAsync($"/api/v1/repair-orders/{order.Id}/extra-work",
            new ProposeExtraWorkRequest(current.Version, new JobRequest(pads.Id, PayType.Customer, 1m, Parts: [new PartLineRequest("BP-77", "后刹车片(套)", 1, 520m)]), FindingId: finding.Id))).ReadAsync<ExtraWorkView>();
        var brakes = Assert.Single(withBrakes.ExtraJobs);
        Assert.True(brakes.SafetyCritical);
        Assert.Equal(brakes.Id, Assert.Single(withBrakes.Findings).ProposedJobId);
        var both = await ProposeAsync(advisor, order.Id, new JobRequest(pads.Id, PayType.Customer, 2m, Parts: [new PartLineRequest("WB-1", "雨刮片", 2, 90m)]), withBrakes.Version);
        var wipers = both.ExtraJobs.Single(j => j.Id != brakes.Id);

        var link = await (await advisor.PostAsync($"/api/v1/repair-orders/{order.Id}/customer-links", new SendCustomerLinkRequest(CustomerLinkPurpose.ExtraWork))).ReadAsync<CustomerLinkView>();
        Assert.NotNull(link.MessageId);
        var sms = await app.WithDbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.Id == link.MessageId, Ct));
        Assert.Equal("extra_work_approval", sms.TemplateKey);
        Assert.Contains(link.Link, sms.Body, StringComparison.Ordinal);
        var token = Uri.UnescapeDataString(link.Link[(link.Link.LastIndexOf('/') + 1)..]);
        var customer = app.AnonymousClient();

        var page = await (await customer.GetAsync($"/api/v1/public/repair-orders/{Uri.EscapeDataString(token)}", Ct)).ReadAsync<PublicRepairOrderView>();
        Assert.Equal([brakes.Id, wipers.Id], page.Jobs.Select(j => j.Id));
        Assert.Equal(520m + brakes.LabourAmount, page.Jobs[0].Amount);

        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        await (await customer.GetAsync($"/api/v1/public/repair-orders/{Uri.EscapeDataString(tampered)}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await customer.PostAsync($"/api/v1/public/repair-orders/{Uri.EscapeDataString(tampered)}/jobs/{wipers.Id}/decision", new PublicExtraWorkDecisionRequest(page.Version, ExtraWorkDecision.Approved, "张三")))
            .ReadProblemAsync(HttpStatusCode.NotFound);

        page = await (await customer.PostAsync($"/api/v1/public/repair-orders/{Uri.EscapeDataString(token)}/jobs/{wipers.Id}/decision", new PublicExtraWorkDecisionRequest(page.Version, ExtraWorkDecision.Approved, "张三")))
            .ReadAsync<PublicRepairOrderView>();
        page = await (await customer.PostAsync($"/api/v1/public/repair-orders/{Uri.EscapeDataString(token)}/jobs/{brakes.Id}/decision", new PublicExtraWorkDecisionRequest(page.Version, ExtraWorkDecision.Declined, "张三")))
            .ReadAsync<PublicRepairOrderView>();
        var again = await (await customer.PostAsync($"/api/v1/public/repair-orders/{Uri.EscapeDataString(token)}/jobs/{brakes.Id}/decision", new PublicExtraWorkDecisionRequest(page.Version, ExtraWorkDecision.Approved, "张三")))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(RepairJobLifecycle.Declined, again.Code);

        var after = await (await advisor.GetAsync($"/api/v1/repair-orders/{order.Id}", Ct)).ReadAsync<RepairOrderView>();
        Assert.Equal(RepairJobStatus.Pending, after.Jobs.Single(j => j.Id == wipers.Id).Status);
        var declined = after.Jobs.Single(j => j.Id == brakes.Id);
        Assert.Equal((RepairJobStatus.Declined, true), (declined.Status, declined.SafetyCritical));
        Assert.Equal(order.Totals.Labour + order.Totals.Parts + wipers.LabourAmount + wipers.PartsAmount, after.Totals.Labour + after.Totals.Parts);
        var evidence = await (await advisor.GetAsync($"/api/v1/repair-orders/{order.Id}/extra-work", Ct)).ReadAsync<ExtraWorkView>();
        Assert.All(evidence.Approvals, a => Assert.Equal((ExtraWorkChannel.RemoteLink, "张三"), (a.Channel, a.SignerName)));
        Assert.Equal(2, evidence.Approvals.Count);
        Assert.All(evidence.Approvals, a => Assert.Equal(64, a.SnapshotSha256.Length));

        app.Clock.Advance(RepairOrderLinkTokens.Lifetime + TimeSpan.FromMinutes(1));
        var expired = await (await customer.GetAsync($"/api/v1/public/repair-orders/{Uri.EscapeDataString(token)}", Ct)).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("repair_order.link_expired", expired.Code);
    }

    [Fact]
    public async Task The_customer_answers_in_person_with_a_signature_and_a_declined_job_stays_on_the_order()
    {
        var (order, _) = await AssignedToTechAsync();
        var advisor = await app.ClientForAsync("advisor");
        var pads = await OperationAsync(advisor, await Beijing, "ME-001");
        var proposed = await ProposeAsync(advisor, order.Id, new JobRequest(pads.Id, PayType.Customer, 3m), safetyCritical: true);
        var job = Assert.Single(proposed.ExtraJobs);

        var unsigned = await (await advisor.PostAsync($"/api/v1/repair-orders/{order.Id}/jobs/{job.Id}/customer-decision", new DecideExtraWorkRequest(proposed.Version, ExtraWorkDecision.Declined, "张三", "")))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("SignaturePng", unsigned.Errors.Keys, StringComparer.OrdinalIgnoreCase);
        var declined = await (await advisor.PostAsync($"/api/v1/repair-orders/{order.Id}/jobs/{job.Id}/customer-decision", new DecideExtraWorkRequest(proposed.Version, ExtraWorkDecision.Declined, "张三", SignaturePng)))
            .ReadAsync<ExtraWorkView>();

        var kept = Assert.Single(declined.ExtraJobs);
        Assert.Equal((RepairJobStatus.Declined, true), (kept.Status, kept.SafetyCritical));
        var evidence = Assert.Single(declined.Approvals);
        Assert.Equal((ExtraWorkChannel.InPerson, true), (evidence.Channel, evidence.HasSignature));
    }

    [Fact]
    public async Task The_customer_signs_the_repair_order_through_a_link()
    {
        var advisor = await app.ClientForAsync("advisor");
        var order = await MoveAsync(advisor, await ReadyDraftAsync(advisor, await Beijing), "submit");
        var link = await (await advisor.PostAsync($"/api/v1/repair-orders/{order.Id}/customer-links", new SendCustomerLinkRequest(CustomerLinkPurpose.Signature))).ReadAsync<CustomerLinkView>();
        var path = "/api/v1/public/repair-orders/" + link.Link[(link.Link.LastIndexOf('/') + 1)..];
        var customer = app.AnonymousClient();

        var page = await (await customer.GetAsync(path, Ct)).ReadAsync<PublicRepairOrderView>();
        Assert.True(page.CanSign);
        Assert.Equal(2, page.Jobs.Count);
        var wrongPurpose = await customer.PostAsync($"{path}/jobs/{order.Jobs[0].Id}/decision", new PublicExtraWorkDecisionRequest(page.Version, ExtraWorkDecision.Approved, "张三"));
        await wrongPurpose.ReadProblemAsync(HttpStatusCode.NotFound);
        var signed = await (await customer.PostAsync($"{path}/signature", new PublicSignatureRequest(page.Version, "张三"))).ReadAsync<PublicRepairOrderView>();

        Assert.False(signed.CanSign);
        var after = await (await advisor.GetAsync($"/api/v1/repair-orders/{order.Id}", Ct)).ReadAsync<RepairOrderView>();
        Assert.Equal(RepairOrderStatus.Signed, after.Status);
        var signature = after.CurrentSignature!;
        Assert.Equal((SignatureChannel.RemoteLink, "张三", true), (signature.Channel, signature.SignerName, signature.IsIntact));
        await (await customer.PostAsync($"{path}/signature", new PublicSignatureRequest(signed.Version, "张三"))).ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Old_parts_are_recorded_per_job_with_who_and_when()
    {
        var (order, job) = await AssignedToTechAsync();
        var tech = await app.ClientForAsync("tech");

        var unknownClaim = await (await tech.PostAsync($"/api/v1/repair-orders/{order.Id}/jobs/{job}/old-parts", new RecordOldPartRequest(order.Version, "前刹车片", 1, OldPartDisposition.ReturnedForWarranty, Guid.NewGuid())))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("WarrantyClaimId", unknownClaim.Errors.Keys, StringComparer.OrdinalIgnoreCase);
        var kept = await (await tech.PostAsync($"/api/v1/repair-orders/{order.Id}/jobs/{job}/old-parts", new RecordOldPartRequest(order.Version, "前刹车片", 1, OldPartDisposition.KeptForCustomer)))
            .ReadAsync<ExtraWorkView>();
        var scrapped = await (await tech.PostAsync($"/api/v1/repair-orders/{order.Id}/jobs/{job}/old-parts", new RecordOldPartRequest(kept.Version, "刹车清洗剂空罐", 2, OldPartDisposition.Scrapped)))
            .ReadAsync<ExtraWorkView>();

        Assert.Equal(2, scrapped.OldParts.Count);
        Assert.All(scrapped.OldParts, p => Assert.Equal(("赵磊", job), (p.RecordedByName, p.RepairJobId)));
        Assert.Equal([OldPartDisposition.KeptForCustomer, OldPartDisposition.Scrapped], scrapped.OldParts.Select(p => p.Disposition));
    }

    [Fact]
    public async Task A_beijing_user_gets_404_for_the_technician_and_extra_work_endpoints_of_a_shanghai_order()
    {
        var shanghai = await app.ClientForAsync("advisor.sh");
        var order = await MoveAsync(shanghai, await ReadyDraftAsync(shanghai, await app.StoreIdAsync(DemoData.ShanghaiStore)), "submit");
        var job = order.Jobs[0].Id;
        var beijing = await app.ClientForAsync("workshop");
        var pads = await OperationAsync(shanghai, await app.StoreIdAsync(DemoData.ShanghaiStore), "ME-001");

        foreach (var response in new[]
        {
            await beijing.PostAsync($"/api/v1/repair-orders/{order.Id}/jobs/{job}/start", new JobClockRequest(order.Version)),
            await beijing.PostAsync($"/api/v1/repair-orders/{order.Id}/jobs/{job}/pause", new PauseJobRequest(order.Version, PauseReason.EndOfShift)),
            await beijing.PostAsync($"/api/v1/repair-orders/{order.Id}/jobs/{job}/resume", new JobClockRequest(order.Version)),
            await beijing.PostAsync($"/api/v1/repair-orders/{order.Id}/extra-work", new ProposeExtraWorkRequest(order.Version, new JobRequest(pads.Id, PayType.Customer))),
            await beijing.PostAsync($"/api/v1/repair-orders/{order.Id}/jobs/{job}/customer-decision", new DecideExtraWorkRequest(order.Version, ExtraWorkDecision.Approved, "张三", SignaturePng)),
            await beijing.PostAsync($"/api/v1/repair-orders/{order.Id}/customer-links", new SendCustomerLinkRequest(CustomerLinkPurpose.Signature)),
            await beijing.PostAsync($"/api/v1/repair-orders/{order.Id}/jobs/{job}/parts-requests", new RequestJobPartsRequest(Guid.NewGuid(), 1)),
        })
        {
            Assert.Equal("common.not_found", (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Code);
        }

        var unchanged = await (await shanghai.GetAsync($"/api/v1/repair-orders/{order.Id}", Ct)).ReadAsync<RepairOrderView>();
        Assert.Equal(order.Version, unchanged.Version);
    }

    private static async Task<T> PostJobAsync<T>(HttpClient client, Guid orderId, Guid jobId, string move, object body) =>
        await (await client.PostAsync($"/api/v1/repair-orders/{orderId}/jobs/{jobId}/{move}", body)).ReadAsync<T>();

    private async Task<ExtraWorkView> ProposeAsync(HttpClient advisor, Guid orderId, JobRequest job, int? version = null, bool safetyCritical = false)
    {
        version ??= (await (await advisor.GetAsync($"/api/v1/repair-orders/{orderId}", Ct)).ReadAsync<RepairOrderView>()).Version;
        return await (await advisor.PostAsync($"/api/v1/repair-orders/{orderId}/extra-work", new ProposeExtraWorkRequest(version.Value, job, safetyCritical))).ReadAsync<ExtraWorkView>();
    }

    /// <summary>A signed Beijing order whose first job the dispatcher gave to a technician.</summary>
    private async Task<(RepairOrderView Order, Guid JobId)> AssignedToTechAsync(string technician = "tech")
    {
        var advisor = await app.ClientForAsync("advisor");
        var order = await SignAsync(advisor, await MoveAsync(advisor, await ReadyDraftAsync(advisor, await Beijing), "submit"));
        var technicianId = await app.UserIdAsync(technician);
        var jobId = order.Jobs[0].Id;
        await app.WithDbAsync(async db =>
        {
            var loaded = await db.Set<RepairOrder>().Include(o => o.Jobs).SingleAsync(o => o.Id == order.Id, Ct);
            Assert.Null(loaded.AssignJob(jobId, technicianId, technician == "tech" ? "赵磊" : "刘强", new RepairOrderActor(null, "张伟"), null, app.Clock.GetUtcNow()));
            return await db.SaveChangesAsync(Ct);
        });
        return (await (await advisor.GetAsync($"/api/v1/repair-orders/{order.Id}", Ct)).ReadAsync<RepairOrderView>(), jobId);
    }
}

public sealed class SqliteTechnicianWorkTests(SqliteApp app) : TechnicianWorkTests<SqliteApp>(app);

public sealed class PostgresTechnicianWorkTests(PostgresApp app) : TechnicianWorkTests<PostgresApp>(app);
