using System.Net;
using System.Net.Http.Headers;
using AfterSales.Domain.Staff;
using AfterSales.Web.Features;
using AfterSales.Web.Features.ApiTokens;
using AfterSales.Web.Features.Users;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Features.ApiTokens;

public abstract class ApiTokenAdministrationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient WithToken(string token)
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<UserView> NewAdvisorAsync()
    {
        var admin = await app.ClientForAsync("admin");
        var request = new CreateUserRequest("t." + Guid.NewGuid().ToString("N")[..10], "令牌用户", "integration secret", [StaffRole.ServiceAdvisor],
            [await app.StoreIdAsync(DemoData.BeijingStore)]);
        return await (await admin.PostAsync("/api/v1/users", request)).ReadAsync<UserView>(HttpStatusCode.Created);
    }

    private async Task<IssuedApiToken> IssueAsync(Guid userId, DateTimeOffset? expiresAt = null)
    {
        var admin = await app.ClientForAsync("admin");
        return await (await admin.PostAsync("/api/v1/api-tokens", new IssueApiTokenRequest(userId, "DMS integration", expiresAt))).ReadAsync<IssuedApiToken>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_issued_token_works_and_only_its_hash_and_prefix_are_stored()
    {
        var user = await NewAdvisorAsync();

        var issued = await IssueAsync(user.Id);
        var response = await WithToken(issued.Token).GetAsync("/api/v1/stores", Ct);

        await response.ExpectStatusAsync(HttpStatusCode.OK);
        Assert.StartsWith("as_", issued.Token, StringComparison.Ordinal);
        Assert.Equal(issued.Token[..12], issued.Details.Prefix);
        Assert.Equal(ApiTokenStatus.Active, issued.Details.Status);
        var stored = await app.WithDbAsync(db => Task.FromResult(db.ApiTokens.Single(t => t.Id == issued.Details.Id)));
        Assert.Equal(Web.Infrastructure.ApiTokenAuthenticationHandler.Hash(issued.Token), stored.TokenHash);
        Assert.DoesNotContain(issued.Token, stored.TokenHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_shows_tokens_without_their_secret()
    {
        var user = await NewAdvisorAsync();
        var issued = await IssueAsync(user.Id);
        await WithToken(issued.Token).GetAsync("/api/v1/stores", Ct);
        var admin = await app.ClientForAsync("admin");

        var page = await (await admin.GetAsync($"/api/v1/api-tokens?userId={user.Id}", Ct)).ReadAsync<Page<ApiTokenView>>();
        var raw = await (await admin.GetAsync("/api/v1/api-tokens", Ct)).Content.ReadAsStringAsync(Ct);

        var row = Assert.Single(page.Items);
        Assert.Equal(user.UserName, row.UserName);
        Assert.NotNull(row.LastUsedAt);
        Assert.DoesNotContain(issued.Token, raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_token_gets_401_at_once()
    {
        var user = await NewAdvisorAsync();
        var issued = await IssueAsync(user.Id);
        var client = WithToken(issued.Token);
        await (await client.GetAsync("/api/v1/stores", Ct)).ExpectStatusAsync(HttpStatusCode.OK);
        var admin = await app.ClientForAsync("admin");

        var revoked = await (await admin.PostAsync($"/api/v1/api-tokens/{issued.Details.Id}/revoke", new { })).ReadAsync<ApiTokenView>();

        Assert.Equal(ApiTokenStatus.Revoked, revoked.Status);
        await (await client.GetAsync("/api/v1/stores", Ct)).ExpectStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_disabled_users_token_stops_working_and_works_again_when_enabled()
    {
        var user = await NewAdvisorAsync();
        var issued = await IssueAsync(user.Id);
        var client = WithToken(issued.Token);
        await (await client.GetAsync("/api/v1/stores", Ct)).ExpectStatusAsync(HttpStatusCode.OK);
        var admin = await app.ClientForAsync("admin");

        var disabled = await (await admin.PostAsync($"/api/v1/users/{user.Id}/disable", new { })).ReadAsync<UserView>();
        var whileDisabled = await client.GetAsync("/api/v1/stores", Ct);
        await (await admin.PostAsync($"/api/v1/users/{user.Id}/enable", new { })).ReadAsync<UserView>();
        var afterEnable = await client.GetAsync("/api/v1/stores", Ct);

        Assert.False(disabled.IsActive);
        await whileDisabled.ExpectStatusAsync(HttpStatusCode.Unauthorized);
        await afterEnable.ExpectStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Tokens_cannot_be_issued_for_unknown_or_disabled_users_or_with_a_past_expiry()
    {
        var admin = await app.ClientForAsync("admin");
        var user = await NewAdvisorAsync();
        await (await admin.PostAsync($"/api/v1/users/{user.Id}/disable", new { })).ReadAsync<UserView>();

        var unknown = await (await admin.PostAsync("/api/v1/api-tokens", new IssueApiTokenRequest(Guid.NewGuid(), "x"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var disabled = await (await admin.PostAsync("/api/v1/api-tokens", new IssueApiTokenRequest(user.Id, "x"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var past = await (await admin.PostAsync("/api/v1/api-tokens", new IssueApiTokenRequest(await app.UserIdAsync("advisor"), "x", app.Clock.GetUtcNow().AddDays(-1))))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("api_token.user_unknown", unknown.Codes);
        Assert.Contains("api_token.user_disabled", disabled.Codes);
        Assert.Contains("api_token.expiry_in_past", past.Codes);
    }

    [Fact]
    public async Task Non_administrators_get_403_and_unknown_tokens_404()
    {
        var advisor = await app.ClientForAsync("advisor");
        var admin = await app.ClientForAsync("admin");

        await (await advisor.GetAsync("/api/v1/api-tokens", Ct)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await advisor.PostAsync("/api/v1/api-tokens", new IssueApiTokenRequest(await app.UserIdAsync("advisor"), "mine"))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.PostAsync($"/api/v1/api-tokens/{Guid.NewGuid()}/revoke", new { })).ReadProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteApiTokenAdministrationTests(SqliteApp app) : ApiTokenAdministrationTests<SqliteApp>(app);

public sealed class PostgresApiTokenAdministrationTests(PostgresApp app) : ApiTokenAdministrationTests<PostgresApp>(app);
