using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Files;

/// <summary>Lists and opens files; a file is visible exactly when its owner is visible to the acting user.</summary>
public sealed class GetFiles(AfterSalesDb db, FileOwners owners, FileStorage storage, AccessGuard guard)
{
    public async Task<Outcome<IReadOnlyList<StoredFileView>>> ListAsync(string? ownerKind, Guid ownerId, CancellationToken ct)
    {
        if (owners.For(ownerKind) is not { } owner)
        {
            return Outcome<IReadOnlyList<StoredFileView>>.Invalid("file.owner_kind_unknown", "OwnerKind");
        }

        if (await owner.FindAsync(ownerId, ct) is null)
        {
            return await owner.RefuseAsync<IReadOnlyList<StoredFileView>>(ownerId, ct);
        }

        return Outcome<IReadOnlyList<StoredFileView>>.Ok(await ListOwnedAsync(db, owner.Kind, ownerId, ct));
    }

    public async Task<Outcome<StoredFileView>> GetAsync(Guid id, CancellationToken ct)
    {
        var file = await VisibleAsync(id, ct);
        return file is null ? await guard.NotFoundAsync<StoredFile, StoredFileView>(id, ct) : StoredFileView.From(file);
    }

    public async Task<Outcome<FileDownload>> OpenAsync(Guid id, bool thumbnail, CancellationToken ct)
    {
        var file = await VisibleAsync(id, ct);
        return file is null ? await guard.NotFoundAsync<StoredFile, FileDownload>(id, ct) : Download(storage, file, thumbnail);
    }

    /// <summary>
    /// For callers that proved access another way (a customer's tracking token): the owner's files, ignoring the
    /// staff store filter. The caller must have checked that <paramref name="ownerId"/> is the one its proof names.
    /// </summary>
    internal static async Task<IReadOnlyList<StoredFileView>> ListOwnedAsync(AfterSalesDb db, string ownerKind, Guid ownerId, CancellationToken ct)
    {
        var files = await db.Set<StoredFile>().IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.OwnerKind == ownerKind && f.OwnerId == ownerId)
            .OrderBy(f => f.CreatedAt)
            .ToListAsync(ct);
        return files.Select(StoredFileView.From).ToList();
    }

    /// <inheritdoc cref="ListOwnedAsync"/>
    internal static async Task<Outcome<FileDownload>> OpenOwnedAsync(AfterSalesDb db, FileStorage storage, string ownerKind, Guid ownerId, Guid fileId, bool thumbnail, CancellationToken ct)
    {
        var file = await db.Set<StoredFile>().IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(f => f.Id == fileId && f.OwnerKind == ownerKind && f.OwnerId == ownerId, ct);
        return file is null ? Outcome<FileDownload>.NotFound() : Download(storage, file, thumbnail);
    }

    private async Task<StoredFile?> VisibleAsync(Guid id, CancellationToken ct)
    {
        var file = await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        return file is not null && owners.For(file.OwnerKind) is { } owner && await owner.FindAsync(file.OwnerId, ct) is not null ? file : null;
    }

    private static Outcome<FileDownload> Download(FileStorage storage, StoredFile file, bool thumbnail)
    {
        // A thumbnail only exists for images; asking for another file's thumbnail is a "not found", not the full file.
        if (thumbnail && !file.HasThumbnail)
        {
            return Outcome<FileDownload>.NotFound();
        }

        var path = thumbnail ? storage.ThumbnailPathOf(file.StorageName) : storage.PathOf(file.StorageName);
        return File.Exists(path) ? new FileDownload(StoredFileView.From(file), path, thumbnail) : Outcome<FileDownload>.NotFound();
    }
}
