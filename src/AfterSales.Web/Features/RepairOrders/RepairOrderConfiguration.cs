using AfterSales.Domain.Assets;
using AfterSales.Domain.Customers;
using AfterSales.Domain.Labour;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Stores;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.RepairOrders;

internal sealed class RepairOrderConfiguration : IEntityTypeConfiguration<RepairOrder>
{
    public void Configure(EntityTypeBuilder<RepairOrder> b)
    {
        b.ToTable("RepairOrders");
        b.HasKey(o => o.Id);
        b.Property(o => o.Number).HasMaxLength(RepairOrder.NumberLength);
        b.HasIndex(o => new { o.StoreId, o.Number }).IsUnique();
        b.HasIndex(o => o.Number);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.PaymentMethod).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.OldParts).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.AdvisorName).HasMaxLength(100);
        b.Property(o => o.CustomerWords).HasMaxLength(RepairOrder.CustomerWordsMaxLength);
        b.Property(o => o.DiscountReason).HasMaxLength(RepairOrder.ReasonMaxLength);
        b.Property(o => o.DiscountApprovedByName).HasMaxLength(100);
        b.Property(o => o.CancelReason).HasMaxLength(RepairOrder.ReasonMaxLength);
        b.Property(o => o.CheckedInBy).HasMaxLength(100);
        b.Property(o => o.Valuables).HasMaxLength(CheckInDetails.TextMaxLength);
        b.Property(o => o.ConditionNotes).HasMaxLength(CheckInDetails.TextMaxLength);
        b.Property(o => o.LabourRate).HasPrecision(10, 2);
        b.Property(o => o.TaxRate).HasPrecision(6, 4);
        b.Property(o => o.DiscountPercent).HasPrecision(5, 2);
        b.Property(o => o.ExtraWorkPreApprovedLimit).HasPrecision(12, 2);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.Ignore(o => o.PermittedTriggers);
        b.Ignore(o => o.IsEditable);
        b.Ignore(o => o.IsCheckedIn);
        b.Ignore(o => o.DiscountNeedsApproval);
        b.Ignore(o => o.Totals);
        b.Ignore(o => o.DamageMarks);
        b.ComplexCollection<List<DamageMark>, DamageMark>("_damageMarks", c =>
        {
            c.ToJson("DamageMarks");
            c.Property(m => m.Zone).HasConversion<string>();
            c.Property(m => m.Kind).HasConversion<string>();
        });
        b.HasOne<Store>().WithMany().HasForeignKey(o => o.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Asset>().WithMany().HasForeignKey(o => o.AssetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(o => o.AdvisorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Jobs).WithOne().HasForeignKey(j => j.RepairOrderId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.Jobs).HasField("_jobs");
        b.HasMany(o => o.History).WithOne().HasForeignKey(h => h.RepairOrderId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.History).HasField("_history");
        b.HasMany(o => o.Signatures).WithOne().HasForeignKey(s => s.RepairOrderId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(o => o.Signatures).HasField("_signatures");
        b.HasMany(o => o.JobHistory).WithOne().HasForeignKey(h => h.RepairOrderId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.JobHistory).HasField("_jobHistory");

        // The list: newest first, by store and status; the asset's and the customer's orders; the appointment's order.
        b.HasIndex(o => o.OpenedAt);
        b.HasIndex(o => new { o.StoreId, o.OpenedAt });
        b.HasIndex(o => new { o.Status, o.OpenedAt });
        b.HasIndex(o => new { o.CustomerId, o.OpenedAt });
        b.HasIndex(o => new { o.AssetId, o.OpenedAt });
        b.HasIndex(o => o.AppointmentId);
        b.Property(o => o.ComplaintNumber).HasMaxLength(Domain.Complaints.Complaint.NumberMaxLength);
        b.HasOne<Domain.Complaints.Complaint>().WithMany().HasForeignKey(o => o.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => o.ComplaintId);
        b.HasIndex(o => new { o.StoreId, o.Status });
        b.HasIndex(o => new { o.StoreId, o.DeliveredAt });
    }
}

internal sealed class RepairJobConfiguration : IEntityTypeConfiguration<RepairJob>
{
    public void Configure(EntityTypeBuilder<RepairJob> b)
    {
        b.ToTable("RepairJobs");
        b.HasKey(j => j.Id);

        // The aggregate makes its own ids; a job added to a loaded order must be inserted, not taken for an existing one.
        b.Property(j => j.Id).ValueGeneratedNever();
        b.Property(j => j.OperationCode).HasMaxLength(LabourOperation.CodeMaxLength);
        b.Property(j => j.NameZh).HasMaxLength(LabourOperation.NameMaxLength);
        b.Property(j => j.NameEn).HasMaxLength(LabourOperation.NameMaxLength);
        b.Property(j => j.Skill).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.PayType).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.Note).HasMaxLength(RepairOrder.JobNoteMaxLength);
        b.Property(j => j.Hours).HasPrecision(6, 2);
        b.Property(j => j.LabourRate).HasPrecision(10, 2);
        b.Ignore(j => j.LabourAmount);
        b.Ignore(j => j.PartsAmount);
        b.Ignore(j => j.IsAgreed);
        b.Ignore(j => j.PermittedTriggers);
        b.Ignore(j => j.Fault);
        b.Ignore(j => j.IsQualityRepair);
        b.Property(j => j.FaultSystem).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.FaultCode).HasMaxLength(JobFault.FaultCodeMaxLength);
        b.Property(j => j.EarlyFault).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.TechnicianName).HasMaxLength(100);
        b.Property(j => j.StatusReason).HasMaxLength(RepairOrder.ReasonMaxLength);
        b.HasOne<AppUser>().WithMany().HasForeignKey(j => j.TechnicianId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(j => new { j.TechnicianId, j.Status });
        b.HasIndex(j => j.Status);
        b.HasOne<LabourOperation>().WithMany().HasForeignKey(j => j.LabourOperationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(j => j.Parts).WithOne().HasForeignKey(p => p.RepairJobId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(j => j.Parts).HasField("_parts");
        b.HasIndex(j => new { j.RepairOrderId, j.Position });
        b.HasIndex(j => j.LabourOperationId);
    }
}

internal sealed class RepairJobPartConfiguration : IEntityTypeConfiguration<RepairJobPart>
{
    public void Configure(EntityTypeBuilder<RepairJobPart> b)
    {
        b.ToTable("RepairJobParts");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.PartNumber).HasMaxLength(RepairOrder.PartNumberMaxLength);
        b.Property(p => p.Name).HasMaxLength(RepairOrder.PartNameMaxLength);
        b.Property(p => p.MainComponentOf).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Quantity).HasPrecision(10, 2);
        b.Property(p => p.UnitPrice).HasPrecision(12, 2);
        b.Ignore(p => p.Amount);
        b.HasIndex(p => new { p.RepairJobId, p.Position });
        b.HasIndex(p => p.PartId);
    }
}

