namespace AfterSales.Web.Features.Files;

/// <summary>What a gallery needs to show a file and link to it, whoever serves it (staff endpoints, a customer's tracking link).</summary>
public interface IFileLink
{
    string FileName { get; }

    StoredFileKind Kind { get; }

    long SizeBytes { get; }

    DateTimeOffset CreatedAt { get; }

    string ContentUrl { get; }

    string? ThumbnailUrl { get; }
}

/// <summary>A stored file as lists and the API show it. The URLs are the staff download endpoints.</summary>
public sealed record StoredFileView(
    Guid Id,
    string OwnerKind,
    Guid OwnerId,
    string FileName,
    string ContentType,
    StoredFileKind Kind,
    long SizeBytes,
    string Sha256,
    int? Width,
    int? Height,
    bool HasThumbnail,
    string CreatedByName,
    DateTimeOffset CreatedAt) : IFileLink
{
    public string ContentUrl => $"/api/v1/files/{Id}/content";

    public string? ThumbnailUrl => HasThumbnail ? $"/api/v1/files/{Id}/thumbnail" : null;

    public static StoredFileView From(StoredFile f) =>
        new(f.Id, f.OwnerKind, f.OwnerId, f.OriginalName, f.ContentType, f.Kind, f.SizeBytes, f.Sha256, f.Width, f.Height, f.HasThumbnail, f.CreatedByName, f.CreatedAt);
}

/// <summary>A file to send: its row and where its bytes (or thumbnail) are.</summary>
public sealed record FileDownload(StoredFileView File, string Path, bool IsThumbnail);
