using AfterSales.Domain.Labour;
using AfterSales.Domain.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.Labour;

internal sealed class LabourOperationConfiguration : IEntityTypeConfiguration<LabourOperation>
{
    public void Configure(EntityTypeBuilder<LabourOperation> b)
    {
        b.ToTable("LabourOperations");
        b.HasKey(o => o.Id);
        b.Property(o => o.Code).HasMaxLength(LabourOperation.CodeMaxLength);
        b.Property(o => o.NameZh).HasMaxLength(LabourOperation.NameMaxLength);
        b.Property(o => o.NameEn).HasMaxLength(LabourOperation.NameMaxLength);
        b.Property(o => o.Skill).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.StandardHours).HasPrecision(6, 2);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasOne<Store>().WithMany().HasForeignKey(o => o.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => new { o.StoreId, o.Code }).IsUnique();
        b.HasIndex(o => new { o.StoreId, o.IsActive, o.Code });
    }
}

internal sealed class ServiceSettingsConfiguration : IEntityTypeConfiguration<ServiceSettings>
{
    public void Configure(EntityTypeBuilder<ServiceSettings> b)
    {
        b.ToTable("ServiceSettings");
        b.HasKey(s => s.StoreId);
        b.Property(s => s.StoreId).ValueGeneratedNever();
        b.Property(s => s.LabourRate).HasPrecision(10, 2);
        b.Property(s => s.TaxRate).HasPrecision(6, 4);
        b.Property(s => s.SettlementTolerancePercent).HasPrecision(5, 2).HasDefaultValue(ServiceSettings.DefaultSettlementTolerancePercent);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.DiscountLimits);
        b.ComplexCollection<List<DiscountLimit>, DiscountLimit>("_discountLimits", c =>
        {
            c.ToJson("DiscountLimits");
            c.Property(l => l.Role).HasConversion<string>();
        });
        b.HasOne<Store>().WithOne().HasForeignKey<ServiceSettings>(s => s.StoreId).OnDelete(DeleteBehavior.Restrict);
    }
}
