using AfterSales.Web.Persistence;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Features.Files;

/// <summary>
/// Where stored bytes live: a folder outside the web root, one file per server-made name (random hex, no
/// extension, so nothing there is ever served or executed as what its uploader named it).
/// </summary>
public sealed class FileStorage
{
    public FileStorage(IOptions<FileStorageOptions> options, DatabaseOptions database, IWebHostEnvironment environment)
    {
        Options = options.Value;
        Root = Path.GetFullPath(ResolveRoot(Options.Folder, database, environment.ContentRootPath));
        var webRoot = environment.WebRootPath is { Length: > 0 } w ? Path.GetFullPath(w) : null;
        if (webRoot is not null && (Root + Path.DirectorySeparatorChar).StartsWith(webRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Files:Folder ({Root}) must not be inside the web root ({webRoot}).");
        }

        Directory.CreateDirectory(Incoming);
    }

    public FileStorageOptions Options { get; }

    public string Root { get; }

    /// <summary>Uploads are spooled here while they are checked; nothing here is referenced by a row.</summary>
    internal string Incoming => Path.Combine(Root, "incoming");

    public static string NewStorageName() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public string PathOf(string storageName) => Path.Combine(Root, storageName[..2], storageName);

    public string ThumbnailPathOf(string storageName) => PathOf(storageName) + ".thumb";

    internal string NewIncomingPath() => Path.Combine(Incoming, NewStorageName());

    internal void Delete(string storageName)
    {
        // File.Delete tolerates a missing file but not a missing folder, which a refused upload never created.
        if (Directory.Exists(Path.GetDirectoryName(PathOf(storageName))))
        {
            File.Delete(PathOf(storageName));
            File.Delete(ThumbnailPathOf(storageName));
        }
    }

    private static string ResolveRoot(string? configured, DatabaseOptions database, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured);
        }

        // Next to the SQLite file by default, so that backing up the data folder keeps rows and bytes together.
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString ?? DatabaseSetup.DefaultSqlite).DataSource;
            if (source is { Length: > 0 } && source != ":memory:")
            {
                // SQLite resolves a relative file against the working directory; so does this.
                var folder = Path.GetDirectoryName(Path.GetFullPath(source));
                if (!string.IsNullOrEmpty(folder))
                {
                    return Path.Combine(folder, "files");
                }
            }
        }

        return Path.Combine(contentRoot, "data", "files");
    }
}
