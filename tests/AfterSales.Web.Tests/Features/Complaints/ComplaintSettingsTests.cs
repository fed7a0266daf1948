using System.Net;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Staff;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.Complaints.Handling;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using static AfterSales.Web.Tests.Features.Complaints.ComplaintFixtures;

namespace AfterSales.Web.Tests.Features.Complaints;

/// <summary>Rules, teams and limits are settings of the whole database: each test uses its own category or role.</summary>
public abstract class ComplaintSettingsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ComplaintView> RecordAsync(ComplaintCategory category) =>
        (await ComplaintFixtures.RecordAsync(await app.ClientForAsync("agent"), Intake(await CustomerAsync(await app.ClientForAsync("advisor")), category: category))).Complaint;

    [Fact]
    public async Task A_rule_assigns_new_complaints_of_its_store_and_category_and_others_of_the_store_lose_sight_of_them()
    {
        var admin = await app.ClientForAsync("admin", "en");
        var beijing = await app.StoreIdAsync(DemoData.BeijingStore);
        var managerId = await app.UserIdAsync("manager");

        var forbidden = (await (await app.ClientForAsync("manager")).PostAsync("/api/v1/complaint-settings/rules", new AddAssignmentRuleRequest(beijing, ComplaintCategory.Fees, managerId, null))).StatusCode;
        var empty = await (await admin.PostAsync("/api/v1/complaint-settings/rules", new AddAssignmentRuleRequest(beijing, ComplaintCategory.Fees, null, null))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var rule = await (await admin.PostAsync("/api/v1/complaint-settings/rules", new AddAssignmentRuleRequest(beijing, ComplaintCategory.Fees, managerId, null))).ReadAsync<AssignmentRuleView>(HttpStatusCode.Created);
        var twice = await (await admin.PostAsync("/api/v1/complaint-settings/rules", new AddAssignmentRuleRequest(beijing, ComplaintCategory.Fees, managerId, null))).ReadProblemAsync(HttpStatusCode.Conflict);
        var complaint = await RecordAsync(ComplaintCategory.Fees);
        var other = await RecordAsync(ComplaintCategory.Parts);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        Assert.Equal(["complaint.assignee_required"], empty.Codes);
        Assert.Equal(("黄涛", "北京朝阳旗舰店"), (rule.SpecialistName, rule.StoreName));
        Assert.Equal("complaint.rule_exists", twice.Code);
        Assert.Equal("黄涛", complaint.AssignedSpecialistName);
        Assert.Null(other.AssignedSpecialistId);
        var handling = await (await (await app.ClientForAsync("manager")).GetAsync($"/api/v1/complaints/{complaint.Id}/handling", Ct)).ReadAsync<ComplaintHandlingView>();
        Assert.Equal((ComplaintLogKind.Assignment, ComplaintAssigner.ByRule, "黄涛"), (handling.Log[0].Kind, handling.Log[0].Text, handling.Log[0].Reference));
        var specialist = await app.ClientForAsync("complaints");
        await (await specialist.GetAsync($"/api/v1/complaints/{complaint.Id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await specialist.GetAsync($"/api/v1/complaints/{other.Id}", Ct)).ExpectStatusAsync(HttpStatusCode.OK);

        await (await admin.DeleteAsync($"/api/v1/complaint-settings/rules/{rule.Id}", Ct)).ExpectStatusAsync(HttpStatusCode.NoContent);
        Assert.Null((await RecordAsync(ComplaintCategory.Fees)).AssignedSpecialistId);
    }

    [Fact]
    public async Task A_team_rule_lets_every_member_handle_the_complaint()
    {
        var admin = await app.ClientForAsync("admin", "en");
        var beijing = await app.StoreIdAsync(DemoData.BeijingStore);
        var notCandidate = await (await admin.PostAsync("/api/v1/complaint-settings/teams", new CreateTeamRequest(beijing, "质量组", [await app.UserIdAsync("advisor")]))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var team = await (await admin.PostAsync("/api/v1/complaint-settings/teams", new CreateTeamRequest(beijing, "质量组", [await app.UserIdAsync("complaints")]))).ReadAsync<ComplaintTeamView>(HttpStatusCode.Created);
        await (await admin.PostAsync("/api/v1/complaint-settings/rules", new AddAssignmentRuleRequest(beijing, ComplaintCategory.StaffAttitude, null, team.Id))).ReadAsync<AssignmentRuleView>(HttpStatusCode.Created);

        var complaint = await RecordAsync(ComplaintCategory.StaffAttitude);
        var specialist = await app.ClientForAsync("complaints");
        var acknowledged = await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/acknowledge", new AcknowledgeComplaintRequest(complaint.Version))).ReadAsync<ComplaintView>();
        var handling = await (await specialist.GetAsync($"/api/v1/complaints/{complaint.Id}/handling", Ct)).ReadAsync<ComplaintHandlingView>();

        Assert.Equal(["complaint.specialist_invalid"], notCandidate.Codes);
        Assert.Equal(["郑洁"], team.Members.Select(m => m.DisplayName));
        Assert.Equal(ComplaintStatus.Acknowledged, acknowledged.Status);
        Assert.Equal(("质量组", true), (handling.AssignedTeamName, handling.MayHandle));
    }

    [Fact]
    public async Task A_configured_limit_replaces_the_default_for_its_role()
    {
        var admin = await app.ClientForAsync("admin");
        var negative = await (await admin.PutAsync("/api/v1/complaint-settings/approval-limits", new SetApprovalLimitRequest(StaffRole.TeamLead, -1m))).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PutAsync("/api/v1/complaint-settings/approval-limits", new SetApprovalLimitRequest(StaffRole.ComplaintSpecialist, 3_000m))).ReadAsync<ApprovalLimitView>();

        var limits = await (await admin.GetAsync("/api/v1/complaint-settings/approval-limits", Ct)).ReadAsync<List<ApprovalLimitView>>();
        var complaint = await RecordAsync(ComplaintCategory.Other);
        var handling = await (await (await app.ClientForAsync("complaints")).GetAsync($"/api/v1/complaints/{complaint.Id}/handling", Ct)).ReadAsync<ComplaintHandlingView>();

        Assert.Equal(["complaint.amount_invalid"], negative.Codes);
        Assert.Contains(new ApprovalLimitView(StaffRole.ComplaintSpecialist, 3_000m, false), limits);
        Assert.Contains(new ApprovalLimitView(StaffRole.ServiceManager, 5_000m, true), limits);
        Assert.Equal(3_000m, handling.MyLimit);
    }
}

public sealed class SqliteComplaintSettingsTests(SqliteApp app) : ComplaintSettingsTests<SqliteApp>(app);

public sealed class PostgresComplaintSettingsTests(PostgresApp app) : ComplaintSettingsTests<PostgresApp>(app);
