using AfterSales.Domain.Assets;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Stores;
using AfterSales.Domain.ThreeGuarantees;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.ThreeGuarantees;

/// <summary>One repair of the asset's 三包 ledger, as the evaluator counted it.</summary>
public sealed record LedgerRowView(
    Guid OrderId,
    string OrderNumber,
    RepairOrderStatus Status,
    DateOnly ReceivedOn,
    DateOnly? DeliveredOn,
    int Days,
    int? MileageKm,
    FaultSystem System,
    string ProblemKey,
    bool SeriousSafetyFault,
    EarlySeriousFault? EarlyFault,
    IReadOnlyList<ReplacedComponent> Replaced);

/// <summary>The deduction for use on a replacement or refund; <see cref="Amount"/> is null while the asset's purchase price is not on record.</summary>
public sealed record UseDeductionView(decimal Rate, bool RateFromCertificate, int MileageKm, decimal? Amount, string Article);

public sealed record EntitlementView(
    string Rule,
    string Article,
    DateOnly Since,
    IReadOnlyList<string> EvidenceOrders,
    IReadOnlyList<GuaranteeOption> Options,
    string? Subject,
    int Count,
    int Limit,
    bool Free,
    UseDeductionView? UseDeduction);

public sealed record GuaranteeWarningView(string Rule, string Article, IReadOnlyList<string> EvidenceOrders, string? Subject, int Count, int Limit);

/// <summary>
/// An asset's 三包 ledger and what it gives: the regulation in force at the invoice date, the periods, the entitlements
/// reached and the warnings one event away. <see cref="NotEvaluated"/> names why nothing was evaluated (no purchase date on
/// record, no regulation for the kind on that date); the ledger is listed even then.
/// </summary>
public sealed record ThreeGuaranteesView(
    Guid AssetId,
    GuaranteeProductKind Kind,
    string? Regulation,
    DateOnly? InvoiceDate,
    DateOnly AsOf,
    string? NotEvaluated,
    bool InWarranty,
    bool InGuaranteePeriod,
    DateOnly? WarrantyEnds,
    DateOnly? GuaranteeEnds,
    int CumulativeRepairDays,
    IReadOnlyList<LedgerRowView> Ledger,
    IReadOnlyList<EntitlementView> Entitlements,
    IReadOnlyList<GuaranteeWarningView> Warnings)
{
    public bool HasAlerts => Entitlements.Count > 0 || Warnings.Count > 0;
}

/// <summary>
/// Builds an asset's 三包 ledger from its repair orders and evaluates it. The rules are the domain's
/// (<see cref="ThreeGuaranteeEvaluator"/>, <see cref="RepairOrder.ToQualityRepair"/>); this only loads and maps. The asset
/// must be visible to the user; its orders are read from every store of the group, because the regulation counts every
/// repair of the vehicle, wherever it was done. Three queries whatever the number of orders.
/// </summary>
public sealed class GetThreeGuarantees(AfterSalesDb db, AccessGuard guard, TimeProvider clock)
{
    public const string NoInvoiceDate = "sanbao.no_invoice_date";
    public const string NoRegulation = "sanbao.no_regulation";

    public async Task<Outcome<ThreeGuaranteesView>> HandleAsync(Guid assetId, CancellationToken ct)
    {
        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assetId, ct);
        if (asset is null)
        {
            return await guard.NotFoundAsync<Asset, ThreeGuaranteesView>(assetId, ct);
        }

