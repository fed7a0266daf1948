namespace AfterSales.Domain.ThreeGuarantees;

/// <summary>A main component replaced on a quality repair: its system and the part it is (a part number or a component name).</summary>
public sealed record ReplacedComponent(FaultSystem System, string ComponentKey, bool WholeAssembly);

/// <summary>
/// One quality repair of the asset's ledger (pay type warranty/goodwill or marked a quality problem).
/// <paramref name="ProblemKey"/> identifies "the same quality problem" (fault code or symptom category);
/// <paramref name="DeliveredOn"/> is null while the product is still in the workshop.
/// </summary>
public sealed record QualityRepair(
    Guid OrderId,
    string OrderNumber,
    DateOnly ReceivedOn,
    DateOnly? DeliveredOn,
    int? MileageKm,
    FaultSystem System,
    string ProblemKey,
    bool SeriousSafetyFault,
    IReadOnlyList<ReplacedComponent> Replaced,
    bool ReplacementCarProvided = false)
{
    /// <summary>
    /// Repair time in calendar days from reception to delivery (or to <paramref name="asOf"/> while open);
    /// a repair taking less than a day counts as one day.
    /// </summary>
    public int DaysInWorkshop(DateOnly asOf)
    {
        var end = DeliveredOn ?? asOf;
        return Math.Max(1, end.DayNumber - ReceivedOn.DayNumber);
    }
}

/// <summary>The product the ledger is about: its kind, invoice date and price, and its current odometer.</summary>
public sealed record GuaranteeSubject(GuaranteeProductKind Kind, DateOnly InvoiceDate, decimal InvoicePrice, int? CurrentMileageKm);

public enum GuaranteeOption
{
    Replacement,
    Refund,
    Exchange,
    Return,
    ReplacementCarOrTransportCompensation,
}

/// <summary>The rule codes; each is the resource key of its explanation.</summary>
public static class GuaranteeRule
{
    public const string EarlySeriousFault = "sanbao.early_serious_fault";
    public const string SeriousSafetyRepeated = "sanbao.serious_safety_repeated";
    public const string MajorAssemblyReplaced = "sanbao.major_assembly_replaced";
    public const string SameMainComponentReplaced = "sanbao.same_main_component_replaced";
    public const string CumulativeRepairDays = "sanbao.cumulative_repair_days";
    public const string SameProblemRepeated = "sanbao.same_problem_repeated";
    public const string RepairsStillFailing = "sanbao.repairs_still_failing";
    public const string ReturnWindow = "sanbao.return_window";
    public const string ExchangeWindow = "sanbao.exchange_window";
    public const string LongRepair = "sanbao.long_repair";
}

/// <summary>A right the customer has gained: the article, since when, the orders that count, the options.</summary>
public sealed record Entitlement(
    string Rule,
    string Article,
    DateOnly Since,
    IReadOnlyList<Guid> EvidenceOrders,
    IReadOnlyList<GuaranteeOption> Options,
    string? Subject,
    int Count,
    int Limit);

/// <summary>One event away from an entitlement: the next qualifying repair reaches it.</summary>
public sealed record GuaranteeWarning(string Rule, string Article, IReadOnlyList<Guid> EvidenceOrders, string? Subject, int Count, int Limit);

/// <summary>The refund's deduction for use: price × km / 1000 × n, with n between the regulation's bounds.</summary>
public sealed record UseDeduction(decimal Minimum, decimal Maximum, string Article);

public sealed record GuaranteeStatus(
    bool InWarranty,
    bool InGuaranteePeriod,
    DateOnly WarrantyEnds,
    DateOnly GuaranteeEnds,
    int CumulativeRepairDays,
    IReadOnlyList<Entitlement> Entitlements,
    IReadOnlyList<GuaranteeWarning> Warnings,
    UseDeduction? RefundDeduction);

/// <summary>
/// Evaluates an asset's 三包 ledger against the rules in force at its invoice date. Pure: the same ledger,
/// rules and date give the same answer, so the API, the reception warning and the printed record agree.
/// </summary>
public static class ThreeGuaranteeEvaluator
{
    private static readonly GuaranteeOption[] ReplaceOrRefund = [GuaranteeOption.Replacement, GuaranteeOption.Refund];

