using System.Globalization;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Service;

namespace AfterSales.Domain.Warranty;

/// <summary>The facts about an asset and a job that decide who pays.</summary>
/// <param name="WarrantyStart">The date warranty runs from: sale, invoice or registration date (购车/购机日期); null if not on file.</param>
/// <param name="Today">Today in the store's time zone.</param>
/// <param name="MileageKm">The odometer reading at this visit; null if not known (appliances and phones have none).</param>
/// <param name="FirstServiceUsed">The asset already had its first free service.</param>
public sealed record CoverageFacts(
    AssetKind Kind,
    string Brand,
    string Model,
    DateOnly? WarrantyStart,
    DateOnly Today,
    int? MileageKm,
    ComponentGroup Group,
    bool FirstServiceUsed = false);

/// <summary>A proposed pay type and why: the code is stable, the text is ready to show in either language.</summary>
public sealed record PayTypeProposal(
    PayType PayType,
    string ReasonCode,
    LocalizedText Reason,
    Guid? PolicyId = null,
    Guid? ContractId = null,
    DateOnly? CoveredUntil = null,
    int? CoveredUntilKm = null,
    string? Conditions = null);

/// <summary>
/// Proposes who pays for a job from the asset's age and mileage, the warranty policies and the asset's
/// extended-warranty contracts. Pure: the caller loads the facts. The rules, in order:
/// <list type="number">
/// <item>Without a warranty start date, or with a start in the future, nothing can be said: pending decision.</item>
/// <item>Policies whose scope matches the asset and that name the job's group apply; so do the whole-asset
/// policies for groups that fall under them, unless an exclusion for the group at least as specific as every
/// policy naming it says the group is not covered.</item>
/// <item>Any applicable policy still running by age (the day before the anniversary is the last covered day)
/// and by mileage (the limit itself is still covered) makes it warranty. The law's minimum and the maker's
/// longer terms both apply, so the customer gets whichever still runs.</item>
/// <item>Otherwise a contract of the asset that covers the group, runs today (both ends included) and is within its
/// mileage makes it warranty, paid by the contract.</item>
/// <item>Otherwise: a missing mileage that would decide it leaves it pending; an exclusion or expired terms make it
/// customer pay, saying which; with no terms at all it stays pending until someone checks the warranty card.</item>
/// </list>
/// </summary>
public static class PayTypeProposer
{
    public const string CoveredByPolicy = "warranty.covered_by_policy";
    public const string CoveredByContract = "warranty.covered_by_contract";
    public const string FirstServiceFree = "warranty.first_service_free";
    public const string FirstServiceUsed = "warranty.first_service_used";
    public const string ExpiredByAge = "warranty.expired_by_age";
    public const string ExpiredByMileage = "warranty.expired_by_mileage";
    public const string ContractExpired = "warranty.contract_expired";
    public const string Excluded = "warranty.excluded";
    public const string NoPolicy = "warranty.no_policy";
    public const string StartUnknown = "warranty.start_unknown";
    public const string StartInFuture = "warranty.start_in_future";
    public const string MileageUnknown = "warranty.mileage_unknown";
    public const string GroupNotForAsset = "warranty.group_not_for_asset";

    private enum Verdict
    {
        Covered,
        ExpiredByAge,
        ExpiredByMileage,
        MileageUnknown,
    }

