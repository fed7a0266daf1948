using System.Net;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Stores;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.Complaints.Capa;
using AfterSales.Web.Features.Complaints.Handling;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.Web.Tests.Features.Complaints.ComplaintFixtures;

namespace AfterSales.Web.Tests.Features.Complaints;

/// <summary>The hourly effectiveness job on a clock the test moves: counted measures judged by the repeats in their scope and period.</summary>
public abstract class CapaEffectivenessTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(Store.DefaultTimeZone);

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Zone).DateTime);

    private static async Task<ComplaintView> PostAsync<T>(HttpClient client, ComplaintView c, string path, T body) =>
        await (await client.PostAsync($"/api/v1/complaints/{c.Id}{path}", body)).ReadAsync<ComplaintView>();

    private async Task<CapaCheckRun> RunAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CheckCapaEffectiveness>().HandleAsync(200, Ct);
    }

    private async Task<ComplaintView> AnalysedAsync(HttpClient specialist, Web.Features.Customers.CustomerView customer)
    {
        var c = (await RecordAsync(await app.ClientForAsync("agent"), Intake(customer, assetId: customer.Assets[0].Id))).Complaint;
        c = await PostAsync(specialist, c, "/acknowledge", new AcknowledgeComplaintRequest(c.Version));
        c = await PostAsync(specialist, c, "/investigation", new StartInvestigationRequest(c.Version, await app.UserIdAsync("complaints")));
        return await PostAsync(specialist, c, "/analysis", new RecordAnalysisRequest(c.Version, ["插头松动"], Responsibility.TechnicianError, IsSystemic: false));
    }

    private async Task<CapaView> AddDoneAsync(HttpClient specialist, ComplaintView c, CapaMeasure measure, int maxRepeats)
    {
        var request = new AddCapaRequest(c.Version, CapaKind.Corrective, "重新紧固并复检", await app.UserIdAsync("tech"), Today.AddDays(3), Today.AddDays(30), measure, maxRepeats);
        var capa = await (await specialist.PostAsync($"/api/v1/complaints/{c.Id}/capas", request)).ReadAsync<CapaView>(HttpStatusCode.Created);
        return await (await specialist.PostAsync($"/api/v1/complaints/{c.Id}/capas/{capa.Id}/done", new CapaDoneRequest(capa.Version))).ReadAsync<CapaView>();
    }

    [Fact]
    public async Task Counted_measures_are_judged_once_at_their_check_date_by_the_repeats_in_their_scope_and_period()
    {
        var specialist = await app.ClientForAsync("complaints");
        var advisor = await app.ClientForAsync("advisor");
        var first = await CustomerAsync(advisor);
        var second = await CustomerAsync(advisor);
        var a = await AnalysedAsync(specialist, first);
        var b = await AnalysedAsync(specialist, second);

        // The actions are done a minute after their complaints came in: those are not their own repeats.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var onAsset = await AddDoneAsync(specialist, a, CapaMeasure.RepeatsOnAsset, 0);
        var atStore = await AddDoneAsync(specialist, a, CapaMeasure.RepeatsOfCategoryAtStore, 1);
        var quietAsset = await AddDoneAsync(specialist, b, CapaMeasure.RepeatsOnAsset, 0);
        var manual = await (await specialist.PostAsync($"/api/v1/complaints/{b.Id}/capas", new AddCapaRequest(b.Version, CapaKind.Preventive, "培训", await app.UserIdAsync("tech"), Today, Today, CapaMeasure.Manual, 0, "培训考核通过")))
            .ReadAsync<CapaView>(HttpStatusCode.Created);
        var inGroup = await AddDoneAsync(specialist, b, CapaMeasure.RepeatsOfCategoryInGroup, 0);

        // The period starts when the action is done: a complaint received later in it is a repeat.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var repeat = (await RecordAsync(await app.ClientForAsync("agent"), Intake(first, assetId: first.Assets[0].Id))).Complaint;
        var otherCategory = (await RecordAsync(await app.ClientForAsync("agent"), Intake(await CustomerAsync(advisor), category: ComplaintCategory.StaffAttitude))).Complaint;
        var shanghai = await app.ClientForAsync("advisor.sh");
        var otherStore = (await RecordAsync(shanghai, Intake(await CustomerAsync(shanghai)))).Complaint;

        Assert.Equal(new CapaCheckRun(0, 0, 0, 0), await RunAsync());
        app.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, (await RunAsync()).Checked);

        // After the check date has begun; a complaint received from then on is outside the counted period.
        app.Clock.Advance(TimeSpan.FromDays(2));
        var late = (await RecordAsync(await app.ClientForAsync("agent"), Intake(first, assetId: first.Assets[0].Id))).Complaint;

        // Two instances at once: each action is judged by exactly one of them.
        var runs = await Task.WhenAll(RunAsync(), RunAsync());
        var again = await RunAsync();

        var stored = await app.WithDbAsync(db => db.Set<CapaAction>().AsNoTracking().Where(x => x.ComplaintId == a.Id || x.ComplaintId == b.Id).ToDictionaryAsync(x => x.Id, Ct));
        var checkStart = new DateTimeOffset(onAsset.CheckDate.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        Assert.Equal((CapaStatus.NotEffective, 1), (stored[onAsset.Id].Status, stored[onAsset.Id].RepeatCount));
        Assert.Equal([repeat.Number], stored[onAsset.Id].RepeatNumbers);
        Assert.Equal((onAsset.DoneAt, checkStart), (stored[onAsset.Id].CheckedFrom, stored[onAsset.Id].CheckedUntil));
        Assert.Null(stored[onAsset.Id].CheckedBy);
        Assert.Equal((CapaStatus.VerifiedEffective, 1), (stored[atStore.Id].Status, stored[atStore.Id].RepeatCount));
        Assert.Equal([repeat.Number], stored[atStore.Id].RepeatNumbers);
        Assert.Equal((CapaStatus.VerifiedEffective, 0), (stored[quietAsset.Id].Status, stored[quietAsset.Id].RepeatCount));

        // Group-wide by category: the Beijing and the Shanghai repeat count, the other category does not.
        Assert.Equal((CapaStatus.NotEffective, 2), (stored[inGroup.Id].Status, stored[inGroup.Id].RepeatCount));
        Assert.Equal(new[] { repeat.Number, otherStore.Number }.Order(), stored[inGroup.Id].RepeatNumbers.Order());
        Assert.DoesNotContain(otherCategory.Number, stored[inGroup.Id].RepeatNumbers);
        Assert.DoesNotContain(late.Number, stored.Values.SelectMany(x => x.RepeatNumbers));
        Assert.Equal((2, 2), (runs.Sum(r => r.Effective), runs.Sum(r => r.NotEffective)));
        Assert.Equal(new CapaCheckRun(0, 0, 0, 0), again);

        // A manual measure is left to its reviewer.
        Assert.Equal(CapaStatus.Open, stored[manual.Id].Status);
        Assert.Null(stored[manual.Id].CheckedAt);
        var list = await (await specialist.GetAsync($"/api/v1/complaints/{a.Id}/capas", Ct)).ReadAsync<CapaListView>();
        Assert.Equal([repeat.Number], list.Items.Single(i => i.Id == onAsset.Id).RepeatNumbers);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == onAsset.Id && e.Action == "Modified").CountAsync(Ct));
        Assert.Equal(2, audit);
    }
}

public sealed class SqliteCapaEffectivenessTests(SqliteApp app) : CapaEffectivenessTests<SqliteApp>(app);

public sealed class PostgresCapaEffectivenessTests(PostgresApp app) : CapaEffectivenessTests<PostgresApp>(app);
