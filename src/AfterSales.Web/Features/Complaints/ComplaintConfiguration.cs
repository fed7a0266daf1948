using AfterSales.Domain.Assets;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Customers;
using AfterSales.Domain.Stores;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.Complaints;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTable("Complaints");
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(Complaint.NumberMaxLength);
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Urgency).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.SuspectedResponsibility).HasConversion<string>().HasMaxLength(20);
        // New intakes are held to CoreProblemMaxLength by their validators; historical ones keep longer texts as written.
        b.Property(c => c.CoreProblem).HasMaxLength(Complaint.HistoricalTextMaxLength);
        b.Property(c => c.CustomerExpectation).HasMaxLength(Complaint.HistoricalTextMaxLength);
        b.HasOne<ComplaintSubCategory>().WithMany().HasForeignKey(c => c.SubCategoryId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.RepairOrderReference).HasMaxLength(Complaint.RepairOrderReferenceMaxLength);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.PermittedTriggers);
        b.HasOne<Store>().WithMany().HasForeignKey(c => c.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Asset>().WithMany().HasForeignKey(c => c.AssetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.AssignedSpecialistId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.TechnicianId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.RepeatBasis).HasConversion<string>().HasMaxLength(10);
        b.HasOne<Complaint>().WithMany().HasForeignKey(c => c.RepeatOfId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Complaint>().WithMany().HasForeignKey(c => c.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.History).WithOne().HasForeignKey(h => h.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.History).HasField("_history");

        // The list: newest first, filtered by any one of the list's filters; duplicates at intake by customer, asset or order.
        b.HasIndex(c => c.ReceivedAt);
        b.HasIndex(c => new { c.Status, c.ReceivedAt });
        b.HasIndex(c => new { c.Urgency, c.ReceivedAt });
        b.HasIndex(c => new { c.Category, c.ReceivedAt });
        b.HasIndex(c => new { c.StoreId, c.ReceivedAt });
        b.HasIndex(c => new { c.CustomerId, c.Status });
        b.HasIndex(c => new { c.AssetId, c.Status });
        b.HasIndex(c => c.RepairOrderReference);
        b.HasIndex(c => c.AssignedSpecialistId);
        b.HasIndex(c => c.TechnicianId);
    }
}

internal sealed class ComplaintStatusChangeConfiguration : IEntityTypeConfiguration<ComplaintStatusChange>
{
    public void Configure(EntityTypeBuilder<ComplaintStatusChange> b)
    {
        b.ToTable("ComplaintStatusChanges");
        b.HasKey(h => h.Id);

        // The aggregate makes its own ids; a row appended to a loaded complaint must be inserted, not taken for an existing one.
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.UserName).HasMaxLength(100);
        b.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.Trigger).HasConversion<string>().HasMaxLength(30);
        b.Property(h => h.Reason).HasMaxLength(Complaint.ReasonMaxLength);
        b.HasIndex(h => new { h.ComplaintId, h.ComplaintVersion });
    }
}
