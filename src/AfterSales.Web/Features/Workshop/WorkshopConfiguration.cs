using AfterSales.Domain.Stores;
using AfterSales.Domain.Workshop;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.Workshop;

internal sealed class TechnicianConfiguration : IEntityTypeConfiguration<Technician>
{
    public void Configure(EntityTypeBuilder<Technician> b)
    {
        b.ToTable("Technicians");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Name).HasMaxLength(Technician.NameMaxLength);
        b.PrimitiveCollection(t => t.Skills).ElementType().HasConversion<string>();
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne<Store>().WithMany().HasForeignKey(t => t.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<WorkshopTeam>().WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(t => new { t.StoreId, t.UserId }).IsUnique();
        b.HasIndex(t => t.UserId);
        b.HasIndex(t => t.TeamId);
    }
}

internal sealed class WorkshopTeamConfiguration : IEntityTypeConfiguration<WorkshopTeam>
{
    public void Configure(EntityTypeBuilder<WorkshopTeam> b)
    {
        b.ToTable("WorkshopTeams");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Name).HasMaxLength(WorkshopTeam.NameMaxLength);
        b.Property(t => t.LeadName).HasMaxLength(Technician.NameMaxLength);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne<Store>().WithMany().HasForeignKey(t => t.StoreId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.StoreId, t.Name }).IsUnique();
    }
}
