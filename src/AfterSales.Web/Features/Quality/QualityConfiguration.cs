using AfterSales.Domain.Assets;
using AfterSales.Domain.Quality;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Stores;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.Quality;

internal sealed class QualityChecklistConfiguration : IEntityTypeConfiguration<QualityChecklist>
{
    public void Configure(EntityTypeBuilder<QualityChecklist> b)
    {
        b.ToTable("QualityChecklists");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Skill).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.OperationCode).HasMaxLength(QualityChecklist.CodeMaxLength);
        b.Property(c => c.NameZh).HasMaxLength(QualityChecklist.NameMaxLength);
        b.Property(c => c.NameEn).HasMaxLength(QualityChecklist.NameMaxLength);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.Items);
        b.ComplexCollection<List<ChecklistItem>, ChecklistItem>("_items", c => c.ToJson("Items"));

        // One checklist per trade and one per operation.
        b.HasIndex(c => new { c.Skill, c.OperationCode }).IsUnique();
    }
}

internal sealed class QualityCheckConfiguration : IEntityTypeConfiguration<QualityCheck>
{
    public void Configure(EntityTypeBuilder<QualityCheck> b)
    {
        b.ToTable("QualityChecks");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.ResponsibleParty).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.UserName).HasMaxLength(100);
        b.Property(c => c.Reason).HasMaxLength(2000);
        b.Property(c => c.Notes).HasMaxLength(QualityCheck.NoteMaxLength);
        b.Property(c => c.RoadTestDistanceKm).HasPrecision(8, 1);
        b.Property(c => c.RoadTestNotes).HasMaxLength(QualityCheck.NoteMaxLength);
        b.Ignore(c => c.Items);
        b.Ignore(c => c.RoadTest);
        b.ComplexCollection<List<CheckedItem>, CheckedItem>("_items", c => c.ToJson("Items"));
        b.HasOne<Store>().WithMany().HasForeignKey(c => c.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RepairOrder>().WithMany().HasForeignKey(c => c.RepairOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RepairJob>().WithMany().HasForeignKey(c => c.RepairJobId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.RepairOrderId, c.At });
        b.HasIndex(c => new { c.RepairJobId, c.At });
        AppendOnly.Mark(b);
    }
}

internal sealed class ReworkRecordConfiguration : IEntityTypeConfiguration<ReworkRecord>
{
    public void Configure(EntityTypeBuilder<ReworkRecord> b)
    {
        b.ToTable("ReworkRecords");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.ResponsibleParty).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Reason).HasMaxLength(RepairOrder.ReasonMaxLength);
        b.Property(r => r.TechnicianName).HasMaxLength(100);
        b.Property(r => r.ByUserName).HasMaxLength(100);
        b.HasOne<Store>().WithMany().HasForeignKey(r => r.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RepairOrder>().WithMany().HasForeignKey(r => r.RepairOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RepairJob>().WithMany().HasForeignKey(r => r.RepairJobId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<QualityCheck>().WithMany().HasForeignKey(r => r.QualityCheckId).OnDelete(DeleteBehavior.Restrict);

        // Rework counts per store and period, per technician.
        b.HasIndex(r => new { r.StoreId, r.At });
        b.HasIndex(r => new { r.TechnicianId, r.At });
        b.HasIndex(r => r.RepairOrderId);
        AppendOnly.Mark(b);
    }
}

internal sealed class UnfixedIssueConfiguration : IEntityTypeConfiguration<UnfixedIssue>
{
    public void Configure(EntityTypeBuilder<UnfixedIssue> b)
    {
        b.ToTable("UnfixedIssues");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.Description).HasMaxLength(UnfixedIssue.DescriptionMaxLength);
        b.Property(i => i.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.RecordedByName).HasMaxLength(100);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasOne<Store>().WithMany().HasForeignKey(i => i.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RepairOrder>().WithMany().HasForeignKey(i => i.RepairOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Asset>().WithMany().HasForeignKey(i => i.AssetId).OnDelete(DeleteBehavior.Restrict);

        // The next visit reads the asset's issues.
        b.HasIndex(i => new { i.AssetId, i.RecordedAt });
        b.HasIndex(i => i.RepairOrderId);
    }
}
