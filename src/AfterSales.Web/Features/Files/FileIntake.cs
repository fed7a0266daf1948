using System.Security.Cryptography;
using AfterSales.Domain.Common;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Features.Files;

/// <summary>Whose file it is and who brings it; the owner's module has already decided the uploader may attach to it.</summary>
public sealed record FileDraft(string OwnerKind, Guid OwnerId, Guid StoreId, Guid? ById, string ByName);

internal sealed record StoredContent(string FileName, AcceptedType Type, long SizeBytes, string Sha256, string StorageName, bool HasThumbnail, int? Width, int? Height);

/// <summary>
/// Checks an upload and keeps it: size, type by content, name against type, then re-encoding or cleaning, then
/// the bytes under a server-made name and a <see cref="StoredFile"/> row. Any refusal leaves nothing behind.
/// Callers check the owner first (see <see cref="UploadFile"/> for staff, the public complaint page for customers).
/// </summary>
public sealed class FileIntake(AfterSalesDb db, FileStorage storage, TimeProvider clock, IStringLocalizer<SharedResource> localizer, ILogger<FileIntake> logger)
{
    public const string Field = "File";

    /// <summary>Checks what can be checked before the bytes arrive (name, declared size, the first bytes), for pickers that upload later.</summary>
    public IReadOnlyList<FieldError> Precheck(string? fileName, long size, ReadOnlySpan<byte> header)
    {
        if (size > storage.Options.MaxBytes)
        {
            return [TooLarge()];
        }

        var name = FileTypes.CleanName(fileName);
        if (name.Length == 0)
        {
            return [new FieldError("file.name_missing", Field)];
        }

        var (type, refusal) = FileTypes.Sniff(header);
        refusal ??= FileTypes.CheckName(name, type!);
        return refusal is null ? [] : [Refusal(refusal, name)];
    }

    public async Task<Outcome<StoredFileView>> AcceptAsync(FileDraft draft, string? fileName, Stream content, CancellationToken ct)
    {
        var name = FileTypes.CleanName(fileName);
        if (name.Length == 0)
        {
            return Outcome<StoredFileView>.Invalid("file.name_missing", Field);
        }

        var incoming = storage.NewIncomingPath();
        var storageName = FileStorage.NewStorageName();
        var kept = false;
        try
        {
            var (size, tooLarge) = await SpoolAsync(content, incoming, storage.Options.MaxBytes, ct);
            if (tooLarge)
            {
                return Outcome<StoredFileView>.Invalid([TooLarge()]);
            }

            if (size == 0)
            {
                return Outcome<StoredFileView>.Invalid("file.empty", Field);
            }

            var header = new byte[FileTypes.HeaderLength];
            int read;
            await using (var head = File.OpenRead(incoming))
            {
                read = await head.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
            }

            var (type, refusal) = FileTypes.Sniff(header.AsSpan(0, read));
            refusal ??= FileTypes.CheckName(name, type!);
            if (refusal is not null)
            {
                return Outcome<StoredFileView>.Invalid([Refusal(refusal, name)]);
            }

            var target = storage.PathOf(storageName);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var result = await KeepAsync(type!, incoming, target, storage.ThumbnailPathOf(storageName), ct);
            if (result.Refusal is not null)
            {
                return Outcome<StoredFileView>.Invalid([Refusal(result.Refusal, name)]);
            }

            var (storedType, width, height, thumbnail, _) = result;
            var finalName = storedType == type ? name : Path.ChangeExtension(name, storedType!.Extensions[0]);
            var (storedSize, sha) = await HashAsync(target, ct);
            var file = StoredFile.Create(Guid.CreateVersion7(clock.GetUtcNow()), draft, new StoredContent(finalName, storedType!, storedSize, sha, storageName, thumbnail, width, height), clock.GetUtcNow());
            db.Add(file);
            await db.SaveChangesAsync(ct);
            kept = true;
            return StoredFileView.From(file);
        }
        finally
        {
            File.Delete(incoming);
            if (!kept)
            {
                storage.Delete(storageName);
            }
        }
    }

    private async Task<(AcceptedType? Type, int? Width, int? Height, bool Thumbnail, string? Refusal)> KeepAsync(AcceptedType type, string incoming, string target, string thumbnail, CancellationToken ct)
    {
        if (type.IsReencodedImage)
        {
            try
            {
                var (image, refusal) = await Task.Run(() => FileContent.ReencodeImage(incoming, target, thumbnail, type, storage.Options), ct);
                return image is null ? (null, null, null, false, refusal) : (image.Type, image.Width, image.Height, image.HasThumbnail, null);
            }
            catch (Exception e) when (e is not (OperationCanceledException or IOException))
            {
                // A crafted file can make a decoder give up half-way; it is unreadable, not a server error.
                logger.LogWarning(e, "Image decoding failed");
                return (null, null, null, false, "file.image_unreadable");
            }
        }

        if (type == FileTypes.Pdf && FileContent.CheckPdf(incoming) is { } pdfRefusal)
        {
            return (null, null, null, false, pdfRefusal);
        }

        if (type.Kind == StoredFileKind.Video)
        {
            FileContent.BlankVideoMetadata(incoming);
        }

        File.Move(incoming, target);
        return (type, null, null, false, null);
    }

    /// <summary>The refusal for a file over the configured size, with the limit in MB.</summary>
    public FieldError TooLarge()
    {
        var megabytes = storage.Options.MaxBytes / (1024.0 * 1024.0);
        return new FieldError("file.too_large", Field, localizer["file.too_large", megabytes.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture)]);
    }

    private FieldError Refusal(string code, string name) => new(code, Field, localizer[code, name]);

    private static async Task<(long Size, bool TooLarge)> SpoolAsync(Stream content, string path, long maxBytes, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return (total, true);
            }

            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        return (total, false);
    }

    private static async Task<(long Size, string Sha256)> HashAsync(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(file, ct);
        return (file.Length, Convert.ToHexStringLower(hash));
    }
}
