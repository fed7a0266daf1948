using System.Net;
using System.Text.RegularExpressions;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.Complaints.Handling;
using AfterSales.Web.Features.Complaints.Public;
using AfterSales.Web.Features.ComplaintSla;
using AfterSales.Web.Features.Files;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Features.Files;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.Complaints.ComplaintFixtures;

namespace AfterSales.Web.Tests.Features.Complaints;

/// <summary>Customers file complaints themselves after proving their phone with a texted code.</summary>
public abstract partial class OnlineComplaintTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_phone_files_a_complaint_becomes_a_customer_and_gets_a_number_and_a_tracking_link_by_sms()
    {
        var phone = TestData.Mobile();
        var client = await VerifiedClientAsync(phone);
        var store = await app.StoreIdAsync(DemoData.BeijingStore);

        var options = await (await client.GetAsync("/api/v1/public/complaints/options", Ct)).ReadAsync<CustomerComplaintOptions>();
        var filed = await (await client.PostAsync("/api/v1/public/complaints", new OnlineComplaintRequest("更换刹车片后有异响", "重新检查", ComplaintCategory.RepairQuality, StoreId: store, Name: "李娜")))
            .ReadAsync<FiledComplaint>(HttpStatusCode.Created);

        Assert.False(options.IsKnownCustomer);
        Assert.Contains(options.Stores, s => s.Id == store);
        Assert.Matches(@"^TS-\d{4}-\d{6}$", filed.Number);
        var complaint = await app.WithDbAsync(db => db.Set<Complaint>().SingleAsync(c => c.Id == filed.Id, Ct));
        Assert.Equal((ComplaintChannel.OnlineApp, ComplaintStatus.Received, store), (complaint.Channel, complaint.Status, complaint.StoreId));
        var customer = await app.WithDbAsync(db => db.Customers.SingleAsync(c => c.Id == complaint.CustomerId, Ct));
        Assert.Equal(("李娜", phone, store), (customer.Name, customer.PrimaryPhone, customer.StoreId));
        var sms = await app.WithDbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.Recipient == phone && m.TemplateKey == "complaint_received", Ct));
        Assert.Contains(filed.Number, sms.Body, StringComparison.Ordinal);
        Assert.Contains(filed.TrackingPath, sms.Body, StringComparison.Ordinal);

        var view = await (await app.AnonymousClient().GetAsync($"/api/v1/public/complaints/track/{filed.TrackingToken}", Ct)).ReadAsync<ComplaintTrackingView>();
        Assert.Equal((filed.Number, CustomerStage.Received, "更换刹车片后有异响"), (view.Number, view.Stage, view.CoreProblem));

        // Staff of the store see it in their list like any other complaint.
        var staff = await app.ClientForAsync("complaints");
        var read = await (await staff.GetAsync($"/api/v1/complaints/{filed.Id}", Ct)).ReadAsync<ComplaintView>();
        Assert.Equal(("李娜", ComplaintChannel.OnlineApp), (read.CustomerName, read.Channel));
    }

    [Fact]
    public async Task A_known_customer_picks_their_asset_and_the_complaint_goes_to_their_store_and_record()
    {
        var customer = await CustomerAsync(await app.ClientForAsync("advisor.sh"), "王强");
        var phone = customer.Phones[0].Number;
        var client = await VerifiedClientAsync(phone);

        var options = await (await client.GetAsync("/api/v1/public/complaints/options", Ct)).ReadAsync<CustomerComplaintOptions>();
        var filed = await (await client.PostAsync("/api/v1/public/complaints", new OnlineComplaintRequest("屏幕维修后触控失灵", "免费重修", AssetId: customer.Assets[1].Id)))
            .ReadAsync<FiledComplaint>(HttpStatusCode.Created);

        Assert.True(options.IsKnownCustomer);
        Assert.Equal("王强", options.CustomerName);
        Assert.Equal(customer.Assets.Select(a => a.Id).Order(), options.Assets.Select(a => a.Id).Order());
        var complaint = await app.WithDbAsync(db => db.Set<Complaint>().SingleAsync(c => c.Id == filed.Id, Ct));
        Assert.Equal((customer.Id, customer.Assets[1].Id, customer.StoreId), (complaint.CustomerId, complaint.AssetId, complaint.StoreId));
        Assert.Equal(1, await app.WithDbAsync(db => db.Customers.CountAsync(c => c.Name == "王强" && c.Id == customer.Id, Ct)));
        var again = await (await client.GetAsync("/api/v1/public/complaints/options", Ct)).ReadAsync<CustomerComplaintOptions>();
        var mine = Assert.Single(again.Complaints);
        Assert.Equal((filed.Number, filed.TrackingPath), (mine.Number, mine.TrackingPath));
    }

    [Fact]
    public async Task Someone_elses_asset_a_missing_name_or_problem_are_localized_field_errors_and_nothing_is_filed()
    {
        var stranger = await CustomerAsync(await app.ClientForAsync("advisor"));
        var client = await VerifiedClientAsync(TestData.Mobile(), "en");
        var before = await app.WithDbAsync(db => db.Set<Complaint>().CountAsync(Ct));

        var problem = await (await client.PostAsync("/api/v1/public/complaints", new OnlineComplaintRequest(" ", "", AssetId: stranger.Assets[0].Id, StoreId: await app.StoreIdAsync(DemoData.BeijingStore))))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Describe the core problem."], problem.ErrorsOf("coreProblem"));
        Assert.Contains("complaint.asset_not_customers", problem.Codes);
        Assert.Contains("complaint.name_required", problem.Codes);
        Assert.Equal(["Tell us your name."], problem.ErrorsOf("name"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<Complaint>().CountAsync(Ct)));
    }

    [Fact]
    public async Task Without_a_verified_phone_or_with_a_token_for_another_purpose_nothing_is_filed()
    {
        var anonymous = app.AnonymousClient();
        var request = new OnlineComplaintRequest("x", "y", StoreId: await app.StoreIdAsync(DemoData.BeijingStore), Name: "X");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/public/complaints", request)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/public/complaints/options", Ct)).StatusCode);
        anonymous.DefaultRequestHeaders.Add("X-Customer-Token", "forged");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/public/complaints", request)).StatusCode);
        var appointmentToken = await VerifyAsync(TestData.Mobile(), "appointment");
        var other = app.AnonymousClient();
        other.DefaultRequestHeaders.Add("X-Customer-Token", appointmentToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.PostAsync("/api/v1/public/complaints", request)).StatusCode);
    }

    [Fact]
    public async Task Evidence_sent_right_after_filing_is_checked_like_any_upload()
    {
        var client = await VerifiedClientAsync(TestData.Mobile());
        var filed = await (await client.PostAsync("/api/v1/public/complaints", new OnlineComplaintRequest("漏水", "修好", StoreId: await app.StoreIdAsync(DemoData.BeijingStore), Name: "赵敏")))
            .ReadAsync<FiledComplaint>(HttpStatusCode.Created);
        var anonymous = app.AnonymousClient();

        var photo = await (await anonymous.PostAsync($"/api/v1/public/complaints/track/{filed.TrackingToken}/evidence", TestFiles.Form(TestFiles.JpegWithExif(), "水渍.jpg"), Ct)).ReadAsync<TrackedFile>(HttpStatusCode.Created);
        var disguised = await (await anonymous.PostAsync($"/api/v1/public/complaints/track/{filed.TrackingToken}/evidence", TestFiles.Form(TestFiles.Jpeg(), "水渍.jpg.exe"), Ct)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["file.double_extension"], disguised.Codes);
        var stored = await app.WithDbAsync(db => db.Set<StoredFile>().SingleAsync(f => f.Id == photo.Id, Ct));
        Assert.Equal(("complaint", filed.Id, PublicComplaints.CustomerUploader, (Guid?)null), (stored.OwnerKind, stored.OwnerId, stored.CreatedByName, stored.CreatedById));
    }

    [Fact]
    public async Task A_public_complaint_about_failing_brakes_goes_through_the_staff_intake_critical_assigned_by_rule_and_on_the_critical_clock()
    {
        var beijing = await app.StoreIdAsync(DemoData.BeijingStore);
        var specialist = await app.UserIdAsync("complaints");
        var admin = await app.ClientForAsync("admin");
        await (await admin.PostAsync("/api/v1/complaint-settings/rules", new AddAssignmentRuleRequest(beijing, ComplaintCategory.RepairQuality, specialist, null))).ReadAsync<AssignmentRuleView>(HttpStatusCode.Created);
        var client = await VerifiedClientAsync(TestData.Mobile());

        var filed = await (await client.PostAsync("/api/v1/public/complaints", new OnlineComplaintRequest("保养后刹车失灵，高速上很危险", "马上检查", ComplaintCategory.RepairQuality, StoreId: beijing, Name: "周琳")))
            .ReadAsync<FiledComplaint>(HttpStatusCode.Created);
        var plain = await (await client.PostAsync("/api/v1/public/complaints", new OnlineComplaintRequest("发票抬头开错了", "重开发票", ComplaintCategory.Fees, StoreId: beijing, Name: "周琳")))
            .ReadAsync<FiledComplaint>(HttpStatusCode.Created);

        var staff = await app.ClientForAsync("complaints", "en");
        var read = await (await staff.GetAsync($"/api/v1/complaints/{filed.Id}", Ct)).ReadAsync<ComplaintView>();
        Assert.Equal((ComplaintUrgency.Critical, (Guid?)specialist), (read.Urgency, read.AssignedSpecialistId));
        Assert.Equal(ComplaintUrgencyRules.SafetySystemFailure, read.UrgencyReason?.Rule);
        Assert.Contains("刹车", read.UrgencyReason!.Words, StringComparison.Ordinal);
        var handling = await (await staff.GetAsync($"/api/v1/complaints/{filed.Id}/handling", Ct)).ReadAsync<ComplaintHandlingView>();
        Assert.Contains(handling.Log, l => l.Kind == ComplaintLogKind.Assignment && l.Text == ComplaintAssigner.ByRule);
        Assert.Contains(handling.Log, l => l.Kind == ComplaintLogKind.UrgencyRule && l.Text == ComplaintUrgencyRules.SafetySystemFailure);
        var sla = await (await staff.GetAsync($"/api/v1/complaints/{filed.Id}/sla", Ct)).ReadAsync<ComplaintSlaView>();
        Assert.Equal((ComplaintUrgency.Critical, ComplaintChannel.OnlineApp), (sla.Urgency, sla.Channel));
        Assert.Equal(SlaDefaults.Resolve([], ComplaintUrgency.Critical, ComplaintChannel.OnlineApp).Acknowledge.BreachMinutes, sla.Clocks.Single(k => k.Clock == SlaClockKind.Acknowledge).BreachMinutes);

        // Nothing in the words of the second calls for more: the rules leave it where an unjudged complaint starts, and no rule assigns fees.
        var other = await (await staff.GetAsync($"/api/v1/complaints/{plain.Id}", Ct)).ReadAsync<ComplaintView>();
        Assert.Equal((ComplaintUrgencyRules.Unjudged, (Guid?)null, (UrgencyReasonView?)null), (other.Urgency, other.AssignedSpecialistId, other.UrgencyReason));
    }

    /// <summary>Proves a phone as a customer would: asks for a code, reads it from the texted message, confirms it.</summary>
    private async Task<string> VerifyAsync(string phone, string purpose = "complaint")
    {
        var client = app.AnonymousClient();
        var sent = await client.PostAsync("/api/v1/public/verification-codes", new { phone, purpose });
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync(Ct));
        var body = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Recipient == phone && m.TemplateKey == "verification_code").OrderByDescending(m => m.CreatedAt).Select(m => m.Body).FirstAsync(Ct));
        var code = SixDigits().Match(body).Value;
        var verified = await client.PostAsync("/api/v1/public/verifications", new { phone, purpose, code });
        var json = System.Text.Json.JsonDocument.Parse(await verified.Content.ReadAsStringAsync(Ct));
        Assert.True(verified.IsSuccessStatusCode, json.RootElement.ToString());
        return json.RootElement.GetProperty("token").GetString()!;
    }

    private async Task<HttpClient> VerifiedClientAsync(string phone, string? culture = null)
    {
        var token = await VerifyAsync(phone);
        var client = app.AnonymousClient(culture);
        client.DefaultRequestHeaders.Add("X-Customer-Token", token);
        return client;
    }

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex SixDigits();
}

public sealed class SqliteOnlineComplaintTests(SqliteApp app) : OnlineComplaintTests<SqliteApp>(app);

public sealed class PostgresOnlineComplaintTests(PostgresApp app) : OnlineComplaintTests<PostgresApp>(app);
