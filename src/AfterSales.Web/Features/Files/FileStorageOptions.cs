namespace AfterSales.Web.Features.Files;

public sealed class FileStorageOptions
{
    public const string Section = "Files";

    /// <summary>Where the bytes go. Relative paths are under the app's content root; empty means "files" next to the SQLite database (or data/files).</summary>
    public string? Folder { get; set; }

    /// <summary>The largest upload accepted, in bytes (default 50 MB: a minute of phone video).</summary>
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Images are re-encoded no larger than this on their long edge.</summary>
    public int MaxImageEdge { get; set; } = 4096;

    /// <summary>Decoding bigger images could exhaust memory (decompression bombs): they are refused.</summary>
    public long MaxImagePixels { get; set; } = 80_000_000;

    public int ThumbnailEdge { get; set; } = 320;
}
