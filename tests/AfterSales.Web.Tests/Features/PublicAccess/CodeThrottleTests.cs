using System.Net;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.PublicAccess;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Tests.Features.PublicAccess;

/// <summary>Concurrent requests, on one node or several, never get more codes sent than the allowances let through.</summary>
public abstract class CodeThrottleTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private const string SendUrl = "/api/v1/public/verification-codes";

    [Fact]
    public async Task Twenty_concurrent_requests_for_one_phone_get_exactly_five_codes_sent_and_the_rest_429_with_retry_after()
    {
        var phone = TestData.Mobile();
        var client = app.AnonymousClient("en");

        // Twenty purposes, so the one-per-minute resend rule does not hide the hourly allowance.
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            client.PostAsync(SendUrl, new SendCodeRequest(phone, "purpose" + (char)('a' + i)))));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Accepted).ToList();
        Assert.Equal(15, refused.Count);
        foreach (var response in refused)
        {
            var problem = await response.ReadProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.Equal("verification.too_many_codes", problem.Code);
            var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 3590, 3600);
            Assert.Equal(retryAfter, problem.RetryAfter);
        }

        Assert.Equal(5, await app.WithDbAsync(db => db.Set<PhoneVerificationChallenge>().CountAsync(c => c.Phone == phone)));
        Assert.Equal(5, await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Recipient == phone)));

        // The window ends an hour after its first code; then the phone has its allowance again.
        app.Clock.Advance(TimeSpan.FromHours(1));
        await (await client.PostAsync(SendUrl, new SendCodeRequest(phone, "appointment"))).ExpectStatusAsync(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Concurrent_requests_for_one_phone_and_purpose_send_one_code_per_resend_interval()
    {
        var phone = TestData.Mobile();
        var client = app.AnonymousClient("en");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.PostAsync(SendUrl, new SendCodeRequest(phone, "appointment"))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        var problem = await responses.First(r => r.StatusCode != HttpStatusCode.Accepted).ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("verification.resend_too_soon", problem.Code);
        Assert.InRange(problem.RetryAfter ?? 0, 1, 60);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<PhoneVerificationChallenge>().CountAsync(c => c.Phone == phone)));
    }

    [Fact]
    public async Task One_client_address_asking_for_many_phones_at_once_gets_its_hourly_allowance_and_others_are_not_punished()
    {
        await using var node = app.BehindProxy(("PublicAccess:CodesPerAddressPerHour", "4"));
        var attacker = node.ClientFrom("203.0.113.66", "en");
        var phones = Enumerable.Range(0, 12).Select(_ => TestData.Mobile()).ToList();

        var responses = await Task.WhenAll(phones.Select(p => attacker.PostAsync(SendUrl, new SendCodeRequest(p, "appointment"))));

        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Accepted))
        {
            var problem = await response.ReadProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.Equal("verification.too_many_codes_from_address", problem.Code);
            Assert.True(response.Headers.Contains("Retry-After"));
        }

        Assert.Equal(4, await app.WithDbAsync(db => db.Set<PhoneVerificationChallenge>().CountAsync(c => phones.Contains(c.Phone))));
        var neighbour = node.ClientFrom("198.51.100.20");
        await (await neighbour.PostAsync(SendUrl, new SendCodeRequest(TestData.Mobile(), "appointment"))).ExpectStatusAsync(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task A_store_gets_its_daily_allowance_of_codes_and_another_store_keeps_its_own()
    {
        await using var node = app.BehindProxy(("PublicAccess:CodesPerStorePerDay", "3"));
        var shanghai = await app.StoreIdAsync("SH01");
        var beijing = await app.StoreIdAsync("BJ01");
        var client = node.ClientFrom("203.0.113.80", "zh-CN");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostAsync(SendUrl, new SendCodeRequest(TestData.Mobile(), "appointment", shanghai))));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        var problem = await responses.First(r => r.StatusCode != HttpStatusCode.Accepted).ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("verification.daily_limit_reached", problem.Code);
        Assert.Equal("暂时无法发送验证码，请稍后再试或致电门店。", problem.Title);
        Assert.InRange(problem.RetryAfter ?? 0, 86_390, 86_400);
        await (await client.PostAsync(SendUrl, new SendCodeRequest(TestData.Mobile(), "appointment", beijing))).ExpectStatusAsync(HttpStatusCode.Accepted);

        app.Clock.Advance(TimeSpan.FromDays(1));
        await (await client.PostAsync(SendUrl, new SendCodeRequest(TestData.Mobile(), "appointment", shanghai))).ExpectStatusAsync(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task A_store_that_does_not_exist_is_refused_as_a_field_error()
    {
        var problem = await (await app.AnonymousClient("en").PostAsync(SendUrl, new SendCodeRequest(TestData.Mobile(), "appointment", Guid.NewGuid())))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("verification.store_unknown", problem.Codes);
        Assert.NotEmpty(problem.ErrorsOf("storeId"));
    }
}

public sealed class SqliteCodeThrottleTests(SqliteApp app) : CodeThrottleTests<SqliteApp>(app);

public sealed class PostgresCodeThrottleTests(PostgresApp app) : CodeThrottleTests<PostgresApp>(app);
