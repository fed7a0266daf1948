using System.Net;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.Complaints.Handling;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.Complaints.ComplaintFixtures;

namespace AfterSales.Web.Tests.Features.Complaints;

/// <summary>An administrator edits and deletes complaint teams; deleting is refused while rules or open complaints use the team.</summary>
public abstract class ComplaintTeamTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private const string Teams = "/api/v1/complaint-settings/teams";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ComplaintTeamView> CreateAsync(HttpClient admin, string name, params string[] members)
    {
        var ids = new List<Guid>();
        foreach (var m in members)
        {
            ids.Add(await app.UserIdAsync(m));
        }

        return await (await admin.PostAsync(Teams, new CreateTeamRequest(await app.StoreIdAsync(DemoData.BeijingStore), name, ids))).ReadAsync<ComplaintTeamView>(HttpStatusCode.Created);
    }

    private static async Task<List<ComplaintTeamView>> ListAsync(HttpClient admin) => await (await admin.GetAsync(Teams, Ct)).ReadAsync<List<ComplaintTeamView>>();

    [Fact]
    public async Task An_administrator_renames_a_team_and_replaces_its_members_with_the_version_guarding_concurrent_edits()
    {
        var admin = await app.ClientForAsync("admin", "en");
        var team = await CreateAsync(admin, "售后一组", "complaints");
        var other = await CreateAsync(admin, "投诉二组", "complaints");

        var edited = await (await admin.PutAsync($"{Teams}/{team.Id}", new UpdateTeamRequest(team.Version, " 售后质量组 ", [await app.UserIdAsync("complaints"), await app.UserIdAsync("manager")])))
            .ReadAsync<ComplaintTeamView>();
        var stale = await (await admin.PutAsync($"{Teams}/{team.Id}", new UpdateTeamRequest(team.Version, "又改名", [await app.UserIdAsync("complaints")]))).ReadProblemAsync(HttpStatusCode.Conflict);
        var taken = await (await admin.PutAsync($"{Teams}/{other.Id}", new UpdateTeamRequest(other.Version, "售后质量组", [await app.UserIdAsync("complaints")]))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var notCandidate = await (await admin.PutAsync($"{Teams}/{other.Id}", new UpdateTeamRequest(other.Version, "投诉二组", [await app.UserIdAsync("advisor")]))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var empty = await (await admin.PutAsync($"{Teams}/{other.Id}", new UpdateTeamRequest(other.Version, "", []))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var unknown = await (await admin.PutAsync($"{Teams}/{Guid.NewGuid()}", new UpdateTeamRequest(0, "无", [await app.UserIdAsync("complaints")]))).ReadProblemAsync(HttpStatusCode.NotFound);
        var manager = (await (await app.ClientForAsync("manager")).PutAsync($"{Teams}/{other.Id}", new UpdateTeamRequest(other.Version, "经理改名", [await app.UserIdAsync("complaints")]))).StatusCode;

        Assert.Equal("售后质量组", edited.Name);
        Assert.Equal(["郑洁", "黄涛"], edited.Members.Select(m => m.DisplayName).Order(StringComparer.Ordinal));
        Assert.True(edited.Version > team.Version);
        Assert.Equal("common.concurrency_conflict", stale.Code);
        Assert.Equal(["complaint.team_name_taken"], taken.Codes);
        Assert.Equal(["complaint.specialist_invalid"], notCandidate.Codes);
        Assert.Equal(["complaint.team_members_required", "complaint.team_name_required"], empty.Codes.Order(StringComparer.Ordinal));
        Assert.Equal("common.not_found", unknown.Code);
        Assert.Equal(HttpStatusCode.Forbidden, manager);
        var listed = (await ListAsync(admin)).Single(t => t.Id == team.Id);
        Assert.Equal(("售后质量组", 2), (listed.Name, listed.Members.Count));
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityId == team.Id && e.EntityType == nameof(ComplaintTeam)).ToListAsync(Ct));
        Assert.Contains(audit, e => e.Changes.Contains("售后质量组", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deleting_is_refused_while_a_rule_or_an_open_complaint_uses_the_team_retires_a_team_of_closed_complaints_and_removes_an_unused_one()
    {
        var admin = await app.ClientForAsync("admin", "en");
        var beijing = await app.StoreIdAsync(DemoData.BeijingStore);
        var team = await CreateAsync(admin, "返修质量组", "complaints");
        var unused = await CreateAsync(admin, "临时组", "complaints");
        var rule = await (await admin.PostAsync("/api/v1/complaint-settings/rules", new AddAssignmentRuleRequest(beijing, ComplaintCategory.Parts, null, team.Id))).ReadAsync<AssignmentRuleView>(HttpStatusCode.Created);

        var byRule = await (await admin.DeleteAsync($"{Teams}/{team.Id}", Ct)).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await admin.DeleteAsync($"/api/v1/complaint-settings/rules/{rule.Id}", Ct)).ExpectStatusAsync(HttpStatusCode.NoContent);

        // An open complaint handed to the team.
        var specialist = await app.ClientForAsync("complaints");
        var c = (await RecordAsync(await app.ClientForAsync("agent"), Intake(await CustomerAsync(await app.ClientForAsync("advisor"))))).Complaint;
        c = await (await specialist.PostAsync($"/api/v1/complaints/{c.Id}/acknowledge", new AcknowledgeComplaintRequest(c.Version))).ReadAsync<ComplaintView>();
        c = await (await specialist.PostAsync($"/api/v1/complaints/{c.Id}/investigation", new StartInvestigationRequest(c.Version, await app.UserIdAsync("complaints")))).ReadAsync<ComplaintView>();
        c = await (await specialist.PostAsync($"/api/v1/complaints/{c.Id}/assignment", new ReassignComplaintRequest(c.Version, null, team.Id, "转返修质量组"))).ReadAsync<ComplaintView>();
        var byComplaint = await (await admin.DeleteAsync($"{Teams}/{team.Id}", Ct)).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("complaint.team_used_by_rules", byRule.Code);
        Assert.Equal("Assignment rules still send complaints to this team: change or delete those rules first.", byRule.Title);
        Assert.Equal("complaint.team_has_open_complaints", byComplaint.Code);

        // Once the complaint is closed the team can go, but its name stays on the closed record.
        await app.WithDbAsync(async db =>
        {
            var row = await db.Set<Complaint>().IgnoreQueryFilters().SingleAsync(x => x.Id == c.Id, Ct);
            db.Entry(row).Property(x => x.Status).CurrentValue = ComplaintStatus.Closed;
            return await db.SaveChangesAsync(Ct);
        });
        var retired = await (await admin.DeleteAsync($"{Teams}/{team.Id}", Ct)).ReadAsync<TeamDeletion>();
        var removed = await (await admin.DeleteAsync($"{Teams}/{unused.Id}", Ct)).ReadAsync<TeamDeletion>();
        var again = await (await admin.DeleteAsync($"{Teams}/{unused.Id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        var ruleForRetired = await (await admin.PostAsync("/api/v1/complaint-settings/rules", new AddAssignmentRuleRequest(beijing, ComplaintCategory.Parts, null, team.Id))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(retired.Retired);
        Assert.False(removed.Retired);
        Assert.Equal("common.not_found", again.Code);
        Assert.Equal(["complaint.team_invalid"], ruleForRetired.Codes);
        Assert.DoesNotContain(await ListAsync(admin), t => t.Id == team.Id || t.Id == unused.Id);
        Assert.False(await app.WithDbAsync(db => db.Set<ComplaintTeam>().AnyAsync(t => t.Id == unused.Id, Ct)));
        var handling = await (await (await app.ClientForAsync("manager")).GetAsync($"/api/v1/complaints/{c.Id}/handling", Ct)).ReadAsync<ComplaintHandlingView>();
        Assert.Equal("返修质量组", handling.AssignedTeamName);
    }
}

public sealed class SqliteComplaintTeamTests(SqliteApp app) : ComplaintTeamTests<SqliteApp>(app);

public sealed class PostgresComplaintTeamTests(PostgresApp app) : ComplaintTeamTests<PostgresApp>(app);
