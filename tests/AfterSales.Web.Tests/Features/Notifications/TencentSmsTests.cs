using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
    public async Task A_delivery_receipt_makes_a_sent_message_delivered_at_the_time_the_phone_received_it_and_a_repeat_changes_nothing()
    {
        var phone = TestData.Mobile();
        var message = await QueueCodeAsync(phone, "zh-CN");
        await DispatchAsync();
        var serialNo = (await RowAsync(message.Id)).ProviderMessageId!;
        app.Clock.Advance(TimeSpan.FromSeconds(7));
        var receivedAt = app.Clock.GetUtcNow();
        using var tencent = _node.CreateClient();

        var answer = await _tencent.PushReceiptsAsync(tencent, FakeTencentSms.ReceiptPath, (serialNo, phone, true, "DELIVRD"));

        await answer.ExpectStatusAsync(HttpStatusCode.OK);
        Assert.Equal(0, (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("result").GetInt32());
        var delivered = await RowAsync(message.Id);
        Assert.Equal(OutboxStatus.Delivered, delivered.Status);
        Assert.Equal(receivedAt.AddTicks(-(receivedAt.Ticks % TimeSpan.TicksPerSecond)), delivered.ReceiptAt);
        Assert.Null(delivered.LastError);

        // Tencent repeats receipts; a late failure report for the same send does not undo what the phone confirmed.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await _tencent.PushReceiptsAsync(tencent, FakeTencentSms.ReceiptPath, (serialNo, phone, false, "MK:0001"))).ExpectStatusAsync(HttpStatusCode.OK);
        var again = await RowAsync(message.Id);
        Assert.Equal(OutboxStatus.Delivered, again.Status);
        Assert.Equal(delivered.ReceiptAt, again.ReceiptAt);

        using var admin = await app.ClientForAsync("admin");
        var view = await (await admin.GetAsync($"/api/v1/messages/{message.Id}", Ct)).ReadAsync<MessageView>();
        Assert.Equal(OutboxStatus.Delivered, view.Status);
        Assert.Equal(delivered.ReceiptAt, view.ReceiptAt);
        Assert.False(view.CanRetry);
    }

    [Fact]
    public async Task A_failed_receipt_makes_the_message_undelivered_with_tencents_reason_and_an_administrator_can_send_it_again()
    {
        var phone = TestData.Mobile();
        var message = await QueueCodeAsync(phone, "zh-CN");
        await DispatchAsync();
        var first = (await RowAsync(message.Id)).ProviderMessageId!;
        using var tencent = _node.CreateClient();

        await (await _tencent.PushReceiptsAsync(tencent, FakeTencentSms.ReceiptPath, (first, phone, false, "MK:0001"))).ExpectStatusAsync(HttpStatusCode.OK);

        var undelivered = await RowAsync(message.Id);
        Assert.Equal(OutboxStatus.Undelivered, undelivered.Status);
        Assert.NotNull(undelivered.ReceiptAt);
        Assert.Equal("Not delivered (Tencent receipt): MK:0001 用户短信未送达", undelivered.LastError);

        using var admin = await app.ClientForAsync("admin");
        var retried = await (await admin.PostAsync($"/api/v1/messages/{message.Id}/retry", null, Ct)).ReadAsync<MessageView>();
        Assert.Equal(OutboxStatus.Pending, retried.Status);
        await DispatchAsync();

        // The new send has its own serial number and no receipt yet; the old send's receipt, repeated, says nothing about it.
        var resent = await RowAsync(message.Id);
        Assert.Equal(OutboxStatus.Sent, resent.Status);
        Assert.NotEqual(first, resent.ProviderMessageId);
        Assert.Null(resent.ReceiptAt);
        await (await _tencent.PushReceiptsAsync(tencent, FakeTencentSms.ReceiptPath, (first, phone, false, "MK:0001"))).ExpectStatusAsync(HttpStatusCode.OK);
        Assert.Equal(OutboxStatus.Sent, (await RowAsync(message.Id)).Status);

        await (await _tencent.PushReceiptsAsync(tencent, FakeTencentSms.ReceiptPath, (resent.ProviderMessageId!, phone, true, "DELIVRD"))).ExpectStatusAsync(HttpStatusCode.OK);
        Assert.Equal(OutboxStatus.Delivered, (await RowAsync(message.Id)).Status);
    }

    [Fact]
    public async Task Receipts_are_taken_only_at_the_secret_address_in_tencents_format_and_for_the_number_the_message_went_to()
    {
        var phone = TestData.Mobile();
        var message = await QueueCodeAsync(phone, "zh-CN");
        await DispatchAsync();
        var serialNo = (await RowAsync(message.Id)).ProviderMessageId!;
        using var tencent = _node.CreateClient();

        // A guessed address, and a node with no receipt token configured, have no receipt endpoint.
        await (await _tencent.PushReceiptsAsync(tencent, "/api/v1/callbacks/sms/tencent/guessed-token-0123456789abcdefghij", (serialNo, phone, true, "DELIVRD")))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        using var withoutToken = app.AnonymousClient();
        await (await _tencent.PushReceiptsAsync(withoutToken, FakeTencentSms.ReceiptPath, (serialNo, phone, true, "DELIVRD")))
            .ReadProblemAsync(HttpStatusCode.NotFound);

        // Not Tencent's format: a validation problem, nothing recorded.
        var malformed = await tencent.PostAsJsonAsync(FakeTencentSms.ReceiptPath, new[] { new { sid = serialNo, mobile = phone, report_status = "MAYBE" } }, Ct);
        var problem = await malformed.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("sms_receipt.invalid", problem.Codes);

        // A receipt naming the serial number with another phone number does not touch the message.
        await (await _tencent.PushReceiptsAsync(tencent, FakeTencentSms.ReceiptPath, (serialNo, TestData.Mobile(), true, "DELIVRD"))).ExpectStatusAsync(HttpStatusCode.OK);

        Assert.Equal(OutboxStatus.Sent, (await RowAsync(message.Id)).Status);
    }

    [Fact]
    public async Task The_application_does_not_start_with_an_incomplete_tencent_account_or_an_unknown_template()
    {
        var settings = _tencent.Settings();
        settings.Remove("Notifications:Sms:Tencent:SecretKey");
        settings["Notifications:Sms:Tencent:Templates:verification_code:Parameters:1"] = "minuets";
        settings["Notifications:Sms:Tencent:ReceiptToken"] = "guessable";
        await using var incomplete = Node(settings);

        var error = Assert.ThrowsAny<OptionsValidationException>(() => incomplete.Services);

        Assert.Contains("Notifications:Sms:Tencent:SecretKey is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("'minuets' is not a placeholder of 'verification_code'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Notifications:Sms:Tencent:ReceiptToken must be at least 32", error.Message, StringComparison.Ordinal);
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
