using AfterSales.Domain.Assets;
using AfterSales.Domain.Reminders;
using AfterSales.Web.Features.Warranty;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Reminders;

public sealed record ServicePlanView(
    Guid Id,
    string Name,
    AssetKind Kind,
    string? Brand,
    string? ModelKeyword,
    int? IntervalMonths,
    int? IntervalKm,
    int? FirstMonths,
    int? FirstKm,
    bool IsActive,
    int Version)
{
    public static ServicePlanView From(ServicePlan p) =>
        new(p.Id, p.Name, p.Kind, p.Brand, p.ModelKeyword, p.IntervalMonths, p.IntervalKm, p.FirstMonths, p.FirstKm, p.IsActive, p.Version);
}

/// <summary>A service plan as an administrator writes it; <see cref="Version"/> is the one the editor started from (0 for a new plan).</summary>
public sealed record ServicePlanRequest(
    string Name,
    AssetKind Kind,
    string? Brand,
    string? ModelKeyword,
    int? IntervalMonths,
    int? IntervalKm,
    int? FirstMonths = null,
    int? FirstKm = null,
    bool IsActive = true,
    int Version = 0)
{
    public ServicePlanTerms ToTerms() => new(Name ?? string.Empty, Kind, Brand, ModelKeyword, IntervalMonths, IntervalKm, FirstMonths, FirstKm);
}

internal sealed class ServicePlanRequestValidator : AbstractValidator<ServicePlanRequest>
{
    public ServicePlanRequestValidator()
    {
        RuleFor(x => x.Name).MaximumLength(ServicePlan.NameMaxLength);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Brand).MaximumLength(ServicePlan.ScopeMaxLength);
        RuleFor(x => x.ModelKeyword).MaximumLength(ServicePlan.ScopeMaxLength);
    }
}

/// <summary>Every service plan, active first, by kind, make and model word.</summary>
public sealed class ListServicePlans(AfterSalesDb db)
{
    public async Task<IReadOnlyList<ServicePlanView>> HandleAsync(AssetKind? kind, CancellationToken ct)
    {
        var query = db.Set<ServicePlan>().AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(p => p.Kind == k);
        }

        var plans = await query.ToListAsync(ct);
        return plans
            .OrderByDescending(p => p.IsActive).ThenBy(p => p.Kind).ThenBy(p => p.Brand).ThenBy(p => p.ModelKeyword)
            .Select(ServicePlanView.From)
            .ToList();
    }
}

/// <summary>Creates a service plan or changes one; administrators and service managers set plans, as they set warranty policy.</summary>
public sealed class SaveServicePlan(AfterSalesDb db, ICurrentUser user, RequestValidation validation, TimeProvider clock)
{
    public const string ChangedBySomeoneElse = "service_plan.changed_by_someone_else";

    public async Task<Outcome<ServicePlanView>> HandleAsync(Guid? id, ServicePlanRequest request, CancellationToken ct)
    {
        if (!SavePolicy.MaySetPolicy(user))
        {
            return Outcome<ServicePlanView>.Forbidden("service_plan.forbidden");
        }

        var errors = (await validation.CheckAsync(request, ct)).Concat(ServicePlan.Check(request.ToTerms())).ToList();
        if (errors.Count > 0)
        {
            return Outcome<ServicePlanView>.Invalid(errors);
        }

        ServicePlan plan;
        if (id is { } existing)
        {
            var found = await db.Set<ServicePlan>().FirstOrDefaultAsync(p => p.Id == existing, ct);
            if (found is null)
            {
                return Outcome<ServicePlanView>.NotFound();
            }

            if (found.Version != request.Version)
            {
                return Outcome<ServicePlanView>.Conflict(ChangedBySomeoneElse);
            }

            plan = found;
            plan.Update(request.ToTerms());
            plan.SetActive(request.IsActive);
            db.Entry(plan).Property(p => p.Version).OriginalValue = request.Version;
        }
        else
        {
            plan = ServicePlan.Define(request.ToTerms(), clock.GetUtcNow());
            plan.SetActive(request.IsActive);
            db.Add(plan);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ServicePlanView>.Conflict(ChangedBySomeoneElse);
        }

        return ServicePlanView.From(plan);
    }
}
