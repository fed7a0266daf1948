namespace AfterSales.Domain.ThreeGuarantees;

/// <summary>A main component replaced on a quality repair: its system and the part it is (a part number or a component name).</summary>
public sealed record ReplacedComponent(FaultSystem System, string ComponentKey, bool WholeAssembly);

/// <summary>
/// One quality repair of the asset's ledger (pay type warranty/goodwill or marked a quality problem).
/// <paramref name="ProblemKey"/> identifies "the same quality problem" (fault code or symptom category);
/// <paramref name="DeliveredOn"/> is null while the product is still in the workshop; <paramref name="EarlyFault"/>
/// names the failure when it is one of the five the 60-day rule lists.
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
    bool ReplacementCarProvided = false,
    EarlySeriousFault? EarlyFault = null)
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

/// <summary>
/// The product the ledger is about: its kind, invoice date and price, its current odometer, and the use
/// compensation rate n the manufacturer printed on its 三包凭证 (null when not known).
/// </summary>
public sealed record GuaranteeSubject(GuaranteeProductKind Kind, DateOnly InvoiceDate, decimal InvoicePrice, int? CurrentMileageKm, decimal? CertificateUseRate = null);

public enum GuaranteeOption
{
    Replacement,
    Refund,
    AssemblyReplacement,
    Exchange,
    Return,
    ReplacementCarOrTransportCompensation,
}

/// <summary>The rule codes; each is the resource key of its explanation.</summary>
public static class GuaranteeRule
{
    public const string EarlySeriousFault = "sanbao.early_serious_fault";
    public const string EarlyAssemblyPart = "sanbao.early_assembly_part";
    public const string MajorAssemblyFirstDays = "sanbao.major_assembly_first_days";
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

/// <summary>
/// A right the customer has gained: the article, since when, the orders that count, the options.
/// <paramref name="Free"/>: a replacement or refund without the deduction for use (the regulation says 免费).
/// </summary>
public sealed record Entitlement(
    string Rule,
    string Article,
    DateOnly Since,
    IReadOnlyList<Guid> EvidenceOrders,
    IReadOnlyList<GuaranteeOption> Options,
    string? Subject,
    int Count,
    int Limit,
    bool Free = false);

/// <summary>One event away from an entitlement: the next qualifying repair reaches it.</summary>
public sealed record GuaranteeWarning(string Rule, string Article, IReadOnlyList<Guid> EvidenceOrders, string? Subject, int Count, int Limit);

/// <summary>
/// The deduction for use on a replacement or refund that is not free: price × km / 1000 × n. n is the
/// certificate's rate capped at the regulation's maximum, or the maximum when the certificate's is not known.
/// </summary>
public sealed record UseDeduction(decimal Rate, bool RateFromCertificate, decimal Amount, string Article);

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
        EarlyMajorAssemblies(rules, subject, ordered, entitlements);
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
        if (rules.UseDeductionMaxRate is { } max && subject.CurrentMileageKm is { } km)
        {
            var rate = subject.CertificateUseRate is { } n ? Math.Min(n, max) : max;
            deduction = new(rate, subject.CertificateUseRate is not null, RefundDeduction(subject.InvoicePrice, km, rate), rules.UseDeductionArticle!);
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

        foreach (var r in ordered.Where(r => r.EarlyFault is { } fault && rules.EarlyFaults.Contains(fault) && WithinFirst(subject, r, days, rules.EarlyKm)))
        {
            entitlements.Add(new(GuaranteeRule.EarlySeriousFault, days.Article, r.ReceivedOn, [r.OrderId], ReplaceOrRefund, r.EarlyFault!.Value.ToString(), 1, days.Value, Free: true));
        }
    }

    /// <summary>
    /// The first days of a major assembly (engine, transmission, power battery, drive motor): a quality problem of
    /// one of its main parts in the first 60 days / 3,000 km gives a free new assembly (第二十条); one needing the
    /// assembly or a main part of it replaced in the first 7 days gives a free replacement or refund of the car (第二十二条).
    /// </summary>
    private static void EarlyMajorAssemblies(ThreeGuaranteeRules rules, GuaranteeSubject subject, List<QualityRepair> ordered, List<Entitlement> entitlements)
    {
        foreach (var r in ordered.Where(r => rules.MajorAssemblies.Contains(r.System)))
        {
            var replacesAssembly = r.Replaced.Any(c => rules.MajorAssemblies.Contains(c.System));
            if (rules.MajorAssemblyFirstDays is { } first && replacesAssembly && WithinFirst(subject, r, first, null))
            {
                entitlements.Add(new(GuaranteeRule.MajorAssemblyFirstDays, first.Article, r.ReceivedOn, [r.OrderId], ReplaceOrRefund, r.System.ToString(), 1, first.Value, Free: true));
            }
            else if (rules.AssemblyPartDays is { } part && WithinFirst(subject, r, part, rules.AssemblyPartKm))
            {
                entitlements.Add(new(GuaranteeRule.EarlyAssemblyPart, part.Article, r.ReceivedOn, [r.OrderId], [GuaranteeOption.AssemblyReplacement], r.System.ToString(), 1, part.Value, Free: true));
            }
        }
    }

    /// <summary>Received within the first <paramref name="days"/> days (and under <paramref name="km"/>) from the start of the period.</summary>
    private static bool WithinFirst(GuaranteeSubject subject, QualityRepair r, CitedLimit days, CitedLimit? km) =>
        r.ReceivedOn >= subject.InvoiceDate && r.ReceivedOn < subject.InvoiceDate.AddDays(days.Value)
        && (km is null || r.MileageKm is null || r.MileageKm < km.Value);

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
