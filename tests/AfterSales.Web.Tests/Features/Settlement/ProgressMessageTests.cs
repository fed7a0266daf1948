using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Features.Settlement;
using AfterSales.Web.Features.Workshop;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.RepairOrders.RepairOrderFixtures;

namespace AfterSales.Web.Tests.Features.Settlement;

/// <summary>The customer's "received" message goes out by itself when the order is signed (once), and the asset history's hours come from the clock.</summary>
public abstract class ProgressMessageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Guid> Beijing => app.StoreIdAsync(DemoData.BeijingStore);

    [Fact]
    public async Task Signing_in_person_queues_the_received_message_with_the_progress_link_once_in_the_screens_language()
    {
        var english = await app.ClientForAsync("advisor", "en");
        var draft = await ReadyDraftAsync(english, await Beijing);
        Assert.Empty(await ReceivedAsync(draft.CustomerId));

        var signed = await SignAsync(english, await MoveAsync(english, draft, "submit"));

        var message = Assert.Single(await ReceivedAsync(signed.CustomerId));
        var token = await app.WithDbAsync(db => db.Set<RepairOrderProgressLink>().Where(l => l.RepairOrderId == signed.Id).Select(l => l.Token).SingleAsync(Ct));
        Assert.Equal("en", message.Culture);
        Assert.Equal(NotificationChannel.Sms, message.Channel);
        Assert.Contains("has received your car", message.Body, StringComparison.Ordinal);
        Assert.Contains(signed.Number, message.Body, StringComparison.Ordinal);
        Assert.Contains("http://localhost" + RepairOrderProgressLink.PathOf(token), message.Body, StringComparison.Ordinal);

        // Reopened and signed again: the customer already has the link, no second message.
        var resigned = await SignAsync(english, await MoveAsync(english, await MoveAsync(english, signed, "reopen"), "submit"));
        Assert.Equal(RepairOrderStatus.Signed, resigned.Status);
        Assert.Single(await ReceivedAsync(signed.CustomerId));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<RepairOrderProgressLink>().CountAsync(l => l.RepairOrderId == signed.Id, Ct)));

        var chinese = await app.ClientForAsync("advisor", "zh-CN");
        var other = await SignAsync(chinese, await MoveAsync(chinese, await ReadyDraftAsync(chinese, await Beijing), "submit"));
        var zh = Assert.Single(await ReceivedAsync(other.CustomerId));
        Assert.Equal("zh-CN", zh.Culture);
        Assert.Contains("已接收您的车辆", zh.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_through_the_remote_link_sends_the_received_message_in_the_customers_language_and_the_button_re_sends_it()
    {
        var advisor = await app.ClientForAsync("advisor");
        var order = await MoveAsync(advisor, await ReadyDraftAsync(advisor, await Beijing), "submit");
        var link = await (await advisor.PostAsync($"/api/v1/repair-orders/{order.Id}/customer-links", new SendCustomerLinkRequest(CustomerLinkPurpose.Signature))).ReadAsync<CustomerLinkView>();
        var token = link.Link[(link.Link.LastIndexOf('/') + 1)..];
        var customer = app.AnonymousClient("en");
        var page = await (await customer.GetAsync($"/api/v1/public/repair-orders/{token}", Ct)).ReadAsync<PublicRepairOrderView>();

        var signed = await (await customer.PostAsync($"/api/v1/public/repair-orders/{token}/signature", new PublicSignatureRequest(page.Version, "张三"))).ReadAsync<PublicRepairOrderView>();

        Assert.Equal(RepairOrderStatus.Signed, signed.Status);
        var message = Assert.Single(await ReceivedAsync(order.CustomerId));
        Assert.Equal("en", message.Culture);
        Assert.Contains("has received your car", message.Body, StringComparison.Ordinal);

        // The advisor re-sends it (the customer lost the text): the same link, a second message.
        var resent = await (await advisor.PostAsync($"/api/v1/repair-orders/{order.Id}/progress-link", new { })).ReadAsync<ProgressLinkView>();
        var messages = await ReceivedAsync(order.CustomerId);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Contains(RepairOrderProgressLink.PathOf(resent.Token), m.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_asset_history_takes_actual_hours_from_the_technicians_clock_sessions()
    {
        var advisor = await app.ClientForAsync("advisor");
        var order = await SignAsync(advisor, await MoveAsync(advisor, await ReadyDraftAsync(advisor, await Beijing), "submit"));
        var job = order.Jobs[0].Id;
        var techId = await app.UserIdAsync("tech");
        await app.WithDbAsync(async db =>
        {
            var o = await db.Set<RepairOrder>().Include(x => x.Jobs).SingleAsync(x => x.Id == order.Id, Ct);
            Assert.Null(o.AssignJob(job, techId, "赵磊", new RepairOrderActor(null, "张伟"), null, app.Clock.GetUtcNow()));
            return await db.SaveChangesAsync(Ct);
        });
        var tech = await app.ClientForAsync("tech");
        var version = (await (await advisor.GetAsync($"/api/v1/repair-orders/{order.Id}", Ct)).ReadAsync<RepairOrderView>()).Version;

        // One hour clocked, half an hour waiting for parts (not work), then a session still running for 45 minutes.
        var started = await PostJobAsync(tech, order.Id, job, "start", new JobClockRequest(version));
        app.Clock.Advance(TimeSpan.FromHours(1));
        var paused = await PostJobAsync(tech, order.Id, job, "pause", new PauseJobRequest(started.OrderVersion, PauseReason.WaitingForParts));
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await PostJobAsync(tech, order.Id, job, "resume", new JobClockRequest(paused.OrderVersion));
        app.Clock.Advance(TimeSpan.FromMinutes(45));

        var history = await (await advisor.GetAsync($"/api/v1/assets/{order.AssetId}/service-history", Ct)).ReadAsync<List<HistoryOrderView>>();

        var jobs = history.Single(o => o.Id == order.Id).Jobs;
        Assert.Equal(1.75m, jobs.Single(j => j.Id == job).ActualHours);
        Assert.Equal(0m, jobs.Single(j => j.Id != job).ActualHours);
    }

    private Task<List<OutboxMessage>> ReceivedAsync(Guid customerId) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.CustomerId == customerId && m.TemplateKey == ProgressMessages.Received.Key).ToListAsync(Ct));

    private static async Task<TechnicianJobView> PostJobAsync(HttpClient client, Guid orderId, Guid jobId, string move, object body) =>
        await (await client.PostAsync($"/api/v1/repair-orders/{orderId}/jobs/{jobId}/{move}", body)).ReadAsync<TechnicianJobView>();
}

public sealed class SqliteProgressMessageTests(SqliteApp app) : ProgressMessageTests<SqliteApp>(app);

public sealed class PostgresProgressMessageTests(PostgresApp app) : ProgressMessageTests<PostgresApp>(app);
