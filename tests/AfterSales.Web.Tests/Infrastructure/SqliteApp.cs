using AfterSales.Web.Persistence;
using Microsoft.Data.Sqlite;

namespace AfterSales.Web.Tests.Infrastructure;

/// <summary>The application on a SQLite file of its own in the temp folder (a copy of the run's template), deleted afterwards.</summary>
public sealed class SqliteApp : TestApp
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "aftersales-tests");

    private static readonly Lazy<Task<DatabaseTemplate>> Template = new(BuildTemplateAsync);

    private static readonly string[] Companions = ["-wal", "-shm", "-journal"];

    private readonly string _file = Path.Combine(Folder, $"{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _file }.ConnectionString;

    protected override Task<DatabaseTemplate> TemplateAsync() => Template.Value;

    protected override Task CreateDatabaseAsync(DatabaseTemplate? template)
    {
        Directory.CreateDirectory(Folder);
        if (template is not null)
        {
            File.Copy(template.Source, _file);
        }

        return Task.CompletedTask;
    }

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        Delete(_file);
        return Task.CompletedTask;
    }

    private static async Task<DatabaseTemplate> BuildTemplateAsync()
    {
        var builder = new SqliteApp();
        var template = await BuildTemplateAsync(builder, builder._file);

        // Closing the last connection checkpoints the write-ahead log into the file, so the file alone is the copy.
        SqliteConnection.ClearAllPools();
        if (File.Exists(builder._file + "-wal") && new FileInfo(builder._file + "-wal").Length > 0)
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = builder._file, Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(builder._file);
        return template;
    }

    private static void Delete(string file)
    {
        File.Delete(file);
        foreach (var suffix in Companions)
        {
            File.Delete(file + suffix);
        }
    }
}
