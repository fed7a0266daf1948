using System.Net;
using System.Text.RegularExpressions;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.Complaints.Public;
using AfterSales.Web.Features.Files;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Tests.Features.Files;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.Complaints.ComplaintFixtures;

namespace AfterSales.Web.Tests.Features.Complaints;

/// <summary>The customer's tracking link: what it shows, what it lets them do, and what it never opens.</summary>
public abstract partial class ComplaintTrackingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_staff_reply_is_texted_with_the_tracking_link_which_shows_status_timeline_and_the_reply()
    {
        var (staff, complaint, customer) = await ComplaintAsync();

        var reply = await (await staff.PostAsync($"/api/v1/complaints/{complaint.Id}/messages", new ComplaintMessageRequest("您好，我们已安排技师明天联系您。")))
            .ReadAsync<ComplaintMessageView>(HttpStatusCode.Created);

        Assert.False(reply.FromCustomer);
        var sms = await app.WithDbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.CustomerId == customer.Id && m.TemplateKey == "complaint_reply", Ct));
        Assert.Equal((NotificationChannel.Sms, customer.Phones[0].Number), (sms.Channel, sms.Recipient));
        Assert.Contains(complaint.Number, sms.Body, StringComparison.Ordinal);
        Assert.Contains("我们已安排技师明天联系您", sms.Body, StringComparison.Ordinal);
        var token = TokenIn(sms.Body);

        var view = await (await app.AnonymousClient().GetAsync($"/api/v1/public/complaints/track/{token}", Ct)).ReadAsync<ComplaintTrackingView>();

        Assert.Equal((complaint.Number, CustomerStage.Received, true), (view.Number, view.Stage, view.IsOpen));
        Assert.Equal(complaint.StoreName, view.StoreName);
        Assert.Equal([CustomerStage.Received], view.Timeline.Select(s => s.Stage));
        var message = Assert.Single(view.Messages);

        // The customer sees the store, not the staff member's name.
        Assert.Equal((false, complaint.StoreName, reply.Body), (message.FromCustomer, message.AuthorName, message.Body));
    }

    [Fact]
    public async Task The_timeline_tells_the_customer_plain_stages_without_names_or_notes()
    {
        var (staff, complaint, _) = await ComplaintAsync();
        await (await staff.PostAsync($"/api/v1/complaints/{complaint.Id}/acknowledge", new AcknowledgeComplaintRequest(complaint.Version, "内部备注：客户情绪激动"))).ReadAsync<ComplaintView>();
        var token = await TokenAsync(staff, complaint.Id);

        var response = await app.AnonymousClient().GetAsync($"/api/v1/public/complaints/track/{token}", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var view = await response.ReadAsync<ComplaintTrackingView>();

        Assert.Equal([CustomerStage.Received, CustomerStage.InProgress], view.Timeline.Select(s => s.Stage));
        Assert.Equal(CustomerStage.InProgress, view.Stage);
        Assert.DoesNotContain("内部备注", text, StringComparison.Ordinal);
        Assert.DoesNotContain("王芳", text, StringComparison.Ordinal);
        Assert.DoesNotContain("urgency", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_customer_writes_and_sends_evidence_through_the_link_and_staff_see_both()
    {
        var (staff, complaint, _) = await ComplaintAsync();
        var token = await TokenAsync(staff, complaint.Id);
        var customer = app.AnonymousClient("en");
        var staffPhoto = await (await staff.PostAsync($"/api/v1/complaints/{complaint.Id}/evidence", TestFiles.Form(TestFiles.Png(), "internal-qc.png"), Ct)).ReadAsync<StoredFileView>(HttpStatusCode.Created);

        var written = await (await customer.PostAsync($"/api/v1/public/complaints/track/{token}/messages", new ComplaintMessageRequest("明天下午两点以后方便。")))
            .ReadAsync<ComplaintMessageView>(HttpStatusCode.Created);
        var photo = await (await customer.PostAsync($"/api/v1/public/complaints/track/{token}/evidence", TestFiles.Form(TestFiles.JpegWithExif(), "dashboard.jpg"), Ct))
            .ReadAsync<TrackedFile>(HttpStatusCode.Created);
        var refused = await (await customer.PostAsync($"/api/v1/public/complaints/track/{token}/evidence", TestFiles.Form(TestFiles.SvgWithScript(), "x.svg"), Ct))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        var empty = await (await customer.PostAsync($"/api/v1/public/complaints/track/{token}/messages", new ComplaintMessageRequest(" "))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(written.FromCustomer);
        Assert.Equal(["file.svg_or_markup_refused"], refused.Codes);
        Assert.Equal(["Write a message."], empty.ErrorsOf("body"));
        var view = await (await customer.GetAsync($"/api/v1/public/complaints/track/{token}", Ct)).ReadAsync<ComplaintTrackingView>();
        Assert.Equal([photo.Id], view.Evidence.Select(f => f.Id));
        var download = await customer.GetAsync(photo.ContentUrl, Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("nosniff", string.Join(",", download.Headers.GetValues("X-Content-Type-Options")));
        Assert.DoesNotContain(TestFiles.ExifSecret, System.Text.Encoding.Latin1.GetString(await download.Content.ReadAsByteArrayAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync(photo.ThumbnailUrl, Ct)).StatusCode);

        // What staff attached stays internal.
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync($"/api/v1/public/complaints/track/{token}/evidence/{staffPhoto.Id}/content", Ct)).StatusCode);

        var messages = await (await staff.GetAsync($"/api/v1/complaints/{complaint.Id}/messages", Ct)).ReadAsync<List<ComplaintMessageView>>();
        Assert.Contains(messages, m => m.FromCustomer && m.Body == "明天下午两点以后方便。");
        var evidence = await (await staff.GetAsync($"/api/v1/complaints/{complaint.Id}/evidence", Ct)).ReadAsync<List<StoredFileView>>();
        Assert.Equal(2, evidence.Count);
    }

    [Fact]
    public async Task Unknown_malformed_and_other_complaints_tokens_open_nothing()
    {
        var (staff, complaint, _) = await ComplaintAsync();
        var (otherStaff, other, _) = await ComplaintAsync();
        var token = await TokenAsync(staff, complaint.Id);
        var otherToken = await TokenAsync(otherStaff, other.Id);
        var otherPhoto = await (await app.AnonymousClient().PostAsync($"/api/v1/public/complaints/track/{otherToken}/evidence", TestFiles.Form(TestFiles.Png(), "p.png"), Ct))
            .ReadAsync<TrackedFile>(HttpStatusCode.Created);
        var anonymous = app.AnonymousClient("en");
        var unknown = new string('A', 43);

        foreach (var bad in new[] { unknown, "short", token[..^1] + (token[^1] == 'x' ? 'y' : 'x'), "../" + token })
        {
            var problem = await (await anonymous.GetAsync($"/api/v1/public/complaints/track/{Uri.EscapeDataString(bad)}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal("common.not_found", problem.Code);
            await (await anonymous.PostAsync($"/api/v1/public/complaints/track/{Uri.EscapeDataString(bad)}/messages", new ComplaintMessageRequest("hi"))).ReadProblemAsync(HttpStatusCode.NotFound);
        }

        // A valid token does not reach another complaint's files.
        await (await anonymous.GetAsync($"/api/v1/public/complaints/track/{token}/evidence/{otherPhoto.Id}/content", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/v1/public/complaints/track/{token}/evidence/{otherPhoto.Id}/thumbnail", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        var view = await (await anonymous.GetAsync($"/api/v1/public/complaints/track/{token}", Ct)).ReadAsync<ComplaintTrackingView>();
        Assert.Equal(complaint.Number, view.Number);
        Assert.Empty(view.Evidence);
    }

    [Fact]
    public async Task Staff_of_another_store_cannot_read_or_reply()
    {
        var (_, complaint, _) = await ComplaintAsync(staffUser: "advisor.sh");
        var beijing = await app.ClientForAsync("advisor");

        await (await beijing.GetAsync($"/api/v1/complaints/{complaint.Id}/messages", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await beijing.PostAsync($"/api/v1/complaints/{complaint.Id}/messages", new ComplaintMessageRequest("x"))).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Empty(await app.WithDbAsync(db => db.Set<ComplaintMessage>().Where(m => m.ComplaintId == complaint.Id).ToListAsync(Ct)));
    }

    private async Task<string> TokenAsync(HttpClient staff, Guid complaintId)
    {
        await (await staff.PostAsync($"/api/v1/complaints/{complaintId}/messages", new ComplaintMessageRequest("我们已收到。"))).ReadAsync<ComplaintMessageView>(HttpStatusCode.Created);
        return await app.WithDbAsync(db => db.Set<ComplaintTrackingLink>().Where(l => l.ComplaintId == complaintId).Select(l => l.Token).SingleAsync(Ct));
    }

    private async Task<(HttpClient Staff, ComplaintView Complaint, Web.Features.Customers.CustomerView Customer)> ComplaintAsync(string staffUser = "complaints")
    {
        var staff = await app.ClientForAsync(staffUser);
        var customer = await CustomerAsync(await app.ClientForAsync(staffUser == "advisor.sh" ? staffUser : "advisor"));
        var recorded = await RecordAsync(staff, Intake(customer, customer.Assets[0].Id));
        return (staff, recorded.Complaint, customer);
    }

    private static string TokenIn(string body) => LinkToken().Match(body).Groups[1].Value is { Length: 43 } token ? token : throw new InvalidOperationException("No tracking link in: " + body);

    [GeneratedRegex(@"/my/complaints/t/([A-Za-z0-9_-]{43})")]
    private static partial Regex LinkToken();
}

public sealed class SqliteComplaintTrackingTests(SqliteApp app) : ComplaintTrackingTests<SqliteApp>(app);

public sealed class PostgresComplaintTrackingTests(PostgresApp app) : ComplaintTrackingTests<PostgresApp>(app);
