using System.Globalization;
using System.Net;
using AfterSales.Domain.Staff;
using AfterSales.Web.Features.Login;
using AfterSales.Web.Features.Users;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Tests.Features.Login;

/// <summary>
/// Sign-ins are slowed per user name (known or not) and per client address, cannot be raced, and never lock the real
/// owner out for good: the delay ends, a success clears it, an administrator can clear it at once.
/// </summary>
public abstract class LoginThrottleTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private const string LoginUrl = "/api/v1/account/login";
    private const string Password = "correct horse battery";

    private static int _address;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Each test speaks from its own address, so the per-address allowance of one test does not reach into another.
    private static string NextAddress() => "203.0.113." + Interlocked.Increment(ref _address).ToString(CultureInfo.InvariantCulture);

    private async Task<UserView> NewUserAsync()
    {
        var admin = await app.ClientForAsync("admin");
        var request = new CreateUserRequest("u." + Guid.NewGuid().ToString("N")[..10], "测试员工", Password, [StaffRole.ServiceAdvisor],
            [await app.StoreIdAsync(DemoData.BeijingStore)], null, "13800138000");
        return await (await admin.PostAsync("/api/v1/users", request)).ReadAsync<UserView>(HttpStatusCode.Created);
    }

    private static async Task<HttpResponseMessage[]> ConcurrentlyAsync(HttpClient client, int count, Func<int, LoginRequest> request) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => client.PostAsync(LoginUrl, request(i))));

    private static async Task<int> ExpectThrottledAsync(HttpResponseMessage response, string code)
    {
        var problem = await response.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(code, problem.Code);
        var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.Equal(retryAfter, problem.RetryAfter);
        return retryAfter;
    }

    [Fact]
    public async Task Thirty_concurrent_wrong_passwords_for_one_account_get_five_evaluated_and_the_rest_429_then_the_owner_gets_in_after_the_delay()
    {
        await using var node = app.BehindProxy();
        var user = await NewUserAsync();
        var attacker = node.ClientFrom(NextAddress(), "en");

        var responses = await ConcurrentlyAsync(attacker, 30, i => new LoginRequest(user.UserName, "wrong guess " + i));

        var evaluated = responses.Where(r => r.StatusCode == HttpStatusCode.Unauthorized).ToList();
        Assert.Equal(5, evaluated.Count);
        Assert.Equal("login.failed", (await evaluated[0].ReadProblemAsync(HttpStatusCode.Unauthorized)).Code);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Unauthorized).ToList();
        Assert.Equal(25, refused.Count);
        foreach (var response in refused)
        {
            Assert.InRange(await ExpectThrottledAsync(response, "login.throttled"), 1, 60);
        }

        // The owner, from elsewhere and with the right password, waits like the guesser: no evaluation, no hint.
        var owner = node.ClientFrom(NextAddress(), "zh-CN");
        var waiting = await owner.PostAsync(LoginUrl, new LoginRequest(user.UserName, Password));
        await ExpectThrottledAsync(waiting, "login.throttled");

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var signedIn = await owner.PostAsync(LoginUrl, new LoginRequest(user.UserName, Password));
        await signedIn.ExpectStatusAsync(HttpStatusCode.NoContent);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("aftersales.auth=", StringComparison.Ordinal));

        // The success cleared the account's counters: the next mistakes are evaluated again.
        var admin = await app.ClientForAsync("admin");
        var view = await (await admin.GetAsync($"/api/v1/users/{user.Id}", Ct)).ReadAsync<UserView>();
        Assert.False(view.IsLockedOut);
        Assert.Equal(0, view.FailedLogins);
        await (await owner.PostAsync(LoginUrl, new LoginRequest(user.UserName, "typo"))).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_delay_grows_with_the_failures_but_ends()
    {
        await using var node = app.BehindProxy();
        var user = await NewUserAsync();
        var attacker = node.ClientFrom(NextAddress(), "en");

        for (var round = 0; round < 2; round++)
        {
            var responses = await ConcurrentlyAsync(attacker, 8, i => new LoginRequest(user.UserName, "guess " + i));
            Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
            var wait = await ExpectThrottledAsync(responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests), "login.throttled");
            Assert.InRange(wait, round == 0 ? 1 : 14 * 60, round == 0 ? 60 : 15 * 60);
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        // Ten failures: a quarter of an hour from the first, not the next minute.
        await ExpectThrottledAsync(await attacker.PostAsync(LoginUrl, new LoginRequest(user.UserName, "guess")), "login.throttled");
        app.Clock.Advance(TimeSpan.FromMinutes(13));
        await (await node.ClientFrom(NextAddress()).PostAsync(LoginUrl, new LoginRequest(user.UserName, Password))).ExpectStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Unknown_names_are_throttled_exactly_like_known_ones_and_answered_alike()
    {
        await using var node = app.BehindProxy();
        var user = await NewUserAsync();
        var unknown = "nobody." + Guid.NewGuid().ToString("N")[..10];

        var known = await ConcurrentlyAsync(node.ClientFrom(NextAddress(), "en"), 12, i => new LoginRequest(user.UserName, "guess " + i));
        var guessed = await ConcurrentlyAsync(node.ClientFrom(NextAddress(), "en"), 12, i => new LoginRequest(unknown, "guess " + i));

        foreach (var responses in new[] { known, guessed })
        {
            Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
            Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        }

        var knownFailure = await known.First(r => r.StatusCode == HttpStatusCode.Unauthorized).ReadProblemAsync(HttpStatusCode.Unauthorized);
        var unknownFailure = await guessed.First(r => r.StatusCode == HttpStatusCode.Unauthorized).ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal((knownFailure.Code, knownFailure.Title), (unknownFailure.Code, unknownFailure.Title));

        // Counted by the normalised name: another spelling of the same name shares its allowance.
        var variant = " " + unknown.ToUpperInvariant() + " ";
        await ExpectThrottledAsync(await node.ClientFrom(NextAddress()).PostAsync(LoginUrl, new LoginRequest(variant, "guess")), "login.throttled");
    }

    [Fact]
    public async Task One_address_guessing_many_names_gets_its_allowance_and_other_addresses_are_not_punished()
    {
        await using var node = app.BehindProxy();
        var user = await NewUserAsync();
        var attacker = node.ClientFrom(NextAddress(), "zh-CN");

        var responses = await ConcurrentlyAsync(attacker, 40, i => new LoginRequest("name" + i + "." + Guid.NewGuid().ToString("N")[..6], "guess"));

        Assert.Equal(20, responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(20, refused.Count);
        var problem = await refused[0].ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("login.throttled_address", problem.Code);
        Assert.Equal("您所在网络的登录失败次数过多，暂停登录一段时间。", problem.Title);
        Assert.True(refused[0].Headers.Contains("Retry-After"));

        // Even the right password waits from that address; from another it goes through.
        await ExpectThrottledAsync(await attacker.PostAsync(LoginUrl, new LoginRequest(user.UserName, Password)), "login.throttled_address");
        await (await node.ClientFrom(NextAddress()).PostAsync(LoginUrl, new LoginRequest(user.UserName, Password))).ExpectStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task An_administrator_unlocks_an_account_under_attack_the_owner_gets_in_at_once_and_the_unlock_is_audited()
    {
        await using var node = app.BehindProxy();
        var user = await NewUserAsync();
        var attacker = node.ClientFrom(NextAddress(), "en");
        await ConcurrentlyAsync(attacker, 10, i => new LoginRequest(user.UserName, "guess " + i));
        var admin = await app.ClientForAsync("admin");

        var locked = await (await admin.GetAsync($"/api/v1/users/{user.Id}", Ct)).ReadAsync<UserView>();
        var unlocked = await (await admin.PostAsync($"/api/v1/users/{user.Id}/unlock", new { })).ReadAsync<UserView>();

        Assert.True(locked.IsLockedOut);
        Assert.Equal(5, locked.FailedLogins);
        Assert.InRange(locked.LockoutEnd!.Value, app.Clock.GetUtcNow(), app.Clock.GetUtcNow().AddMinutes(1));
        Assert.False(unlocked.IsLockedOut);
        Assert.Equal(0, unlocked.FailedLogins);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == user.Id && a.Action == "Unlock").ToListAsync(Ct));
        Assert.Equal(await app.UserIdAsync("admin"), Assert.Single(audit).UserId);
        await (await node.ClientFrom(NextAddress()).PostAsync(LoginUrl, new LoginRequest(user.UserName, Password))).ExpectStatusAsync(HttpStatusCode.NoContent);

        // Only administrators unlock.
        var manager = await app.ClientForAsync("manager");
        await (await manager.PostAsync($"/api/v1/users/{user.Id}/unlock", new { })).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_success_resets_the_failures_and_the_problems_are_field_errors_not_500()
    {
        await using var node = app.BehindProxy();
        var user = await NewUserAsync();
        var owner = node.ClientFrom(NextAddress(), "en");

        for (var i = 0; i < 4; i++)
        {
            await (await owner.PostAsync(LoginUrl, new LoginRequest(user.UserName, "typo " + i))).ReadProblemAsync(HttpStatusCode.Unauthorized);
        }

        await (await owner.PostAsync(LoginUrl, new LoginRequest(user.UserName, Password))).ExpectStatusAsync(HttpStatusCode.NoContent);
        for (var i = 0; i < 5; i++)
        {
            await (await owner.PostAsync(LoginUrl, new LoginRequest(user.UserName, "typo " + i))).ReadProblemAsync(HttpStatusCode.Unauthorized);
        }

        var missing = await (await owner.PostAsync(LoginUrl, new LoginRequest(user.UserName, string.Empty))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("login.missing", missing.Codes);

        // Identity's permanent lockout is not used: nothing was written on the user.
        var stored = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id, Ct));
        Assert.Null(stored.LockoutEnd);
        Assert.False(stored.LockoutEnabled);
    }
}

public sealed class SqliteLoginThrottleTests(SqliteApp app) : LoginThrottleTests<SqliteApp>(app);

public sealed class PostgresLoginThrottleTests(PostgresApp app) : LoginThrottleTests<PostgresApp>(app);
