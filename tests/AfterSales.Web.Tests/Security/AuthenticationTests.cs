using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Security;

public abstract class AuthenticationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    [Fact]
    public async Task An_anonymous_api_call_gets_a_401_problem_not_a_redirect_to_the_login_page()
    {
        var response = await app.AnonymousClient().GetAsync("/api/v1/customers", TestContext.Current.CancellationToken);

        Assert.Null(response.Headers.Location);
        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("GET", "/api/v1/customers/00000000-0000-0000-0000-000000000001")]
    [InlineData("POST", "/api/v1/customers")]
    [InlineData("GET", "/api/v1/assets/00000000-0000-0000-0000-000000000001/audit")]
    public async Task Every_api_endpoint_refuses_anonymous_callers(string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "GET" ? null : JsonContent.Create(new { }) };

        var response = await app.AnonymousClient().SendAsync(request, TestContext.Current.CancellationToken);

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_bearer_token_is_refused_with_401()
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiTokenAuthenticationHandler.NewToken());

        var response = await client.GetAsync("/api/v1/customers", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_token_stops_working_when_it_expires()
    {
        var token = await app.IssueTokenAsync("advisor", expiresAt: app.Clock.GetUtcNow().AddHours(1));
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        app.Clock.Advance(TimeSpan.FromHours(2));

        var response = await client.GetAsync("/api/v1/customers", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_valid_token_acts_as_its_user()
    {
        var client = await app.ClientForAsync("advisor");

        var response = await client.GetAsync("/api/v1/customers", TestContext.Current.CancellationToken);

        await response.ExpectStatusAsync(HttpStatusCode.OK);
    }
}

public sealed class SqliteAuthenticationTests(SqliteApp app) : AuthenticationTests<SqliteApp>(app);

public sealed class PostgresAuthenticationTests(PostgresApp app) : AuthenticationTests<PostgresApp>(app);
