using AfterSales.Domain.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.Files;

/// <summary>
/// A file kept for a record of another module (a complaint's evidence, a repair order's photos). The bytes live
/// outside the web root under <see cref="StorageName"/>, a name the server made; the uploader's name is kept only
/// to show and to name downloads.
/// </summary>
public sealed class StoredFile
{
    public const int NameMaxLength = 200;
    public const int OwnerKindMaxLength = 30;

    private StoredFile()
    {
    }

    public Guid Id { get; private set; }

    public Guid StoreId { get; private set; }

    /// <summary>What the file belongs to, as its module names it ("complaint", "repair-order").</summary>
    public string OwnerKind { get; private set; } = string.Empty;

    public Guid OwnerId { get; private set; }

    public string OriginalName { get; private set; } = string.Empty;

    /// <summary>Decided from the content, never taken from the upload.</summary>
    public string ContentType { get; private set; } = string.Empty;

    public StoredFileKind Kind { get; private set; }

    public long SizeBytes { get; private set; }

    /// <summary>Of the stored bytes (after re-encoding), hex; lets anyone check a download is what was kept.</summary>
    public string Sha256 { get; private set; } = string.Empty;

    public string StorageName { get; private set; } = string.Empty;

    public bool HasThumbnail { get; private set; }

    public int? Width { get; private set; }

    public int? Height { get; private set; }

    public Guid? CreatedById { get; private set; }

    public string CreatedByName { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    internal static StoredFile Create(Guid id, FileDraft draft, StoredContent content, DateTimeOffset now) => new()
    {
        Id = id,
        StoreId = draft.StoreId,
        OwnerKind = draft.OwnerKind,
        OwnerId = draft.OwnerId,
        OriginalName = content.FileName,
        ContentType = content.Type.ContentType,
        Kind = content.Type.Kind,
        SizeBytes = content.SizeBytes,
        Sha256 = content.Sha256,
        StorageName = content.StorageName,
        HasThumbnail = content.HasThumbnail,
        Width = content.Width,
        Height = content.Height,
        CreatedById = draft.ById,
        CreatedByName = draft.ByName,
        CreatedAt = now,
    };
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("StoredFiles");
        b.HasKey(f => f.Id);
        b.Property(f => f.OwnerKind).HasMaxLength(StoredFile.OwnerKindMaxLength);
        b.Property(f => f.OriginalName).HasMaxLength(StoredFile.NameMaxLength);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.StorageName).HasMaxLength(64);
        b.HasIndex(f => f.StorageName).IsUnique();
        b.Property(f => f.CreatedByName).HasMaxLength(100);
        b.HasOne<Store>().WithMany().HasForeignKey(f => f.StoreId).OnDelete(DeleteBehavior.Restrict);

        // Files are always listed per owner, oldest first.
        b.HasIndex(f => new { f.OwnerKind, f.OwnerId, f.CreatedAt });
    }
}
