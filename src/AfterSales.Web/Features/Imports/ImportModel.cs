using AfterSales.Domain.Complaints;
using AfterSales.Domain.Stores;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.Imports;

public enum ImportOutcome
{
    /// <summary>Every row stored, in one transaction.</summary>
    Committed,

    /// <summary>At least one row was refused, so none was stored; the error sheet lists why.</summary>
    Refused,
}

/// <summary>
/// One import of historical complaints from a file: who, when, which file (name and SHA-256), how many rows came in,
/// were stored and were refused. A refused attempt is kept too, with its errors, so its error sheet can be downloaded.
/// </summary>
public sealed class ComplaintImport
{
    public const int FileNameMaxLength = 255;

    private ComplaintImport()
    {
    }

    public Guid Id { get; private set; }

    public Guid StoreId { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    /// <summary>SHA-256 of the file's bytes, lower-case hex.</summary>
    public string Sha256 { get; private set; } = string.Empty;

    /// <summary>"store:hash" for a committed import, null for a refused one: the unique index refuses the same file twice in a store.</summary>
    public string? CommittedKey { get; private set; }

    public ImportOutcome Outcome { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }

    public int RowsIn { get; private set; }

    public int RowsStored { get; private set; }

    public int RowsRefused { get; private set; }

    /// <summary>The column mapping used (JSON: field → header).</summary>
    public string Mapping { get; private set; } = "{}";

    /// <summary>The refusals (JSON list of <see cref="ImportRowError"/>), for the error sheet.</summary>
    public string Errors { get; private set; } = "[]";

    public int Version { get; private set; }

    public static ComplaintImport Committed(Guid storeId, string fileName, string sha256, string mapping, int rows, Actor by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StoreId = storeId,
        FileName = fileName,
        Sha256 = sha256,
        CommittedKey = KeyOf(storeId, sha256),
        Outcome = ImportOutcome.Committed,
        UserId = by.UserId,
        UserName = by.UserName,
        At = now,
        RowsIn = rows,
        RowsStored = rows,
        Mapping = mapping,
    };

    public static ComplaintImport Refused(Guid storeId, string fileName, string sha256, string mapping, int rows, int refusedRows, string errors, Actor by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StoreId = storeId,
        FileName = fileName,
        Sha256 = sha256,
        Outcome = ImportOutcome.Refused,
        UserId = by.UserId,
        UserName = by.UserName,
        At = now,
        RowsIn = rows,
        RowsRefused = refusedRows,
        Mapping = mapping,
        Errors = errors,
    };

    public static string KeyOf(Guid storeId, string sha256) => $"{storeId:N}:{sha256}";
}

/// <summary>Which row of an import made which complaint, with what the file said that the complaint has no field for.</summary>
public sealed class ComplaintImportLine : INotAudited
{
    private ComplaintImportLine()
    {
    }

    public Guid Id { get; private set; }

    public Guid ImportId { get; private set; }

    public int RowNumber { get; private set; }

    public Guid ComplaintId { get; private set; }

    public string? SourceCategory { get; private set; }

    public string? Brand { get; private set; }

    public string? Model { get; private set; }

    internal static ComplaintImportLine For(Guid importId, int row, Guid complaintId, string? category, string? brand, string? model, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ImportId = importId,
        RowNumber = row,
        ComplaintId = complaintId,
        SourceCategory = category,
        Brand = brand,
        Model = model,
    };
}

/// <summary>A category as the files write it (投诉问题 "制动系", NHTSA "SERVICE BRAKES") and the product's category it counts as.</summary>
public sealed class ImportCategoryMapping
{
    public const int SourceMaxLength = 200;

    private ImportCategoryMapping()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The value as written in files, trimmed.</summary>
    public string SourceValue { get; private set; } = string.Empty;

    /// <summary>Upper-invariant <see cref="SourceValue"/>: the look-up key (unique).</summary>
    public string NormalizedValue { get; private set; } = string.Empty;

    public ComplaintCategory Category { get; private set; }

    public int Version { get; private set; }

    public static ImportCategoryMapping Create(string source, ComplaintCategory category, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        SourceValue = source.Trim(),
        NormalizedValue = Normalize(source),
        Category = category,
    };

    public void MapTo(ComplaintCategory category) => Category = category;

    public static string Normalize(string source) => source.Trim().ToUpperInvariant();
}

internal sealed class ComplaintImportConfiguration : IEntityTypeConfiguration<ComplaintImport>
{
    public void Configure(EntityTypeBuilder<ComplaintImport> b)
    {
        b.ToTable("ComplaintImports");
        b.HasKey(i => i.Id);
        b.Property(i => i.FileName).HasMaxLength(ComplaintImport.FileNameMaxLength);
        b.Property(i => i.Sha256).HasMaxLength(64);
        b.Property(i => i.CommittedKey).HasMaxLength(100);
        b.HasIndex(i => i.CommittedKey).IsUnique();
        b.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.UserName).HasMaxLength(100);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasOne<Store>().WithMany().HasForeignKey(i => i.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.StoreId, i.At });
        b.HasIndex(i => new { i.StoreId, i.Sha256 });
    }
}

internal sealed class ComplaintImportLineConfiguration : IEntityTypeConfiguration<ComplaintImportLine>
{
    public void Configure(EntityTypeBuilder<ComplaintImportLine> b)
    {
        b.ToTable("ComplaintImportLines");
        b.HasKey(l => l.Id);
        b.Property(l => l.SourceCategory).HasMaxLength(ImportCategoryMapping.SourceMaxLength);
        b.Property(l => l.Brand).HasMaxLength(ImportCategoryMapping.SourceMaxLength);
        b.Property(l => l.Model).HasMaxLength(ImportCategoryMapping.SourceMaxLength);
        b.HasOne<ComplaintImport>().WithMany().HasForeignKey(l => l.ImportId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Complaint>().WithMany().HasForeignKey(l => l.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => new { l.ImportId, l.RowNumber }).IsUnique();
        b.HasIndex(l => l.ComplaintId).IsUnique();
    }
}

internal sealed class ImportCategoryMappingConfiguration : IEntityTypeConfiguration<ImportCategoryMapping>
{
    public void Configure(EntityTypeBuilder<ImportCategoryMapping> b)
    {
        b.ToTable("ImportCategoryMappings");
        b.HasKey(m => m.Id);
        b.Property(m => m.SourceValue).HasMaxLength(ImportCategoryMapping.SourceMaxLength);
        b.Property(m => m.NormalizedValue).HasMaxLength(ImportCategoryMapping.SourceMaxLength);
        b.HasIndex(m => m.NormalizedValue).IsUnique();
        b.Property(m => m.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Version).IsConcurrencyToken();
    }
}
