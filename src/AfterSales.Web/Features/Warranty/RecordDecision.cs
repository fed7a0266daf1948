using System.Globalization;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Warranty;

/// <summary>A job as the repair-order module names it: kind ("RepairOrderJob"), id, and human number ("RO-20261123-0007/2").</summary>
public sealed record JobReferenceInput(string Kind, Guid Id, string Number)
{
    public JobReference ToReference() => new(Kind.Trim(), Id, Number.Trim());
}

/// <summary>
/// Records who pays for a job. <see cref="ProposedPayType"/> is what the advisor was shown: if the facts changed
/// since (a new policy, another mileage), the server's proposal differs and the advisor must look again.
/// Choosing anything other than the proposal needs <see cref="Reason"/>. A <see cref="Job"/> of kind "RepairOrderJob"
/// must be a job of an order of the asset, and the decision sets that job's pay type.
/// </summary>
public sealed record RecordDecisionRequest(
    Guid AssetId,
    ComponentGroup ComponentGroup,
    int? MileageKm,
    PayType ProposedPayType,
    PayType ChosenPayType,
    string? Reason = null,
    JobReferenceInput? Job = null);

public sealed record DecisionView(
    Guid Id,
    Guid AssetId,
    ComponentGroup ComponentGroup,
    int? MileageKm,
    PayType Proposed,
    string ProposedReasonCode,
    string ProposedReason,
    PayType Chosen,
    string? Reason,
    bool IsOverride,
    string? JobKind,
    Guid? JobId,
    string? JobNumber,
    Guid? ClaimId,
    string DecidedBy,
    DateTimeOffset DecidedAt)
{
    public static DecisionView From(WarrantyDecision d) => new(
        d.Id, d.AssetId, d.Group, d.MileageKm, d.Proposed, d.ProposedReasonCode,
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? d.ProposedReasonZh : d.ProposedReasonEn,
        d.Chosen, d.Reason, d.IsOverride, d.JobKind, d.JobId, d.JobNumber, d.ClaimId, d.DecidedByName, d.DecidedAt);
}

internal sealed class JobReferenceValidator : AbstractValidator<JobReferenceInput>
{
    public JobReferenceValidator()
    {
        RuleFor(x => x.Kind).NotEmpty().WithErrorCode("warranty.job_kind_required").MaximumLength(JobReference.KindMaxLength);
        RuleFor(x => x.Id).NotEmpty().WithErrorCode("warranty.job_id_required");
        RuleFor(x => x.Number).NotEmpty().WithErrorCode("warranty.job_number_required").MaximumLength(JobReference.NumberMaxLength);
    }
}

internal sealed class RecordDecisionValidator : AbstractValidator<RecordDecisionRequest>
{
    public RecordDecisionValidator()
    {
        RuleFor(x => x.AssetId).NotEmpty().WithErrorCode("warranty.asset_required");
        RuleFor(x => x.ComponentGroup).IsInEnum();
        RuleFor(x => x.ProposedPayType).IsInEnum();
        RuleFor(x => x.ChosenPayType).IsInEnum();
        RuleFor(x => x.MileageKm).InclusiveBetween(0, 3_000_000).WithErrorCode("warranty.mileage_invalid");
        RuleFor(x => x.Reason).MaximumLength(WarrantyDecision.ReasonMaxLength);
        RuleFor(x => x.Job!).SetValidator(new JobReferenceValidator()).When(x => x.Job is not null);
    }
}

public sealed class RecordDecision(AfterSalesDb db, ICurrentUser user, RequestValidation validation, AccessGuard guard, TimeProvider clock)
{
    public const string ProposalChanged = "warranty.proposal_changed";

    public async Task<Outcome<DecisionView>> HandleAsync(RecordDecisionRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<DecisionView>.Invalid(errors);
        }

        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AssetId, ct);
        if (asset is null)
        {
            return await guard.NotFoundAsync<Asset, DecisionView>(request.AssetId, ct);
        }

        if (!ComponentGroups.AppliesTo(request.ComponentGroup, asset.Kind))
        {
            return Outcome<DecisionView>.Invalid("warranty.group_not_for_kind", nameof(request.ComponentGroup));
        }

        var (proposal, _) = await ProposePayType.ProposeAsync(db, asset, request.ComponentGroup, request.MileageKm, null, clock, ct);
        if (proposal.PayType != request.ProposedPayType)
        {
            return Outcome<DecisionView>.Conflict(ProposalChanged);
        }

        // A decision naming a repair-order job is that job's pay type: the job must exist on an order of this asset.
        RepairOrder? order = null;
        if (request.Job is { } named && WarrantyJobs.IsRepairOrderJob(named.Kind))
        {
            order = await WarrantyJobs.OrderOfAsync(db, asset.Id, named.Id, ct);
            if (order is null)
            {
                return Outcome<DecisionView>.Invalid(WarrantyJobs.JobNotFound, nameof(request.Job));
            }
        }

        // A warranty decision for a job that already has an open claim belongs to that claim.
        var claimId = request.Job is { } job && request.ChosenPayType == PayType.Warranty
            ? await db.Set<WarrantyClaim>().Where(c => c.JobId == job.Id && c.Status != ClaimStatus.Closed).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct)
            : null;
        var (decision, error) = WarrantyDecision.Record(
            asset.StoreId, asset.Id, request.ComponentGroup, request.MileageKm ?? asset.MileageKm, proposal, request.ChosenPayType, request.Reason,
            request.Job?.ToReference(), new Actor(user.UserId, user.UserName), clock.GetUtcNow(), claimId);
        if (error is not null)
        {
            return Outcome<DecisionView>.Invalid([error]);
        }

        if (order is not null && await WarrantyJobs.ApplyPayTypeAsync(db, order, request.Job!.Id, decision!.Chosen, ct) is { } refused)
        {
            return Outcome<DecisionView>.Conflict(refused.Code);
        }

        db.Add(decision!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<DecisionView>.Conflict(RepairOrderGate.ChangedBySomeoneElse);
        }

        return DecisionView.From(decision!);
    }
}

public sealed record DecisionQuery(Guid? AssetId = null, Guid? JobId = null);

/// <summary>Decisions of an asset or a job, newest first: the first one for a job is its current pay type.</summary>
public sealed class ListDecisions(AfterSalesDb db)
{
    public async Task<IReadOnlyList<DecisionView>> HandleAsync(DecisionQuery query, CancellationToken ct)
    {
        if (query.AssetId is null && query.JobId is null)
        {
            return [];
        }

        var decisions = db.Set<WarrantyDecision>().AsNoTracking();
        if (query.AssetId is { } assetId)
        {
            decisions = decisions.Where(d => d.AssetId == assetId);
        }

        if (query.JobId is { } jobId)
        {
            decisions = decisions.Where(d => d.JobId == jobId);
        }

        var list = await decisions.OrderByDescending(d => d.DecidedAt).Take(100).ToListAsync(ct);
        return list.Select(DecisionView.From).ToList();
    }
}
