using AfterSales.Domain.Complaints;
using AfterSales.Domain.Stores;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.Complaints.Capa;

/// <summary>The complaint's side of its corrective and preventive actions (each action is its own row with its own version).</summary>
internal sealed class ComplaintCapaConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.HasMany(c => c.Capas).WithOne().HasForeignKey(a => a.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Capas).HasField("_capas");
    }
}

internal sealed class CapaActionConfiguration : IEntityTypeConfiguration<CapaAction>
{
    /// <summary>
    /// The start of the check date in the store's time zone, as UTC, fixed when the action is added: the counted
    /// period ends there, and the effectiveness job picks actions by it without time-zone arithmetic in SQL.
    /// </summary>
    public const string CheckDueAt = "CheckDueAt";

    public void Configure(EntityTypeBuilder<CapaAction> b)
    {
        b.ToTable("ComplaintCapaActions");
        b.HasKey(a => a.Id);

        // The aggregate makes its own ids; an action added to a loaded complaint must be inserted.
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Measure).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.ScopeCategory).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Description).HasMaxLength(CapaAction.DescriptionMaxLength);
        b.Property(a => a.MeasureNote).HasMaxLength(CapaAction.MeasureNoteMaxLength);
        b.Property(a => a.OwnerName).HasMaxLength(100);
        b.Property(a => a.CreatedBy).HasMaxLength(100);
        b.Property(a => a.DoneBy).HasMaxLength(100);
        b.Property(a => a.DoneNote).HasMaxLength(Complaint.ReasonMaxLength);
        b.Property(a => a.CheckedBy).HasMaxLength(100);
        b.Property(a => a.CheckNote).HasMaxLength(Complaint.ReasonMaxLength);
        b.PrimitiveCollection(a => a.RepeatNumbers);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Property<DateTimeOffset>(CheckDueAt);
        b.Ignore(a => a.IsCounted);
        b.Ignore(a => a.RepeatScope);
        b.HasOne<Store>().WithMany().HasForeignKey(a => a.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);

        // The board's open actions by store (overdue first), "my actions", and the job's due checks.
        b.HasIndex(a => new { a.StoreId, a.Status, a.DueDate });
        b.HasIndex(a => new { a.OwnerId, a.Status, a.DueDate });
        b.HasIndex(a => new { a.Status, a.CheckDate });
        b.HasIndex(nameof(CapaAction.Status), CheckDueAt);
        b.HasIndex(a => a.ComplaintId);
    }
}
