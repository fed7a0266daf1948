using System.Net;
using AfterSales.Web.Features.PublicAccess;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Web.Tests.Features.PublicAccess;

public abstract class PhoneVerificationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private const string SendUrl = "/api/v1/public/verification-codes";
    private const string VerifyUrl = "/api/v1/public/verifications";

    [Fact]
    public async Task A_customer_gets_a_code_by_sms_in_their_language_and_trades_it_for_a_token_that_proves_the_phone()
    {
        var phone = TestData.Mobile();
        var client = app.AnonymousClient("en");

        var sent = await (await client.PostAsync(SendUrl, new SendCodeRequest(phone, "appointment"))).ReadAsync<CodeSentView>(HttpStatusCode.Accepted);
        var code = await app.LatestCodeSentToAsync(phone);
        var verified = await (await client.PostAsync(VerifyUrl, new VerifyCodeRequest(phone, "appointment", code))).ReadAsync<VerifiedPhone>();

        Assert.Equal(phone[..3] + "****" + phone[^4..], sent.MaskedPhone);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(10), sent.ExpiresAt);
        var sms = await app.WithDbAsync(db => Task.FromResult(db.Set<Web.Features.Notifications.OutboxMessage>().Single(m => m.Recipient == phone)));
        Assert.Equal("en", sms.Culture);
        Assert.Contains($"Your verification code is {code}.", sms.Body, StringComparison.Ordinal);
        Assert.Equal(phone, verified.Phone);
        var tokens = app.Services.GetRequiredService<CustomerTokens>();
        Assert.Equal(phone, tokens.ReadPhone(verified.Token, "appointment"));
    }

    [Fact]
    public async Task A_token_proves_the_phone_only_for_its_purpose_and_only_until_it_expires()
    {
        var phone = TestData.Mobile();
        var token = await app.VerifyPhoneAsync(phone, "complaint");
        var tokens = app.Services.GetRequiredService<CustomerTokens>();

        Assert.Equal(phone, tokens.ReadPhone(token, "complaint"));
        Assert.Null(tokens.ReadPhone(token, "appointment"));
        Assert.Null(tokens.ReadPhone(token[..^2] + "xx", "complaint"));
        Assert.Null(tokens.ReadPhone("not-a-token", "complaint"));

        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Null(tokens.ReadPhone(token, "complaint"));
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_after_five_wrong_codes_even_the_right_one_is_dead()
    {
        var phone = TestData.Mobile();
        var client = app.AnonymousClient("en");
        await (await client.PostAsync(SendUrl, new SendCodeRequest(phone, "appointment"))).ExpectStatusAsync(HttpStatusCode.Accepted);
        var code = await app.LatestCodeSentToAsync(phone);
        var wrong = code == "000000" ? "111111" : "000000";

        var first = await (await client.PostAsync(VerifyUrl, new VerifyCodeRequest(phone, "appointment", wrong))).ReadProblemAsync(HttpStatusCode.BadRequest);
        for (var i = 0; i < 4; i++)
        {
            await (await client.PostAsync(VerifyUrl, new VerifyCodeRequest(phone, "appointment", wrong))).ExpectStatusAsync(HttpStatusCode.BadRequest);
        }

        var dead = await (await client.PostAsync(VerifyUrl, new VerifyCodeRequest(phone, "appointment", code))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("verification.code_wrong", first.Codes);
        Assert.Equal("The code is not correct.", first.Errors["code"][0]);
        Assert.Contains("verification.too_many_attempts", dead.Codes);
    }

    [Fact]
    public async Task An_expired_code_is_refused_and_a_code_for_another_purpose_does_not_count()
    {
        var phone = TestData.Mobile();
        var client = app.AnonymousClient();
        await (await client.PostAsync(SendUrl, new SendCodeRequest(phone, "appointment"))).ExpectStatusAsync(HttpStatusCode.Accepted);
        var code = await app.LatestCodeSentToAsync(phone);

        var otherPurpose = await (await client.PostAsync(VerifyUrl, new VerifyCodeRequest(phone, "complaint", code))).ReadProblemAsync(HttpStatusCode.BadRequest);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var expired = await (await client.PostAsync(VerifyUrl, new VerifyCodeRequest(phone, "appointment", code))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("verification.code_expired", otherPurpose.Codes);
        Assert.Contains("verification.code_expired", expired.Codes);
        Assert.Equal("验证码已过期或未发送，请重新获取。", expired.Errors["code"][0]);
    }

    [Fact]
    public async Task A_used_code_cannot_be_used_again()
    {
        var phone = TestData.Mobile();
        var client = app.AnonymousClient();
        await app.VerifyPhoneAsync(phone, "approval");
        var code = await app.LatestCodeSentToAsync(phone);

        var again = await (await client.PostAsync(VerifyUrl, new VerifyCodeRequest(phone, "approval", code))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("verification.code_expired", again.Codes);
    }

    [Fact]
    public async Task Codes_are_rate_limited_per_phone_with_429_problem_details()
    {
        var phone = TestData.Mobile();
        var client = app.AnonymousClient("en");
        await (await client.PostAsync(SendUrl, new SendCodeRequest(phone, "appointment"))).ExpectStatusAsync(HttpStatusCode.Accepted);

        var tooSoon = await (await client.PostAsync(SendUrl, new SendCodeRequest(phone, "appointment"))).ReadProblemAsync(HttpStatusCode.TooManyRequests);
        for (var i = 0; i < 4; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await (await client.PostAsync(SendUrl, new SendCodeRequest(phone, "appointment"))).ExpectStatusAsync(HttpStatusCode.Accepted);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var tooMany = await (await client.PostAsync(SendUrl, new SendCodeRequest(phone, "complaint"))).ReadProblemAsync(HttpStatusCode.TooManyRequests);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await (await client.PostAsync(SendUrl, new SendCodeRequest(phone, "complaint"))).ExpectStatusAsync(HttpStatusCode.Accepted);

        Assert.Equal("verification.resend_too_soon", tooSoon.Code);
        Assert.Equal("A code was just sent. Please wait a minute before asking for another.", tooSoon.Title);
        Assert.Equal("verification.too_many_codes", tooMany.Code);
    }

    [Theory]
    [InlineData("01065001234", "appointment", "verification.mobile_required")]
    [InlineData("12345", "appointment", "verification.mobile_required")]
    [InlineData("13800138000", "Appointment", "verification.purpose_invalid")]
    [InlineData("13800138000", "", "verification.purpose_invalid")]
    public async Task A_landline_a_malformed_number_or_an_unknown_purpose_is_refused(string phone, string purpose, string code)
    {
        var problem = await (await app.AnonymousClient().PostAsync(SendUrl, new SendCodeRequest(phone, purpose))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(code, problem.Codes);
    }

    [Fact]
    public async Task A_code_that_is_not_six_digits_is_refused_before_it_counts()
    {
        var problem = await (await app.AnonymousClient().PostAsync(VerifyUrl, new VerifyCodeRequest(TestData.Mobile(), "appointment", "12ab"))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("verification.code_format", problem.Codes);
    }
}

public sealed class SqlitePhoneVerificationTests(SqliteApp app) : PhoneVerificationTests<SqliteApp>(app);

public sealed class PostgresPhoneVerificationTests(PostgresApp app) : PhoneVerificationTests<PostgresApp>(app);
