using System.Net;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.Complaints.Handling;
using AfterSales.Web.Features.ComplaintSla;
using AfterSales.Web.Features.Files;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Tests.Features.Files;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.Complaints.ComplaintFixtures;

namespace AfterSales.Web.Tests.Features.Complaints;

/// <summary>Staff mark a complaint as a duplicate of another of the same customer and merge it there.</summary>
public abstract class ComplaintMergeTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_merged_duplicate_closes_audited_its_evidence_log_and_clocks_show_on_the_survivor_and_the_customer_is_told_once()
    {
        var agent = await app.ClientForAsync("agent");
        var specialist = await app.ClientForAsync("complaints");
        var customer = await CustomerAsync(await app.ClientForAsync("advisor"));
        var phone = customer.Phones[0].Number;
        var survivor = (await RecordAsync(agent, Intake(customer))).Complaint;
        var duplicate = (await RecordAsync(agent, Intake(customer) with { Channel = ComplaintChannel.WeChat })).Complaint;
        var photo = await (await specialist.PostAsync($"/api/v1/complaints/{duplicate.Id}/evidence", TestFiles.Form(TestFiles.Png(), "仪表.png"), Ct)).ReadAsync<StoredFileView>(HttpStatusCode.Created);
        duplicate = await (await specialist.PostAsync($"/api/v1/complaints/{duplicate.Id}/acknowledge", new AcknowledgeComplaintRequest(duplicate.Version, "已回电"))).ReadAsync<ComplaintView>();
        var textsBefore = await TextsToAsync(phone);

        var merged = await (await specialist.PostAsync($"/api/v1/complaints/{duplicate.Id}/merge", new MergeComplaintRequest(duplicate.Version, survivor.Id, "同一故障重复反映"))).ReadAsync<ComplaintView>();

        Assert.Equal(ComplaintStatus.Closed, merged.Status);
        Assert.Equal(survivor.Id, merged.DuplicateOf?.Id);
        var history = await (await specialist.GetAsync($"/api/v1/complaints/{duplicate.Id}/history", Ct)).ReadAsync<List<ComplaintStatusChangeView>>();
        Assert.Equal((ComplaintStatus.Acknowledged, ComplaintStatus.Closed, (ComplaintTrigger?)ComplaintTrigger.CloseAsDuplicate, "同一故障重复反映"), (history[^1].From, history[^1].To, history[^1].Trigger, history[^1].Reason));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityId == duplicate.Id && e.Action == "Modified" && e.Changes.Contains("DuplicateOfId"), Ct)));

        // The survivor lists the duplicate, its log lines (marked with its number) and its clocks, stopped at the merge; its evidence is kept.
        var read = await (await specialist.GetAsync($"/api/v1/complaints/{survivor.Id}", Ct)).ReadAsync<ComplaintView>();
        Assert.Equal([(duplicate.Id, duplicate.Number, ComplaintStatus.Closed)], read.Merged!.Select(m => (m.Id, m.Number, m.Status)));
        var handling = await (await specialist.GetAsync($"/api/v1/complaints/{survivor.Id}/handling", Ct)).ReadAsync<ComplaintHandlingView>();
        Assert.Contains(handling.Log, l => l.Kind == ComplaintLogKind.Merge && l.Reference == duplicate.Number && l.FromComplaint is null);
        Assert.Contains(handling.Log, l => l.Kind == ComplaintLogKind.Merge && l.Reference == survivor.Number && l.FromComplaint == duplicate.Number);
        var sla = await (await specialist.GetAsync($"/api/v1/complaints/{survivor.Id}/sla", Ct)).ReadAsync<ComplaintSlaView>();
        var clocks = Assert.Single(sla.Merged!);
        Assert.Equal(duplicate.Number, clocks.Number);
        Assert.All(clocks.Clocks, k => Assert.NotNull(k.MetAt));
        var evidence = await (await specialist.GetAsync($"/api/v1/complaints/{duplicate.Id}/evidence", Ct)).ReadAsync<List<StoredFileView>>();
        Assert.Equal([photo.Id], evidence.Select(f => f.Id));

        // One text, on the survivor, naming both numbers; the duplicate's closure sends nothing of its own.
        var texts = await TextsToAsync(phone);
        var told = Assert.Single(texts.Except(textsBefore));
        Assert.Contains(duplicate.Number, told, StringComparison.Ordinal);
        Assert.Contains(survivor.Number, told, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merging_into_itself_a_closed_case_or_another_customers_case_a_stale_version_or_without_handling_rights_is_refused()
    {
        var agent = await app.ClientForAsync("agent");
        var specialist = await app.ClientForAsync("complaints", "en");
        var advisor = await app.ClientForAsync("advisor");
        var customer = await CustomerAsync(advisor);
        var a = (await RecordAsync(agent, Intake(customer))).Complaint;
        var b = (await RecordAsync(agent, Intake(customer))).Complaint;
        var stranger = (await RecordAsync(agent, Intake(await CustomerAsync(advisor)))).Complaint;

        var itself = await (await specialist.PostAsync($"/api/v1/complaints/{a.Id}/merge", new MergeComplaintRequest(a.Version, a.Id, "重复"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var other = await (await specialist.PostAsync($"/api/v1/complaints/{a.Id}/merge", new MergeComplaintRequest(a.Version, stranger.Id, "重复"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var noReason = await (await specialist.PostAsync($"/api/v1/complaints/{a.Id}/merge", new MergeComplaintRequest(a.Version, b.Id, " "))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var stale = await (await specialist.PostAsync($"/api/v1/complaints/{a.Id}/merge", new MergeComplaintRequest(a.Version + 1, b.Id, "重复"))).ReadProblemAsync(HttpStatusCode.Conflict);
        var notHandler = await (await agent.PostAsync($"/api/v1/complaints/{a.Id}/merge", new MergeComplaintRequest(a.Version, b.Id, "重复"))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await specialist.PostAsync($"/api/v1/complaints/{b.Id}/merge", new MergeComplaintRequest(b.Version, a.Id, "重复"))).ReadAsync<ComplaintView>();
        var current = await (await specialist.GetAsync($"/api/v1/complaints/{a.Id}", Ct)).ReadAsync<ComplaintView>();
        var intoClosed = await (await specialist.PostAsync($"/api/v1/complaints/{a.Id}/merge", new MergeComplaintRequest(current.Version, b.Id, "重复"))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([Complaint.MergeIntoItself], itself.Codes);
        Assert.Equal([Complaint.MergeOtherCustomer], other.Codes);
        Assert.Equal(["Only complaints of the same customer can be merged."], other.ErrorsOf("intoId"));
        Assert.Contains("complaint.reason_required", noReason.Codes);
        Assert.Equal(ComplaintGate.ChangedBySomeoneElse, stale.Code);
        Assert.Equal(ComplaintAccess.HandleForbidden, notHandler.Code);
        Assert.Equal([Complaint.MergeIntoClosed], intoClosed.Codes);
        var unchanged = await (await specialist.GetAsync($"/api/v1/complaints/{a.Id}", Ct)).ReadAsync<ComplaintView>();
        Assert.Equal((ComplaintStatus.Received, (MergedComplaintView?)null), (unchanged.Status, unchanged.DuplicateOf));
    }

    private Task<List<string>> TextsToAsync(string phone) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Recipient == phone).Select(m => m.Body).ToListAsync(Ct));
}

public sealed class SqliteComplaintMergeTests(SqliteApp app) : ComplaintMergeTests<SqliteApp>(app);

public sealed class PostgresComplaintMergeTests(PostgresApp app) : ComplaintMergeTests<PostgresApp>(app);
