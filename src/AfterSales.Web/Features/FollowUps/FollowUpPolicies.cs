using AfterSales.Domain.FollowUps;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.FollowUps;

/// <summary>A store's follow-up policy; <see cref="IsDefault"/> with <see cref="Version"/> 0 while the store follows the defaults.</summary>
public sealed record FollowUpPolicyView(
    Guid StoreId,
    int CoverageTargetPercent,
    int MaxAttempts,
    IReadOnlyList<FollowUpRule> Rules,
    IReadOnlyList<RetryStep> RetrySchedule,
    IReadOnlyList<TimeWindow> BlockedHours,
    bool IsDefault,
    int Version)
{
    internal static FollowUpPolicyView From(FollowUpPolicy p, bool isDefault) =>
        new(p.StoreId, p.CoverageTargetPercent, p.MaxAttempts, p.Rules.ToList(), p.RetrySchedule.ToList(), p.BlockedHours.ToList(), isDefault, p.Version);
}

/// <summary>Replaces a store's follow-up policy (administrators); <see cref="Version"/> is the version the editor started from (0 for the defaults).</summary>
public sealed record SaveFollowUpPolicyRequest(
    int Version,
    int CoverageTargetPercent,
    int MaxAttempts,
    IReadOnlyList<FollowUpRule> Rules,
    IReadOnlyList<RetryStep> RetrySchedule,
    IReadOnlyList<TimeWindow> BlockedHours);

internal sealed class SaveFollowUpPolicyValidator : AbstractValidator<SaveFollowUpPolicyRequest>
{
    public SaveFollowUpPolicyValidator()
    {
        RuleFor(x => x.Rules).NotNull();
        RuleFor(x => x.RetrySchedule).NotNull();
        RuleFor(x => x.BlockedHours).NotNull();
        RuleForEach(x => x.Rules).ChildRules(r =>
        {
            r.RuleFor(x => x.OrderType).IsInEnum();
            r.RuleFor(x => x.Kind).IsInEnum();
        });
    }
}

public sealed class GetFollowUpPolicy(AfterSalesDb db, ICurrentUser user)
{
    public async Task<Outcome<FollowUpPolicyView>> HandleAsync(Guid storeId, CancellationToken ct)
    {
        if (!user.Scope.Includes(storeId) || !await db.Stores.AnyAsync(s => s.Id == storeId, ct))
        {
            return Outcome<FollowUpPolicyView>.NotFound();
        }

        var saved = await db.Set<FollowUpPolicy>().AsNoTracking().FirstOrDefaultAsync(p => p.StoreId == storeId, ct);
        return FollowUpPolicyView.From(saved ?? FollowUpPolicy.Default(storeId), saved is null);
    }
}

public sealed class SaveFollowUpPolicy(AfterSalesDb db, RequestValidation validation)
{
    public const string ChangedBySomeoneElse = "follow_up_policy.changed_by_someone_else";

    public async Task<Outcome<FollowUpPolicyView>> HandleAsync(Guid storeId, SaveFollowUpPolicyRequest request, CancellationToken ct)
    {
        var errors = (await validation.CheckAsync(request, ct)).ToList();
        if (errors.Count == 0)
        {
            errors.AddRange(FollowUpPolicy.Check(request.CoverageTargetPercent, request.MaxAttempts, request.Rules.ToList(), request.RetrySchedule.ToList(), request.BlockedHours.ToList()));
        }

        if (errors.Count > 0)
        {
            return Outcome<FollowUpPolicyView>.Invalid(errors);
        }

        if (!await db.Stores.AnyAsync(s => s.Id == storeId, ct))
        {
            return Outcome<FollowUpPolicyView>.NotFound();
        }

        var policy = await db.Set<FollowUpPolicy>().FirstOrDefaultAsync(p => p.StoreId == storeId, ct);
        var isNew = policy is null;
        if (policy is null)
        {
            if (request.Version != 0)
            {
                return Outcome<FollowUpPolicyView>.Conflict(ChangedBySomeoneElse);
            }

            policy = FollowUpPolicy.Default(storeId);
            db.Add(policy);
        }
        else
        {
            if (policy.Version != request.Version)
            {
                return Outcome<FollowUpPolicyView>.Conflict(ChangedBySomeoneElse);
            }

            db.Entry(policy).Property(p => p.Version).OriginalValue = request.Version;
        }

        policy.Update(request.CoverageTargetPercent, request.MaxAttempts, request.Rules, request.RetrySchedule, request.BlockedHours);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<FollowUpPolicyView>.Conflict(ChangedBySomeoneElse);
        }
        catch (DbUpdateException e) when (isNew && DbErrors.IsUniqueViolation(e))
        {
            return Outcome<FollowUpPolicyView>.Conflict(ChangedBySomeoneElse);
        }

        return FollowUpPolicyView.From(policy, false);
    }
}
