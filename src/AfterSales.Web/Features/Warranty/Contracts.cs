using AfterSales.Domain.Assets;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Warranty;

public sealed record ContractView(
    Guid Id,
    string Number,
    Guid StoreId,
    Guid CustomerId,
    Guid AssetId,
    string Provider,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int? MileageLimitKm,
    IReadOnlyList<ComponentGroup> CoveredGroups,
    decimal Price,
    DateTimeOffset SoldAt,
    DateTimeOffset? CancelledAt,
    string? CancelReason,
    int Version)
{
    public static ContractView From(ExtendedWarrantyContract c) => new(
        c.Id, c.Number, c.StoreId, c.CustomerId, c.AssetId, c.Provider, c.StartsOn, c.EndsOn, c.MileageLimitKm, c.CoveredGroups, c.Price, c.SoldAt, c.CancelledAt, c.CancelReason, c.Version);
}

public sealed record SellContractRequest(string Number, string Provider, DateOnly StartsOn, DateOnly EndsOn, int? MileageLimitKm, IReadOnlyList<ComponentGroup>? CoveredGroups, decimal Price)
{
    public ContractTerms ToTerms() => new(Number ?? string.Empty, Provider ?? string.Empty, StartsOn, EndsOn, MileageLimitKm, CoveredGroups ?? [], Price);
}

public sealed record CancelContractRequest(int Version, string Reason);

internal sealed class SellContractValidator : AbstractValidator<SellContractRequest>
{
    public SellContractValidator()
    {
        RuleFor(x => x.Number).MaximumLength(ExtendedWarrantyContract.NumberMaxLength);
        RuleFor(x => x.Provider).MaximumLength(ExtendedWarrantyContract.ProviderMaxLength);
        RuleForEach(x => x.CoveredGroups).IsInEnum();
    }
}

internal sealed class CancelContractValidator : AbstractValidator<CancelContractRequest>
{
    public CancelContractValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithErrorCode("warranty.cancel_reason_required").MaximumLength(ExtendedWarrantyContract.ReasonMaxLength);
}

/// <summary>The extended warranties of an asset, newest first.</summary>
public sealed class ListContracts(AfterSalesDb db, AccessGuard guard)
{
    public async Task<Outcome<IReadOnlyList<ContractView>>> HandleAsync(Guid assetId, CancellationToken ct)
    {
        if (!await db.Assets.AnyAsync(a => a.Id == assetId, ct))
        {
            return await guard.NotFoundAsync<Asset, IReadOnlyList<ContractView>>(assetId, ct);
        }

        var contracts = await db.Set<ExtendedWarrantyContract>().IgnoreQueryFilters().AsNoTracking().Where(c => c.AssetId == assetId).ToListAsync(ct);
        return contracts.OrderByDescending(c => c.SoldAt).Select(ContractView.From).ToList();
    }
}

/// <summary>Sells an extended warranty for an asset; the contract belongs to the asset's store.</summary>
public sealed class SellContract(AfterSalesDb db, ICurrentUser user, RequestValidation validation, AccessGuard guard, TimeProvider clock)
{
    public async Task<Outcome<ContractView>> HandleAsync(Guid assetId, SellContractRequest request, CancellationToken ct)
    {
        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assetId, ct);
        if (asset is null)
        {
            return await guard.NotFoundAsync<Asset, ContractView>(assetId, ct);
        }

        var terms = request.ToTerms();
        var errors = (await validation.CheckAsync(request, ct)).Concat(ExtendedWarrantyContract.Check(terms, asset.Kind)).ToList();
        if (errors.Count > 0)
        {
            return Outcome<ContractView>.Invalid(errors);
        }

        var number = terms.Number.Trim().ToUpperInvariant();
        if (await db.Set<ExtendedWarrantyContract>().IgnoreQueryFilters().AnyAsync(c => c.Number == number, ct))
        {
            return Outcome<ContractView>.Invalid("warranty.contract_number_taken", nameof(request.Number));
        }

        var contract = ExtendedWarrantyContract.Sell(asset.StoreId, asset.CustomerId, asset.Id, terms, user.UserId, clock.GetUtcNow());
        db.Add(contract);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two sales of the same contract number raced past the check above.
            return Outcome<ContractView>.Invalid("warranty.contract_number_taken", nameof(request.Number));
        }

        return ContractView.From(contract);
    }
}

public sealed class CancelContract(AfterSalesDb db, RequestValidation validation, AccessGuard guard, TimeProvider clock)
{
    public const string ChangedBySomeoneElse = "warranty.contract_changed_by_someone_else";

    public async Task<Outcome<ContractView>> HandleAsync(Guid id, CancelContractRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ContractView>.Invalid(errors);
        }

        var contract = await db.Set<ExtendedWarrantyContract>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return await guard.NotFoundAsync<ExtendedWarrantyContract, ContractView>(id, ct);
        }

        if (contract.Version != request.Version)
        {
            return Outcome<ContractView>.Conflict(ChangedBySomeoneElse);
        }

        if (contract.Cancel(request.Reason, clock.GetUtcNow()) is { } refused)
        {
            return Outcome<ContractView>.Conflict(refused.Code);
        }

        db.Entry(contract).Property(c => c.Version).OriginalValue = request.Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ContractView>.Conflict(ChangedBySomeoneElse);
        }

        return ContractView.From(contract);
    }
}
