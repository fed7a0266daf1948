using AfterSales.Domain.Appointments;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Appointments;

/// <summary>
/// One earlier visit of an asset: when, where, what for, and what was found but left unfixed. A visit is a booking
/// the customer came to, a signed repair order, or both when the order was opened from the booking.
/// </summary>
public sealed record PastVisit(
    Guid? AppointmentId,
    DateTimeOffset At,
    Guid StoreId,
    string StoreName,
    string Need,
    IReadOnlyList<WorkshopSkill> ConcernAreas,
    string? OpenIssues,
    Guid? RepairOrderId = null,
    string? RepairOrderNumber = null);

/// <summary>What the front desk sees on the spot while booking (DOMAIN.md step 1 and 2).</summary>
public sealed record VisitSummary(PastVisit? LastVisit, bool IsRepeatRepair, PastVisit? RepeatOf, int RepeatWindowDays, IReadOnlyList<PastVisit> UnfixedIssues);

/// <summary>
/// The asset's service history as bookings need it. A visit is an appointment the customer came to (arrived or
/// converted), in any store of the group: an asset keeps its whole history. A repeat repair (重复维修) is a new
/// concern in the same area (a trade other than routine maintenance) as a visit within the store's window.
/// Signed repair orders add their visits, and the issues found on them but not fixed (发现未修复) are what was found last time.
/// </summary>
public sealed class VisitHistory(AfterSalesDb db, TimeProvider clock)
{
    public const int MaxVisits = 20;

    public async Task<VisitSummary> ForAssetAsync(Guid assetId, Guid storeId, IReadOnlyCollection<WorkshopSkill> concernAreas, Guid? excludingAppointmentId, CancellationToken ct)
    {
        var window = await db.Set<StoreCapacity>().AsNoTracking().Where(c => c.StoreId == storeId).Select(c => (int?)c.RepeatRepairDays).FirstOrDefaultAsync(ct)
            ?? StoreCapacity.DefaultRepeatRepairDays;
        var visits = await VisitsAsync(assetId, excludingAppointmentId, ct);
        var last = visits.Count > 0 ? visits[0] : null;
        var since = clock.GetUtcNow().AddDays(-window);
        var areas = concernAreas.Where(a => a != WorkshopSkill.Maintenance).ToHashSet();
        var repeatOf = visits.FirstOrDefault(v => v.At >= since && v.ConcernAreas.Any(areas.Contains));
        var unfixed = last?.OpenIssues is null ? [] : new List<PastVisit> { last };
        return new VisitSummary(last, repeatOf is not null, repeatOf, window, unfixed);
    }

    /// <summary>The asset's visits, newest first.</summary>
    public async Task<IReadOnlyList<PastVisit>> VisitsAsync(Guid assetId, Guid? excludingAppointmentId, CancellationToken ct)
    {
        var rows = await db.Set<Appointment>().IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.AssetId == assetId && a.Id != excludingAppointmentId
                && (a.Status == AppointmentStatus.Arrived || a.Status == AppointmentStatus.Converted))
            .OrderByDescending(a => a.SlotStart)
            .Take(MaxVisits)
            .ToListAsync(ct);

        // Only what the customer signed was agreed work (in the workshop or delivered since); drafts and cancelled orders say nothing about the asset.
        var orders = await db.Set<RepairOrder>().IgnoreQueryFilters().AsNoTracking().Include(o => o.Jobs)
            .Where(o => o.AssetId == assetId && o.Status != RepairOrderStatus.Draft && o.Status != RepairOrderStatus.AwaitingSignature && o.Status != RepairOrderStatus.Cancelled && (o.AppointmentId == null || o.AppointmentId != excludingAppointmentId))
            .OrderByDescending(o => o.OpenedAt)
            .Take(MaxVisits)
            .ToListAsync(ct);
        var issues = await Quality.UnfixedIssueFeed.ForOrdersAsync(db, orders.Select(o => o.Id).ToList(), ct);
        var storeIds = rows.Select(r => r.StoreId).Concat(orders.Select(o => o.StoreId)).Distinct().ToList();
        var stores = await db.Stores.IgnoreQueryFilters().Where(s => storeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);

        // An order opened from a booking is the same visit: its jobs add their trades to the booking's.
        var fromBookings = orders.Where(o => o.AppointmentId is not null).GroupBy(o => o.AppointmentId!.Value).ToDictionary(g => g.Key, g => g.First());
        var visits = rows.Select(a =>
        {
            var order = fromBookings.GetValueOrDefault(a.Id);
            var areas = order is null ? a.Skills : a.Skills.Concat(order.Jobs.Select(j => j.Skill)).Distinct().ToList();
            return new PastVisit(a.Id, a.SlotStart, a.StoreId, stores.GetValueOrDefault(a.StoreId, string.Empty), a.CustomerNeed, areas, Quality.UnfixedIssueFeed.Join(a.OpenIssues, order is null ? null : issues.GetValueOrDefault(order.Id)), order?.Id, order?.Number);
        }).ToList();
        var bookingIds = rows.Select(a => a.Id).ToHashSet();
        visits.AddRange(orders.Where(o => o.AppointmentId is not { } id || !bookingIds.Contains(id)).Select(o => new PastVisit(
            o.AppointmentId, o.OpenedAt, o.StoreId, stores.GetValueOrDefault(o.StoreId, string.Empty), o.CustomerWords,
            o.Jobs.Select(j => j.Skill).Distinct().ToList(), issues.GetValueOrDefault(o.Id), o.Id, o.Number)));
        return visits.OrderByDescending(v => v.At).Take(MaxVisits).ToList();
    }
}
