using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Web.Tests.Infrastructure;

public abstract class HarnessTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    [Fact]
    public async Task The_app_runs_on_the_database_provider_of_its_fixture_with_the_demo_stores()
    {
        var (provider, stores) = await app.WithDbAsync(async db =>
            (db.Database.ProviderName, await db.Stores.Select(s => s.Code).OrderBy(c => c).ToListAsync(TestContext.Current.CancellationToken)));

        Assert.Contains(app.Provider == DatabaseProvider.Sqlite ? "Sqlite" : "Npgsql", provider, StringComparison.Ordinal);
        Assert.Equal([DemoData.BeijingStore, DemoData.ShanghaiStore], stores);
    }

    [Fact]
    public async Task The_application_clock_is_the_fixtures_fake_clock()
    {
        var before = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromDays(3));

        var seen = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        Assert.Equal(before.AddDays(3), seen);
    }
}

public sealed class SqliteHarnessTests(SqliteApp app) : HarnessTests<SqliteApp>(app);

public sealed class PostgresHarnessTests(PostgresApp app) : HarnessTests<PostgresApp>(app);
