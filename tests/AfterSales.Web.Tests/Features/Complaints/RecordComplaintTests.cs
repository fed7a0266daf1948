using System.Net;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.Complaints.ComplaintFixtures;

namespace AfterSales.Web.Tests.Features.Complaints;

public abstract class RecordComplaintTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<ComplaintChannel> Channels() => new(Enum.GetValues<ComplaintChannel>());

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task A_complaint_from_any_channel_gets_a_number_and_starts_received_in_the_customers_store(ComplaintChannel channel)
    {
        var client = await app.ClientForAsync("agent");
        var customer = await CustomerAsync(await app.ClientForAsync("advisor"));
        var year = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Year;

        var response = await client.PostAsync("/api/v1/complaints", Intake(customer, customer.Assets[0].Id, channel) with { RepairOrderReference = " RO-20261120-0003 " + channel });
        var recorded = await response.ReadAsync<RecordedComplaint>(HttpStatusCode.Created);

        var complaint = recorded.Complaint;
        Assert.Equal($"/api/v1/complaints/{complaint.Id}", response.Headers.Location?.OriginalString);
        Assert.Matches($"^TS-{year}-\\d{{6}}$", complaint.Number);
        Assert.Equal(channel, complaint.Channel);
        Assert.Equal(ComplaintStatus.Received, complaint.Status);
        Assert.Equal(customer.StoreId, complaint.StoreId);
        Assert.Equal(customer.Name, complaint.CustomerName);
        Assert.Equal("RO-20261120-0003 " + channel, complaint.RepairOrderReference);
        Assert.Equal(Responsibility.TechnicianError, complaint.SuspectedResponsibility);
        Assert.Equal([ComplaintTrigger.Acknowledge, ComplaintTrigger.CloseAsDuplicate], complaint.PermittedTriggers);
        Assert.Empty(recorded.PossibleDuplicates);
        var read = await (await client.GetAsync($"/api/v1/complaints/{complaint.Id}", Ct)).ReadAsync<ComplaintView>();
        Assert.Equal(complaint.Number, read.Number);
        var history = await (await client.GetAsync($"/api/v1/complaints/{complaint.Id}/history", Ct)).ReadAsync<List<ComplaintStatusChangeView>>();
        var intake = Assert.Single(history);
        Assert.Equal((null, ComplaintStatus.Received, "王芳"), (intake.From, intake.To, intake.UserName));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == complaint.Id).Select(e => new { e.EntityType, e.Action, e.UserName }).ToListAsync(Ct));
        Assert.Contains(audit, a => a is { EntityType: "Complaint", Action: "Added", UserName: "王芳" });
    }

    [Fact]
    public async Task Missing_fields_are_localized_field_errors_and_nothing_is_saved()
    {
        var client = await app.ClientForAsync("agent", "en");
        var customer = await CustomerAsync(await app.ClientForAsync("advisor"));
        var before = await app.WithDbAsync(db => db.Set<Complaint>().CountAsync(Ct));

        var problem = await (await client.PostAsync("/api/v1/complaints", Intake(customer) with { CoreProblem = " ", CustomerExpectation = "" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Describe the core problem."], problem.ErrorsOf("coreProblem"));
        Assert.Equal(["Record what the customer expects."], problem.ErrorsOf("customerExpectation"));
        Assert.Contains("complaint.core_problem_required", problem.Codes);
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<Complaint>().CountAsync(Ct)));
    }

    [Fact]
    public async Task Field_errors_come_in_chinese_by_default()
    {
        var client = await app.ClientForAsync("agent", "zh-CN");
        var customer = await CustomerAsync(await app.ClientForAsync("advisor"));

        var problem = await (await client.PostAsync("/api/v1/complaints", Intake(customer) with { CoreProblem = "" })).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["请填写核心问题。"], problem.ErrorsOf("coreProblem"));
    }

    [Fact]
    public async Task An_unknown_customer_or_another_customers_asset_is_a_field_error()
    {
        var client = await app.ClientForAsync("advisor", "en");
        var customer = await CustomerAsync(client);
        var other = await CustomerAsync(client);

        var unknown = await (await client.PostAsync("/api/v1/complaints", Intake(customer) with { CustomerId = Guid.NewGuid() })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var wrongAsset = await (await client.PostAsync("/api/v1/complaints", Intake(customer, other.Assets[0].Id))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["complaint.customer_unknown"], unknown.Codes);
        Assert.Single(unknown.ErrorsOf("customerId"));
        Assert.Equal(["complaint.asset_not_customers"], wrongAsset.Codes);
        Assert.Equal(["This asset does not belong to the customer."], wrongAsset.ErrorsOf("assetId"));
    }

    [Fact]
    public async Task A_customer_of_another_store_is_not_visible_at_intake()
    {
        var shanghaiCustomer = await CustomerAsync(await app.ClientForAsync("advisor.sh"));
        var beijing = await app.ClientForAsync("advisor", "en");

        var problem = await (await beijing.PostAsync("/api/v1/complaints", Intake(shanghaiCustomer))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["complaint.customer_unknown"], problem.Codes);
    }

    [Fact]
    public async Task The_store_can_be_another_visible_store_but_not_an_invisible_one()
    {
        var agent = await app.ClientForAsync("agent");
        var customer = await CustomerAsync(await app.ClientForAsync("advisor"));
        var shanghai = await app.StoreIdAsync(DemoData.ShanghaiStore);

        var recorded = await RecordAsync(agent, Intake(customer) with { StoreId = shanghai });
        var refused = await (await (await app.ClientForAsync("advisor")).PostAsync("/api/v1/complaints", Intake(customer) with { StoreId = shanghai })).ReadProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(shanghai, recorded.Complaint.StoreId);
        Assert.Equal("common.other_store", refused.Code);
    }

    [Fact]
    public async Task Open_complaints_of_the_same_customer_or_asset_are_shown_and_a_second_one_on_the_asset_or_from_the_customer_is_a_repeat()
    {
        var client = await app.ClientForAsync("agent");
        var customer = await CustomerAsync(await app.ClientForAsync("advisor"));
        var car = customer.Assets[0].Id;

        var first = await RecordAsync(client, Intake(customer, car));
        var second = await RecordAsync(client, Intake(customer, car, ComplaintChannel.WeChat));
        var third = await RecordAsync(client, Intake(customer, customer.Assets[1].Id, category: ComplaintCategory.Fees));
        var beforeSaving = await (await client.GetAsync($"/api/v1/complaints/duplicates?customerId={customer.Id}&assetId={car}", Ct)).ReadAsync<List<ComplaintListItem>>();

        Assert.False(first.Complaint.IsRepeat);
        Assert.Empty(first.PossibleDuplicates);
        Assert.True(second.Complaint.IsRepeat);
        Assert.Equal([first.Complaint.Id], second.PossibleDuplicates.Select(d => d.Id));
        Assert.Equal(new RepeatOfView(first.Complaint.Id, first.Complaint.Number, RepeatBasis.Asset, first.Complaint.ReceivedAt), second.Complaint.RepeatOf);

        // Another asset, but the same customer within the window: a repeat of their latest complaint.
        Assert.True(third.Complaint.IsRepeat);
        Assert.Equal((second.Complaint.Id, RepeatBasis.Customer), (third.Complaint.RepeatOf?.Id, third.Complaint.RepeatOf?.Basis));
        Assert.Equal([second.Complaint.Id, first.Complaint.Id], third.PossibleDuplicates.Select(d => d.Id));
        Assert.Equal(3, beforeSaving.Count);
    }

    [Fact]
    public async Task A_safety_hazard_raises_the_urgency_staff_chose_and_says_why_but_a_more_urgent_choice_stands()
    {
        var client = await app.ClientForAsync("agent");
        var customer = await CustomerAsync(await app.ClientForAsync("advisor"));

        var low = await RecordAsync(client, Intake(customer, urgency: ComplaintUrgency.Low) with { CoreProblem = "取车后发动机舱冒烟，有烧焦味" });
        var high = await RecordAsync(client, Intake(customer, urgency: ComplaintUrgency.High) with { CoreProblem = "Brake pedal noise after the service" });

        Assert.Equal(ComplaintUrgency.Critical, low.Complaint.Urgency);
        Assert.Equal(ComplaintUrgencyRules.SafetyHazard, low.Complaint.UrgencyReason?.Rule);
        Assert.Equal((ComplaintUrgency.High, (UrgencyReasonView?)null), (high.Complaint.Urgency, high.Complaint.UrgencyReason));
    }

    [Fact]
    public async Task A_complaint_about_the_same_repair_order_is_a_possible_duplicate_even_for_another_customer()
    {
        var client = await app.ClientForAsync("agent");
        var advisor = await app.ClientForAsync("advisor");
        var order = "RO-" + TestData.Serial();
        var first = await RecordAsync(client, Intake(await CustomerAsync(advisor)) with { RepairOrderReference = order });

        var second = await RecordAsync(client, Intake(await CustomerAsync(advisor)) with { RepairOrderReference = order });

        Assert.Equal([first.Complaint.Id], second.PossibleDuplicates.Select(d => d.Id));
    }
}

public sealed class SqliteRecordComplaintTests(SqliteApp app) : RecordComplaintTests<SqliteApp>(app);

public sealed class PostgresRecordComplaintTests(PostgresApp app) : RecordComplaintTests<PostgresApp>(app);