internal sealed class RepairOrderSignatureConfiguration : IEntityTypeConfiguration<RepairOrderSignature>
{
    public void Configure(EntityTypeBuilder<RepairOrderSignature> b)
    {
        b.ToTable("RepairOrderSignatures");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.SignerName).HasMaxLength(RepairOrder.SignerNameMaxLength);
        b.Property(s => s.RecordedByName).HasMaxLength(100);
        b.Property(s => s.SnapshotSha256).HasMaxLength(64);
        b.Property(s => s.RemoteAddress).HasMaxLength(64);
        b.Ignore(s => s.IsIntact);
        b.HasIndex(s => new { s.RepairOrderId, s.SignedAt });
        AppendOnly.Mark(b);
    }
}

internal sealed class RepairOrderStatusChangeConfiguration : IEntityTypeConfiguration<RepairOrderStatusChange>
{
    public void Configure(EntityTypeBuilder<RepairOrderStatusChange> b)
    {
        b.ToTable("RepairOrderStatusChanges");
        b.HasKey(h => h.Id);
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.UserName).HasMaxLength(100);
        b.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.Trigger).HasConversion<string>().HasMaxLength(30);
        b.Property(h => h.Reason).HasMaxLength(RepairOrder.ReasonMaxLength);
        b.HasIndex(h => new { h.RepairOrderId, h.OrderVersion });
        AppendOnly.Mark(b);
    }
}

internal sealed class RepairJobStatusChangeConfiguration : IEntityTypeConfiguration<RepairJobStatusChange>
{
    public void Configure(EntityTypeBuilder<RepairJobStatusChange> b)
    {
        b.ToTable("RepairJobStatusChanges");
        b.HasKey(h => h.Id);
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.UserName).HasMaxLength(100);
        b.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.Trigger).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.Reason).HasMaxLength(RepairOrder.ReasonMaxLength);
        b.HasIndex(h => new { h.RepairOrderId, h.At });
        b.HasIndex(h => new { h.RepairJobId, h.At });
        AppendOnly.Mark(b);
    }
}
