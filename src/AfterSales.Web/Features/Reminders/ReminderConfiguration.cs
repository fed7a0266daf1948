using AfterSales.Domain.Appointments;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Customers;
using AfterSales.Domain.Reminders;
using AfterSales.Domain.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.Reminders;

internal sealed class ServicePlanConfiguration : IEntityTypeConfiguration<ServicePlan>
{
    public void Configure(EntityTypeBuilder<ServicePlan> b)
    {
        b.ToTable("ServicePlans");
        b.HasKey(p => p.Id);
        b.Property(p => p.Name).HasMaxLength(ServicePlan.NameMaxLength);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Brand).HasMaxLength(ServicePlan.ScopeMaxLength);
        b.Property(p => p.ModelKeyword).HasMaxLength(ServicePlan.ScopeMaxLength);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.Specificity);
        b.Ignore(p => p.Terms);
        b.HasIndex(p => new { p.Kind, p.IsActive });
    }
}

internal sealed class AssetDueConfiguration : IEntityTypeConfiguration<AssetDue>
{
    public void Configure(EntityTypeBuilder<AssetDue> b)
    {
        b.ToTable("AssetDues");
        b.HasKey(d => d.Id);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(d => d.Basis).HasConversion<string>().HasMaxLength(10);
        b.Property(d => d.DueKey).HasMaxLength(Reminder.KeyMaxLength);
        b.Property(d => d.Label).HasMaxLength(Reminder.LabelMaxLength);
        b.HasOne<Store>().WithMany().HasForeignKey(d => d.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(d => d.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Asset>().WithMany().HasForeignKey(d => d.AssetId).OnDelete(DeleteBehavior.Cascade);

        // One row per asset and kind, replaced by each preparation; the list reads a store's rows by due date.
        b.HasIndex(d => new { d.AssetId, d.Kind }).IsUnique();
        b.HasIndex(d => new { d.StoreId, d.DueOn });
        b.HasIndex(d => d.CustomerId);
    }
}

internal sealed class DueListRunConfiguration : IEntityTypeConfiguration<DueListRun>
{
    public void Configure(EntityTypeBuilder<DueListRun> b)
    {
        b.ToTable("DueListRuns");
        b.HasKey(r => r.Day);
    }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> b)
    {
        b.ToTable("Reminders");
        b.HasKey(r => r.Id);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.DueKey).HasMaxLength(Reminder.KeyMaxLength);
        b.Property(r => r.Label).HasMaxLength(Reminder.LabelMaxLength);
        b.Property(r => r.Token).HasMaxLength(Reminder.TokenLength);
        b.Property(r => r.CallOutcome).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.CallNote).HasMaxLength(Reminder.NoteMaxLength);
        b.Property(r => r.ByUserName).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Store>().WithMany().HasForeignKey(r => r.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Asset>().WithMany().HasForeignKey(r => r.AssetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Appointment>().WithMany().HasForeignKey(r => r.AppointmentId).OnDelete(DeleteBehavior.SetNull);

        // Never twice for the same due item: concurrent senders race on this index and one of them wins.
        b.HasIndex(r => new { r.AssetId, r.Kind, r.DueKey }).IsUnique();
        b.HasIndex(r => r.Token).IsUnique();
        b.HasIndex(r => new { r.StoreId, r.CreatedAt });
        b.HasIndex(r => r.AppointmentId);
    }
}
