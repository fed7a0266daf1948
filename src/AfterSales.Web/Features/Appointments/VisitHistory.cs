using AfterSales.Domain.Appointments;
using AfterSales.Domain.Service;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Appointments;

/// <summary>One earlier visit of an asset: when, where, what for, and what was found but left unfixed.</summary>
public sealed record PastVisit(Guid AppointmentId, DateTimeOffset At, Guid StoreId, string StoreName, string Need, IReadOnlyList<WorkshopSkill> ConcernAreas, string? OpenIssues);

/// <summary>What the front desk sees on the spot while booking (DOMAIN.md step 1 and 2).</summary>
public sealed record VisitSummary(PastVisit? LastVisit, bool IsRepeatRepair, PastVisit? RepeatOf, int RepeatWindowDays, IReadOnlyList<PastVisit> UnfixedIssues);

/// <summary>
/// The asset's service history as bookings need it. A visit is an appointment the customer came to (arrived or
/// converted), in any store of the group: an asset keeps its whole history. A repeat repair (重复维修) is a new
/// concern in the same area (a trade other than routine maintenance) as a visit within the store's window.
/// Repair orders will add their visits, findings and declined jobs here.
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
        var storeIds = rows.Select(r => r.StoreId).Distinct().ToList();
        var stores = await db.Stores.IgnoreQueryFilters().Where(s => storeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return rows.Select(a => new PastVisit(a.Id, a.SlotStart, a.StoreId, stores.GetValueOrDefault(a.StoreId, string.Empty), a.CustomerNeed, a.Skills, a.OpenIssues)).ToList();
    }
}