    public static GuaranteeStatus Evaluate(
        ThreeGuaranteeRules rules, GuaranteeSubject subject, IReadOnlyList<QualityRepair> ledger, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(ledger);

        var warrantyEnds = subject.InvoiceDate.AddMonths(rules.WarrantyMonths.Value);
        var guaranteeEnds = subject.InvoiceDate.AddMonths(rules.GuaranteeMonths.Value);
        var ordered = ledger.OrderBy(r => r.ReceivedOn).ThenBy(r => r.OrderNumber, StringComparer.Ordinal).ToList();

        bool Within(QualityRepair r, DateOnly ends, CitedLimit? km) =>
            r.ReceivedOn >= subject.InvoiceDate && r.ReceivedOn < ends && (km is null || r.MileageKm is null || r.MileageKm < km.Value);

        var inGuarantee = ordered.Where(r => Within(r, guaranteeEnds, rules.GuaranteeKm)).ToList();
        var inWarranty = ordered.Where(r => Within(r, warrantyEnds, rules.WarrantyKm)).ToList();
        var entitlements = new List<Entitlement>();
        var warnings = new List<GuaranteeWarning>();

        EarlyFaults(rules, subject, ordered, entitlements);
        ReturnAndExchange(rules, subject, ordered, entitlements);
        RepeatedEvents(rules.SeriousSafetyRepairs, GuaranteeRule.SeriousSafetyRepeated, ReplaceOrRefund,
            inGuarantee.Where(r => r.SeriousSafetyFault).Select(r => (r, (string?)null)), entitlements, warnings);
        ReplacedThenFailing(rules.MajorAssemblyReplacements, GuaranteeRule.MajorAssemblyReplaced, inGuarantee,
            c => c.WholeAssembly && rules.MajorAssemblies.Contains(c.System), c => c.System.ToString(), entitlements, warnings);
        ReplacedThenFailing(rules.SameMainComponentReplacements, GuaranteeRule.SameMainComponentReplaced, inGuarantee,
            c => rules.MainComponentSystems.Contains(c.System), c => $"{c.System}:{c.ComponentKey}", entitlements, warnings);
        if (rules.SameProblemRepairs is { } sameProblem)
        {
            foreach (var group in inGuarantee.GroupBy(r => ProblemKey(r)))
            {
                // "累计修理超过4次": the 5th repair of the same problem reaches it, the 4th warns.
                RepeatedEvents(sameProblem, GuaranteeRule.SameProblemRepeated, ReplaceOrRefund,
                    group.Select(r => (r, (string?)group.Key)), entitlements, warnings);
            }
        }

        var cumulative = 0;
        if (rules.CumulativeRepairDays is { } days)
        {
            var evidence = new List<Guid>();
            DateOnly? since = null;
            foreach (var r in inGuarantee)
            {
                var before = cumulative;
                cumulative += r.DaysInWorkshop(asOf);
                evidence.Add(r.OrderId);
                if (since is null && cumulative > days.Value)
                {
                    // The day within this order on which the count passes the limit.
                    since = r.ReceivedOn.AddDays(days.Value + 1 - before);
                    entitlements.Add(new(GuaranteeRule.CumulativeRepairDays, days.Article, since.Value, [.. evidence], ReplaceOrRefund, null, cumulative, days.Value));
                }
            }

            if (since is null && cumulative > 0 && cumulative > days.Value - (rules.LongRepairDays?.Value ?? 5))
            {
                warnings.Add(new(GuaranteeRule.CumulativeRepairDays, days.Article, [.. evidence], null, cumulative, days.Value));
            }
            else if (since is not null)
            {
                entitlements[^1] = entitlements[^1] with { Count = cumulative };
            }
        }

        if (rules.RepairsStillFailing is { } still)
        {
            RepeatedEvents(still, GuaranteeRule.RepairsStillFailing, [GuaranteeOption.Exchange, GuaranteeOption.Return],
                inWarranty.Select(r => (r, (string?)null)), entitlements, warnings);
        }

        // 第二十一条: the reception day is day 1, so the right starts on day 6 = ReceivedOn + 5 days.
        if (rules.LongRepairDays is { } longRepair)
        {
            foreach (var r in inWarranty.Where(r => r.DaysInWorkshop(asOf) > longRepair.Value))
            {
                entitlements.Add(new(GuaranteeRule.LongRepair, longRepair.Article, r.ReceivedOn.AddDays(longRepair.Value), [r.OrderId],
                    [GuaranteeOption.ReplacementCarOrTransportCompensation], r.OrderNumber, r.DaysInWorkshop(asOf), longRepair.Value));
            }
        }

        UseDeduction? deduction = null;
        if (rules.UseDeductionMinRate is { } min && rules.UseDeductionMaxRate is { } max && subject.CurrentMileageKm is { } km)
        {
            deduction = new(RefundDeduction(subject.InvoicePrice, km, min), RefundDeduction(subject.InvoicePrice, km, max), rules.UseDeductionArticle!);
        }

        var inGuaranteeNow = asOf >= subject.InvoiceDate && asOf < guaranteeEnds
            && (rules.GuaranteeKm is null || subject.CurrentMileageKm is null || subject.CurrentMileageKm < rules.GuaranteeKm.Value);
        var inWarrantyNow = asOf >= subject.InvoiceDate && asOf < warrantyEnds
            && (rules.WarrantyKm is null || subject.CurrentMileageKm is null || subject.CurrentMileageKm < rules.WarrantyKm.Value);

        // A warning only matters while the next event can still count.
        if (!inGuaranteeNow)
        {
            warnings.RemoveAll(w => w.Rule != GuaranteeRule.RepairsStillFailing || !inWarrantyNow);
        }

        return new(inWarrantyNow, inGuaranteeNow, warrantyEnds, guaranteeEnds, cumulative,
            [.. entitlements.OrderBy(e => e.Since)], warnings, deduction);
    }

