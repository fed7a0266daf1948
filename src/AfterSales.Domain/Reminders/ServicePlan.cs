using AfterSales.Domain.Assets;
using AfterSales.Domain.Common;

namespace AfterSales.Domain.Reminders;

/// <summary>What an administrator writes for a service plan.</summary>
/// <param name="Brand">Make of a vehicle or brand of a product; null for every brand.</param>
/// <param name="ModelKeyword">A word the asset's model contains ("汉", "空调"): the model or product type; null for every model.</param>
/// <param name="IntervalMonths">Months between services; null when only the mileage counts.</param>
/// <param name="IntervalKm">Kilometres between services (vehicles only); null when only the date counts.</param>
/// <param name="FirstMonths">Months from the sale to the first service when it differs from the interval (首保).</param>
/// <param name="FirstKm">Kilometres to the first service when it differs from the interval.</param>
public sealed record ServicePlanTerms(
    string Name,
    AssetKind Kind,
    string? Brand,
    string? ModelKeyword,
    int? IntervalMonths,
    int? IntervalKm,
    int? FirstMonths = null,
    int? FirstKm = null)
{
    public int? MonthsFor(bool first) => first ? FirstMonths ?? IntervalMonths : IntervalMonths;

    public int? KmFor(bool first) => first ? FirstKm ?? IntervalKm : IntervalKm;
}

/// <summary>
/// A maintenance plan (保养计划) of a make/model or a product type: a service every so many months or kilometres,
/// whichever comes first, with a first interval that may differ. Group-wide, not store-owned, like warranty terms.
/// </summary>
public sealed class ServicePlan
{
    public const int NameMaxLength = 100;
    public const int ScopeMaxLength = 50;
    public const int MaxMonths = 120;
    public const int MinKm = 500;
    public const int MaxKm = 100_000;

    private ServicePlan()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public AssetKind Kind { get; private set; }

    public string? Brand { get; private set; }

    public string? ModelKeyword { get; private set; }

    public int? IntervalMonths { get; private set; }

    public int? IntervalKm { get; private set; }

    public int? FirstMonths { get; private set; }

    public int? FirstKm { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>How narrowly the plan is scoped: a make beats "every make", a model word beats "every model".</summary>
    public int Specificity => (Brand is null ? 0 : 2) + (ModelKeyword is null ? 0 : 1);

    public ServicePlanTerms Terms => new(Name, Kind, Brand, ModelKeyword, IntervalMonths, IntervalKm, FirstMonths, FirstKm);

    public static ServicePlan Define(ServicePlanTerms terms, DateTimeOffset now)
    {
        var plan = new ServicePlan { Id = Guid.CreateVersion7(now), CreatedAt = now, IsActive = true };
        plan.Update(terms);
        return plan;
    }

    public void Update(ServicePlanTerms terms)
    {
        var t = Normalize(terms);
        Name = t.Name;
        Kind = t.Kind;
        Brand = t.Brand;
        ModelKeyword = t.ModelKeyword;
        IntervalMonths = t.IntervalMonths;
        IntervalKm = t.IntervalKm;
        FirstMonths = t.FirstMonths;
        FirstKm = t.FirstKm;
    }

    public void SetActive(bool active) => IsActive = active;

    /// <summary>Whether the plan's scope includes an asset of this kind, make and model.</summary>
    public bool Matches(AssetKind kind, string brand, string model) =>
        Kind == kind
        && (Brand is null || string.Equals(Brand, brand.Trim(), StringComparison.OrdinalIgnoreCase))
        && (ModelKeyword is null || model.Contains(ModelKeyword, StringComparison.OrdinalIgnoreCase));

    /// <summary>The most specific active plan for an asset; null when none applies.</summary>
    public static ServicePlan? For(IEnumerable<ServicePlan> plans, AssetKind kind, string brand, string model) =>
        plans.Where(p => p.IsActive && p.Matches(kind, brand, model)).OrderByDescending(p => p.Specificity).ThenBy(p => p.CreatedAt).FirstOrDefault();

    public static ServicePlanTerms Normalize(ServicePlanTerms t) => t with
    {
        Name = t.Name.Trim(),
        Brand = Blank(t.Brand),
        ModelKeyword = Blank(t.ModelKeyword),
        IntervalKm = t.Kind == AssetKind.Vehicle ? t.IntervalKm : null,
        FirstKm = t.Kind == AssetKind.Vehicle ? t.FirstKm : null,
    };

    public static IReadOnlyList<FieldError> Check(ServicePlanTerms terms)
    {
        var t = Normalize(terms);
        var errors = new List<FieldError>();
        if (t.Name.Length == 0)
        {
            errors.Add(new("service_plan.name_required", nameof(t.Name)));
        }

        if (t.IntervalMonths is null && t.IntervalKm is null)
        {
            errors.Add(new("service_plan.interval_required", nameof(t.IntervalMonths)));
        }

        if (t.IntervalMonths is < 1 or > MaxMonths)
        {
            errors.Add(new("service_plan.months_out_of_range", nameof(t.IntervalMonths)));
        }

        if (t.FirstMonths is < 1 or > MaxMonths)
        {
            errors.Add(new("service_plan.months_out_of_range", nameof(t.FirstMonths)));
        }

        if (t.IntervalKm is < MinKm or > MaxKm)
        {
            errors.Add(new("service_plan.km_out_of_range", nameof(t.IntervalKm)));
        }

        if (t.FirstKm is < MinKm or > MaxKm)
        {
            errors.Add(new("service_plan.km_out_of_range", nameof(t.FirstKm)));
        }

        return errors;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
