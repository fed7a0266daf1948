using System.Net;
using AfterSales.Domain.Customers;
using AfterSales.Web.Features;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.Notifications.Channels;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Tests.Features.Notifications;

public abstract class OutboxTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static readonly DispatcherOptions Policy = new()
    {
        MaxAttempts = 3,
        FirstRetryDelay = TimeSpan.FromSeconds(30),
        MaxRetryDelay = TimeSpan.FromHours(1),
        Lease = TimeSpan.FromMinutes(2),
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registering_a_consenting_customer_with_a_mobile_queues_a_chinese_welcome_sms_from_their_store()
    {
        var client = await app.ClientForAsync("advisor");
        var request = TestData.Customer(name: "王小明");

        var customer = await (await client.PostAsync("/api/v1/customers", request)).ReadAsync<CustomerView>(HttpStatusCode.Created);

        var message = Assert.Single(await MessagesOfAsync(customer.Id));
        Assert.Equal(NotificationChannel.Sms, message.Channel);
        Assert.Equal(customer.Phones[0].Number, message.Recipient);
        Assert.Equal("welcome", message.TemplateKey);
        Assert.Equal("zh-CN", message.Culture);
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(customer.StoreId, message.StoreId);
        Assert.StartsWith("王小明，欢迎您！您已成为北京朝阳旗舰店的客户", message.Body, StringComparison.Ordinal);
        Assert.Equal(app.Clock.GetUtcNow(), message.CreatedAt);
    }

    [Fact]
    public async Task A_customer_who_did_not_consent_or_has_no_mobile_gets_no_welcome_message()
    {
        var client = await app.ClientForAsync("advisor");
        var noConsent = await (await client.PostAsync("/api/v1/customers", TestData.Customer() with { ContactConsent = false }))
            .ReadAsync<CustomerView>(HttpStatusCode.Created);
        var landlineOnly = await (await client.PostAsync("/api/v1/customers", TestData.Customer() with { Phones = [new PhoneInput("010-65001234", PhoneLabel.Home, true)] }))
            .ReadAsync<CustomerView>(HttpStatusCode.Created);

        Assert.Empty(await MessagesOfAsync(noConsent.Id));
        Assert.Empty(await MessagesOfAsync(landlineOnly.Id));
    }

    [Fact]
    public async Task The_welcome_message_commits_and_rolls_back_with_the_customer()
    {
        var notifications = app.Services.GetRequiredService<AfterSales.Web.Features.Notifications.Notifications>();
        var beijing = await app.StoreIdAsync(DemoData.BeijingStore);
        Customer NewCustomer(Guid storeId) => Customer.Register(
            storeId,
            new CustomerDetails(CustomerKind.Person, TestData.Name(), null, [new CustomerPhone(TestData.Mobile(), PhoneLabel.Mobile, true)], null, null, null, true, null),
            app.Clock.GetUtcNow());

        // The customer's store does not exist: the save fails, and the message queued with it must go too.
        var orphan = NewCustomer(Guid.CreateVersion7());
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(db =>
        {
            db.Customers.Add(orphan);
            Assert.NotNull(notifications.WelcomeCustomer(db, orphan, "不存在的门店"));
            return db.SaveChangesAsync(Ct);
        }));

        var saved = NewCustomer(beijing);
        await app.WithDbAsync(db =>
        {
            db.Customers.Add(saved);
            notifications.WelcomeCustomer(db, saved, "北京朝阳旗舰店");
            return db.SaveChangesAsync(Ct);
        });

        Assert.Empty(await MessagesOfAsync(orphan.Id));
        Assert.Single(await MessagesOfAsync(saved.Id));
    }

    [Fact]
    public async Task A_marketing_message_needs_consent_and_a_service_message_does_not()
    {
        var notifications = app.Services.GetRequiredService<AfterSales.Web.Features.Notifications.Notifications>();
        var recipient = TestData.Mobile();

        var (marketing, service) = await app.WithDbAsync(db => Task.FromResult((
            notifications.Enqueue(db, new NotificationRequest(NotificationTemplates.Welcome, NotificationChannel.Sms, recipient, new Dictionary<string, string> { ["name"] = "x", ["store"] = "y" })),
            notifications.Enqueue(db, new NotificationRequest(NotificationTemplates.VerificationCode, NotificationChannel.Sms, recipient, new Dictionary<string, string> { ["code"] = "4711", ["minutes"] = "5" })))));

        Assert.False(marketing.IsOk);
        Assert.Equal("notification.consent_required", marketing.Errors.Single().Code);
        Assert.True(service.IsOk);
        Assert.Equal("您的验证码是4711，5分钟内有效。请勿泄露给他人。", service.Value!.Body);
    }

    [Fact]
    public async Task The_same_template_is_rendered_in_the_language_of_the_customer()
    {
        var chinese = await QueueAsync(TestData.Mobile(), culture: "zh-CN");
        var english = await QueueAsync(TestData.Mobile(), culture: "en");

        Assert.Equal("您的验证码", (await MessageAsync(chinese)).Subject);
        Assert.Equal("Your verification code", (await MessageAsync(english)).Subject);
        Assert.StartsWith("Your verification code is 123456.", (await MessageAsync(english)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_delivers_due_messages_through_the_development_sink_and_marks_them_sent()
    {
        var recipient = TestData.Mobile();
        var id = await QueueAsync(recipient);

        var result = await DispatchAsync();

        var message = await MessageAsync(id);
        Assert.True(result.Sent >= 1);
        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Equal(app.Clock.GetUtcNow(), message.SentAt);
        Assert.Equal(DevelopmentSink.ProviderName, message.Provider);
        Assert.Null(message.ClaimedBy);
        Assert.Null(message.LeaseUntil);
        var delivery = Assert.Single(app.Services.GetRequiredService<DevelopmentSink>().Recent, d => d.Recipient == recipient);
        Assert.Equal(message.ProviderMessageId, delivery.ProviderMessageId);
        Assert.Equal(message.Body, delivery.Body);

        await DispatchAsync();
        Assert.Single(app.Services.GetRequiredService<DevelopmentSink>().Recent, d => d.Recipient == recipient);
    }

    [Fact]
    public async Task A_failing_channel_is_retried_with_growing_delays_and_given_up_after_the_last_attempt()
    {
        var recipient = TestData.Mobile();
        var id = await QueueAsync(recipient);
        var broken = new BrokenSmsChannel(recipient);

        await DispatchAsync(broken);
        var first = await MessageAsync(id);
        Assert.Equal(OutboxStatus.Failed, first.Status);
        Assert.Equal(1, first.Attempts);
        Assert.Equal(app.Clock.GetUtcNow().AddSeconds(30), first.NextAttemptAt);
        Assert.Contains("503", first.LastError, StringComparison.Ordinal);

        // Not due yet: nothing happens.
        app.Clock.Advance(TimeSpan.FromSeconds(29));
        await DispatchAsync(broken);
        Assert.Equal(1, (await MessageAsync(id)).Attempts);

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await DispatchAsync(broken);
        var second = await MessageAsync(id);
        Assert.Equal(OutboxStatus.Failed, second.Status);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(1), second.NextAttemptAt);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await DispatchAsync(broken);
        var third = await MessageAsync(id);
        Assert.Equal(OutboxStatus.Dead, third.Status);
        Assert.Equal(3, third.Attempts);
        Assert.Null(third.SentAt);

        app.Clock.Advance(TimeSpan.FromHours(2));
        await DispatchAsync(broken);
        Assert.Equal(OutboxStatus.Dead, (await MessageAsync(id)).Status);
        Assert.Equal(3, (await MessageAsync(id)).Attempts);
    }

    [Fact]
    public async Task A_message_whose_dispatcher_stopped_mid_send_is_delivered_again_once_its_lease_expires()
    {
        var recipient = TestData.Mobile();
        var id = await QueueAsync(recipient);
        using var shutdown = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DispatchAsync(new StopsMidSendChannel(shutdown, recipient), shutdown.Token));
        var stuck = await MessageAsync(id);
        Assert.Equal(OutboxStatus.Sending, stuck.Status);
        Assert.Equal(app.Clock.GetUtcNow() + Policy.Lease, stuck.LeaseUntil);

        // While the lease holds, no other dispatcher touches it.
        app.Clock.Advance(Policy.Lease - TimeSpan.FromSeconds(1));
        await DispatchAsync();
        Assert.Equal(OutboxStatus.Sending, (await MessageAsync(id)).Status);

        app.Clock.Advance(TimeSpan.FromSeconds(2));
        await DispatchAsync();
        var delivered = await MessageAsync(id);
        Assert.Equal(OutboxStatus.Sent, delivered.Status);
        Assert.Equal(2, delivered.Attempts);
    }

    [Fact]
    public async Task Two_dispatchers_running_at_once_send_each_message_exactly_once()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await QueueAsync(TestData.Mobile()));
        }

        var gateway = new CountingSmsChannel();
        await Task.WhenAll(
            Task.Run(() => DispatchAsync(gateway), Ct),
            Task.Run(() => DispatchAsync(gateway), Ct));

        Assert.All(ids, id => Assert.Equal(1, gateway.Sends.GetValueOrDefault(id)));
        Assert.All(await Task.WhenAll(ids.Select(MessageAsync)), m =>
        {
            Assert.Equal(OutboxStatus.Sent, m.Status);
            Assert.Equal(1, m.Attempts);
        });
    }

    [Fact]
    public async Task An_administrator_resends_a_given_up_message_with_a_fresh_set_of_attempts()
    {
        var recipient = TestData.Mobile();
        var id = await QueueAsync(recipient);
        var broken = new BrokenSmsChannel(recipient);
        for (var i = 0; i < Policy.MaxAttempts; i++)
        {
            await DispatchAsync(broken);
            app.Clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(OutboxStatus.Dead, (await MessageAsync(id)).Status);
        var admin = await app.ClientForAsync("admin");

        var retried = await (await admin.PostAsync($"/api/v1/messages/{id}/retry", new { })).ReadAsync<MessageView>();

        Assert.Equal(OutboxStatus.Pending, retried.Status);
        Assert.Equal(0, retried.Attempts);
        Assert.Contains("503", retried.LastError, StringComparison.Ordinal);
        await DispatchAsync();
        Assert.Equal(OutboxStatus.Sent, (await MessageAsync(id)).Status);

        var again = await (await admin.PostAsync($"/api/v1/messages/{id}/retry", new { })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("notification.retry_not_allowed", again.Code);
        await (await admin.PostAsync($"/api/v1/messages/{Guid.CreateVersion7()}/retry", new { })).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == id && a.Action == "Retry", Ct)));
    }

    [Fact]
    public async Task Without_an_sms_provider_outside_development_a_message_is_not_sent_not_retried_and_says_so()
    {
        var recipient = TestData.Mobile();
        var id = await QueueAsync(recipient);
        var production = new SmsProviderChannel(new SmsProviders(
            app.Services.GetServices<ISmsProvider>(), Options.Create(new NotificationOptions()), new TestEnvironment(Environments.Production)));

        // Other tests of the class leave messages queued too: the counts are at least this one.
        var first = await DispatchAsync(production);
        app.Clock.Advance(TimeSpan.FromHours(2));
        await DispatchAsync(production);

        Assert.True(first.NotSent >= 1);
        var message = await MessageAsync(id);
        Assert.Equal(1, message.Attempts);
        Assert.Equal(OutboxStatus.NotSent, message.Status);
        Assert.Null(message.Provider);
        Assert.Null(message.SentAt);
        Assert.Equal("No Sms provider is configured.", message.LastError);
        var admin = await app.ClientForAsync("admin");
        var row = Assert.Single((await (await admin.GetAsync($"/api/v1/messages?status=NotSent&query={recipient}", Ct)).ReadAsync<Page<MessageListItem>>()).Items);
        Assert.Equal(id, row.Id);

        // Once a provider is configured (here the development sink), an administrator's retry delivers it.
        var retried = await (await admin.PostAsync($"/api/v1/messages/{id}/retry", new { })).ReadAsync<MessageView>();
        Assert.Equal(OutboxStatus.Pending, retried.Status);
        await DispatchAsync();
        Assert.Equal(OutboxStatus.Sent, (await MessageAsync(id)).Status);
    }

    [Theory]
    [InlineData("Production", null, null)]
    [InlineData("Staging", "", null)]
    [InlineData("Development", null, DevelopmentSink.ProviderName)]
    [InlineData("Production", "aliyun", "aliyun")]
    public void The_development_sink_stands_in_for_sms_only_in_development(string environment, string? configured, string? expected) =>
        Assert.Equal(expected, ProviderChoice.EffectiveName(configured, new TestEnvironment(environment)));

    [Theory]
    [InlineData("Production", "development", false)]
    [InlineData("Staging", " Development ", false)]
    [InlineData("Development", "development", true)]
    [InlineData("Production", null, true)]
    [InlineData("Production", "aliyun", true)]
    public void The_development_sink_cannot_be_named_outside_development(string environment, string? configured, bool allowed) =>
        Assert.Equal(allowed, ProviderChoice.IsAllowed(configured, new TestEnvironment(environment)));

    [Fact]
    public async Task The_message_log_filters_by_status_channel_and_recipient_and_shows_one_message_in_full()
    {
        var recipient = TestData.Mobile();
        var id = await QueueAsync(recipient, culture: "en");
        await DispatchAsync();
        var admin = await app.ClientForAsync("admin");

        var sent = await (await admin.GetAsync($"/api/v1/messages?status=Sent&channel=Sms&query={recipient}", Ct)).ReadAsync<Page<MessageListItem>>();
        var pending = await (await admin.GetAsync($"/api/v1/messages?status=Pending&query={recipient}", Ct)).ReadAsync<Page<MessageListItem>>();
        var email = await (await admin.GetAsync($"/api/v1/messages?channel=Email&query={recipient}", Ct)).ReadAsync<Page<MessageListItem>>();
        var byText = await (await admin.GetAsync($"/api/v1/messages?query={recipient[..3]}%20{recipient[3..7]}%20{recipient[7..]}", Ct)).ReadAsync<Page<MessageListItem>>();
        var one = await (await admin.GetAsync($"/api/v1/messages/{id}", Ct)).ReadAsync<MessageView>();

        var row = Assert.Single(sent.Items);
        Assert.Equal(id, row.Id);
        Assert.Equal(recipient, row.Recipient);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Empty(pending.Items);
        Assert.Empty(email.Items);
        Assert.Equal(id, Assert.Single(byText.Items).Id);
        Assert.Equal("Your verification code is 123456. It is valid for 10 minutes. Do not share it with anyone.", one.Body);
        Assert.Equal(DevelopmentSink.ProviderName, one.Provider);
        Assert.False(one.CanRetry);
    }

    [Theory]
    [InlineData("advisor")]
    [InlineData("manager")]
    public async Task Only_administrators_read_the_message_log(string userName)
    {
        var id = await QueueAsync(TestData.Mobile());
        var client = await app.ClientForAsync(userName);

        await (await client.GetAsync("/api/v1/messages", Ct)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync($"/api/v1/messages/{id}", Ct)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsync($"/api/v1/messages/{id}/retry", new { })).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().GetAsync("/api/v1/messages", Ct)).StatusCode);
    }

    private Task<Guid> QueueAsync(string recipient, string? culture = null) =>
        app.WithDbAsync(async db =>
        {
            var message = app.Services.GetRequiredService<AfterSales.Web.Features.Notifications.Notifications>().Enqueue(db, new NotificationRequest(
                NotificationTemplates.VerificationCode,
                NotificationChannel.Sms,
                recipient,
                new Dictionary<string, string> { ["code"] = "123456", ["minutes"] = "10" },
                Culture: culture));
            await db.SaveChangesAsync(Ct);
            return message.Value!.Id;
        });

    /// <summary>One dispatch round as the background job runs it, with test doubles in place of some channels.</summary>
    private async Task<DispatchResult> DispatchAsync(INotificationChannel? channel = null, CancellationToken? ct = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var channels = services.GetServices<INotificationChannel>().ToList();
        if (channel is not null)
        {
            channels.Add(channel);
        }

        var handler = new DispatchDueMessages(
            services.GetRequiredService<AfterSalesDb>(),
            channels,
            Options.Create(new NotificationOptions { Dispatcher = Policy }),
            app.Clock,
            NullLogger<DispatchDueMessages>.Instance);
        return await handler.HandleAsync(100, ct ?? Ct);
    }

    private Task<OutboxMessage> MessageAsync(Guid id) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id, Ct));

    private Task<List<OutboxMessage>> MessagesOfAsync(Guid customerId) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.CustomerId == customerId).ToListAsync(Ct));
}

file sealed class TestEnvironment(string name) : Microsoft.Extensions.Hosting.IHostEnvironment
{
    public string EnvironmentName { get; set; } = name;

    public string ApplicationName { get; set; } = "AfterSales.Web";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
}

public sealed class SqliteOutboxTests(SqliteApp app) : OutboxTests<SqliteApp>(app);

public sealed class PostgresOutboxTests(PostgresApp app) : OutboxTests<PostgresApp>(app);
