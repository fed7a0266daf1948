using System.Net;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.Notifications.Channels;
using AfterSales.Web.Features.PublicAccess;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Tests.Features.Notifications;

/// <summary>
/// SMS through Tencent Cloud, against a fake Tencent on loopback that verifies every request's TC3 signature: a second node
/// of the test app (same database) configured with Notifications:Sms:Provider=tencent and the fake's account.
/// </summary>
public abstract class TencentSmsTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime
    where TApp : TestApp
{
    private FakeTencentSms _tencent = null!;
    private WebApplicationFactory<Program> _node = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _tencent = await FakeTencentSms.StartAsync(app.Clock);
        _node = Node(_tencent.Settings());
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        await _tencent.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_verification_code_goes_out_through_tencent_on_its_approved_template_and_is_sent_with_tencents_serial_number()
    {
        var phone = TestData.Mobile();
        using var customer = _node.CreateClient();
        await (await customer.PostAsync("/api/v1/public/verification-codes", new SendCodeRequest(phone, "complaint"))).ReadAsync<CodeSentView>(HttpStatusCode.Accepted);
        var english = await QueueCodeAsync(TestData.Mobile(), "en");

        await DispatchAsync();

        var message = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Recipient == phone, Ct));
        var send = Assert.Single(_tencent.Sent, s => s.PhoneNumber == "+86" + phone);
        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal(TencentSmsProvider.ProviderName, message.Provider);
        Assert.Equal(send.SerialNo, message.ProviderMessageId);
        Assert.Null(message.LastError);
        Assert.Equal("2001", send.TemplateId);
        Assert.Equal([await app.LatestCodeSentToAsync(phone), "10"], send.Parameters);
        Assert.Equal(FakeTencentSms.SignName, send.SignName);
        Assert.Equal(message.Id.ToString("N"), send.SessionContext);

        var englishSend = Assert.Single(_tencent.Sent, s => s.SessionContext == english.Id.ToString("N"));
        Assert.Equal("2002", englishSend.TemplateId);
        Assert.Equal(["123456", "10"], englishSend.Parameters);
    }

    [Fact]
    public async Task With_the_wrong_secret_key_tencent_refuses_the_signature_and_the_message_fails_for_good_with_the_reason()
    {
        await using var wrongKey = Node(_tencent.Settings(secretKey: "not-the-accounts-secret-key"));
        var message = await QueueCodeAsync(TestData.Mobile(), "zh-CN", wrongKey);

        await DispatchAsync(wrongKey);

        var row = await RowAsync(message.Id);
        Assert.Equal(OutboxStatus.Dead, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.ProviderMessageId);
        Assert.Contains("Tencent SMS refused the message: AuthFailure.SignatureFailure", row.LastError, StringComparison.Ordinal);
        Assert.Contains("AuthFailure.SignatureFailure", _tencent.Refusals);
        Assert.DoesNotContain(_tencent.Sent, s => s.SessionContext == message.Id.ToString("N"));

        // A permanent refusal is not retried on a timer; an administrator can resend it once the key is fixed.
        app.Clock.Advance(TimeSpan.FromHours(2));
        await DispatchAsync(wrongKey);
        Assert.Equal(1, (await RowAsync(message.Id)).Attempts);
        using var admin = await app.ClientForAsync("admin");
        Assert.True((await (await admin.GetAsync($"/api/v1/messages/{message.Id}", Ct)).ReadAsync<MessageView>()).CanRetry);
    }

    [Fact]
    public async Task A_rate_limited_message_is_retried_after_the_backoff_and_then_sent()
    {
        var phone = TestData.Mobile();
        _tencent.Script("+86" + phone, "LimitExceeded.PhoneNumberThirtySecondLimit");
        var message = await QueueCodeAsync(phone, "zh-CN");

        await DispatchAsync();

        var limited = await RowAsync(message.Id);
        Assert.Equal(OutboxStatus.Failed, limited.Status);
        Assert.Contains("Tencent SMS rate limit: LimitExceeded.PhoneNumberThirtySecondLimit", limited.LastError, StringComparison.Ordinal);
        Assert.Equal(app.Clock.GetUtcNow() + TimeSpan.FromSeconds(30), limited.NextAttemptAt);

        // Not before the backoff is over.
        app.Clock.Advance(TimeSpan.FromSeconds(29));
        await DispatchAsync();
        Assert.Equal(OutboxStatus.Failed, (await RowAsync(message.Id)).Status);

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await DispatchAsync();

        var sent = await RowAsync(message.Id);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
        Assert.Equal(Assert.Single(_tencent.Sent, s => s.PhoneNumber == "+86" + phone).SerialNo, sent.ProviderMessageId);
        Assert.Null(sent.LastError);
    }

    [Theory]
    [InlineData("InvalidParameterValue.IncorrectPhoneNumber")]
    [InlineData("FailedOperation.PhoneNumberInBlacklist")]
    public async Task A_number_tencent_refuses_fails_for_good_with_tencents_reason(string code)
    {
        var phone = TestData.Mobile();
        _tencent.Script("+86" + phone, code);
        var message = await QueueCodeAsync(phone, "zh-CN");

        await DispatchAsync();

        var row = await RowAsync(message.Id);
        Assert.Equal(OutboxStatus.Dead, row.Status);
        Assert.Contains($"Tencent SMS refused the message: {code}", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_whose_template_has_no_tencent_template_configured_fails_for_good_without_calling_tencent()
    {
        var phone = TestData.Mobile();
        Guid id;
        await using (var scope = _node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AfterSalesDb>();
            id = scope.ServiceProvider.GetRequiredService<AfterSales.Web.Features.Notifications.Notifications>().Enqueue(db, new NotificationRequest(
                NotificationTemplates.Welcome, NotificationChannel.Sms, phone, new Dictionary<string, string> { ["name"] = "王先生", ["store"] = "北京店" }, ContactConsent: true)).Value!.Id;
            await db.SaveChangesAsync(Ct);
        }

        await DispatchAsync();

        var row = await RowAsync(id);
        Assert.Equal(OutboxStatus.Dead, row.Status);
        Assert.Contains("No SMS template is configured for 'welcome' (zh-CN): set Notifications:Sms:Tencent:Templates:welcome:Ids:zh-CN", row.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(_tencent.Sent, s => s.PhoneNumber == "+86" + phone);
    }

    [Fact]
    public async Task The_application_does_not_start_with_an_incomplete_tencent_account_or_an_unknown_template()
    {
        var settings = _tencent.Settings();
        settings.Remove("Notifications:Sms:Tencent:SecretKey");
        settings["Notifications:Sms:Tencent:Templates:verification_code:Parameters:1"] = "minuets";
        await using var incomplete = Node(settings);

        var error = Assert.ThrowsAny<OptionsValidationException>(() => incomplete.Services);

        Assert.Contains("Notifications:Sms:Tencent:SecretKey is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("'minuets' is not a placeholder of 'verification_code'", error.Message, StringComparison.Ordinal);
    }

    private WebApplicationFactory<Program> Node(IReadOnlyDictionary<string, string> settings) =>
        app.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });

    private async Task<OutboxMessage> QueueCodeAsync(string phone, string culture, WebApplicationFactory<Program>? node = null)
    {
        await using var scope = (node ?? _node).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDb>();
        var message = scope.ServiceProvider.GetRequiredService<AfterSales.Web.Features.Notifications.Notifications>().Enqueue(db, new NotificationRequest(
            NotificationTemplates.VerificationCode, NotificationChannel.Sms, phone, new Dictionary<string, string> { ["code"] = "123456", ["minutes"] = "10" }, Culture: culture)).Value!;
        await db.SaveChangesAsync(Ct);
        return message;
    }

    private async Task DispatchAsync(WebApplicationFactory<Program>? node = null)
    {
        await using var scope = (node ?? _node).Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DispatchDueMessages>().HandleAsync(100, Ct);
    }

    private Task<OutboxMessage> RowAsync(Guid id) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id, Ct));
}

public sealed class SqliteTencentSmsTests(SqliteApp app) : TencentSmsTests<SqliteApp>(app);

public sealed class PostgresTencentSmsTests(PostgresApp app) : TencentSmsTests<PostgresApp>(app);
