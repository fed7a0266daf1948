using System.Globalization;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Staff;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.ComplaintSla;

public sealed record EscalationRun(int Checked, int Warnings, int Breaches, int Skipped);

/// <summary>
/// One round of the escalation job. It picks complaints by due time, not by "since the last run": every complaint
/// the job has not seen, or that changed since it last looked, or whose next warning or breach time has come.
/// So a breach that fell due while no job ran is found on the next run. For each due warning it alerts the assignee;
/// for each breach it raises the complaint one level (specialist → service manager → group) and alerts that level.
/// Event, alerts and bookkeeping commit together; the unique index on the event refuses a second instance's copy,
/// which then rolls back with its alerts.
/// </summary>
public sealed class EscalateDueComplaints(AfterSalesDb db, ComplaintSlaReader reader, Notifications.Notifications notifications, TimeProvider clock, ILogger<EscalateDueComplaints> logger)
{
    /// <summary>Calendars and holidays can change under a due time: no open complaint goes unchecked longer than this.</summary>
    public static readonly TimeSpan RecheckAtLeastEvery = TimeSpan.FromHours(1);

    private sealed record Fire(SlaClockReading Reading, SlaEventKind Kind, DateTimeOffset DueAt, bool Alert);

    public async Task<EscalationRun> HandleAsync(int batchSize, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var tracking = db.Set<ComplaintSlaTracking>();
        // Historical complaints (imported) ran their clocks in the system they came from: never escalated here.
        var due = await db.Set<Complaint>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => !c.IsHistorical)
            .Where(c => !tracking.Any(t => t.ComplaintId == c.Id)
                || tracking.Any(t => t.ComplaintId == c.Id && (t.ComplaintVersion != c.Version || (t.NextCheckAt != null && t.NextCheckAt <= now))))
            .OrderBy(c => c.Id)
            .Take(batchSize)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return new EscalationRun(0, 0, 0, 0);
        }

        var computed = await reader.ComputeAsync(due.Select(ComplaintSlaReader.Of).ToList(), now, ct);
        var ids = due.Select(c => c.Id).ToList();
        var handled = (await db.Set<ComplaintSlaEvent>().AsNoTracking().Where(e => ids.Contains(e.ComplaintId)).ToListAsync(ct)).ToLookup(e => e.ComplaintId);
        var storeIds = due.Select(c => c.StoreId).Distinct().ToList();
        var stores = await db.Stores.IgnoreQueryFilters().Where(s => storeIds.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, ct);

        int warnings = 0, breaches = 0, skipped = 0;
        foreach (var complaint in due)
        {
            try
            {
                var (w, b) = await CheckAsync(complaint, computed[complaint.Id], handled[complaint.Id].ToList(), stores.GetValueOrDefault(complaint.StoreId, string.Empty), now, ct);
                warnings += w;
                breaches += b;
            }
            catch (DbUpdateException e)
            {
                // Another instance handled it first (unique event, tracking version): nothing is lost, its copy stands.
                logger.LogInformation(e, "Complaint {Number}: escalation handled elsewhere, skipped", complaint.Number);
                skipped++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One complaint that cannot be checked must not hold up the others; it stays due and is tried again.
                logger.LogError(e, "Complaint {Number}: SLA check failed", complaint.Number);
                skipped++;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return new EscalationRun(due.Count, warnings, breaches, skipped);
    }

    private async Task<(int Warnings, int Breaches)> CheckAsync(
        Complaint complaint, ComplaintSlaReader.Computed computed, List<ComplaintSlaEvent> handled, string storeName, DateTimeOffset now, CancellationToken ct)
    {
        // Claim the bookkeeping row first: another instance inserting it at the same moment is an expected outcome, not a
        // failed command in the log; and a complaint it has checked since this run picked it is no longer due here.
        await db.InsertIfAbsentAsync(ComplaintSlaTracking.Start(complaint.Id), ct);
        var row = await db.Set<ComplaintSlaTracking>().FirstAsync(t => t.ComplaintId == complaint.Id, ct);
        if (row.CheckedAt != default && row.ComplaintVersion == complaint.Version && (row.NextCheckAt is null || row.NextCheckAt > now))
        {
            return (0, 0);
        }

        var readings = computed.Readings;
        bool Done(SlaClockReading r, SlaEventKind kind) => handled.Any(e => e.Clock == r.Clock && e.Kind == kind && e.ClockStartedAt == r.StartedAt);

        var fire = new List<Fire>();
        foreach (var r in readings)
        {
            // A breach happened when its time came before the milestone (or has come and the clock still runs).
            var breached = r.BreachAt is { } b && b <= now && (r.MetAt is null || b < r.MetAt) && !Done(r, SlaEventKind.Breach);
            if (r.WarningAt is { } w && w <= now && r.IsRunning && !Done(r, SlaEventKind.Warning))
            {
                // Warning and breach due in the same run (the job was away): the breach alert says it all.
                fire.Add(new Fire(r, SlaEventKind.Warning, w, Alert: !breached));
            }

            if (breached)
            {
                fire.Add(new Fire(r, SlaEventKind.Breach, r.BreachAt!.Value, Alert: ComplaintLifecycle.IsOpen(complaint.Status)));
            }
        }

        var level = (EscalationLevel)Math.Min((int)EscalationLevel.Group, handled.Count(e => e.Kind == SlaEventKind.Breach));
        foreach (var f in fire.OrderBy(f => f.DueAt))
        {
            if (f.Kind == SlaEventKind.Breach)
            {
                level = (EscalationLevel)Math.Min((int)EscalationLevel.Group, (int)level + 1);
            }

            var alerted = f.Alert ? await AlertAsync(complaint, f, level, computed, storeName, ct) : 0;
            db.Add(ComplaintSlaEvent.Record(complaint.Id, complaint.StoreId, f.Reading.Clock, f.Kind, f.Reading.StartedAt, f.DueAt, level, alerted, now));
        }

        row.Checked(complaint.Version, NextCheck(complaint, readings, now), SlaCalculator.NextBreach(readings), SlaCalculator.Worst(readings.Where(r => r.Clock != SlaClockKind.ProgressUpdate)), level, now);
        await db.SaveChangesAsync(ct);
        return (fire.Count(f => f.Kind == SlaEventKind.Warning), fire.Count(f => f.Kind == SlaEventKind.Breach));
    }

    /// <summary>The next warning or breach still to come; an open complaint is looked at again within the hour regardless.</summary>
    private static DateTimeOffset? NextCheck(Complaint complaint, IReadOnlyList<SlaClockReading> readings, DateTimeOffset now)
    {
        if (!ComplaintLifecycle.IsOpen(complaint.Status))
        {
            return null;
        }

        var coming = readings.Where(r => r.IsRunning)
            .SelectMany(r => new[] { r.WarningAt, r.BreachAt })
            .Where(t => t is not null && t > now)
            .Select(t => t!.Value)
            .Append(now + RecheckAtLeastEvery);
        return coming.Min();
    }

    private async Task<int> AlertAsync(Complaint complaint, Fire fire, EscalationLevel level, ComplaintSlaReader.Computed computed, string storeName, CancellationToken ct)
    {
        var recipients = new List<AppUser>();
        if (complaint.AssignedSpecialistId is { } assignee)
        {
            recipients.AddRange(await db.Users.Where(u => u.Id == assignee && u.IsActive).ToListAsync(ct));
        }

        if (fire.Kind == SlaEventKind.Breach)
        {
            recipients.AddRange(await StaffAsync(complaint.StoreId, level == EscalationLevel.Group ? StaffRole.Administrator : StaffRole.ServiceManager, ct));
        }
        else if (recipients.Count == 0)
        {
            // Nobody assigned yet: the store's complaint desk answers for it.
            recipients.AddRange(await StaffAsync(complaint.StoreId, StaffRole.ComplaintSpecialist, ct));
        }

        var due = TimeZoneInfo.ConvertTime(fire.DueAt, computed.Calendar.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var sent = 0;
        foreach (var user in recipients.DistinctBy(u => u.Id).Where(u => !string.IsNullOrWhiteSpace(u.Email)))
        {
            var culture = user.PreferredCulture;
            var (template, values) = fire switch
            {
                { Kind: SlaEventKind.Breach } => (SlaNotifications.Breach, new Dictionary<string, string>
                {
                    ["number"] = complaint.Number,
                    ["clock"] = SlaNotifications.Label(fire.Reading.Clock, culture),
                    ["due"] = due,
                    ["level"] = SlaNotifications.Label(level, culture),
                    ["store"] = storeName,
                }),
                { Reading.Clock: SlaClockKind.ProgressUpdate } => (SlaNotifications.ProgressOverdue, new Dictionary<string, string>
                {
                    ["number"] = complaint.Number,
                    ["due"] = due,
                    ["store"] = storeName,
                }),
                _ => (SlaNotifications.Warning, new Dictionary<string, string>
                {
                    ["number"] = complaint.Number,
                    ["clock"] = SlaNotifications.Label(fire.Reading.Clock, culture),
                    ["due"] = due,
                    ["store"] = storeName,
                }),
            };
            if (notifications.Enqueue(db, new NotificationRequest(template, NotificationChannel.Email, user.Email!, values, complaint.StoreId, null, false, culture)).IsOk)
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>Active staff with a role in a store; administrators answer for the whole group.</summary>
    private Task<List<AppUser>> StaffAsync(Guid storeId, StaffRole role, CancellationToken ct)
    {
        var name = role.ToString();
        var roleIds = db.Roles.Where(r => r.Name == name).Select(r => r.Id);
        var userIds = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        var spansGroup = StaffRoles.SpansGroup(role);
        return db.Users
            .Where(u => u.IsActive && userIds.Contains(u.Id) && (spansGroup || db.UserStores.Any(s => s.UserId == u.Id && s.StoreId == storeId)))
            .OrderBy(u => u.UserName)
            .ToListAsync(ct);
    }
}
