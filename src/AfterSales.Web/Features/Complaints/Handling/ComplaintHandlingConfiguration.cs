using AfterSales.Domain.Complaints;
using AfterSales.Domain.Stores;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.Complaints.Handling;

/// <summary>The handling columns of a complaint; the intake columns are in <see cref="ComplaintConfiguration"/>.</summary>
internal sealed class ComplaintHandlingConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.Property(c => c.Responsibility).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.CustomerResponse).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.CustomerResponseReason).HasMaxLength(Complaint.ReasonMaxLength);
        b.Property(c => c.PlanTotal).HasPrecision(12, 2);
        b.PrimitiveCollection(c => c.RootCauseWhys);
        b.Ignore(c => c.CurrentPlan);
        b.Ignore(c => c.IsClosed);
        b.HasOne<ComplaintTeam>().WithMany().HasForeignKey(c => c.AssignedTeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.AssignedTeamId);
        b.HasMany(c => c.Actions).WithOne().HasForeignKey(a => a.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Actions).HasField("_actions");
        b.HasMany(c => c.Log).WithOne().HasForeignKey(l => l.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Log).HasField("_log");
    }
}

internal sealed class ResolutionActionConfiguration : IEntityTypeConfiguration<ResolutionAction>
{
    public void Configure(EntityTypeBuilder<ResolutionAction> b)
    {
        b.ToTable("ComplaintResolutionActions");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Description).HasMaxLength(Complaint.ActionDescriptionMaxLength);
        b.Property(a => a.Amount).HasPrecision(12, 2);
        b.Property(a => a.DoneBy).HasMaxLength(100);
        b.Property(a => a.DoneNote).HasMaxLength(Complaint.ReasonMaxLength);
        b.Property(a => a.RepairOrderNumber).HasMaxLength(Domain.RepairOrders.RepairOrder.NumberLength);
        b.HasOne<Domain.RepairOrders.RepairOrder>().WithMany().HasForeignKey(a => a.RepairOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.RepairOrderId);
    }
}

internal sealed class ComplaintLogEntryConfiguration : IEntityTypeConfiguration<ComplaintLogEntry>
{
    public void Configure(EntityTypeBuilder<ComplaintLogEntry> b)
    {
        b.ToTable("ComplaintLogEntries");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Text).HasMaxLength(Complaint.LogTextMaxLength);
        b.Property(l => l.Reference).HasMaxLength(Complaint.LogReferenceMaxLength);
        b.Property(l => l.UserName).HasMaxLength(100);
        b.HasIndex(l => new { l.ComplaintId, l.At });
    }
}

internal sealed class ComplaintAssignmentRuleConfiguration : IEntityTypeConfiguration<ComplaintAssignmentRule>
{
    public void Configure(EntityTypeBuilder<ComplaintAssignmentRule> b)
    {
        b.ToTable("ComplaintAssignmentRules");
        b.HasKey(r => r.Id);
        b.Property(r => r.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.Specificity);
        b.HasOne<Store>().WithMany().HasForeignKey(r => r.StoreId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.SpecialistId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ComplaintTeam>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplaintTeamConfiguration : IEntityTypeConfiguration<ComplaintTeam>
{
    public void Configure(EntityTypeBuilder<ComplaintTeam> b)
    {
        b.ToTable("ComplaintTeams");
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(ComplaintTeam.NameMaxLength);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => new { t.StoreId, t.Name }).IsUnique();
        b.HasOne<Store>().WithMany().HasForeignKey(t => t.StoreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ComplaintTeamMemberConfiguration : IEntityTypeConfiguration<ComplaintTeamMember>
{
    public void Configure(EntityTypeBuilder<ComplaintTeamMember> b)
    {
        b.ToTable("ComplaintTeamMembers");
        b.HasKey(m => new { m.TeamId, m.UserId });
        b.HasIndex(m => m.UserId);
        b.HasOne<ComplaintTeam>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplaintApprovalLimitConfiguration : IEntityTypeConfiguration<ComplaintApprovalLimit>
{
    public void Configure(EntityTypeBuilder<ComplaintApprovalLimit> b)
    {
        b.ToTable("ComplaintApprovalLimits");
        b.HasKey(l => l.Role);
        b.Property(l => l.Role).HasConversion<string>().HasMaxLength(30);
        b.Property(l => l.MaxAmount).HasPrecision(12, 2);
        b.Property(l => l.Version).IsConcurrencyToken();
    }
}
