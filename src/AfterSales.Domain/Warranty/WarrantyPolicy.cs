using AfterSales.Domain.Assets;
using AfterSales.Domain.Common;

namespace AfterSales.Domain.Warranty;

/// <summary>What an administrator writes for a policy.</summary>
/// <param name="Brand">Make of a vehicle or brand of a product; null for every brand (the statutory 三包 minimum).</param>
/// <param name="ModelKeyword">A word the asset's model contains ("汉", "冰箱", "空调"): the model or product type; null for every model.</param>
/// <param name="Months">How long the terms run from the sale (or, for <see cref="ComponentGroup.FirstService"/>, the window of the free service).</param>
/// <param name="MileageKm">The odometer reading up to which the terms run, whichever comes first; vehicles only, null for no limit.</param>
/// <param name="IsExclusion">The group is not covered for this scope: the whole-asset terms do not reach it.</param>
/// <param name="Exclusions">Conditions the terms do not cover (misuse, accidents, modifications…), shown with every proposal.</param>
public sealed record PolicyTerms(
    string Name,
    AssetKind Kind,
    string? Brand,
    string? ModelKeyword,
    ComponentGroup Group,
    int Months,
    int? MileageKm,
    bool IsExclusion = false,
    string? Exclusions = null);

/// <summary>
/// Warranty terms of a manufacturer or the law (保修政策 / 三包规定) for one component group of a scope of
/// assets. Group-wide, not store-owned: the same make is covered the same way in every store.
/// </summary>
public sealed class WarrantyPolicy
{
    public const int NameMaxLength = 100;
    public const int ScopeMaxLength = 50;
    public const int ExclusionsMaxLength = 1000;
    public const int MaxMonths = 360;

    private WarrantyPolicy()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public AssetKind Kind { get; private set; }

    public string? Brand { get; private set; }

    public string? ModelKeyword { get; private set; }

    public ComponentGroup Group { get; private set; }

    public int Months { get; private set; }

    public int? MileageKm { get; private set; }

    public bool IsExclusion { get; private set; }

    public string? Exclusions { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>How narrowly the policy is scoped: a make beats "every make", a model word beats "every model".</summary>
    public int Specificity => (Brand is null ? 0 : 2) + (ModelKeyword is null ? 0 : 1);

    public static WarrantyPolicy Define(PolicyTerms terms, DateTimeOffset now)
    {
        var policy = new WarrantyPolicy { Id = Guid.CreateVersion7(now), CreatedAt = now, IsActive = true };
        policy.Update(terms);
        return policy;
    }

    public void Update(PolicyTerms terms)
    {
        var t = Normalize(terms);
        Name = t.Name;
        Kind = t.Kind;
        Brand = t.Brand;
        ModelKeyword = t.ModelKeyword;
        Group = t.Group;
        Months = t.Months;
        MileageKm = t.MileageKm;
        IsExclusion = t.IsExclusion;
        Exclusions = t.Exclusions;
    }

    public void SetActive(bool active) => IsActive = active;

    /// <summary>Whether the policy's scope includes an asset of this kind, make and model.</summary>
    public bool Matches(AssetKind kind, string brand, string model) =>
        Kind == kind
        && (Brand is null || string.Equals(Brand, brand.Trim(), StringComparison.OrdinalIgnoreCase))
        && (ModelKeyword is null || model.Contains(ModelKeyword, StringComparison.OrdinalIgnoreCase));

    public static PolicyTerms Normalize(PolicyTerms t) => t with
    {
        Name = t.Name.Trim(),
        Brand = Blank(t.Brand),
        ModelKeyword = Blank(t.ModelKeyword),
        MileageKm = t.Kind == AssetKind.Vehicle ? t.MileageKm : null,
        Months = t.IsExclusion ? 0 : t.Months,
        Exclusions = Blank(t.Exclusions),
    };

    public static IReadOnlyList<FieldError> Check(PolicyTerms terms)
    {
        var t = Normalize(terms);
        var errors = new List<FieldError>();
        if (t.Name.Length == 0)
        {
            errors.Add(new("warranty.policy_name_required", nameof(t.Name)));
        }

        if (!ComponentGroups.AppliesTo(t.Group, t.Kind))
        {
            errors.Add(new("warranty.group_not_for_kind", nameof(t.Group)));
        }

        if (!t.IsExclusion && (t.Months < 1 || t.Months > MaxMonths))
        {
            errors.Add(new("warranty.months_out_of_range", nameof(t.Months)));
        }

        if (t.MileageKm is < 1)
        {
            errors.Add(new("warranty.mileage_limit_invalid", nameof(t.MileageKm)));
        }

        return errors;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
