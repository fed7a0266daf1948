using AfterSales.Domain.Complaints;
using AfterSales.Domain.Stores;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.ComplaintSla;

/// <summary>A complaint's clocks at a glance, for lists: the worst state, and the running clock that breaches soonest.</summary>
public sealed record ComplaintSlaSummary(
    SlaClockState State,
    SlaClockKind? Clock,
    int? LeftMinutes,
    DateTimeOffset? BreachAt,
    bool IsPaused,
    bool ProgressOverdue,
    EscalationLevel Level);

/// <summary>
/// Computes the clocks of many complaints at once: one query each for their histories, contacts, stores, policies
/// and escalation levels, whatever the number of complaints (a list page, a batch of the escalation job).
/// </summary>
public sealed class ComplaintSlaReader(AfterSalesDb db, TimeProvider clock)
{
    internal sealed record Subject(Guid Id, Guid StoreId, ComplaintUrgency Urgency, ComplaintChannel Channel);

    internal sealed record Computed(SlaPolicy Policy, StoreCalendar Calendar, IReadOnlyList<SlaClockReading> Readings);

    public async Task<IReadOnlyList<SlaPolicy>> PoliciesAsync(CancellationToken ct) =>
        (await db.Set<ComplaintSlaPolicy>().AsNoTracking().ToListAsync(ct)).Select(p => p.ToPolicy()).ToList();

    internal async Task<Dictionary<Guid, Computed>> ComputeAsync(IReadOnlyCollection<Subject> complaints, DateTimeOffset now, CancellationToken ct)
    {
        if (complaints.Count == 0)
        {
            return [];
        }

        var ids = complaints.Select(c => c.Id).ToList();
        var storeIds = complaints.Select(c => c.StoreId).Distinct().ToList();
        var moves = (await db.Set<ComplaintStatusChange>().AsNoTracking()
                .Where(h => ids.Contains(h.ComplaintId))
                .Select(h => new { h.ComplaintId, h.ComplaintVersion, h.At, h.To })
                .ToListAsync(ct))
            .GroupBy(h => h.ComplaintId)
            .ToDictionary(g => g.Key, g => g.OrderBy(h => h.ComplaintVersion).ThenBy(h => h.At).Select(h => new SlaStatusMove(h.At, h.To)).ToList());
        var contacts = (await db.Set<ComplaintProgressUpdate>().AsNoTracking()
                .Where(u => ids.Contains(u.ComplaintId))
                .Select(u => new { u.ComplaintId, u.At })
                .ToListAsync(ct))
            .ToLookup(u => u.ComplaintId, u => u.At);
        var calendars = (await db.Stores.IgnoreQueryFilters().AsNoTracking().Where(s => storeIds.Contains(s.Id)).ToListAsync(ct))
            .ToDictionary(s => s.Id, s => s.Calendar());
        var policies = await PoliciesAsync(ct);
        var reclassified = (await db.Set<ComplaintReclassification>().AsNoTracking()
                .Where(r => ids.Contains(r.ComplaintId) && r.FromUrgency != r.ToUrgency)
                .Select(r => new { r.ComplaintId, r.At, r.FromUrgency })
                .ToListAsync(ct))
            .ToLookup(r => r.ComplaintId);

        var result = new Dictionary<Guid, Computed>();
        foreach (var complaint in complaints)
        {
            var policy = SlaDefaults.Resolve(policies, complaint.Urgency, complaint.Channel);
            var calendar = calendars[complaint.StoreId];
            var history = moves.GetValueOrDefault(complaint.Id) ?? [];
            var earlier = reclassified[complaint.Id].OrderBy(r => r.At)
                .Select(r => new SlaEarlierPolicy(r.At, SlaDefaults.Resolve(policies, r.FromUrgency, complaint.Channel)))
                .ToList();
            result[complaint.Id] = new Computed(policy, calendar, SlaCalculator.Compute(calendar, policy, history, contacts[complaint.Id].ToList(), now, earlier));
        }

        return result;
    }

    /// <summary>The list's SLA column for a page of complaints.</summary>
    internal async Task<List<ComplaintListItem>> AttachAsync(IReadOnlyList<Complaint> rows, List<ComplaintListItem> items, CancellationToken ct)
    {
        var computed = await ComputeAsync(rows.Select(Of).ToList(), clock.GetUtcNow(), ct);
        var ids = rows.Select(r => r.Id).ToList();
        var levels = await db.Set<ComplaintSlaTracking>().AsNoTracking().Where(t => ids.Contains(t.ComplaintId)).ToDictionaryAsync(t => t.ComplaintId, t => t.Level, ct);
        return items.Select(i => computed.TryGetValue(i.Id, out var c) ? i with { Sla = Summarize(c.Readings, levels.GetValueOrDefault(i.Id)) } : i).ToList();
    }

    internal static Subject Of(Complaint c) => new(c.Id, c.StoreId, c.Urgency, c.Channel);

    public static ComplaintSlaSummary Summarize(IReadOnlyList<SlaClockReading> readings, EscalationLevel level)
    {
        var limits = readings.Where(r => r.IsRunning && r.Clock != SlaClockKind.ProgressUpdate).ToList();
        var soonest = limits.OrderBy(r => r.Left).FirstOrDefault();
        var progressOverdue = readings.Any(r => r.Clock == SlaClockKind.ProgressUpdate && r.State == SlaClockState.Warning);
        return new ComplaintSlaSummary(
            SlaCalculator.Worst(limits),
            soonest?.Clock,
            soonest is null ? null : (int)Math.Floor(soonest.Left.TotalMinutes),
            soonest?.BreachAt,
            soonest?.IsPaused ?? false,
            progressOverdue,
            level);
    }
}
