using AfterSales.Web.Persistence;
using Microsoft.Data.Sqlite;

namespace AfterSales.Web.Tests.Infrastructure;

/// <summary>The application on a SQLite file of its own in the temp folder, deleted afterwards.</summary>
public sealed class SqliteApp : TestApp
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "aftersales-tests", $"{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _file }.ConnectionString;

    protected override Task CreateDatabaseAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        return Task.CompletedTask;
    }

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            File.Delete(_file + suffix);
        }

        return Task.CompletedTask;
    }
}
