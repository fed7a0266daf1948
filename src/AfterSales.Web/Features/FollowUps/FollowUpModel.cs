using AfterSales.Domain.Customers;
using AfterSales.Domain.FollowUps;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Stores;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.FollowUps;

/// <summary>
/// The sampling decision for one delivered order, made once: the primary key on the order is what makes the
/// generator create an order's tasks exactly once, also across restarts and with two instances running.
/// </summary>
public sealed class FollowUpSelection : INotAudited
{
    public const int StratumKeyMaxLength = 120;

    public Guid RepairOrderId { get; set; }

    public Guid StoreId { get; set; }

    /// <summary>The store-local month of delivery, "yyyy-MM": the period whose strata the decision counts in.</summary>
    public string Period { get; set; } = string.Empty;

    public string StratumKey { get; set; } = string.Empty;

    public FollowUpOrderType OrderType { get; set; }

    public bool Selected { get; set; }

    public SampleReason Reason { get; set; }

    public DateTimeOffset DeliveredAt { get; set; }

    /// <summary>The store-local date of delivery: the period filter of coverage and reach.</summary>
    public DateOnly DeliveredOn { get; set; }

    /// <summary>The Monday of the store-local week of delivery.</summary>
    public DateOnly DeliveredWeek { get; set; }

    /// <summary>The first day of the store-local month of delivery.</summary>
    public DateOnly DeliveredMonth { get; set; }

    public DateTimeOffset DecidedAt { get; set; }
}

public static class FollowUpModel
{
    public static void FilterByStore(ModelBuilder builder, AfterSalesDb db)
    {
        builder.Entity<FollowUpTask>().HasQueryFilter(x => db.SeesAllStores || db.VisibleStoreIds.Contains(x.StoreId));
        builder.Entity<FollowUpSelection>().HasQueryFilter(x => db.SeesAllStores || db.VisibleStoreIds.Contains(x.StoreId));
    }
}

internal sealed class FollowUpPolicyConfiguration : IEntityTypeConfiguration<FollowUpPolicy>
{
    public void Configure(EntityTypeBuilder<FollowUpPolicy> b)
    {
        b.ToTable("FollowUpPolicies");
        b.HasKey(p => p.StoreId);
        b.Property(p => p.StoreId).ValueGeneratedNever();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.Rules);
        b.Ignore(p => p.RetrySchedule);
        b.Ignore(p => p.BlockedHours);
        b.ComplexCollection<List<FollowUpRule>, FollowUpRule>("_rules", c =>
        {
            c.ToJson("Rules");
            c.Property(r => r.OrderType).HasConversion<string>();
            c.Property(r => r.Kind).HasConversion<string>();
        });
        b.ComplexCollection<List<RetryStep>, RetryStep>("_retries", c => c.ToJson("RetrySchedule"));
        b.ComplexCollection<List<TimeWindow>, TimeWindow>("_blocked", c => c.ToJson("BlockedHours"));
        b.HasOne<Store>().WithMany().HasForeignKey(p => p.StoreId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> b)
    {
        b.ToTable("FollowUpTasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.OrderType).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.LastOutcome).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.AgentName).HasMaxLength(100);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasMany(t => t.Attempts).WithOne().HasForeignKey(a => a.FollowUpTaskId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(t => t.Attempts).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<RepairOrder>().WithMany().HasForeignKey(t => t.RepairOrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Store>().WithMany().HasForeignKey(t => t.StoreId).OnDelete(DeleteBehavior.Restrict);

        // One call of each kind per order, whatever runs the generator and however often.
        b.HasIndex(t => new { t.RepairOrderId, t.Kind }).IsUnique();
        b.HasIndex(t => new { t.StoreId, t.Status, t.DueAt });
        b.HasIndex(t => new { t.CustomerId, t.Status });
    }
}

internal sealed class FollowUpAttemptConfiguration : IEntityTypeConfiguration<FollowUpAttempt>
{
    public void Configure(EntityTypeBuilder<FollowUpAttempt> b)
    {
        b.ToTable("FollowUpAttempts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.AgentName).HasMaxLength(100);
        b.Property(a => a.Note).HasMaxLength(FollowUpTask.NoteMaxLength);
        b.HasIndex(a => new { a.FollowUpTaskId, a.Number }).IsUnique();
    }
}

internal sealed class FollowUpSelectionConfiguration : IEntityTypeConfiguration<FollowUpSelection>
{
    public void Configure(EntityTypeBuilder<FollowUpSelection> b)
    {
        b.ToTable("FollowUpSelections");
        b.HasKey(s => s.RepairOrderId);
        b.Property(s => s.RepairOrderId).ValueGeneratedNever();
        b.Property(s => s.Period).HasMaxLength(7);
        b.Property(s => s.StratumKey).HasMaxLength(FollowUpSelection.StratumKeyMaxLength);
        b.Property(s => s.OrderType).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Reason).HasConversion<string>().HasMaxLength(20);
        b.HasOne<RepairOrder>().WithMany().HasForeignKey(s => s.RepairOrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.StoreId, s.Period, s.StratumKey });
        b.HasIndex(s => new { s.StoreId, s.DeliveredAt });

        // Coverage and reach: a period of store-local dates, optionally one store, grouped by week and month.
        b.HasIndex(s => new { s.DeliveredOn, s.StoreId });
    }
}
