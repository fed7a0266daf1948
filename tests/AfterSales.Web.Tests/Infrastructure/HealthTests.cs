using System.Net;
using System.Text.Json;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AfterSales.Web.Tests.Infrastructure;

public abstract class HealthTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task Health_endpoints_answer_anonymously_with_their_status(string path)
    {
        var response = await app.AnonymousClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks");
        if (path == "/health/live")
        {
            // Liveness never asks the database: an outage must not make the orchestrator restart every node.
            Assert.Empty(checks.EnumerateObject());
        }
        else
        {
            Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task The_database_check_reports_unhealthy_when_the_database_does_not_answer()
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddAfterSalesDatabase(new DatabaseOptions
        {
            Provider = app.Provider,
            ConnectionString = app.Provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(Path.GetTempPath(), "aftersales-tests", "missing-" + Guid.NewGuid().ToString("N"), "x.db")};Mode=ReadOnly"
                : "Host=127.0.0.1;Port=1;Username=nobody;Password=none;Timeout=2",
        });
        await using var provider = services.BuildServiceProvider();
        var check = new DatabaseHealthCheck(provider.GetRequiredService<IServiceScopeFactory>());

        var result = await check.CheckHealthAsync(
            new HealthCheckContext { Registration = new HealthCheckRegistration("database", check, HealthStatus.Unhealthy, null) },
            TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }
}

public sealed class SqliteHealthTests(SqliteApp app) : HealthTests<SqliteApp>(app);

public sealed class PostgresHealthTests(PostgresApp app) : HealthTests<PostgresApp>(app);
