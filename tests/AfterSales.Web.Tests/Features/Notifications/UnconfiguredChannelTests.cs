using System.Net.Http.Headers;
using AfterSales.Web.Features;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.Notifications.Channels;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AfterSales.Web.Tests.Features.Notifications;

/// <summary>
/// The application as a production installation runs it with nothing configured: no SMS gateway, no SMTP host, no WeChat
/// gateway. Test apps run in the Development environment (WebApplicationFactory's default), so this one is a second node on
/// the same database in the Production environment, where the development sink must not stand in for any channel.
/// </summary>
public abstract class UnconfiguredChannelTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(NotificationChannel.Sms, "No Sms provider is configured.")]
    [InlineData(NotificationChannel.Email, "No Email provider is configured.")]
    [InlineData(NotificationChannel.WeChat, "No WeChat provider is configured.")]
    public async Task Outside_development_with_no_provider_a_message_is_not_sent_and_the_message_log_says_why(NotificationChannel channel, string reason)
    {
        await using var production = app.WithWebHostBuilder(b => b
            .UseEnvironment(Environments.Production)
            .UseSetting("Notifications:Sms:Provider", string.Empty));
        var recipient = Recipient(channel);
        var id = await QueueAsync(production, channel, recipient);
        var sinkBefore = production.Services.GetRequiredService<DevelopmentSink>().Recent.Count(d => d.Recipient == recipient);

        DispatchResult result;
        await using (var scope = production.Services.CreateAsyncScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<DispatchDueMessages>().HandleAsync(100, Ct);
        }

        // Other tests of the class leave messages queued too: the count is at least this one.
        Assert.True(result.NotSent >= 1);
        Assert.Equal(0, sinkBefore);
        Assert.DoesNotContain(production.Services.GetRequiredService<DevelopmentSink>().Recent, d => d.Recipient == recipient);
        var row = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id, Ct));
        Assert.Equal(OutboxStatus.NotSent, row.Status);
        Assert.Null(row.Provider);
        Assert.Null(row.ProviderMessageId);
        Assert.Null(row.SentAt);
        Assert.Equal(reason, row.LastError);

        // The message log (API of the production node) lists it as not sent, with the reason, and offers a retry.
        using var admin = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.IssueTokenAsync("admin"));
        var page = await (await admin.GetAsync($"/api/v1/messages?status=NotSent&channel={channel}&query={Uri.EscapeDataString(recipient)}", Ct))
            .ReadAsync<Page<MessageListItem>>();
        var item = Assert.Single(page.Items);
        Assert.Equal(id, item.Id);
        Assert.Equal(OutboxStatus.NotSent, item.Status);
        Assert.Equal(reason, item.LastError);
        Assert.Null(item.SentAt);
        var view = await (await admin.GetAsync($"/api/v1/messages/{id}", Ct)).ReadAsync<MessageView>();
        Assert.Equal(OutboxStatus.NotSent, view.Status);
        Assert.Equal(reason, view.LastError);
        Assert.Null(view.Provider);
        Assert.True(view.CanRetry);
    }

    [Fact]
    public async Task In_development_the_development_sink_stands_in_for_every_channel()
    {
        var ids = new Dictionary<NotificationChannel, (Guid Id, string Recipient)>();
        foreach (var channel in Enum.GetValues<NotificationChannel>())
        {
            var recipient = Recipient(channel);
            ids[channel] = (await QueueAsync(app, channel, recipient), recipient);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DispatchDueMessages>().HandleAsync(100, Ct);
        }

        foreach (var (channel, (id, recipient)) in ids)
        {
            var row = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id, Ct));
            Assert.Equal(OutboxStatus.Sent, row.Status);
            Assert.Equal(DevelopmentSink.ProviderName, row.Provider);
            Assert.Contains(app.Services.GetRequiredService<DevelopmentSink>().Recent, d => d.Recipient == recipient && d.Channel == channel && d.ProviderMessageId == row.ProviderMessageId);
        }
    }

    private static string Recipient(NotificationChannel channel) => channel switch
    {
        NotificationChannel.Sms => TestData.Mobile(),
        NotificationChannel.Email => $"c{Guid.NewGuid():N}@example.com",
        NotificationChannel.WeChat => $"o{Guid.NewGuid():N}"[..28],
    };

    private static async Task<Guid> QueueAsync(WebApplicationFactory<Program> node, NotificationChannel channel, string recipient)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDb>();
        var message = scope.ServiceProvider.GetRequiredService<AfterSales.Web.Features.Notifications.Notifications>().Enqueue(db, new NotificationRequest(
            NotificationTemplates.VerificationCode,
            channel,
            recipient,
            new Dictionary<string, string> { ["code"] = "123456", ["minutes"] = "10" }));
        await db.SaveChangesAsync(Ct);
        return message.Value!.Id;
    }
}

public sealed class SqliteUnconfiguredChannelTests(SqliteApp app) : UnconfiguredChannelTests<SqliteApp>(app);

public sealed class PostgresUnconfiguredChannelTests(PostgresApp app) : UnconfiguredChannelTests<PostgresApp>(app);
