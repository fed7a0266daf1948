using AfterSales.Domain.Common;
using AfterSales.Domain.Staff;

namespace AfterSales.Domain.Labour;

/// <summary>How far one role may discount a repair order without a manager's approval, in percent of the customer-paid amount.</summary>
public sealed record DiscountLimit(StaffRole Role, decimal MaxPercent);

/// <summary>
/// A store's service price settings: the labour rate per hour, the tax rate, and the discount each role
/// may give on its own. Kept beside the Store aggregate (one row per store) because prices change on
/// their own schedule and are edited by other people than the store's calendar.
/// </summary>
public sealed class ServiceSettings
{
    public const decimal DefaultLabourRate = 180m;
    public const decimal DefaultTaxRate = 0.13m;
    public const decimal MaxLabourRate = 10_000m;
    public const decimal MaxTaxRate = 0.5m;
    public const decimal DefaultSettlementTolerancePercent = 10m;

    private readonly List<DiscountLimit> _discountLimits = [];

    private ServiceSettings()
    {
    }

    public Guid StoreId { get; private set; }

    /// <summary>CNY per labour hour, before tax.</summary>
    public decimal LabourRate { get; private set; }

    /// <summary>VAT as a fraction (0.13 for 13 %).</summary>
    public decimal TaxRate { get; private set; }

    public IReadOnlyList<DiscountLimit> DiscountLimits => _discountLimits;

    /// <summary>How far (percent) the final bill may exceed the signed estimate before the customer must approve it again.</summary>
    public decimal SettlementTolerancePercent { get; private set; } = DefaultSettlementTolerancePercent;

    public int Version { get; private set; }

    /// <summary>What a store gets before anyone has set its prices: advisors 5 %, managers 30 %.</summary>
    public static IReadOnlyList<DiscountLimit> DefaultDiscountLimits { get; } =
    [
        new(StaffRole.ServiceAdvisor, 5m),
        new(StaffRole.ServiceManager, 30m),
    ];

    public static ServiceSettings Defaults(Guid storeId) => For(storeId, DefaultLabourRate, DefaultTaxRate, DefaultDiscountLimits);

    public static ServiceSettings For(Guid storeId, decimal labourRate, decimal taxRate, IEnumerable<DiscountLimit> limits)
    {
        var settings = new ServiceSettings { StoreId = storeId };
        settings.Update(labourRate, taxRate, limits);
        return settings;
    }

    public void Update(decimal labourRate, decimal taxRate, IEnumerable<DiscountLimit> limits)
    {
        LabourRate = Amounts.Round(labourRate);
        TaxRate = decimal.Round(taxRate, 4, MidpointRounding.AwayFromZero);
        _discountLimits.Clear();
        _discountLimits.AddRange(limits.Where(l => l.MaxPercent > 0).GroupBy(l => l.Role).Select(g => new DiscountLimit(g.Key, g.Max(l => l.MaxPercent))).OrderBy(l => l.Role));
    }

    /// <summary>Sets the settlement tolerance (0–100 %).</summary>
    public FieldError? SetSettlementTolerance(decimal percent)
    {
        if (percent is < 0 or > 100)
        {
            return new FieldError("service_settings.settlement_tolerance_invalid", nameof(SettlementTolerancePercent));
        }

        SettlementTolerancePercent = decimal.Round(percent, 2, MidpointRounding.AwayFromZero);
        return null;
    }

    /// <summary>The largest discount any of these roles may give alone; roles without a limit give none.</summary>
    public decimal DiscountLimitFor(IEnumerable<StaffRole> roles)
    {
        var set = roles.ToHashSet();
        return _discountLimits.Where(l => set.Contains(l.Role)).Select(l => l.MaxPercent).DefaultIfEmpty(0m).Max();
    }

    public static IReadOnlyList<FieldError> Check(decimal labourRate, decimal taxRate, IReadOnlyList<DiscountLimit> limits)
    {
        var errors = new List<FieldError>();
        if (labourRate <= 0 || labourRate > MaxLabourRate)
        {
            errors.Add(new FieldError("service_settings.labour_rate_invalid", "LabourRate"));
        }

        if (taxRate < 0 || taxRate > MaxTaxRate)
        {
            errors.Add(new FieldError("service_settings.tax_rate_invalid", "TaxRate"));
        }

        for (var i = 0; i < limits.Count; i++)
        {
            if (limits[i].MaxPercent is < 0 or > 100 || !Enum.IsDefined(limits[i].Role))
            {
                errors.Add(new FieldError("service_settings.discount_limit_invalid", $"DiscountLimits[{i}]"));
            }
        }

        if (limits.GroupBy(l => l.Role).Any(g => g.Count() > 1))
        {
            errors.Add(new FieldError("service_settings.discount_limit_duplicate", "DiscountLimits"));
        }

        return errors;
    }
}
