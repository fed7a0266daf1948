using System.Globalization;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Service;
using AfterSales.Domain.Stores;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Warranty;

/// <summary>
/// The question a repair-order job asks: who pays for work on this group of this asset at this mileage?
/// <see cref="MileageKm"/> is the odometer at this visit (vehicles); without it the asset's recorded mileage is
/// used. <see cref="FirstServiceUsed"/> overrides what the recorded decisions say about the free first service.
/// </summary>
public sealed record ProposalRequest(Guid AssetId, ComponentGroup ComponentGroup, int? MileageKm = null, bool? FirstServiceUsed = null);

/// <summary>The proposal with its reason in the reader's language and in both, and the terms that decided it.</summary>
public sealed record ProposalView(
    Guid AssetId,
    ComponentGroup ComponentGroup,
    PayType PayType,
    string ReasonCode,
    string Reason,
    string ReasonZh,
    string ReasonEn,
    Guid? PolicyId,
    string? PolicyName,
    Guid? ContractId,
    string? ContractNumber,
    DateOnly? CoveredUntil,
    int? CoveredUntilKm,
    string? Conditions,
    DateOnly? WarrantyStart,
    DateOnly Today,
    int? MileageKm);

internal sealed class ProposalRequestValidator : AbstractValidator<ProposalRequest>
{
    public ProposalRequestValidator()
    {
        RuleFor(x => x.AssetId).NotEmpty().WithErrorCode("warranty.asset_required");
        RuleFor(x => x.ComponentGroup).IsInEnum();
        RuleFor(x => x.MileageKm).InclusiveBetween(0, 3_000_000).WithErrorCode("warranty.mileage_invalid");
    }
}

/// <summary>Loads the facts for <see cref="PayTypeProposer"/>: the asset, today in its store's zone, the policies and the asset's contracts.</summary>
public sealed class ProposePayType(AfterSalesDb db, RequestValidation validation, AccessGuard guard, TimeProvider clock)
{
    public async Task<Outcome<ProposalView>> HandleAsync(ProposalRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ProposalView>.Invalid(errors);
        }

        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AssetId, ct);
        if (asset is null)
        {
            return await guard.NotFoundAsync<Asset, ProposalView>(request.AssetId, ct);
        }

        if (!ComponentGroups.AppliesTo(request.ComponentGroup, asset.Kind))
        {
            return Outcome<ProposalView>.Invalid("warranty.group_not_for_kind", nameof(request.ComponentGroup));
        }

        if (asset.Kind != AssetKind.Vehicle && request.MileageKm is not null)
        {
            return Outcome<ProposalView>.Invalid("warranty.mileage_only_for_vehicles", nameof(request.MileageKm));
        }

        var result = await ProposeAsync(db, asset, request.ComponentGroup, request.MileageKm, request.FirstServiceUsed, clock, ct);
        return result.View;
    }

    /// <summary>The proposal today, or on <paramref name="on"/> (e.g. the day of the repair order a claim is for).</summary>
    internal static async Task<(PayTypeProposal Proposal, ProposalView View)> ProposeAsync(AfterSalesDb db, Asset asset, ComponentGroup group, int? mileage, bool? firstServiceUsed, TimeProvider clock, CancellationToken ct, DateOnly? on = null)
    {
        var zoneId = await db.Stores.IgnoreQueryFilters().Where(s => s.Id == asset.StoreId).Select(s => s.TimeZoneId).FirstOrDefaultAsync(ct) ?? Store.DefaultTimeZone;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var today = on ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var km = mileage ?? asset.MileageKm;
        var policies = await db.Set<WarrantyPolicy>().AsNoTracking().Where(p => p.Kind == asset.Kind && p.IsActive).ToListAsync(ct);

        // Contracts follow the asset, whichever store sold them.
        var contracts = await db.Set<ExtendedWarrantyContract>().IgnoreQueryFilters().AsNoTracking().Where(c => c.AssetId == asset.Id).ToListAsync(ct);
        var used = firstServiceUsed ?? await db.Set<WarrantyDecision>().IgnoreQueryFilters()
            .AnyAsync(d => d.AssetId == asset.Id && d.Group == ComponentGroup.FirstService && d.Chosen == PayType.Warranty, ct);

        var facts = new CoverageFacts(asset.Kind, asset.Brand, asset.Model, asset.PurchaseDate, today, km, group, used);
        var proposal = PayTypeProposer.Propose(facts, policies, contracts);
        var view = new ProposalView(
            asset.Id,
            group,
            proposal.PayType,
            proposal.ReasonCode,
            proposal.Reason.In(CultureInfo.CurrentUICulture),
            proposal.Reason.ZhCn,
            proposal.Reason.En,
            proposal.PolicyId,
            policies.FirstOrDefault(p => p.Id == proposal.PolicyId)?.Name,
            proposal.ContractId,
            contracts.FirstOrDefault(c => c.Id == proposal.ContractId)?.Number,
            proposal.CoveredUntil,
            proposal.CoveredUntilKm,
            proposal.Conditions,
            asset.PurchaseDate,
            today,
            km);
        return (proposal, view);
    }
}
