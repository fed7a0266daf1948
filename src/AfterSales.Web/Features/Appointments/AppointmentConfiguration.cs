using AfterSales.Domain.Appointments;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Customers;
using AfterSales.Domain.Stores;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.Appointments;

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> b)
    {
        b.ToTable("Appointments");
        b.HasKey(a => a.Id);
        b.Property(a => a.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Bring).HasConversion<string>().HasMaxLength(100);
        b.Property(a => a.CustomerNeed).HasMaxLength(Appointment.NeedMaxLength);
        b.Property(a => a.BringNote).HasMaxLength(Appointment.NoteMaxLength);
        b.Property(a => a.PartsNeeded).HasMaxLength(Appointment.PreparationMaxLength);
        b.Property(a => a.SpecialTools).HasMaxLength(Appointment.PreparationMaxLength);
        b.Property(a => a.TechnicalDocuments).HasMaxLength(Appointment.PreparationMaxLength);
        b.Property(a => a.OpenIssues).HasMaxLength(Appointment.OpenIssuesMaxLength);
        b.Property(a => a.PriceFrom).HasPrecision(12, 2);
        b.Property(a => a.PriceTo).HasPrecision(12, 2);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.PermittedTriggers);
        b.Ignore(a => a.Skills);
        b.Ignore(a => a.SlotEnd);
        b.Ignore(a => a.OpenReadinessItems);
        b.Ignore(a => a.Services);
        b.ComplexCollection<List<RequestedService>, RequestedService>("_services", c =>
        {
            c.ToJson("Services");
            c.Property(s => s.Skill).HasConversion<string>();
        });
        b.HasOne<Store>().WithMany().HasForeignKey(a => a.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Asset>().WithMany().HasForeignKey(a => a.AssetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.AdvisorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.History).WithOne().HasForeignKey(h => h.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.History).HasField("_history");

        // Day and week boards by store and time; the asset's visits for the repeat-repair check; a customer's own list.
        b.HasIndex(a => new { a.StoreId, a.SlotStart });
        b.HasIndex(a => new { a.AssetId, a.SlotStart });
        b.HasIndex(a => new { a.CustomerId, a.SlotStart });
        b.HasIndex(a => new { a.AdvisorId, a.SlotStart });
        b.HasIndex(a => a.RepairOrderId);
    }
}

internal sealed class AppointmentStatusChangeConfiguration : IEntityTypeConfiguration<AppointmentStatusChange>
{
    public void Configure(EntityTypeBuilder<AppointmentStatusChange> b)
    {
        b.ToTable("AppointmentStatusChanges");
        b.HasKey(h => h.Id);

        // The aggregate makes its own ids; a row appended to a loaded appointment must be inserted, not taken for an existing one.
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.UserName).HasMaxLength(100);
        b.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.Trigger).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.Reason).HasMaxLength(Appointment.ReasonMaxLength);
        b.HasIndex(h => new { h.AppointmentId, h.AppointmentVersion });
    }
}

internal sealed class StoreCapacityConfiguration : IEntityTypeConfiguration<StoreCapacity>
{
    public void Configure(EntityTypeBuilder<StoreCapacity> b)
    {
        b.ToTable("StoreCapacities");
        b.HasKey(c => c.StoreId);
        b.Property(c => c.StoreId).ValueGeneratedNever();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.AdvisorShifts);
        b.Ignore(c => c.WorkshopHours);
        b.ComplexCollection<List<AdvisorShift>, AdvisorShift>("_advisors", c => c.ToJson("AdvisorShifts"));
        b.ComplexCollection<List<SkillHours>, SkillHours>("_skillHours", c =>
        {
            c.ToJson("WorkshopHours");
            c.Property(h => h.Skill).HasConversion<string>();
        });
        b.HasOne<Store>().WithMany().HasForeignKey(c => c.StoreId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// One advisor's reception seat in one arrival slot, held by one appointment. The primary key (store, slot, seat)
/// lets the database decide when two people book the last seat at once: the second insert violates it.
/// </summary>
public sealed class AppointmentSlotSeat : INotAudited
{
    public Guid StoreId { get; set; }

    public DateTimeOffset SlotStart { get; set; }

    public int Seat { get; set; }

    public Guid AppointmentId { get; set; }
}

internal sealed class AppointmentSlotSeatConfiguration : IEntityTypeConfiguration<AppointmentSlotSeat>
{
    public void Configure(EntityTypeBuilder<AppointmentSlotSeat> b)
    {
        b.ToTable("AppointmentSlotSeats");
        b.HasKey(s => new { s.StoreId, s.SlotStart, s.Seat });
        b.HasIndex(s => s.AppointmentId).IsUnique();
        b.HasOne<Appointment>().WithMany().HasForeignKey(s => s.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Store>().WithMany().HasForeignKey(s => s.StoreId).OnDelete(DeleteBehavior.Restrict);
    }
}
