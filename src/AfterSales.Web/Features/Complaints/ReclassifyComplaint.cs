using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Complaints.Handling;
using AfterSales.Web.Features.ComplaintSla;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Features.Complaints;

/// <summary>The new category, sub-category and urgency of a complaint, and why; <see cref="Version"/> is the version edited.</summary>
public sealed record ReclassifyComplaintRequest(int Version, ComplaintCategory Category, Guid? SubCategoryId, ComplaintUrgency Urgency, string Reason);

internal sealed class ReclassifyComplaintValidator : AbstractValidator<ReclassifyComplaintRequest>
{
    public ReclassifyComplaintValidator()
    {
        RuleFor(x => x.Category).IsInEnum();
        RuleFor(x => x.Urgency).IsInEnum();
        RuleFor(x => x.Reason).NotEmpty().WithErrorCode("complaint.reason_required").MaximumLength(Complaint.ReasonMaxLength);
    }
}

/// <summary>
/// Reclassification by a handler of the complaint. The clocks follow at once: they are computed from the current
/// urgency's policy, so the escalation job is told to look again; warnings and breaches it already handled stay
/// recorded and are not fired again (they are kept per clock run, which a reclassification does not restart).
/// </summary>
public sealed class ReclassifyComplaint(ComplaintGate gate, RequestValidation validation, ComplaintAccess access, AfterSalesDb db)
{
    public const string SubCategoryInvalid = "complaint.subcategory_invalid";

    public async Task<Outcome<ComplaintView>> HandleAsync(Guid id, ReclassifyComplaintRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ComplaintView>.Invalid(errors);
        }

        var outcome = await gate.MoveAsync(
            id,
            request.Version,
            async c =>
            {
                if (await access.HandlerCheckAsync(c, ct) is { } refused)
                {
                    return refused;
                }

                // The sub-category the complaint already has may stay even if retired since; a new one must be in use.
                var keeps = request.SubCategoryId == c.SubCategoryId && request.Category == c.Category;
                if (request.SubCategoryId is { } subId && !keeps
                    && !await db.Set<ComplaintSubCategory>().AnyAsync(s => s.Id == subId && s.Category == request.Category && s.IsActive, ct))
                {
                    return Outcome<ComplaintView>.Invalid(SubCategoryInvalid, nameof(request.SubCategoryId));
                }

                return null;
            },
            c => c.Reclassify(request.Category, request.SubCategoryId, request.Urgency, gate.Actor, request.Reason, gate.Now),
            ct);
        if (outcome.IsOk)
        {
            await SlaRecheck.ComplaintAsync(db, id, gate.Now, ct);
        }

        return outcome;
    }
}

internal sealed class ComplaintReclassificationConfiguration : IEntityTypeConfiguration<ComplaintReclassification>
{
    public void Configure(EntityTypeBuilder<ComplaintReclassification> b)
    {
        b.ToTable("ComplaintReclassifications");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.FromCategory).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.ToCategory).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.FromUrgency).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.ToUrgency).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.UserName).HasMaxLength(100);
        b.Property(r => r.Reason).HasMaxLength(Complaint.ReasonMaxLength);
        b.HasOne<ComplaintSubCategory>().WithMany().HasForeignKey(r => r.FromSubCategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ComplaintSubCategory>().WithMany().HasForeignKey(r => r.ToSubCategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.ComplaintId, r.ComplaintVersion });
    }
}

internal sealed class ComplaintReclassificationsConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.HasMany(c => c.Reclassifications).WithOne().HasForeignKey(r => r.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Reclassifications).HasField("_reclassifications");
    }
}
