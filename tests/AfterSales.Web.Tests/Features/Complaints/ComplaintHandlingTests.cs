using System.Net;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Features;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.Complaints.Handling;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.Complaints.ComplaintFixtures;

namespace AfterSales.Web.Tests.Features.Complaints;

public abstract class ComplaintHandlingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Whys = ["报警灯常亮", "传感器插头松动", "装配后未自检"];

    /// <summary>A Beijing complaint recorded by the call centre, acknowledged and investigated by the specialist.</summary>
    private async Task<ComplaintView> InvestigatingAsync(HttpClient specialist)
    {
        var customer = await CustomerAsync(await app.ClientForAsync("advisor"));
        var complaint = (await RecordAsync(await app.ClientForAsync("agent"), Intake(customer, assetId: customer.Assets[0].Id))).Complaint;
        var acknowledged = await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/acknowledge", new AcknowledgeComplaintRequest(complaint.Version))).ReadAsync<ComplaintView>();
        return await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/investigation", new StartInvestigationRequest(acknowledged.Version, await app.UserIdAsync("complaints")))).ReadAsync<ComplaintView>();
    }

    private static async Task<ComplaintView> PostAsync<T>(HttpClient client, ComplaintView c, string path, T body) =>
        await (await client.PostAsync($"/api/v1/complaints/{c.Id}{path}", body)).ReadAsync<ComplaintView>();

    private async Task<ComplaintView> ProposedAsync(HttpClient specialist, decimal refund)
    {
        var c = await InvestigatingAsync(specialist);
        c = await PostAsync(specialist, c, "/analysis", new RecordAnalysisRequest(c.Version, Whys, Responsibility.TechnicianError, IsSystemic: false));
        return await PostAsync(specialist, c, "/resolution", new ProposeResolutionRequest(c.Version, [new(ResolutionActionKind.ReRepair, "免费返修", null), new(ResolutionActionKind.Refund, "退还工时费", refund)]));
    }

    private static async Task<ComplaintHandlingView> HandlingAsync(HttpClient client, ComplaintView c) =>
        await (await client.GetAsync($"/api/v1/complaints/{c.Id}/handling", Ct)).ReadAsync<ComplaintHandlingView>();

    [Fact]
    public async Task The_investigation_log_keeps_notes_contacts_with_their_outcome_and_references()
    {
        var specialist = await app.ClientForAsync("complaints", "en");
        var c = await InvestigatingAsync(specialist);

        c = await PostAsync(specialist, c, "/log", new AddLogEntryRequest(c.Version, ComplaintLogKind.CustomerContact, "致电客户确认故障", ContactOutcome.Reached));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        c = await PostAsync(specialist, c, "/log", new AddLogEntryRequest(c.Version, ComplaintLogKind.RepairOrder, "查阅保养工单", Reference: "RO-20261120-0003"));
        var noOutcome = await (await specialist.PostAsync($"/api/v1/complaints/{c.Id}/log", new AddLogEntryRequest(c.Version, ComplaintLogKind.CustomerContact, "再次致电"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var empty = await (await specialist.PostAsync($"/api/v1/complaints/{c.Id}/log", new AddLogEntryRequest(c.Version, ComplaintLogKind.Assignment, ""))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["complaint.contact_outcome_required"], noOutcome.Codes);
        Assert.Equal("Say how the contact with the customer went.", Assert.Single(noOutcome.ErrorsOf("outcome")));
        Assert.Contains("complaint.log_kind_invalid", empty.Codes);
        Assert.Contains("complaint.log_text_required", empty.Codes);
        var handling = await HandlingAsync(specialist, c);
        Assert.Equal(
            [(ComplaintLogKind.RepairOrder, null, "RO-20261120-0003"), (ComplaintLogKind.CustomerContact, ContactOutcome.Reached, null)],
            handling.Log.Select(l => (l.Kind, l.Outcome, l.Reference)));
        Assert.All(handling.Log, l => Assert.Equal("郑洁", l.UserName));
    }

    [Fact]
    public async Task A_plan_needs_the_analysis_and_a_plan_within_the_specialists_limit_goes_to_the_customer_directly()
    {
        var specialist = await app.ClientForAsync("complaints");
        var c = await InvestigatingAsync(specialist);
        var early = await (await specialist.PostAsync($"/api/v1/complaints/{c.Id}/resolution", new ProposeResolutionRequest(c.Version, [new(ResolutionActionKind.Explanation, "解释", null)])))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        var noAmount = await (await specialist.PostAsync($"/api/v1/complaints/{c.Id}/resolution", new ProposeResolutionRequest(c.Version, [new(ResolutionActionKind.Voucher, "代金券", null)])))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        c = await ProposedAsync(specialist, 300m);
        var presented = await PostAsync(specialist, c, "/resolution/present", new ComplaintNoteRequest(c.Version, "电话告知客户"));

        Assert.Equal("complaint.analysis_required", early.Code);
        Assert.Equal(["complaint.amount_required"], noAmount.Codes);
        Assert.Equal(ComplaintStatus.AwaitingCustomer, presented.Status);
        var handling = await HandlingAsync(specialist, presented);
        Assert.Equal((300m, 500m, Whys.Length), (handling.PlanTotal, handling.MyLimit, handling.RootCauseWhys.Count));
        Assert.Equal(Responsibility.TechnicianError, handling.Responsibility);
    }

    [Fact]
    public async Task A_compensation_above_the_limit_waits_for_an_approver_within_whose_limit_it_is()
    {
        var specialist = await app.ClientForAsync("complaints", "en");
        var manager = await app.ClientForAsync("manager", "en");
        var c = await ProposedAsync(specialist, 2_000m);

        var direct = await (await specialist.PostAsync($"/api/v1/complaints/{c.Id}/resolution/present", new ComplaintNoteRequest(c.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
        c = await PostAsync(specialist, c, "/resolution/submit", new ComplaintNoteRequest(c.Version));
        var selfApproval = await (await specialist.PostAsync($"/api/v1/complaints/{c.Id}/resolution/approve", new ComplaintNoteRequest(c.Version))).ReadProblemAsync(HttpStatusCode.Forbidden);
        var approved = await PostAsync(manager, c, "/resolution/approve", new ComplaintNoteRequest(c.Version, "同意退款"));

        Assert.Equal("complaint.approval_required", direct.Code);
        Assert.Equal("complaint.review_forbidden", selfApproval.Code);
        Assert.Equal(ComplaintStatus.AwaitingCustomer, approved.Status);
        Assert.Equal("黄涛", (await HandlingAsync(manager, approved)).PlanApprovedBy);

        // Above the manager's limit too: the manager cannot approve, the group can.
        var big = await ProposedAsync(specialist, 8_000m);
        big = await PostAsync(specialist, big, "/resolution/submit", new ComplaintNoteRequest(big.Version));
        var aboveManager = await (await manager.PostAsync($"/api/v1/complaints/{big.Id}/resolution/approve", new ComplaintNoteRequest(big.Version))).ReadProblemAsync(HttpStatusCode.Forbidden);
        var byAdmin = await PostAsync(await app.ClientForAsync("admin"), big, "/resolution/approve", new ComplaintNoteRequest(big.Version));

        Assert.Equal("complaint.approval_limit_exceeded", aboveManager.Code);
        Assert.Equal("The plan exceeds your approval limit.", aboveManager.Title);
        Assert.Equal(ComplaintStatus.AwaitingCustomer, byAdmin.Status);
    }

    [Fact]
    public async Task A_rejected_plan_goes_back_with_the_approvers_comment_and_a_revised_plan_is_a_new_revision()
    {
        var specialist = await app.ClientForAsync("complaints");
        var manager = await app.ClientForAsync("manager");
        var c = await ProposedAsync(specialist, 2_000m);
        c = await PostAsync(specialist, c, "/resolution/submit", new ComplaintNoteRequest(c.Version));

        var noComment = await (await manager.PostAsync($"/api/v1/complaints/{c.Id}/resolution/reject", new ComplaintReasonRequest(c.Version, " "))).ReadProblemAsync(HttpStatusCode.BadRequest);
        c = await PostAsync(manager, c, "/resolution/reject", new ComplaintReasonRequest(c.Version, "金额过高，改为代金券"));
        c = await PostAsync(specialist, c, "/resolution", new ProposeResolutionRequest(c.Version, [new(ResolutionActionKind.Voucher, "保养代金券", 400m)]));

        Assert.Equal(["complaint.reason_required"], noComment.Codes);
        Assert.Equal(ComplaintStatus.ResolutionProposed, c.Status);
        var handling = await HandlingAsync(specialist, c);
        Assert.Equal((2, 400m), (handling.PlanRevision, handling.PlanTotal));
        Assert.Equal([ResolutionActionKind.Voucher], handling.Plan.Select(a => a.Kind));
        Assert.Equal(2, handling.EarlierActions.Count);
        var history = await (await specialist.GetAsync($"/api/v1/complaints/{c.Id}/history", Ct)).ReadAsync<List<ComplaintStatusChangeView>>();
        Assert.Contains(history, h => h.Trigger == ComplaintTrigger.RejectPlan && h.Reason == "金额过高，改为代金券" && h.UserName == "黄涛");
    }

    [Fact]
    public async Task A_declining_customer_sends_it_back_with_the_reason_and_closure_waits_for_actions_and_the_managers_review()
    {
        var specialist = await app.ClientForAsync("complaints");
        var manager = await app.ClientForAsync("manager");
        var c = await ProposedAsync(specialist, 100m);
        c = await PostAsync(specialist, c, "/resolution/present", new ComplaintNoteRequest(c.Version));
        c = await PostAsync(specialist, c, "/customer-response", new CustomerResponseRequest(c.Version, CustomerResponse.Declined, "要求全额退款"));
        Assert.Equal(ComplaintStatus.InInvestigation, c.Status);
        Assert.Equal("要求全额退款", (await HandlingAsync(specialist, c)).CustomerResponseReason);

        c = await PostAsync(specialist, c, "/resolution", new ProposeResolutionRequest(c.Version, [new(ResolutionActionKind.Refund, "全额退还工时费", 450m)]));
        c = await PostAsync(specialist, c, "/resolution/present", new ComplaintNoteRequest(c.Version));
        var specialistDecides = await (await specialist.PostAsync($"/api/v1/complaints/{c.Id}/customer-response", new CustomerResponseRequest(c.Version, CustomerResponse.FinalDecision, "按政策"))).ReadProblemAsync(HttpStatusCode.Forbidden);
        c = await PostAsync(specialist, c, "/customer-response", new CustomerResponseRequest(c.Version, CustomerResponse.Accepted));
        var early = await (await manager.PostAsync($"/api/v1/complaints/{c.Id}/close", new ComplaintReasonRequest(c.Version, "审核通过"))).ReadProblemAsync(HttpStatusCode.Conflict);
        var action = Assert.Single((await HandlingAsync(specialist, c)).Plan);
        c = await PostAsync(specialist, c, $"/resolution/actions/{action.Id}/done", new ComplaintNoteRequest(c.Version, "已退款"));
        var bySpecialist = await (await specialist.PostAsync($"/api/v1/complaints/{c.Id}/close", new ComplaintReasonRequest(c.Version, "审核通过"))).ReadProblemAsync(HttpStatusCode.Forbidden);
        var closed = await PostAsync(manager, c, "/close", new ComplaintReasonRequest(c.Version, "审核通过，归档"));

        Assert.Equal("complaint.review_forbidden", specialistDecides.Code);
        Assert.Equal("complaint.actions_not_done", early.Code);
        Assert.Equal("complaint.review_forbidden", bySpecialist.Code);
        Assert.Equal(ComplaintStatus.Closed, closed.Status);
        Assert.Equal([ComplaintTrigger.Reopen], closed.PermittedTriggers);
        var handling = await HandlingAsync(manager, closed);
        Assert.Equal(("黄涛", CustomerResponse.Accepted), (handling.ReviewedBy, handling.CustomerResponse));
    }

    [Fact]
    public async Task The_manager_who_handled_a_complaint_cannot_review_its_closure_a_second_person_must()
    {
        var specialist = await app.ClientForAsync("complaints");
        var manager = await app.ClientForAsync("manager", "en");
        var c = await ProposedAsync(specialist, 100m);
        c = await PostAsync(specialist, c, "/resolution/present", new ComplaintNoteRequest(c.Version));
        c = await PostAsync(manager, c, "/assignment", new ReassignComplaintRequest(c.Version, await app.UserIdAsync("manager"), null, "专员休假，由经理接手"));
        c = await PostAsync(manager, c, "/customer-response", new CustomerResponseRequest(c.Version, CustomerResponse.Accepted));
        foreach (var a in (await HandlingAsync(manager, c)).Plan)
        {
            c = await PostAsync(manager, c, $"/resolution/actions/{a.Id}/done", new ComplaintNoteRequest(c.Version));
        }

        var selfReview = await (await manager.PostAsync($"/api/v1/complaints/{c.Id}/close", new ComplaintReasonRequest(c.Version, "审核通过"))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("complaint.self_review", selfReview.Code);
        Assert.Equal("The closure review needs a second person: you handled this complaint.", selfReview.Title);

        var closed = await PostAsync(await app.ClientForAsync("admin"), c, "/close", new ComplaintReasonRequest(c.Version, "审核通过"));
        Assert.Equal(ComplaintStatus.Closed, closed.Status);
    }

    [Fact]
    public async Task A_closed_complaint_refuses_every_write_and_reopening_starts_a_new_round_with_the_history_kept()
    {
        var specialist = await app.ClientForAsync("complaints");
        var manager = await app.ClientForAsync("manager");
        var c = await ProposedAsync(specialist, 100m);
        c = await PostAsync(specialist, c, "/resolution/present", new ComplaintNoteRequest(c.Version));
        c = await PostAsync(manager, c, "/customer-response", new CustomerResponseRequest(c.Version, CustomerResponse.FinalDecision, "客户失联，按政策处理"));
        foreach (var a in (await HandlingAsync(specialist, c)).Plan)
        {
            c = await PostAsync(specialist, c, $"/resolution/actions/{a.Id}/done", new ComplaintNoteRequest(c.Version));
        }

        c = await PostAsync(manager, c, "/close", new ComplaintReasonRequest(c.Version, "审核通过"));
        var actionId = (await HandlingAsync(specialist, c)).Plan[0].Id;

        var refused = new List<string?>();
        foreach (var (path, body) in new (string, object)[]
        {
            ("/log", new AddLogEntryRequest(c.Version, ComplaintLogKind.Note, "补充")),
            ("/analysis", new RecordAnalysisRequest(c.Version, Whys, Responsibility.None, false)),
            ("/assignment", new ReassignComplaintRequest(c.Version, await app.UserIdAsync("manager"), null, "换人")),
            ("/resolution", new ProposeResolutionRequest(c.Version, [new(ResolutionActionKind.Explanation, "解释", null)])),
            ("/resolution/present", new ComplaintNoteRequest(c.Version)),
            ($"/resolution/actions/{actionId}/done", new ComplaintNoteRequest(c.Version)),
            ("/customer-response", new CustomerResponseRequest(c.Version, CustomerResponse.Accepted)),
            ("/close", new ComplaintReasonRequest(c.Version, "再次审核")),
            ("/acknowledge", new AcknowledgeComplaintRequest(c.Version)),
        })
        {
            refused.Add((await (await manager.PostAsync($"/api/v1/complaints/{c.Id}{path}", body)).ReadProblemAsync(HttpStatusCode.Conflict)).Code);
        }

        Assert.All(refused, code => Assert.Equal("complaint.closed_read_only", code));
        var noReason = await (await specialist.PostAsync($"/api/v1/complaints/{c.Id}/reopen", new ComplaintReasonRequest(c.Version, ""))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var reopened = await PostAsync(specialist, c, "/reopen", new ComplaintReasonRequest(c.Version, "客户再次投诉同一问题"));
        reopened = await (await specialist.PostAsync($"/api/v1/complaints/{c.Id}/investigation", new StartInvestigationRequest(reopened.Version, await app.UserIdAsync("complaints")))).ReadAsync<ComplaintView>();

        Assert.Equal(["complaint.reason_required"], noReason.Codes);
        Assert.Equal(ComplaintStatus.InInvestigation, reopened.Status);
        var handling = await HandlingAsync(specialist, reopened);
        Assert.Equal((2, 0), (handling.Round, handling.Plan.Count));
        Assert.Equal(2, handling.EarlierActions.Count);
        Assert.All(handling.EarlierActions, a => Assert.Equal(1, a.Round));
        var history = await (await specialist.GetAsync($"/api/v1/complaints/{c.Id}/history", Ct)).ReadAsync<List<ComplaintStatusChangeView>>();
        Assert.Equal(
            [ComplaintStatus.Closed, ComplaintStatus.Reopened, ComplaintStatus.InInvestigation],
            history.TakeLast(3).Select(h => h.To));
        Assert.Equal("客户再次投诉同一问题", history[^2].Reason);
    }

    [Fact]
    public async Task Reassignment_needs_a_reason_is_logged_and_takes_the_complaint_away_from_the_former_handler()
    {
        var specialist = await app.ClientForAsync("complaints", "en");
        var manager = await app.ClientForAsync("manager");
        var c = await InvestigatingAsync(specialist);

        var noReason = await (await manager.PostAsync($"/api/v1/complaints/{c.Id}/assignment", new ReassignComplaintRequest(c.Version, await app.UserIdAsync("manager"), null, ""))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var toAdvisor = await (await manager.PostAsync($"/api/v1/complaints/{c.Id}/assignment", new ReassignComplaintRequest(c.Version, await app.UserIdAsync("advisor"), null, "转交"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var reassigned = await PostAsync(manager, c, "/assignment", new ReassignComplaintRequest(c.Version, await app.UserIdAsync("manager"), null, "专员休假，由经理接手"));

        Assert.Equal(["complaint.reason_required"], noReason.Codes);
        Assert.Equal(["complaint.specialist_invalid"], toAdvisor.Codes);
        Assert.Equal("黄涛", reassigned.AssignedSpecialistName);
        var entry = (await HandlingAsync(manager, reassigned)).Log[0];
        Assert.Equal((ComplaintLogKind.Assignment, "专员休假，由经理接手", "黄涛"), (entry.Kind, entry.Text, entry.Reference));
        var gone = await (await specialist.GetAsync($"/api/v1/complaints/{c.Id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("common.not_found", gone.Code);
    }

    [Fact]
    public async Task Only_handlers_managers_the_recorder_and_group_roles_open_a_complaint_and_every_opening_is_audited()
    {
        var specialist = await app.ClientForAsync("complaints");
        var c = await InvestigatingAsync(specialist);
        var url = $"/api/v1/complaints/{c.Id}";

        foreach (var user in new[] { "complaints", "manager", "admin", "agent" })
        {
            await (await (await app.ClientForAsync(user)).GetAsync(url, Ct)).ExpectStatusAsync(HttpStatusCode.OK);
        }

        var denied = new List<string>();
        foreach (var user in new[] { "advisor", "tech", "cashier" })
        {
            var client = await app.ClientForAsync(user);
            denied.Add((await (await client.GetAsync(url, Ct)).ReadProblemAsync(HttpStatusCode.NotFound)).Code!);
            await (await client.GetAsync(url + "/handling", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
            await (await client.PostAsync(url + "/log", new AddLogEntryRequest(c.Version, ComplaintLogKind.Note, "看看"))).ReadProblemAsync(HttpStatusCode.NotFound);
        }

        // The call centre agent who recorded it sees it but does not handle it.
        var byRecorder = await (await (await app.ClientForAsync("agent")).PostAsync(url + "/log", new AddLogEntryRequest(c.Version, ComplaintLogKind.Note, "补充"))).ReadProblemAsync(HttpStatusCode.Forbidden);

        Assert.All(denied, code => Assert.Equal("common.not_found", code));
        Assert.Equal("complaint.handle_forbidden", byRecorder.Code);
        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == c.Id && (e.Action == "Viewed" || e.Action == "AccessDenied")).ToListAsync(Ct));
        Assert.Equal(4, entries.Count(e => e.Action == "Viewed"));
        Assert.Equal(c.StoreId, entries.First(e => e.Action == "Viewed").StoreId);
        Assert.Equal(9, entries.Count(e => e.Action == "AccessDenied"));
        var list = await (await (await app.ClientForAsync("advisor")).GetAsync($"/api/v1/complaints?query={c.Number}", Ct)).ReadAsync<Page<ComplaintListItem>>();
        Assert.Equal(0, list.TotalCount);
    }

    public static TheoryData<string> HandlingEndpoints => new()
    {
        "/handling", "/assignment", "/log", "/analysis", "/resolution", "/resolution/revise", "/resolution/submit", "/resolution/approve",
        "/resolution/reject", "/resolution/present", "/resolution/actions/{action}/done", "/customer-response", "/close", "/reopen", "/classification",
    };

    [Theory]
    [MemberData(nameof(HandlingEndpoints))]
    public async Task A_beijing_manager_gets_404_for_a_shanghai_complaint_and_the_attempt_is_audited(string path)
    {
        var shanghai = await app.ClientForAsync("advisor.sh");
        var complaint = (await RecordAsync(shanghai, Intake(await CustomerAsync(shanghai)))).Complaint;
        var url = $"/api/v1/complaints/{complaint.Id}{path.Replace("{action}", Guid.NewGuid().ToString(), StringComparison.Ordinal)}";
        var manager = await app.ClientForAsync("manager");

        var response = path == "/handling" ? await manager.GetAsync(url, Ct) : await manager.SendRawAsync(HttpMethod.Post, url, $$"""{"version":{{complaint.Version}},"reason":"x","text":"x","kind":"Note","whys":["x"],"responsibility":"None","actions":[{"kind":"Explanation","description":"x"}],"response":"Accepted","specialistId":"{{await app.UserIdAsync("manager")}}"}""");

        Assert.Equal("common.not_found", (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Code);
        var denied = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == complaint.Id && e.Action == "AccessDenied").ToListAsync(Ct));
        Assert.Equal(await app.UserIdAsync("manager"), Assert.Single(denied).UserId);
        var unchanged = await app.WithDbAsync(db => db.Set<Complaint>().IgnoreQueryFilters().SingleAsync(x => x.Id == complaint.Id, Ct));
        Assert.Equal(complaint.Version, unchanged.Version);
    }
}

public sealed class SqliteComplaintHandlingTests(SqliteApp app) : ComplaintHandlingTests<SqliteApp>(app);

public sealed class PostgresComplaintHandlingTests(PostgresApp app) : ComplaintHandlingTests<PostgresApp>(app);