    /// <summary>合理使用补偿费用 = 车价款 × 行驶里程 / 1000 × n, rounded to the fen.</summary>
    public static decimal RefundDeduction(decimal price, int km, decimal rate) =>
        Math.Round(price * km / 1000m * rate, 2, MidpointRounding.AwayFromZero);

    /// <summary>"The same quality problem": the same system and the same problem key, ignoring case and spacing.</summary>
    public static string ProblemKey(QualityRepair repair) =>
        $"{repair.System}:{string.Concat(repair.ProblemKey.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant()}";

    private static void EarlyFaults(ThreeGuaranteeRules rules, GuaranteeSubject subject, List<QualityRepair> ordered, List<Entitlement> entitlements)
    {
        if (rules.EarlyDays is not { } days)
        {
            return;
        }

        var ends = subject.InvoiceDate.AddDays(days.Value);
        foreach (var r in ordered.Where(r => rules.EarlyFaultSystems.Contains(r.System) && r.ReceivedOn >= subject.InvoiceDate && r.ReceivedOn < ends
            && (rules.EarlyKm is null || r.MileageKm is null || r.MileageKm < rules.EarlyKm.Value)))
        {
            entitlements.Add(new(GuaranteeRule.EarlySeriousFault, days.Article, r.ReceivedOn, [r.OrderId], ReplaceOrRefund, r.System.ToString(), 1, days.Value));
        }
    }

    private static void ReturnAndExchange(ThreeGuaranteeRules rules, GuaranteeSubject subject, List<QualityRepair> ordered, List<Entitlement> entitlements)
    {
        foreach (var r in ordered.Where(r => r.ReceivedOn >= subject.InvoiceDate))
        {
            var day = r.ReceivedOn.DayNumber - subject.InvoiceDate.DayNumber;
            if (rules.ReturnDays is { } ret && day < ret.Value)
            {
                entitlements.Add(new(GuaranteeRule.ReturnWindow, ret.Article, r.ReceivedOn, [r.OrderId], [GuaranteeOption.Return, GuaranteeOption.Exchange], null, day + 1, ret.Value));
            }
            else if (rules.ExchangeDays is { } ex && day < ex.Value)
            {
                entitlements.Add(new(GuaranteeRule.ExchangeWindow, ex.Article, r.ReceivedOn, [r.OrderId], [GuaranteeOption.Exchange], null, day + 1, ex.Value));
            }
        }
    }

    /// <summary>
    /// "Repaired N times and still failing": after <c>limit</c> events the next one reaches the right;
    /// exactly <c>limit</c> events is one event away.
    /// </summary>
    private static void RepeatedEvents(
        CitedLimit? limit, string rule, IReadOnlyList<GuaranteeOption> options,
        IEnumerable<(QualityRepair Repair, string? Subject)> events, List<Entitlement> entitlements, List<GuaranteeWarning> warnings)
    {
        if (limit is null)
        {
            return;
        }

        var list = events.ToList();
        if (list.Count > limit.Value)
        {
            var reached = list[limit.Value].Repair;
            entitlements.Add(new(rule, limit.Article, reached.ReceivedOn, [.. list.Select(e => e.Repair.OrderId)], options, list[0].Subject, list.Count, limit.Value));
        }
        else if (list.Count == limit.Value)
        {
            warnings.Add(new(rule, limit.Article, [.. list.Select(e => e.Repair.OrderId)], list[0].Subject, list.Count, limit.Value));
        }
    }

    /// <summary>A component replaced <c>limit</c> times that fails again afterwards; replaced <c>limit</c> times is one failure away.</summary>
    private static void ReplacedThenFailing(
        CitedLimit? limit, string rule, List<QualityRepair> inGuarantee, Func<ReplacedComponent, bool> counts,
        Func<ReplacedComponent, string> key, List<Entitlement> entitlements, List<GuaranteeWarning> warnings)
    {
        if (limit is null)
        {
            return;
        }

        var replacements = inGuarantee
            .SelectMany(r => r.Replaced.Where(counts).Select(c => (Repair: r, Component: c)))
            .GroupBy(x => key(x.Component));
        foreach (var group in replacements)
        {
            var list = group.ToList();
            if (list.Count < limit.Value)
            {
                continue;
            }

            var last = list[limit.Value - 1].Repair;
            var system = list[0].Component.System;
            var failure = inGuarantee.FirstOrDefault(r => r.ReceivedOn > last.ReceivedOn && r.System == system);
            var evidence = list.Select(x => x.Repair.OrderId).Distinct().ToList();
            if (failure is not null)
            {
                entitlements.Add(new(rule, limit.Article, failure.ReceivedOn, [.. evidence, failure.OrderId], ReplaceOrRefund, group.Key, list.Count, limit.Value));
            }
            else
            {
                warnings.Add(new(rule, limit.Article, evidence, group.Key, list.Count, limit.Value));
            }
        }
    }
}
