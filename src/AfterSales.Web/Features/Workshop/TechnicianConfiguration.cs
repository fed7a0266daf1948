using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.Workshop;

internal sealed class RepairJobClockSessionConfiguration : IEntityTypeConfiguration<RepairJobClockSession>
{
    public void Configure(EntityTypeBuilder<RepairJobClockSession> b)
    {
        b.ToTable("RepairJobClockSessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.TechnicianName).HasMaxLength(100);
        b.HasOne<RepairOrder>().WithMany(o => o.ClockSessions).HasForeignKey(s => s.RepairOrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RepairJob>().WithMany().HasForeignKey(s => s.RepairJobId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.TechnicianId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.RepairJobId, s.StartedAt });
        b.HasIndex(s => new { s.TechnicianId, s.StartedAt });
        b.HasIndex(s => s.RepairOrderId);
    }
}

internal sealed class RepairOrderDelayConfiguration : IEntityTypeConfiguration<RepairOrderDelay>
{
    public void Configure(EntityTypeBuilder<RepairOrderDelay> b)
    {
        b.ToTable("RepairOrderDelays");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Reason).HasMaxLength(RepairOrder.ReasonMaxLength);
        b.Property(d => d.ReportedByName).HasMaxLength(100);
        b.HasOne<RepairOrder>().WithMany(o => o.Delays).HasForeignKey(d => d.RepairOrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.RepairOrderId, d.ReportedAt });
        AppendOnly.Mark(b);
    }
}

internal sealed class JobFindingConfiguration : IEntityTypeConfiguration<JobFinding>
{
    public void Configure(EntityTypeBuilder<JobFinding> b)
    {
        b.ToTable("RepairJobFindings");
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.Text).HasMaxLength(RepairOrder.FindingTextMaxLength);
        b.Property(f => f.ReportedByName).HasMaxLength(100);
        b.HasOne<RepairOrder>().WithMany(o => o.Findings).HasForeignKey(f => f.RepairOrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RepairJob>().WithMany().HasForeignKey(f => f.RepairJobId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.RepairOrderId, f.ReportedAt });
        b.HasIndex(f => f.RepairJobId);
        b.HasIndex(f => f.StoreId);
    }
}

internal sealed class ExtraWorkApprovalConfiguration : IEntityTypeConfiguration<ExtraWorkApproval>
{
    public void Configure(EntityTypeBuilder<ExtraWorkApproval> b)
    {
        b.ToTable("ExtraWorkApprovals");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Decision).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.SignerName).HasMaxLength(RepairOrder.SignerNameMaxLength);
        b.Property(a => a.Amount).HasPrecision(12, 2);
        b.Property(a => a.SnapshotSha256).HasMaxLength(64);
        b.Property(a => a.RemoteAddress).HasMaxLength(64);
        b.Property(a => a.RecordedByName).HasMaxLength(100);
        b.HasOne<RepairOrder>().WithMany(o => o.ExtraWorkApprovals).HasForeignKey(a => a.RepairOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RepairJob>().WithMany().HasForeignKey(a => a.RepairJobId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.RepairOrderId, a.At });
        b.HasIndex(a => a.RepairJobId);
        AppendOnly.Mark(b);
    }
}

internal sealed class OldPartRecordConfiguration : IEntityTypeConfiguration<OldPartRecord>
{
    public void Configure(EntityTypeBuilder<OldPartRecord> b)
    {
        b.ToTable("RepairJobOldParts");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Description).HasMaxLength(RepairOrder.PartNameMaxLength);
        b.Property(p => p.Quantity).HasPrecision(10, 2);
        b.Property(p => p.Disposition).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.Note).HasMaxLength(RepairOrder.ReasonMaxLength);
        b.Property(p => p.RecordedByName).HasMaxLength(100);
        b.HasOne<RepairOrder>().WithMany(o => o.OldPartRecords).HasForeignKey(p => p.RepairOrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RepairJob>().WithMany().HasForeignKey(p => p.RepairJobId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.RepairJobId, p.RecordedAt });
        b.HasIndex(p => p.RepairOrderId);
        b.HasIndex(p => p.WarrantyClaimId);
        AppendOnly.Mark(b);
    }
}
