namespace AfterSales.Domain.ThreeGuarantees;

/// <summary>The product kinds a 三包 regulation covers.</summary>
public enum GuaranteeProductKind
{
    HouseholdCar,
    HouseholdAppliance,
    MobilePhone,
}

/// <summary>The system of a product a quality problem or a replaced main component belongs to.</summary>
public enum FaultSystem
{
    Engine,
    Transmission,
    PowerBattery,
    DriveMotor,
    Steering,
    Braking,
    Suspension,
    Drivetrain,
    EmissionControl,
    Body,
    FuelSystem,
    Electrical,
    MainUnit,
    Other,
}

/// <summary>The five failures that give a household car's customer a free replacement or refund in its first 60 days or 3,000 km.</summary>
public enum EarlySeriousFault
{
    SteeringFailure,
    BrakingFailure,
    BodyCracking,
    FuelLeak,
    PowerBatteryFire,
}

/// <summary>A limit of a regulation with the article that sets it; the article travels with every warning and entitlement.</summary>
public sealed record CitedLimit(int Value, string Article);

/// <summary>
/// One product kind's 三包 rules as data, in force from <see cref="EffectiveFrom"/>. A null limit means the
/// regulation has no such rule for the kind. Figures are minimums: a manufacturer may promise more, never less.
/// </summary>
public sealed record ThreeGuaranteeRules(
    GuaranteeProductKind Kind,
    DateOnly EffectiveFrom,
    string Regulation,
    CitedLimit WarrantyMonths,
    CitedLimit? WarrantyKm,
    CitedLimit GuaranteeMonths,
    CitedLimit? GuaranteeKm,
    CitedLimit? EarlyDays,
    CitedLimit? EarlyKm,
    IReadOnlySet<EarlySeriousFault> EarlyFaults,
    CitedLimit? AssemblyPartDays,
    CitedLimit? AssemblyPartKm,
    CitedLimit? MajorAssemblyFirstDays,
    CitedLimit? ReturnDays,
    CitedLimit? ExchangeDays,
    CitedLimit? SeriousSafetyRepairs,
    CitedLimit? MajorAssemblyReplacements,
    IReadOnlySet<FaultSystem> MajorAssemblies,
    CitedLimit? SameMainComponentReplacements,
    IReadOnlySet<FaultSystem> MainComponentSystems,
    CitedLimit? CumulativeRepairDays,
    CitedLimit? SameProblemRepairs,
    CitedLimit? RepairsStillFailing,
    CitedLimit? LongRepairDays,
    decimal? UseDeductionMaxRate,
    string? UseDeductionArticle)
{
    /// <summary>
    /// 《家用汽车产品修理更换退货责任规定》 (国家市场监督管理总局令第43号, in force 2022-01-01). Articles 18 and
    /// 20–24 were checked against the published text; the use-deduction article (第二十九条) was not. An
    /// administrator corrects an article or a figure by saving a newer rule set.
    /// </summary>
    public static ThreeGuaranteeRules HouseholdCar2022 { get; } = new(
        GuaranteeProductKind.HouseholdCar,
        new DateOnly(2022, 1, 1),
        "家用汽车产品修理更换退货责任规定",
        WarrantyMonths: new(36, "第十八条"),
        WarrantyKm: new(60_000, "第十八条"),
        GuaranteeMonths: new(24, "第十八条"),
        GuaranteeKm: new(50_000, "第十八条"),
        EarlyDays: new(60, "第二十三条"),
        EarlyKm: new(3_000, "第二十三条"),
        EarlyFaults: new HashSet<EarlySeriousFault>
        {
            EarlySeriousFault.SteeringFailure, EarlySeriousFault.BrakingFailure, EarlySeriousFault.BodyCracking,
            EarlySeriousFault.FuelLeak, EarlySeriousFault.PowerBatteryFire,
        },
        AssemblyPartDays: new(60, "第二十条"),
        AssemblyPartKm: new(3_000, "第二十条"),
        MajorAssemblyFirstDays: new(7, "第二十二条"),
        ReturnDays: null,
        ExchangeDays: null,
        SeriousSafetyRepairs: new(2, "第二十四条第一款第（一）项"),
        MajorAssemblyReplacements: new(2, "第二十四条第一款第（二）项"),
        MajorAssemblies: new HashSet<FaultSystem>
        {
            FaultSystem.Engine, FaultSystem.Transmission, FaultSystem.PowerBattery, FaultSystem.DriveMotor,
        },
        SameMainComponentReplacements: new(2, "第二十四条第一款第（三）项"),
        MainComponentSystems: new HashSet<FaultSystem>
        {
            FaultSystem.Engine, FaultSystem.Transmission, FaultSystem.PowerBattery, FaultSystem.DriveMotor,
            FaultSystem.Steering, FaultSystem.Braking, FaultSystem.Suspension, FaultSystem.Drivetrain,
            FaultSystem.EmissionControl, FaultSystem.Body,
        },
        CumulativeRepairDays: new(30, "第二十四条第一款第（四）项"),
        SameProblemRepairs: new(4, "第二十四条第一款第（四）项"),
        RepairsStillFailing: null,
        LongRepairDays: new(5, "第二十一条"),
        UseDeductionMaxRate: 0.005m,
        UseDeductionArticle: "第二十九条");

    /// <summary>《部分商品修理更换退货责任规定》: 7-day return, 15-day exchange, repaired twice in warranty and still failing.</summary>
    public static ThreeGuaranteeRules HouseholdAppliance1995 { get; } = Handheld(
        GuaranteeProductKind.HouseholdAppliance, new DateOnly(1995, 8, 25), "部分商品修理更换退货责任规定",
        warrantyMonths: 12, returnArticle: "第八条", exchangeArticle: "第九条", repairsArticle: "第十条");

    /// <summary>《移动电话机商品修理更换退货责任规定》: main unit warranty one year.</summary>
    public static ThreeGuaranteeRules MobilePhone2001 { get; } = Handheld(
        GuaranteeProductKind.MobilePhone, new DateOnly(2001, 11, 15), "移动电话机商品修理更换退货责任规定",
        warrantyMonths: 12, returnArticle: "第十条", exchangeArticle: "第十一条", repairsArticle: "第十二条");

    public static IReadOnlyList<ThreeGuaranteeRules> Defaults { get; } = [HouseholdCar2022, HouseholdAppliance1995, MobilePhone2001];

    private static ThreeGuaranteeRules Handheld(
        GuaranteeProductKind kind, DateOnly from, string regulation, int warrantyMonths,
        string returnArticle, string exchangeArticle, string repairsArticle) => new(
        kind, from, regulation,
        WarrantyMonths: new(warrantyMonths, repairsArticle),
        WarrantyKm: null,
        GuaranteeMonths: new(warrantyMonths, repairsArticle),
        GuaranteeKm: null,
        EarlyDays: null,
        EarlyKm: null,
        EarlyFaults: new HashSet<EarlySeriousFault>(),
        AssemblyPartDays: null,
        AssemblyPartKm: null,
        MajorAssemblyFirstDays: null,
        ReturnDays: new(7, returnArticle),
        ExchangeDays: new(15, exchangeArticle),
        SeriousSafetyRepairs: null,
        MajorAssemblyReplacements: null,
        MajorAssemblies: new HashSet<FaultSystem>(),
        SameMainComponentReplacements: null,
        MainComponentSystems: new HashSet<FaultSystem>(),
        CumulativeRepairDays: null,
        SameProblemRepairs: null,
        RepairsStillFailing: new(2, repairsArticle),
        LongRepairDays: null,
        UseDeductionMaxRate: null,
        UseDeductionArticle: null);

    /// <summary>The rule set of <paramref name="kind"/> in force on <paramref name="on"/>: the newest one effective by then.</summary>
    public static ThreeGuaranteeRules? InForce(IEnumerable<ThreeGuaranteeRules> sets, GuaranteeProductKind kind, DateOnly on) =>
        sets.Where(s => s.Kind == kind && s.EffectiveFrom <= on).MaxBy(s => s.EffectiveFrom);
}
