using System.Net;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Tests.Infrastructure;
using static AfterSales.Web.Tests.Features.Complaints.ComplaintFixtures;

namespace AfterSales.Web.Tests.Features.Complaints;

public abstract class ComplaintEventFeedTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static async Task<List<ComplaintEvent>> FollowAllAsync(HttpClient client, string? from, int limit)
    {
        var events = new List<ComplaintEvent>();
        var cursor = from;
        while (true)
        {
            var page = await (await client.GetAsync($"/api/v1/complaint-events?limit={limit}" + (cursor is null ? string.Empty : $"&after={cursor}"), TestContext.Current.CancellationToken)).ReadAsync<ComplaintEventPage>();
            events.AddRange(page.Events);
            if (page.Events.Count == 0)
            {
                Assert.Equal(cursor, page.Next);
                return events;
            }

            cursor = page.Next;
        }
    }

    [Fact]
    public async Task A_follower_paging_from_the_start_sees_every_status_change_of_its_stores_once_in_order()
    {
        var agent = await app.ClientForAsync("advisor");
        var specialist = await app.ClientForAsync("complaints");
        var first = (await RecordAsync(agent, Intake(await CustomerAsync(agent)))).Complaint;

        // Changes within one instant have no order but the cursor's; a second apart, they must come in time order.
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = (await RecordAsync(agent, Intake(await CustomerAsync(agent)))).Complaint;
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await (await specialist.PostAsync($"/api/v1/complaints/{first.Id}/acknowledge", new AcknowledgeComplaintRequest(first.Version))).ExpectStatusAsync(HttpStatusCode.OK);
        var shanghai = await app.ClientForAsync("advisor.sh");
        var elsewhere = (await RecordAsync(shanghai, Intake(await CustomerAsync(shanghai)))).Complaint;
        app.Clock.Advance(ComplaintEventFeed.SettleTime);

        var events = await FollowAllAsync(await app.ClientForAsync("manager"), null, 2);

        Assert.Equal(events.Count, events.Select(e => e.Cursor).Distinct().Count());
        Assert.Equal(events.OrderBy(e => e.At).Select(e => e.Cursor), events.Select(e => e.Cursor));
        Assert.DoesNotContain(events, e => e.ComplaintId == elsewhere.Id);
        Assert.Equal(
            [(first.Number, (ComplaintStatus?)null, ComplaintStatus.Received), (second.Number, null, ComplaintStatus.Received), (first.Number, ComplaintStatus.Received, ComplaintStatus.Acknowledged)],
            events.Where(e => e.ComplaintId == first.Id || e.ComplaintId == second.Id).Select(e => (e.ComplaintNumber, e.From, e.To)));
    }

    [Fact]
    public async Task Changes_are_held_back_until_they_settle_and_then_follow_the_last_cursor()
    {
        var agent = await app.ClientForAsync("advisor");
        var manager = await app.ClientForAsync("manager");
        app.Clock.Advance(ComplaintEventFeed.SettleTime);
        var caughtUp = await FollowAllAsync(manager, null, 500);
        var cursor = caughtUp.Count > 0 ? caughtUp[^1].Cursor : null;

        var complaint = (await RecordAsync(agent, Intake(await CustomerAsync(agent)))).Complaint;
        var tooFresh = await FollowAllAsync(manager, cursor, 50);
        app.Clock.Advance(ComplaintEventFeed.SettleTime);
        var settled = await FollowAllAsync(manager, cursor, 50);

        Assert.Empty(tooFresh);
        var only = Assert.Single(settled);
        Assert.Equal((complaint.Id, ComplaintStatus.Received), (only.ComplaintId, only.To));
        Assert.Null(only.Trigger);
    }

    [Fact]
    public async Task A_technician_may_not_follow_and_a_made_up_cursor_is_refused()
    {
        var forbidden = await (await (await app.ClientForAsync("tech", "en")).GetAsync("/api/v1/complaint-events", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.Forbidden);
        var invalid = await (await (await app.ClientForAsync("manager")).GetAsync("/api/v1/complaint-events?after=abc", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("complaint.events_forbidden", forbidden.Code);
        Assert.Contains("complaint.events_cursor_invalid", invalid.Codes);
    }
}

public sealed class SqliteComplaintEventFeedTests(SqliteApp app) : ComplaintEventFeedTests<SqliteApp>(app);

public sealed class PostgresComplaintEventFeedTests(PostgresApp app) : ComplaintEventFeedTests<PostgresApp>(app);