    public static PayTypeProposal Propose(CoverageFacts facts, IEnumerable<WarrantyPolicy> policies, IEnumerable<ExtendedWarrantyContract> contracts)
    {
        var group = Name(facts.Group);
        if (!ComponentGroups.AppliesTo(facts.Group, facts.Kind))
        {
            return Pending(GroupNotForAsset, $"部件组“{group.ZhCn}”不适用于此类产品", $"The component group '{group.En}' does not apply to this kind of asset");
        }

        if (facts.WarrantyStart is not { } start)
        {
            return Pending(StartUnknown, "档案中没有购买/开票日期，无法判断保修；请核对发票或保修卡后补录", "No sale or invoice date on file, so warranty cannot be judged; check the invoice or warranty card and record the date");
        }

        if (start > facts.Today)
        {
            return Pending(StartInFuture, $"购买日期 {D(start)} 晚于今天，请核对", $"The sale date {D(start)} is after today; check it");
        }

        var applicable = policies.Where(p => p.IsActive && p.Matches(facts.Kind, facts.Brand, facts.Model)).ToList();
        var naming = applicable.Where(p => p.Group == facts.Group).ToList();
        var namingCover = naming.Where(p => !p.IsExclusion).ToList();
        var exclusion = naming.Where(p => p.IsExclusion).OrderByDescending(p => p.Specificity).FirstOrDefault();
        if (exclusion is not null && namingCover.Count > 0 && namingCover.Max(p => p.Specificity) > exclusion.Specificity)
        {
            exclusion = null;
        }
        else if (exclusion is not null)
        {
            namingCover.RemoveAll(p => p.Specificity <= exclusion.Specificity);
        }

        var candidates = namingCover.OrderByDescending(p => p.Specificity).ToList();
        if (exclusion is null && ComponentGroups.FallsBackToWhole(facts.Group))
        {
            var whole = ComponentGroups.WholeGroup(facts.Kind);
            candidates.AddRange(applicable.Where(p => p.Group == whole && !p.IsExclusion).OrderByDescending(p => p.Specificity));
        }

        var verdicts = candidates.Select(p => (Policy: p, Verdict: Judge(p, start, facts.Today, facts.MileageKm))).ToList();
        if (verdicts.Where(v => v.Verdict == Verdict.Covered).OrderByDescending(v => End(v.Policy, start)).Select(v => v.Policy).FirstOrDefault() is { } covering)
        {
            return CoveredBy(covering, start, facts);
        }

        var contractVerdicts = contracts
            .Where(c => !c.IsCancelled && c.Covers(facts.Group, facts.Kind) && c.StartsOn <= facts.Today)
            .Select(c => (Contract: c, Verdict: Judge(c, facts.Today, facts.MileageKm)))
            .ToList();
        if (contractVerdicts.Where(v => v.Verdict == Verdict.Covered).OrderByDescending(v => v.Contract.EndsOn).Select(v => v.Contract).FirstOrDefault() is { } contract)
        {
            var km = contract.MileageLimitKm is { } limit ? $"，限 {Km(limit)} 公里" : string.Empty;
            var kmEn = contract.MileageLimitKm is { } limitEn ? $", up to {Km(limitEn)} km" : string.Empty;
            return new PayTypeProposal(
                PayType.Warranty,
                CoveredByContract,
                new($"延保：合同 {contract.Number}（{contract.Provider}）保{group.ZhCn}，有效至 {D(contract.EndsOn)}{km}", $"Extended warranty: contract {contract.Number} ({contract.Provider}) covers the {group.En} until {D(contract.EndsOn)}{kmEn}"),
                ContractId: contract.Id,
                CoveredUntil: contract.EndsOn,
                CoveredUntilKm: contract.MileageLimitKm);
        }

        if (verdicts.FirstOrDefault(v => v.Verdict == Verdict.MileageUnknown).Policy is { } needsKm)
        {
            return Pending(MileageUnknown, $"缺少当前里程：{needsKm.Name}限 {Km(needsKm.MileageKm!.Value)} 公里，请录入里程", $"Current mileage missing: {needsKm.Name} is limited to {Km(needsKm.MileageKm!.Value)} km; enter the mileage");
        }

        if (contractVerdicts.FirstOrDefault(v => v.Verdict == Verdict.MileageUnknown).Contract is { } contractNeedsKm)
        {
            return Pending(MileageUnknown, $"缺少当前里程：延保合同 {contractNeedsKm.Number} 限 {Km(contractNeedsKm.MileageLimitKm!.Value)} 公里，请录入里程", $"Current mileage missing: contract {contractNeedsKm.Number} is limited to {Km(contractNeedsKm.MileageLimitKm!.Value)} km; enter the mileage");
        }

        if (exclusion is not null)
        {
            var conditions = exclusion.Exclusions is null ? string.Empty : $"（{exclusion.Exclusions}）";
            return new PayTypeProposal(
                PayType.Customer,
                Excluded,
                new($"不在保修范围：{exclusion.Name}不保{group.ZhCn}{conditions}", $"Not covered: {exclusion.Name} excludes the {group.En}{(exclusion.Exclusions is null ? string.Empty : $" ({exclusion.Exclusions})")}"),
                PolicyId: exclusion.Id,
                Conditions: exclusion.Exclusions);
        }

        if (verdicts.Count > 0)
        {
            // The most specific terms explain the refusal best: the maker's own before the law's minimum.
            var (policy, verdict) = verdicts[0];
            var end = End(policy, start);
            if (facts.Group == ComponentGroup.FirstService)
            {
                return new PayTypeProposal(
                    PayType.Customer,
                    verdict == Verdict.ExpiredByAge ? ExpiredByAge : ExpiredByMileage,
                    new($"首次免费保养已过期：{policy.Name}须在 {D(end.AddDays(-1))} 前{KmZh(policy)}完成", $"First free service lapsed: {policy.Name} had to be done by {D(end.AddDays(-1))}{KmEn(policy)}"),
                    PolicyId: policy.Id);
            }

            return verdict == Verdict.ExpiredByAge
                ? new PayTypeProposal(
                    PayType.Customer,
                    ExpiredByAge,
                    new($"已过保（时间）：{policy.Name}保{policy.Months}个月，已于 {D(end.AddDays(-1))} 到期", $"Out of warranty by age: {policy.Name} ran {policy.Months} months and ended on {D(end.AddDays(-1))}"),
                    PolicyId: policy.Id,
                    Conditions: policy.Exclusions)
                : new PayTypeProposal(
                    PayType.Customer,
                    ExpiredByMileage,
                    new($"已过保（里程）：{policy.Name}限 {Km(policy.MileageKm!.Value)} 公里，当前 {Km(facts.MileageKm!.Value)} 公里", $"Out of warranty by mileage: {policy.Name} is limited to {Km(policy.MileageKm!.Value)} km, the odometer reads {Km(facts.MileageKm!.Value)} km"),
                    PolicyId: policy.Id,
                    Conditions: policy.Exclusions);
        }

        if (contractVerdicts.Count > 0 || contracts.Any(c => !c.IsCancelled && c.Covers(facts.Group, facts.Kind)))
        {
            var lapsed = contractVerdicts.Select(v => v.Contract).FirstOrDefault() ?? contracts.First(c => !c.IsCancelled && c.Covers(facts.Group, facts.Kind));
            return new PayTypeProposal(
                PayType.Customer,
                ContractExpired,
                new($"延保合同 {lapsed.Number} 不适用：有效期 {D(lapsed.StartsOn)} 至 {D(lapsed.EndsOn)}{(lapsed.MileageLimitKm is { } l ? $"，限 {Km(l)} 公里" : string.Empty)}", $"Contract {lapsed.Number} does not apply: it runs from {D(lapsed.StartsOn)} to {D(lapsed.EndsOn)}{(lapsed.MileageLimitKm is { } le ? $", up to {Km(le)} km" : string.Empty)}"),
                ContractId: lapsed.Id);
        }

        return Pending(NoPolicy, $"没有适用于 {facts.Brand} {facts.Model} {group.ZhCn}的保修政策，请核对保修卡", $"No warranty policy on file for the {group.En} of a {facts.Brand} {facts.Model}; check the warranty card");
    }

