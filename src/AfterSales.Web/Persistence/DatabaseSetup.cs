using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AfterSales.Web.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Defaults to a SQLite file under data/ next to the working directory.</summary>
    public string? ConnectionString { get; set; }

    public bool SeedDemoData { get; set; } = true;
}

public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=data/aftersales.db";

    /// <summary>Registers the provider's context, the abstract <see cref="AfterSalesDb"/> and a factory for Blazor components.</summary>
    public static IServiceCollection AddAfterSalesDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = options.ConnectionString ?? DefaultSqlite;
                EnsureSqliteFolder(sqlite);
                services.AddDbContextFactory<SqliteAfterSalesDb>(o => ConfigureSqlite(o, sqlite), ServiceLifetime.Scoped);
                services.AddScoped<IDbContextFactory<AfterSalesDb>, ScopedFactory<SqliteAfterSalesDb>>();
                break;
            case DatabaseProvider.Postgres:
                var pg = options.ConnectionString ?? throw new InvalidOperationException("Database:ConnectionString is required for PostgreSQL.");
                services.AddDbContextFactory<PostgresAfterSalesDb>(o => ConfigurePostgres(o, pg), ServiceLifetime.Scoped);
                services.AddScoped<IDbContextFactory<AfterSalesDb>, ScopedFactory<PostgresAfterSalesDb>>();
                break;
        }

        services.AddScoped<AfterSalesDb>(sp => sp.GetRequiredService<IDbContextFactory<AfterSalesDb>>().CreateDbContext());
        return services;
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, s => s.MigrationsAssembly(typeof(AfterSalesDb).Assembly.FullName));

    internal static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString);

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }

    private sealed class ScopedFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AfterSalesDb>
        where TContext : AfterSalesDb
    {
        public AfterSalesDb CreateDbContext() => inner.CreateDbContext();
    }
}

/// <summary>For `dotnet ef migrations add --context SqliteAfterSalesDb`.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAfterSalesDb>
{
    public SqliteAfterSalesDb CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteAfterSalesDb>();
        DatabaseSetup.ConfigureSqlite(builder, DatabaseSetup.DefaultSqlite);
        return new SqliteAfterSalesDb(builder.Options);
    }
}

/// <summary>For `dotnet ef migrations add --context PostgresAfterSalesDb`; no server is contacted.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAfterSalesDb>
{
    public PostgresAfterSalesDb CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresAfterSalesDb>();
        DatabaseSetup.ConfigurePostgres(builder, "Host=localhost;Database=aftersales_design");
        return new PostgresAfterSalesDb(builder.Options);
    }
}
