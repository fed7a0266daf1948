using AfterSales.Domain.Assets;
using AfterSales.Domain.Staff;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Warranty;

public sealed record PolicyView(
    Guid Id,
    string Name,
    AssetKind Kind,
    string? Brand,
    string? ModelKeyword,
    ComponentGroup Group,
    int Months,
    int? MileageKm,
    bool IsExclusion,
    string? Exclusions,
    bool IsActive,
    int Version)
{
    public static PolicyView From(WarrantyPolicy p) => new(p.Id, p.Name, p.Kind, p.Brand, p.ModelKeyword, p.Group, p.Months, p.MileageKm, p.IsExclusion, p.Exclusions, p.IsActive, p.Version);
}

/// <summary>A policy as an administrator writes it; <see cref="Version"/> is the one the editor started from (0 for a new policy).</summary>
public sealed record PolicyRequest(
    string Name,
    AssetKind Kind,
    string? Brand,
    string? ModelKeyword,
    ComponentGroup Group,
    int Months,
    int? MileageKm,
    bool IsExclusion = false,
    string? Exclusions = null,
    bool IsActive = true,
    int Version = 0)
{
    public PolicyTerms ToTerms() => new(Name ?? string.Empty, Kind, Brand, ModelKeyword, Group, Months, MileageKm, IsExclusion, Exclusions);
}

internal sealed class PolicyRequestValidator : AbstractValidator<PolicyRequest>
{
    public PolicyRequestValidator()
    {
        RuleFor(x => x.Name).MaximumLength(WarrantyPolicy.NameMaxLength);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Group).IsInEnum();
        RuleFor(x => x.Brand).MaximumLength(WarrantyPolicy.ScopeMaxLength);
        RuleFor(x => x.ModelKeyword).MaximumLength(WarrantyPolicy.ScopeMaxLength);
        RuleFor(x => x.Exclusions).MaximumLength(WarrantyPolicy.ExclusionsMaxLength);
    }
}

/// <summary>Every policy, active first, grouped by kind, make and component group.</summary>
public sealed class ListPolicies(AfterSalesDb db)
{
    public async Task<IReadOnlyList<PolicyView>> HandleAsync(AssetKind? kind, CancellationToken ct)
    {
        var query = db.Set<WarrantyPolicy>().AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(p => p.Kind == k);
        }

        var policies = await query.ToListAsync(ct);
        return policies
            .OrderByDescending(p => p.IsActive).ThenBy(p => p.Kind).ThenBy(p => p.Brand).ThenBy(p => p.ModelKeyword).ThenBy(p => p.Group)
            .Select(PolicyView.From)
            .ToList();
    }
}

/// <summary>Creates a policy, or changes one; only administrators and service managers set policy.</summary>
public sealed class SavePolicy(AfterSalesDb db, ICurrentUser user, RequestValidation validation, TimeProvider clock)
{
    public const string ChangedBySomeoneElse = "warranty.policy_changed_by_someone_else";

    public static bool MaySetPolicy(ICurrentUser user) => user.IsInRole(StaffRole.Administrator) || user.IsInRole(StaffRole.ServiceManager);

    public async Task<Outcome<PolicyView>> HandleAsync(Guid? id, PolicyRequest request, CancellationToken ct)
    {
        if (!MaySetPolicy(user))
        {
            return Outcome<PolicyView>.Forbidden("warranty.policy_forbidden");
        }

        var errors = (await validation.CheckAsync(request, ct)).Concat(WarrantyPolicy.Check(request.ToTerms())).ToList();
        if (errors.Count > 0)
        {
            return Outcome<PolicyView>.Invalid(errors);
        }

        WarrantyPolicy policy;
        if (id is { } existing)
        {
            var found = await db.Set<WarrantyPolicy>().FirstOrDefaultAsync(p => p.Id == existing, ct);
            if (found is null)
            {
                return Outcome<PolicyView>.NotFound();
            }

            if (found.Version != request.Version)
            {
                return Outcome<PolicyView>.Conflict(ChangedBySomeoneElse);
            }

            policy = found;
            policy.Update(request.ToTerms());
            policy.SetActive(request.IsActive);
            db.Entry(policy).Property(p => p.Version).OriginalValue = request.Version;
        }
        else
        {
            policy = WarrantyPolicy.Define(request.ToTerms(), clock.GetUtcNow());
            policy.SetActive(request.IsActive);
            db.Add(policy);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<PolicyView>.Conflict(ChangedBySomeoneElse);
        }

        return PolicyView.From(policy);
    }
}
