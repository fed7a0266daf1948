using AfterSales.Web.Persistence;
using Npgsql;

namespace AfterSales.Web.Tests.Infrastructure;

/// <summary>
/// The application on a fresh PostgreSQL database, copied from the run's template on the server named by
/// AFTERSALES_TEST_POSTGRES (a connection string without a database, for a role that may create databases) and
/// dropped afterwards. Without that variable these tests fail: a suite that silently skipped PostgreSQL would prove
/// nothing about it.
/// </summary>
public sealed class PostgresApp : TestApp
{
    public const string Variable = "AFTERSALES_TEST_POSTGRES";

    private static readonly Lazy<Task<DatabaseTemplate>> Template = new(BuildTemplateAsync);

    private readonly string _database = $"aftersales_test_{Guid.NewGuid():N}";
    private bool _created;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database }.ConnectionString;

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"{Variable} is not set. PostgreSQL tests need a server: run ./scripts/test.sh (it starts a throwaway cluster), " +
                $"or set {Variable} to a connection string such as 'Host=127.0.0.1;Port=5432;Username=aftersales;Password=…' for a role with CREATEDB.");

    private static string Maintenance => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;

    protected override Task<DatabaseTemplate> TemplateAsync() => Template.Value;

    protected override async Task CreateDatabaseAsync(DatabaseTemplate? template)
    {
        // A template copy is a file copy on the server: no migration, no seeding, no password hashing.
        await ExecuteAsync(template is null
            ? $"CREATE DATABASE \"{_database}\""
            : $"CREATE DATABASE \"{_database}\" TEMPLATE \"{template.Source}\" STRATEGY FILE_COPY");
        _created = true;
    }

    protected override async Task DropDatabaseAsync()
    {
        if (!_created)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    private static async Task<DatabaseTemplate> BuildTemplateAsync()
    {
        var builder = new PostgresApp();
        var template = await BuildTemplateAsync(builder, builder._database);

        // A template must have no sessions when it is copied: the builder's pooled connections go now.
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{builder._database}'");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => ExecuteAsync($"DROP DATABASE IF EXISTS \"{builder._database}\" WITH (FORCE)").GetAwaiter().GetResult();
        return template;
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Maintenance);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
