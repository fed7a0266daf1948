using AfterSales.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.ComplaintSla;

internal sealed class ComplaintSubCategoryConfiguration : IEntityTypeConfiguration<ComplaintSubCategory>
{
    public void Configure(EntityTypeBuilder<ComplaintSubCategory> b)
    {
        b.ToTable("ComplaintSubCategories");
        b.HasKey(s => s.Id);
        b.Property(s => s.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.NameZh).HasMaxLength(ComplaintSubCategory.NameMaxLength);
        b.Property(s => s.NameEn).HasMaxLength(ComplaintSubCategory.NameMaxLength);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => new { s.Category, s.NameZh }).IsUnique();
        b.HasIndex(s => new { s.Category, s.SortOrder });
        b.HasData(Seeds.Select((seed, i) => new
        {
            Id = new Guid($"5a1c0000-0000-7000-8000-{i + 1:D12}"),
            seed.Category,
            seed.NameZh,
            seed.NameEn,
            IsActive = true,
            SortOrder = seed.SortOrder,
            Version = 0,
        }));
    }

    /// <summary>What every installation starts with: the usual reasons within each category; administrators change them.</summary>
    private static readonly (ComplaintCategory Category, string NameZh, string NameEn, int SortOrder)[] Seeds =
    [
        (ComplaintCategory.RepairQuality, "同一故障反复出现", "Same fault came back", 10),
        (ComplaintCategory.RepairQuality, "维修后出现新问题", "New problem after the repair", 20),
        (ComplaintCategory.RepairQuality, "未按约定完成项目", "Work not done as agreed", 30),
        (ComplaintCategory.Parts, "配件质量问题", "Faulty part", 10),
        (ComplaintCategory.Parts, "非原厂配件", "Non-genuine part", 20),
        (ComplaintCategory.Parts, "等待配件时间过长", "Long wait for parts", 30),
        (ComplaintCategory.StaffAttitude, "服务态度差", "Unfriendly staff", 10),
        (ComplaintCategory.StaffAttitude, "承诺未兑现", "Promise not kept", 20),
        (ComplaintCategory.ServiceProcess, "交车延误", "Late delivery", 10),
        (ComplaintCategory.ServiceProcess, "预约未按时接待", "Appointment not kept", 20),
        (ComplaintCategory.ServiceProcess, "车辆清洁或外观损伤", "Vehicle left dirty or damaged", 30),
        (ComplaintCategory.Fees, "收费高于报价", "Charged above the estimate", 10),
        (ComplaintCategory.Fees, "未经同意的增项收费", "Extra work charged without consent", 20),
        (ComplaintCategory.Other, "其他", "Other", 10),
    ];
}

internal sealed class ComplaintSlaPolicyConfiguration : IEntityTypeConfiguration<ComplaintSlaPolicy>
{
    public void Configure(EntityTypeBuilder<ComplaintSlaPolicy> b)
    {
        b.ToTable("ComplaintSlaPolicies");
        b.HasKey(p => p.Id);
        b.Property(p => p.Urgency).HasConversion<string>().HasMaxLength(10);
        b.Property(p => p.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.ChannelKey).HasMaxLength(20);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.Urgency, p.ChannelKey }).IsUnique();
    }
}

internal sealed class ComplaintSlaEventConfiguration : IEntityTypeConfiguration<ComplaintSlaEvent>
{
    public void Configure(EntityTypeBuilder<ComplaintSlaEvent> b)
    {
        b.ToTable("ComplaintSlaEvents");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Clock).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(e => e.Level).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Complaint>().WithMany().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Cascade);

        // Exactly once: the database refuses a second record of the same warning or breach of the same run of a clock.
        b.HasIndex(e => new { e.ComplaintId, e.Clock, e.Kind, e.ClockStartedAt }).IsUnique();
    }
}

internal sealed class ComplaintSlaTrackingConfiguration : IEntityTypeConfiguration<ComplaintSlaTracking>
{
    public void Configure(EntityTypeBuilder<ComplaintSlaTracking> b)
    {
        b.ToTable("ComplaintSlaTracking");
        b.HasKey(t => t.ComplaintId);
        b.Property(t => t.ComplaintId).ValueGeneratedNever();
        b.Property(t => t.State).HasConversion<string>().HasMaxLength(10);
        b.Property(t => t.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne<Complaint>().WithOne().HasForeignKey<ComplaintSlaTracking>(t => t.ComplaintId).OnDelete(DeleteBehavior.Cascade);

        // The job asks "what is due now?" and the list sorts by the soonest breach.
        b.HasIndex(t => t.NextCheckAt);
        b.HasIndex(t => t.NextBreachAt);
    }
}

internal sealed class ComplaintProgressUpdateConfiguration : IEntityTypeConfiguration<ComplaintProgressUpdate>
{
    public void Configure(EntityTypeBuilder<ComplaintProgressUpdate> b)
    {
        b.ToTable("ComplaintProgressUpdates");
        b.HasKey(u => u.Id);
        b.Property(u => u.Id).ValueGeneratedNever();
        b.Property(u => u.UserName).HasMaxLength(100);
        b.Property(u => u.Message).HasMaxLength(ComplaintProgressUpdate.MessageMaxLength);
        b.HasOne<Complaint>().WithMany().HasForeignKey(u => u.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(u => new { u.ComplaintId, u.At });
    }
}
