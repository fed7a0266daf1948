using AfterSales.Domain.Appointments;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Reminders;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Reminders;

public sealed record DueListPrepared(int Assets, int DueItems);

/// <summary>
/// Prepares the due list: for every asset, the next service by its plan and the end of its maker's and extended
/// warranty, one <see cref="AssetDue"/> row per asset and kind. Works in batches of assets, a handful of queries per
/// batch (assets, visits, orders, contracts, existing rows), never one per asset. The history of an asset counts in
/// every store (an asset keeps its whole history); the row belongs to the asset's store.
/// </summary>
public sealed class PrepareDueList(AfterSalesDb db, TimeProvider clock)
{
    public const int BatchSize = 500;
    private const int MaxAttempts = 3;

    /// <summary>The daily run: once per day (the run row's key is the day), whoever starts it first.</summary>
    public async Task<DueListPrepared?> RunDailyAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(Domain.Stores.Store.DefaultTimeZone)).DateTime);
        // A restart on the same day finds the run already there: expected, so not a failed insert (EF logs those as errors).
        if (await db.Set<DueListRun>().AnyAsync(r => r.Day == day, ct))
        {
            return null;
        }

        db.Add(DueListRun.Start(day, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return null;
        }

        return await HandleAsync(null, ct);
    }

    /// <param name="storeIds">Only these stores' assets; null for every store.</param>
    public async Task<DueListPrepared> HandleAsync(IReadOnlyCollection<Guid>? storeIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var plans = await db.Set<ServicePlan>().AsNoTracking().Where(p => p.IsActive).ToListAsync(ct);
        var policies = await db.Set<WarrantyPolicy>().AsNoTracking()
            .Where(p => p.IsActive && !p.IsExclusion && (p.Group == ComponentGroup.WholeVehicle || p.Group == ComponentGroup.WholeUnit))
            .ToListAsync(ct);
        var zones = (await db.Stores.IgnoreQueryFilters().AsNoTracking().Select(s => new { s.Id, s.TimeZoneId }).ToListAsync(ct))
            .ToDictionary(s => s.Id, s => TimeZoneInfo.FindSystemTimeZoneById(s.TimeZoneId));

        var assetCount = 0;
        var itemCount = 0;
        var skip = 0;
        while (!ct.IsCancellationRequested)
        {
            var query = db.Assets.IgnoreQueryFilters().AsNoTracking();
            if (storeIds is not null)
            {
                query = query.Where(a => storeIds.Contains(a.StoreId));
            }

            var assets = await query.OrderBy(a => a.Id).Skip(skip).Take(BatchSize).ToListAsync(ct);
            if (assets.Count == 0)
            {
                break;
            }

            skip += assets.Count;
            itemCount += await PrepareWithRetryAsync(assets, plans, policies, zones, now, ct);
            assetCount += assets.Count;
            db.ChangeTracker.Clear();
        }

        return new DueListPrepared(assetCount, itemCount);
    }

    /// <summary>The daily job and a user's refresh may prepare the same assets at once: the loser of a race redoes the batch.</summary>
    private async Task<int> PrepareWithRetryAsync(
        List<Asset> assets, List<ServicePlan> plans, List<WarrantyPolicy> policies, Dictionary<Guid, TimeZoneInfo> zones, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await PrepareBatchAsync(assets, plans, policies, zones, now, ct);
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts && (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e)))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<int> PrepareBatchAsync(
        List<Asset> assets, List<ServicePlan> plans, List<WarrantyPolicy> policies, Dictionary<Guid, TimeZoneInfo> zones, DateTimeOffset now, CancellationToken ct)
    {
        var ids = assets.Select(a => a.Id).ToList();
        var bookings = await db.Set<Appointment>().IgnoreQueryFilters().AsNoTracking()
            .Where(a => ids.Contains(a.AssetId) && (a.Status == AppointmentStatus.Arrived || a.Status == AppointmentStatus.Converted))
            .ToListAsync(ct);
        var orders = await db.Set<RepairOrder>().IgnoreQueryFilters().AsNoTracking().Include(o => o.Jobs)
            .Where(o => ids.Contains(o.AssetId) && VisitStatuses.Contains(o.Status))
            .ToListAsync(ct);
        var contracts = await db.Set<ExtendedWarrantyContract>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => ids.Contains(c.AssetId) && c.CancelledAt == null)
            .ToListAsync(ct);
        var existing = (await db.Set<AssetDue>().IgnoreQueryFilters().Where(d => ids.Contains(d.AssetId)).ToListAsync(ct))
            .ToDictionary(d => (d.AssetId, d.Kind));

        // The repair order is the visit as it happened (its check-in mileage, the work agreed); a booking counts only until it has one.
        var ordersById = orders.ToDictionary(o => o.Id);
        var visitsByAsset = bookings.Where(b => b.RepairOrderId is not { } orderId || !ordersById.ContainsKey(orderId))
            .Select(b => new Visit(b.AssetId, b.SlotStart, b.MileageKm, b.Skills, b.RepairOrderId))
            .Concat(orders.Select(o => new Visit(o.AssetId, o.OpenedAt, o.MileageKm, o.Jobs.Where(j => j.IsAgreed).Select(j => j.Skill).Distinct().ToList(), o.Id)))
            .ToLookup(v => v.AssetId);
        var contractsByAsset = contracts.ToLookup(c => c.AssetId);

        var count = 0;
        foreach (var asset in assets)
        {
            var zone = zones.GetValueOrDefault(asset.StoreId) ?? TimeZoneInfo.Utc;
            var today = DayIn(zone, now);
            var visits = visitsByAsset[asset.Id].ToList();
            var readings = visits.Where(v => v.Km is > 0).Select(v => new MileageReading(DayIn(zone, v.At), v.Km!.Value)).ToList();
            if (asset.MileageKm is > 0 && !readings.Any(r => r.Km >= asset.MileageKm))
            {
                readings.Add(new MileageReading(DayIn(zone, asset.CreatedAt), asset.MileageKm.Value));
            }

            var items = new List<(DueItem Item, int? ProjectedKm)>();
            if (ServicePlan.For(plans, asset.Kind, asset.Brand, asset.Model) is { } plan)
            {
                var last = visits.Where(v => IsService(asset.Kind, v, ordersById)).OrderByDescending(v => v.At).FirstOrDefault();
                var lastService = last is null ? null : new ServiceVisit(DayIn(zone, last.At), last.Km);
                if (ServiceDueCalculator.Next(plan.Terms, lastService, asset.PurchaseDate, readings, today) is { } due)
                {
                    items.Add((new DueItem(ReminderKind.Service, due.Key, due.DueOn, due.DueKm, due.Basis, plan.Name), due.ProjectedKm));
                }
            }

            var policy = policies.Where(p => p.Matches(asset.Kind, asset.Brand, asset.Model)).OrderByDescending(p => p.Specificity).FirstOrDefault();
            if (policy is not null && asset.PurchaseDate is { } sold)
            {
                var (endsOn, basis) = CoverExpiry.Ends(sold.AddMonths(policy.Months).AddDays(-1), policy.MileageKm, readings, sold);
                items.Add((new DueItem(ReminderKind.WarrantyExpiry, $"policy:{policy.Id:N}:{endsOn:yyyy-MM-dd}", endsOn, policy.MileageKm, basis, policy.Name), null));
            }

            var contract = contractsByAsset[asset.Id].Where(c => c.EndsOn >= today).OrderBy(c => c.EndsOn).FirstOrDefault()
                ?? contractsByAsset[asset.Id].OrderByDescending(c => c.EndsOn).FirstOrDefault();
            if (contract is not null)
            {
                var (endsOn, basis) = CoverExpiry.Ends(contract.EndsOn, contract.MileageLimitKm, readings, asset.PurchaseDate);
                items.Add((new DueItem(ReminderKind.ExtendedWarrantyExpiry, $"contract:{contract.Id:N}", endsOn, contract.MileageLimitKm, basis, $"{contract.Provider} {contract.Number}"), null));
            }

            foreach (var kind in Enum.GetValues<ReminderKind>())
            {
                var found = items.FirstOrDefault(i => i.Item.Kind == kind);
                var row = existing.GetValueOrDefault((asset.Id, kind));
                if (found.Item is null)
                {
                    if (row is not null)
                    {
                        db.Remove(row);
                    }

                    continue;
                }

                if (row is null)
                {
                    row = AssetDue.For(asset.StoreId, asset.CustomerId, asset.Id, kind, now);
                    db.Add(row);
                }

                row.Set(asset.StoreId, asset.CustomerId, found.Item, found.ProjectedKm, now);
                count++;
            }
        }

        await db.SaveChangesAsync(ct);
        return count;
    }

    /// <summary>
    /// Orders that are visits: signed and on through the workshop to delivered (and settled). A draft is not a visit yet,
    /// a cancelled order never was.
    /// </summary>
    private static readonly RepairOrderStatus[] VisitStatuses =
    [
        RepairOrderStatus.Signed, RepairOrderStatus.InWorkshop, RepairOrderStatus.FinalInspection, RepairOrderStatus.Inspected,
        RepairOrderStatus.ReadyForDelivery, RepairOrderStatus.Delivered,
    ];

    /// <summary>
    /// A maintenance visit: for a vehicle, an order with an agreed (not declined) maintenance job, or a booking for maintenance;
    /// any visit for an appliance or a phone (their trade services them).
    /// </summary>
    private static bool IsService(AssetKind kind, Visit visit, Dictionary<Guid, RepairOrder> orders) =>
        kind != AssetKind.Vehicle
        || (visit.RepairOrderId is { } id && orders.TryGetValue(id, out var order)
            ? order.Jobs.Any(j => j.IsAgreed && j.Skill == WorkshopSkill.Maintenance)
            : visit.Skills.Contains(WorkshopSkill.Maintenance));

    private static DateOnly DayIn(TimeZoneInfo zone, DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private sealed record Visit(Guid AssetId, DateTimeOffset At, int? Km, IReadOnlyList<WorkshopSkill> Skills, Guid? RepairOrderId);
}
