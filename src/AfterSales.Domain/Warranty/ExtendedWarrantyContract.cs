using AfterSales.Domain.Common;

namespace AfterSales.Domain.Warranty;

public sealed record ContractTerms(
    string Number,
    string Provider,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int? MileageLimitKm,
    IReadOnlyList<ComponentGroup> CoveredGroups,
    decimal Price);

/// <summary>
/// An extended warranty (延保) sold to a customer for one asset: from a start to an end date (both included),
/// up to an odometer reading, for the groups it lists. Owned by the store that sold it.
/// </summary>
public sealed class ExtendedWarrantyContract
{
    public const int NumberMaxLength = 40;
    public const int ProviderMaxLength = 100;
    public const int ReasonMaxLength = 500;

    private ExtendedWarrantyContract()
    {
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public Guid StoreId { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid AssetId { get; private set; }

    public string Provider { get; private set; } = string.Empty;

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public int? MileageLimitKm { get; private set; }

    public List<ComponentGroup> CoveredGroups { get; private set; } = [];

    public decimal Price { get; private set; }

    public DateTimeOffset SoldAt { get; private set; }

    public Guid? SoldById { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancelReason { get; private set; }

    public int Version { get; private set; }

    public bool IsCancelled => CancelledAt is not null;

    public static ExtendedWarrantyContract Sell(Guid storeId, Guid customerId, Guid assetId, ContractTerms terms, Guid? soldBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StoreId = storeId,
        CustomerId = customerId,
        AssetId = assetId,
        Number = terms.Number.Trim().ToUpperInvariant(),
        Provider = terms.Provider.Trim(),
        StartsOn = terms.StartsOn,
        EndsOn = terms.EndsOn,
        MileageLimitKm = terms.MileageLimitKm,
        CoveredGroups = terms.CoveredGroups.Distinct().Order().ToList(),
        Price = terms.Price,
        SoldAt = now,
        SoldById = soldBy,
    };

    public FieldError? Cancel(string reason, DateTimeOffset now)
    {
        if (IsCancelled)
        {
            return new FieldError("warranty.contract_already_cancelled");
        }

        CancelledAt = now;
        CancelReason = reason.Trim();
        return null;
    }

    /// <summary>Whether the contract names the group, or names the whole asset and the group falls under it.</summary>
    public bool Covers(ComponentGroup group, Assets.AssetKind kind) =>
        CoveredGroups.Contains(group)
        || (ComponentGroups.FallsBackToWhole(group) && CoveredGroups.Contains(ComponentGroups.WholeGroup(kind)));

    public static IReadOnlyList<FieldError> Check(ContractTerms t, Assets.AssetKind kind)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(t.Number))
        {
            errors.Add(new("warranty.contract_number_required", nameof(t.Number)));
        }

        if (string.IsNullOrWhiteSpace(t.Provider))
        {
            errors.Add(new("warranty.contract_provider_required", nameof(t.Provider)));
        }

        if (t.EndsOn < t.StartsOn)
        {
            errors.Add(new("warranty.contract_ends_before_start", nameof(t.EndsOn)));
        }

        if (t.MileageLimitKm is < 1)
        {
            errors.Add(new("warranty.mileage_limit_invalid", nameof(t.MileageLimitKm)));
        }

        if (t.MileageLimitKm is not null && kind != Assets.AssetKind.Vehicle)
        {
            errors.Add(new("warranty.mileage_only_for_vehicles", nameof(t.MileageLimitKm)));
        }

        if (t.CoveredGroups.Count == 0)
        {
            errors.Add(new("warranty.contract_groups_required", nameof(t.CoveredGroups)));
        }
        else if (t.CoveredGroups.Any(g => !ComponentGroups.AppliesTo(g, kind)))
        {
            errors.Add(new("warranty.group_not_for_kind", nameof(t.CoveredGroups)));
        }

        if (t.Price < 0)
        {
            errors.Add(new("warranty.price_negative", nameof(t.Price)));
        }

        return errors;
    }
}