    /// <summary>The first day no longer covered: the same calendar day the given months later (clamped to the month's end).</summary>
    public static DateOnly End(WarrantyPolicy policy, DateOnly start) => start.AddMonths(policy.Months);

    private static Verdict Judge(WarrantyPolicy policy, DateOnly start, DateOnly today, int? mileage)
    {
        if (today >= End(policy, start))
        {
            return Verdict.ExpiredByAge;
        }

        if (policy.MileageKm is not { } limit)
        {
            return Verdict.Covered;
        }

        return mileage is not { } km ? Verdict.MileageUnknown : km <= limit ? Verdict.Covered : Verdict.ExpiredByMileage;
    }

    private static Verdict Judge(ExtendedWarrantyContract contract, DateOnly today, int? mileage)
    {
        if (today > contract.EndsOn)
        {
            return Verdict.ExpiredByAge;
        }

        if (contract.MileageLimitKm is not { } limit)
        {
            return Verdict.Covered;
        }

        return mileage is not { } km ? Verdict.MileageUnknown : km <= limit ? Verdict.Covered : Verdict.ExpiredByMileage;
    }

    private static PayTypeProposal CoveredBy(WarrantyPolicy policy, DateOnly start, CoverageFacts facts)
    {
        var last = End(policy, start).AddDays(-1);
        var group = Name(facts.Group);
        if (facts.Group == ComponentGroup.FirstService)
        {
            return facts.FirstServiceUsed
                ? new PayTypeProposal(PayType.Customer, FirstServiceUsed, new("首次免费保养已使用过，本次保养由客户付费", "The free first service was already used; this service is customer pay"), PolicyId: policy.Id)
                : new PayTypeProposal(
                    PayType.Warranty,
                    FirstServiceFree,
                    new($"首次保养免费：{policy.Name}，{D(last)} 前{KmZh(policy)}有效", $"Free first service: {policy.Name}, valid until {D(last)}{KmEn(policy)}"),
                    PolicyId: policy.Id,
                    CoveredUntil: last,
                    CoveredUntilKm: policy.MileageKm);
        }

        var now = facts.MileageKm is { } km && policy.MileageKm is not null ? $"（当前 {Km(km)} 公里）" : string.Empty;
        var nowEn = facts.MileageKm is { } kmEn && policy.MileageKm is not null ? $" (now {Km(kmEn)} km)" : string.Empty;
        var via = policy.Group == facts.Group ? string.Empty : $"（按{Name(policy.Group).ZhCn}保修）";
        var viaEn = policy.Group == facts.Group ? string.Empty : $" (under the {Name(policy.Group).En} terms)";
        return new PayTypeProposal(
            PayType.Warranty,
            CoveredByPolicy,
            new($"在保：{policy.Name}，{group.ZhCn}{via}保修至 {D(last)}{KmZh(policy)}{now}", $"Under warranty: {policy.Name} covers the {group.En}{viaEn} until {D(last)}{KmEn(policy)}{nowEn}"),
            PolicyId: policy.Id,
            CoveredUntil: last,
            CoveredUntilKm: policy.MileageKm,
            Conditions: policy.Exclusions);
    }

    private static PayTypeProposal Pending(string code, string zh, string en) => new(PayType.PendingDecision, code, new(zh, en));

    private static LocalizedText Name(ComponentGroup group) => ComponentGroups.Name(group);

    private static string KmZh(WarrantyPolicy p) => p.MileageKm is { } km ? $"或 {Km(km)} 公里以内（先到为准）" : string.Empty;

    private static string KmEn(WarrantyPolicy p) => p.MileageKm is { } km ? $" or {Km(km)} km, whichever comes first" : string.Empty;

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Km(int km) => km.ToString("N0", CultureInfo.InvariantCulture);
}
