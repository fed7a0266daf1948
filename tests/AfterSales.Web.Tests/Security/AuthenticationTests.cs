using System.Net;
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
}

public sealed class SqliteAuthenticationTests(SqliteApp app) : AuthenticationTests<SqliteApp>(app);

public sealed class PostgresAuthenticationTests(PostgresApp app) : AuthenticationTests<PostgresApp>(app);
