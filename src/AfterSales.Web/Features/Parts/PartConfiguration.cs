using AfterSales.Domain.Parts;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.Parts;

internal sealed class PartConfiguration : IEntityTypeConfiguration<Part>
{
    public void Configure(EntityTypeBuilder<Part> b)
    {
        b.ToTable("Parts");
        b.HasKey(p => p.Id);
        b.Property(p => p.Number).HasMaxLength(Part.NumberMaxLength).IsPrefixSearched();
        b.HasIndex(p => p.Number).IsUnique();
        b.Property(p => p.NameZh).HasMaxLength(Part.NameMaxLength).IsPrefixSearched();
        b.Property(p => p.NameEn).HasMaxLength(Part.NameMaxLength);
        b.Property(p => p.NameEnKey).HasMaxLength(Part.NameMaxLength).IsPrefixSearched();
        b.Property(p => p.Brand).HasMaxLength(Part.BrandMaxLength);
        b.Property(p => p.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Unit).HasConversion<string>().HasMaxLength(10);
        b.Property(p => p.ListPrice).HasPrecision(12, 2);
        b.Property(p => p.Cost).HasPrecision(12, 2);
        b.Property(p => p.ReplacedByNumber).HasMaxLength(Part.NumberMaxLength);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.Fits);
        b.ComplexCollection<List<PartFitment>, PartFitment>("_fits", c =>
        {
            c.ToJson("Fits");
            c.Property(f => f.Kind).HasConversion<string>();
        });

        // The counter's search: number prefix, Chinese name prefix, English name prefix; the list by category.
        b.HasIndex(p => p.NameZh);
        b.HasIndex(p => p.NameEnKey);
        b.HasIndex(p => new { p.Category, p.Number });
        b.HasIndex(p => p.ReplacedByNumber);
    }
}
