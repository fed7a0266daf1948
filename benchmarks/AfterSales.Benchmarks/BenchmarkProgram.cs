using AfterSales.Web.Persistence;

namespace AfterSales.Benchmarks;

/// <summary>
/// Customer search through the HTTP API on SQLite and PostgreSQL with 100,000 customers:
/// dotnet run -c Release --project benchmarks/AfterSales.Benchmarks -- [--customers 100000] [--postgres "..."] [--sqlite file.db] [--queries 2000] [--only sqlite|postgres] [--log-sql]
/// </summary>
internal static class BenchmarkProgram
{
    private const int WarmUpQueries = 300;
    private const int ConcurrentClients = 4;

    public static async Task<int> Main(string[] args)
    {
        if (args is ["dispatch", ..])
        {
            return DispatchBenchmark.Run(args[1..]);
        }

        var options = BenchmarkOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: AfterSales.Benchmarks [--customers 100000] [--postgres \"<connection string>\"] [--sqlite <file to keep>] [--queries 2000] [--only sqlite|postgres] [--log-sql]");
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        Console.WriteLine($"Customer search benchmark: {options.Customers:N0} customers, {options.Queries:N0} queries per pass, {Environment.ProcessorCount} cores");
        if (options.RunSqlite)
        {
            // A file given with --sqlite is kept (and topped up on the next run); otherwise a temporary one is removed.
            var file = options.Sqlite ?? Path.Combine(Path.GetTempPath(), $"aftersales-bench-{Guid.NewGuid():N}.db");
            try
            {
                await RunAsync("SQLite", DatabaseProvider.Sqlite, $"Data Source={file}", options, cancel.Token);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var path in new[] { file, file + "-wal", file + "-shm" }.Where(f => options.Sqlite is null && File.Exists(f)))
                {
                    File.Delete(path);
                }
            }
        }

        if (options.RunPostgres)
        {
            if (options.Postgres is { } connectionString)
            {
                await RunAsync("PostgreSQL", DatabaseProvider.Postgres, connectionString, options, cancel.Token);
            }
            else
            {
                Console.WriteLine("Starting a throwaway PostgreSQL cluster…");
                await using var postgres = await ThrowawayPostgres.StartAsync();
                await RunAsync("PostgreSQL", DatabaseProvider.Postgres, postgres.ConnectionString, options, cancel.Token);
            }
        }

        return 0;
    }

    private static async Task RunAsync(string database, DatabaseProvider provider, string connectionString, BenchmarkOptions options, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine($"== {database} ==");
        await using var host = new BenchmarkHost(provider, connectionString, options.LogSql);
        host.StartServer();

        var seed = await Seeder.SeedAsync(host.Services, options.Customers, ct);
        Console.WriteLine($"  {seed.Customers:N0} customers, {seed.Assets:N0} assets, {seed.SearchTerms:N0} search keys; seeding took {seed.Elapsed.TotalSeconds:F1} s ({seed.Customers / seed.Elapsed.TotalSeconds:N0} customers/s)");

        var passes = new[]
        {
            (User: "admin", Label: "administrator (all stores)", Values: seed.AllStores),
            (User: "advisor", Label: "service advisor (BJ01 only)", Values: seed.AdvisorStore),
        };
        foreach (var (user, label, values) in passes)
        {
            var token = await Seeder.IssueTokenAsync(host.Services, user, ct);
            using var load = new SearchLoad(host.Address, token);
            await load.RunAsync("warm-up", values.Mix(WarmUpQueries, seed: 1), 1, ct);
            Report.Print(database, await load.RunAsync($"{label}, sequential", values.Mix(options.Queries, seed: 2), 1, ct));
            Report.Print(database, await load.RunAsync($"{label}, {ConcurrentClients} concurrent clients", values.Mix(options.Queries, seed: 3), ConcurrentClients, ct));
        }
    }
}

internal sealed record BenchmarkOptions(int Customers, int Queries, string? Postgres, string? Sqlite, bool RunSqlite, bool RunPostgres, bool LogSql)
{
    public static BenchmarkOptions? Parse(string[] args)
    {
        var options = new BenchmarkOptions(100_000, 2_000, null, null, true, true, false);
        for (var i = 0; i < args.Length; i++)
        {
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--customers" when int.TryParse(Next(), out var customers) && customers > 0:
                    options = options with { Customers = customers };
                    break;
                case "--queries" when int.TryParse(Next(), out var queries) && queries > 0:
                    options = options with { Queries = queries };
                    break;
                case "--postgres" when Next() is { Length: > 0 } postgres:
                    options = options with { Postgres = postgres };
                    break;
                case "--sqlite" when Next() is { Length: > 0 } sqlite:
                    options = options with { Sqlite = Path.GetFullPath(sqlite) };
                    break;
                case "--only" when Next() is { } only && only is "sqlite" or "postgres":
                    options = options with { RunSqlite = only == "sqlite", RunPostgres = only == "postgres" };
                    break;
                case "--log-sql":
                    options = options with { LogSql = true };
                    break;
                default:
                    return null;
            }
        }

        return options;
    }
}