        var orders = await db.Set<RepairOrder>().IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.AssetId == assetId && o.Status != RepairOrderStatus.Cancelled)
            .Include(o => o.Jobs).ThenInclude(j => j.Parts)
            .AsSplitQuery()
            .ToListAsync(ct);
        var storeIds = orders.Select(o => o.StoreId).Append(asset.StoreId).Distinct().ToList();
        var zones = await db.Stores.IgnoreQueryFilters().AsNoTracking().Where(s => storeIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.TimeZoneId, ct);
        TimeZoneInfo ZoneOf(Guid storeId) => TimeZoneInfo.FindSystemTimeZoneById(zones.GetValueOrDefault(storeId) ?? Store.DefaultTimeZone);

        var asOf = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ZoneOf(asset.StoreId)).DateTime);
        var repairs = orders
            .Select(o => (Order: o, Repair: o.ToQualityRepair(ZoneOf(o.StoreId))))
            .Where(x => x.Repair is not null)
            .Select(x => (x.Order, Repair: x.Repair!))
            .OrderBy(x => x.Repair.ReceivedOn).ThenBy(x => x.Order.Number, StringComparer.Ordinal)
            .ToList();
        var numbers = repairs.ToDictionary(x => x.Order.Id, x => x.Order.Number);
        var ledger = repairs.Select(x => new LedgerRowView(
                x.Order.Id, x.Order.Number, x.Order.Status, x.Repair.ReceivedOn, x.Repair.DeliveredOn, x.Repair.DaysInWorkshop(asOf), x.Repair.MileageKm,
                x.Repair.System, x.Repair.ProblemKey, x.Repair.SeriousSafetyFault, x.Repair.EarlyFault, x.Repair.Replaced))
            .ToList();

        var kind = KindOf(asset.Kind);
        var rules = asset.PurchaseDate is { } bought ? ThreeGuaranteeRules.InForce(ThreeGuaranteeRules.Defaults, kind, bought) : null;
        if (asset.PurchaseDate is not { } invoiceDate || rules is null)
        {
            return new ThreeGuaranteesView(asset.Id, kind, rules?.Regulation, asset.PurchaseDate, asOf, asset.PurchaseDate is null ? NoInvoiceDate : NoRegulation,
                false, false, null, null, 0, ledger, [], []);
        }

        // The odometer: the higher of the asset's record and the last reading at reception.
        int? mileage = orders.Select(o => o.MileageKm).Append(asset.MileageKm).Max();

        // The purchase price is not on the asset's record yet: the evaluator gets 0 and the amount is not shown.
        var subject = new GuaranteeSubject(kind, invoiceDate, 0m, mileage);
        var status = ThreeGuaranteeEvaluator.Evaluate(rules, subject, [.. repairs.Select(x => x.Repair)], asOf);
        var deduction = status.RefundDeduction is { } d && mileage is { } km ? new UseDeductionView(d.Rate, d.RateFromCertificate, km, null, d.Article) : null;
        IReadOnlyList<string> Numbers(IEnumerable<Guid> ids) => [.. ids.Select(id => numbers.GetValueOrDefault(id) ?? id.ToString())];
        var entitlements = status.Entitlements.Select(e => new EntitlementView(
                e.Rule, e.Article, e.Since, Numbers(e.EvidenceOrders), e.Options, e.Subject, e.Count, e.Limit, e.Free,
                !e.Free && (e.Options.Contains(GuaranteeOption.Refund) || e.Options.Contains(GuaranteeOption.Replacement)) ? deduction : null))
            .ToList();
        var warnings = status.Warnings.Select(w => new GuaranteeWarningView(w.Rule, w.Article, Numbers(w.EvidenceOrders), w.Subject, w.Count, w.Limit)).ToList();
        return new ThreeGuaranteesView(asset.Id, kind, rules.Regulation, invoiceDate, asOf, null, status.InWarranty, status.InGuaranteePeriod,
            status.WarrantyEnds, status.GuaranteeEnds, status.CumulativeRepairDays, ledger, entitlements, warnings);
    }

    private static GuaranteeProductKind KindOf(AssetKind kind) => kind switch
    {
        AssetKind.Vehicle => GuaranteeProductKind.HouseholdCar,
        AssetKind.Appliance => GuaranteeProductKind.HouseholdAppliance,
        AssetKind.Phone => GuaranteeProductKind.MobilePhone,
    };
}
