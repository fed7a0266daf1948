using System.Net;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Customers;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.Complaints.Public;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.Complaints.ComplaintFixtures;

namespace AfterSales.Web.Tests.Features.Complaints;

/// <summary>A repeat complaint (重复投诉) is found by the asset, the customer and the phone, the last two within the window.</summary>
public abstract class ComplaintRepeatTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_customer_without_an_asset_or_the_same_phone_in_another_store_is_a_repeat_within_the_window_only()
    {
        var agent = await app.ClientForAsync("agent");
        var customer = await CustomerAsync(await app.ClientForAsync("advisor"));
        var phone = customer.Phones[0].Number;

        var first = await RecordAsync(agent, Intake(customer));
        var second = await RecordAsync(agent, Intake(customer) with { Category = ComplaintCategory.StaffAttitude });

        // The same person recorded again in Shanghai (with only the phone in common) complains there: a repeat by the phone.
        var shanghai = await app.StoreIdAsync(DemoData.ShanghaiStore);
        var twin = await app.WithDbAsync(async db =>
        {
            var c = Customer.Register(shanghai, new CustomerDetails(CustomerKind.Person, "王先生", null, [new CustomerPhone(phone, PhoneLabel.Mobile, true)], null, null, null, false, null), app.Clock.GetUtcNow());
            db.Customers.Add(c);
            await db.SaveChangesAsync(Ct);
            return c.Id;
        });
        var byPhone = await RecordAsync(agent, new RecordComplaintRequest(ComplaintChannel.Hotline, twin, "上次投诉一直没人回复", "尽快答复", ComplaintCategory.ServiceProcess));

        Assert.Null(first.Complaint.RepeatOf);
        Assert.False(first.Complaint.IsRepeat);
        Assert.True(second.Complaint.IsRepeat);
        Assert.Equal((first.Complaint.Id, first.Complaint.Number, RepeatBasis.Customer), (second.Complaint.RepeatOf?.Id, second.Complaint.RepeatOf?.Number, second.Complaint.RepeatOf?.Basis));
        Assert.True(byPhone.Complaint.IsRepeat);
        Assert.Equal((second.Complaint.Id, RepeatBasis.Phone), (byPhone.Complaint.RepeatOf?.Id, byPhone.Complaint.RepeatOf?.Basis));
        var read = await (await agent.GetAsync($"/api/v1/complaints/{byPhone.Complaint.Id}", Ct)).ReadAsync<ComplaintView>();
        Assert.Equal(byPhone.Complaint.RepeatOf, read.RepeatOf);

        // After the window the customer starts afresh; an asset complained about before stays a repeat whenever.
        app.Clock.Advance(TimeSpan.FromDays(ComplaintRepeats.WindowDays + 1));
        var later = await RecordAsync(agent, Intake(customer));
        var laterOnTheCar = await RecordAsync(agent, Intake(customer, customer.Assets[0].Id));
        var againOnTheCar = await RecordAsync(agent, Intake(customer, customer.Assets[0].Id));

        Assert.Equal((false, (RepeatOfView?)null), (later.Complaint.IsRepeat, later.Complaint.RepeatOf));
        Assert.Equal((later.Complaint.Id, RepeatBasis.Customer), (laterOnTheCar.Complaint.RepeatOf?.Id, laterOnTheCar.Complaint.RepeatOf?.Basis));
        Assert.Equal((laterOnTheCar.Complaint.Id, RepeatBasis.Asset), (againOnTheCar.Complaint.RepeatOf?.Id, againOnTheCar.Complaint.RepeatOf?.Basis));
    }

    [Fact]
    public async Task A_customer_complaining_again_on_the_public_page_is_a_repeat_of_the_case_staff_recorded()
    {
        var customer = await CustomerAsync(await app.ClientForAsync("advisor"));
        var recorded = await RecordAsync(await app.ClientForAsync("agent"), Intake(customer));
        var token = await app.VerifyPhoneAsync(customer.Phones[0].Number, "complaint");
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Add("X-Customer-Token", token);

        var filed = await (await client.PostAsync("/api/v1/public/complaints", new OnlineComplaintRequest("问题还没解决", "尽快处理"))).ReadAsync<FiledComplaint>(HttpStatusCode.Created);

        var complaint = await app.WithDbAsync(db => db.Set<Complaint>().SingleAsync(c => c.Id == filed.Id, Ct));
        Assert.Equal((true, (Guid?)recorded.Complaint.Id, (RepeatBasis?)RepeatBasis.Customer), (complaint.IsRepeat, complaint.RepeatOfId, complaint.RepeatBasis));
    }
}

public sealed class SqliteComplaintRepeatTests(SqliteApp app) : ComplaintRepeatTests<SqliteApp>(app);

public sealed class PostgresComplaintRepeatTests(PostgresApp app) : ComplaintRepeatTests<PostgresApp>(app);
