using AfterSales.Domain.Complaints;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.ComplaintSla;

/// <summary>One clock: times are UTC instants; minutes are working minutes of the store's calendar.</summary>
public sealed record SlaClockView(
    SlaClockKind Clock,
    SlaClockState State,
    bool Late,
    bool IsPaused,
    DateTimeOffset StartedAt,
    DateTimeOffset? MetAt,
    DateTimeOffset? WarningAt,
    DateTimeOffset? BreachAt,
    int UsedMinutes,
    int LeftMinutes,
    int WarningMinutes,
    int BreachMinutes);

public sealed record SlaEventView(SlaClockKind Clock, SlaEventKind Kind, DateTimeOffset DueAt, DateTimeOffset HandledAt, EscalationLevel Level, int Alerted);

public sealed record ProgressUpdateView(Guid Id, DateTimeOffset At, string UserName, string Message, bool SentToCustomer);

public sealed record ComplaintSlaView(
    Guid ComplaintId,
    ComplaintUrgency Urgency,
    ComplaintChannel Channel,
    string TimeZoneId,
    SlaPolicyView Policy,
    EscalationLevel Level,
    ComplaintSlaSummary Summary,
    IReadOnlyList<SlaClockView> Clocks,
    IReadOnlyList<SlaEventView> Events,
    IReadOnlyList<ProgressUpdateView> ProgressUpdates,
    IReadOnlyList<MergedSlaView>? Merged = null);

/// <summary>The clocks of a duplicate merged into the complaint, as they stood when it closed.</summary>
public sealed record MergedSlaView(Guid ComplaintId, string Number, ComplaintSlaSummary Summary, IReadOnlyList<SlaClockView> Clocks);

/// <summary>A complaint's clocks as of now, its escalations and the progress updates sent to the customer.</summary>
public sealed class GetComplaintSla(AfterSalesDb db, AccessGuard guard, ComplaintSlaReader reader, TimeProvider clock)
{
    public async Task<Outcome<ComplaintSlaView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var complaint = await db.Set<Complaint>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null)
        {
            return await guard.NotFoundAsync<Complaint, ComplaintSlaView>(id, ct);
        }

        var merged = await db.Set<Complaint>().IgnoreQueryFilters().AsNoTracking().Where(c => c.DuplicateOfId == id).OrderBy(c => c.ReceivedAt).ToListAsync(ct);
        var all = await reader.ComputeAsync([ComplaintSlaReader.Of(complaint), .. merged.Select(ComplaintSlaReader.Of)], clock.GetUtcNow(), ct);
        var computed = all[id];
        var events = await db.Set<ComplaintSlaEvent>().AsNoTracking().Where(e => e.ComplaintId == id).OrderBy(e => e.HandledAt).ThenBy(e => e.DueAt).ToListAsync(ct);
        var level = events.Where(e => e.Kind == SlaEventKind.Breach).Select(e => e.Level).DefaultIfEmpty(EscalationLevel.Specialist).Max();
        var updates = await db.Set<ComplaintProgressUpdate>().AsNoTracking().Where(u => u.ComplaintId == id).OrderByDescending(u => u.At).ToListAsync(ct);
        var isDefault = !(await reader.PoliciesAsync(ct)).Contains(computed.Policy);
        return new ComplaintSlaView(
            id,
            complaint.Urgency,
            complaint.Channel,
            computed.Calendar.TimeZone.Id,
            ListSlaPolicies.View(computed.Policy, isDefault, null),
            level,
            ComplaintSlaReader.Summarize(computed.Readings, level),
            computed.Readings.Select(View).ToList(),
            events.Select(e => new SlaEventView(e.Clock, e.Kind, e.DueAt, e.HandledAt, e.Level, e.Alerted)).ToList(),
            updates.Select(u => new ProgressUpdateView(u.Id, u.At, u.UserName, u.Message, u.OutboxMessageId is not null)).ToList(),
            merged.Select(m => new MergedSlaView(m.Id, m.Number, ComplaintSlaReader.Summarize(all[m.Id].Readings, EscalationLevel.Specialist), all[m.Id].Readings.Select(View).ToList())).ToList());
    }

    internal static SlaClockView View(SlaClockReading r) => new(
        r.Clock, r.State, r.Late, r.IsPaused, r.StartedAt, r.MetAt, r.WarningAt, r.BreachAt,
        (int)Math.Floor(r.Used.TotalMinutes), (int)Math.Floor(r.Left.TotalMinutes), r.Target.WarningMinutes, r.Target.BreachMinutes);
}
