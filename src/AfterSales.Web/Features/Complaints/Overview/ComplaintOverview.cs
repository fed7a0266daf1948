using System.Globalization;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Staff;
using AfterSales.Domain.Stores;
using AfterSales.Web.Features.ComplaintSla;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints.Overview;

/// <summary>The period is in the group's local dates (Asia/Shanghai), both days included; the default is the last 30 days.</summary>
public sealed record ComplaintOverviewRequest(DateOnly? From = null, DateOnly? To = null, Guid? StoreId = null);

public sealed record OpenComplaintCount(ComplaintStatus Status, ComplaintUrgency Urgency, int Count);

/// <summary>A row of a Pareto table: the count, its share and the running share of the rows before it and itself.</summary>
public sealed record ParetoRow(string Key, string Label, int Count, decimal Percent, decimal CumulativePercent);

public sealed record GroupCount(string Key, string Label, int Count);

public sealed record SlaClockBreaches(SlaClockKind Clock, int Breached);

/// <summary>
/// SLA compliance (达标率): every complaint received in the period runs four clocks (acknowledge, first contact,
/// propose, close); a clock is met when the escalation job never recorded its breach.
/// </summary>
public sealed record SlaComplianceFigures(int Clocks, int Breached, decimal? CompliancePercent, IReadOnlyList<SlaClockBreaches> ByClock);

public sealed record ComplaintOverviewView(
    DateOnly From,
    DateOnly To,
    Guid? StoreId,
    int Received,
    int OpenTotal,
    IReadOnlyList<OpenComplaintCount> OpenByStateAndUrgency,
    SlaComplianceFigures Sla,
    IReadOnlyList<ParetoRow> Categories,
    IReadOnlyList<ParetoRow> SubCategories,
    IReadOnlyList<GroupCount> ByStore,
    IReadOnlyList<GroupCount> ByTechnician,
    IReadOnlyList<GroupCount> ByModel,
    int Repeat,
    decimal? RepeatPercent,
    int Closed,
    decimal? AverageCalendarHoursToClose,
    int CustomerAnswers,
    int Accepted,
    decimal? AcceptancePercent);

internal sealed class ComplaintOverviewValidator : AbstractValidator<ComplaintOverviewRequest>
{
    public ComplaintOverviewValidator() =>
        RuleFor(x => x).Must(x => x.From is null || x.To is null || (x.From <= x.To && x.To.Value.DayNumber - x.From.Value.DayNumber <= ComplaintOverview.MaxDays))
            .WithErrorCode("complaint.overview_period_invalid").OverridePropertyName(nameof(ComplaintOverviewRequest.From));
}

/// <summary>
/// The complaints overview (投诉统计分析) for service managers and group roles: every figure is counted in the
/// database with GROUP BY over the complaints received in the period (open ones: now), in the reader's stores.
/// Time to close is in calendar hours from intake to closure, for complaints closed in the period.
/// </summary>
public sealed class ComplaintOverview(AfterSalesDb db, ICurrentUser user, RequestValidation validation, TimeProvider clock)
{
    public const int MaxDays = 366;
    public const int DefaultDays = 30;
    public const string Forbidden = "complaint.overview_forbidden";
    public const string NoSubCategory = "-";

    private static readonly TimeZoneInfo GroupZone = TimeZoneInfo.FindSystemTimeZoneById(Store.DefaultTimeZone);

    private static readonly SlaClockKind[] Clocks = [SlaClockKind.Acknowledge, SlaClockKind.FirstContact, SlaClockKind.ProposeResolution, SlaClockKind.Close];

    public static bool MayRead(ICurrentUser user) => user.IsInRole(StaffRole.ServiceManager) || user.IsInRole(StaffRole.Administrator);

    public async Task<Outcome<ComplaintOverviewView>> HandleAsync(ComplaintOverviewRequest request, CancellationToken ct)
    {
        if (!MayRead(user))
        {
            return Outcome<ComplaintOverviewView>.Forbidden(Forbidden);
        }

        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ComplaintOverviewView>.Invalid(errors);
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), GroupZone).DateTime);
        var to = request.To ?? (request.From is { } f ? f.AddDays(DefaultDays - 1) : today);
        var from = request.From ?? to.AddDays(-(DefaultDays - 1));
        if (from > to || to.DayNumber - from.DayNumber > MaxDays)
        {
            return Outcome<ComplaintOverviewView>.Invalid("complaint.overview_period_invalid", nameof(request.From));
        }

        var start = Start(from);
        var end = Start(to.AddDays(1));
        var all = db.Set<Complaint>().AsNoTracking();
        if (request.StoreId is { } storeId)
        {
            all = all.Where(c => c.StoreId == storeId);
        }

        var received = all.Where(c => c.ReceivedAt >= start && c.ReceivedAt < end);

        var open = await all.Where(c => c.Status != ComplaintStatus.Closed)
            .GroupBy(c => new { c.Status, c.Urgency })
            .Select(g => new { g.Key.Status, g.Key.Urgency, Count = g.Count() })
            .ToListAsync(ct);
        var total = await received.CountAsync(ct);
        var repeat = await received.CountAsync(c => c.IsRepeat, ct);

        var categories = await received.GroupBy(c => c.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var subCategories = await received.GroupBy(c => c.SubCategoryId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var subIds = subCategories.Where(s => s.Key != null).Select(s => s.Key!.Value).ToList();
        var culture = CultureInfo.CurrentUICulture.Name;
        var subNames = (await db.Set<ComplaintSubCategory>().AsNoTracking().Where(s => subIds.Contains(s.Id)).ToListAsync(ct))
            .ToDictionary(s => s.Id, s => s.NameIn(culture));

        var byStore = await received.GroupBy(c => c.StoreId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var storeIds = byStore.Select(s => s.Key).ToList();
        var storeNames = await db.Stores.Where(s => storeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);

        var byTechnician = await received.Where(c => c.TechnicianId != null)
            .Join(db.Users, c => c.TechnicianId, u => (Guid?)u.Id, (c, u) => new { u.Id, u.DisplayName })
            .GroupBy(x => new { x.Id, x.DisplayName })
            .Select(g => new { g.Key.Id, g.Key.DisplayName, Count = g.Count() })
            .ToListAsync(ct);
        var byModel = await received.Where(c => c.AssetId != null)
            .Join(db.Set<Asset>(), c => c.AssetId, a => (Guid?)a.Id, (c, a) => new { a.Brand, a.Model })
            .GroupBy(x => new { x.Brand, x.Model })
            .Select(g => new { g.Key.Brand, g.Key.Model, Count = g.Count() })
            .ToListAsync(ct);

        // A clock breached more than once (after a reopening) still counts as one missed clock.
        var receivedIds = received.Select(c => c.Id);
        var breaches = await db.Set<ComplaintSlaEvent>()
            .Where(e => e.Kind == SlaEventKind.Breach && e.Clock != SlaClockKind.ProgressUpdate && receivedIds.Contains(e.ComplaintId))
            .GroupBy(e => e.Clock)
            .Select(g => new { Clock = g.Key, Breached = g.Select(e => e.ComplaintId).Distinct().Count() })
            .ToListAsync(ct);

        // Closure and the customer's answer count when they happened, for complaints of the reader's stores.
        var closedTimes = await all.Where(c => c.Status == ComplaintStatus.Closed && c.ClosedAt >= start && c.ClosedAt < end)
            .Select(c => new { c.ReceivedAt, ClosedAt = c.ClosedAt!.Value })
            .ToListAsync(ct);
        var allIds = all.Select(c => c.Id);
        ComplaintTrigger?[] answers = [ComplaintTrigger.CustomerAccepts, ComplaintTrigger.CustomerDeclines, ComplaintTrigger.RecordFinalDecision];
        var answered = await db.Set<ComplaintStatusChange>()
            .Where(h => answers.Contains(h.Trigger) && h.At >= start && h.At < end && allIds.Contains(h.ComplaintId))
            .GroupBy(h => h.Trigger)
            .Select(g => new { Trigger = g.Key, Count = g.Count() })
            .ToListAsync(ct);

        var clocks = total * Clocks.Length;
        var breached = breaches.Sum(b => b.Breached);
        var answerCount = answered.Sum(a => a.Count);
        var accepted = answered.Where(a => a.Trigger == ComplaintTrigger.CustomerAccepts).Sum(a => a.Count);
        return new ComplaintOverviewView(
            from,
            to,
            request.StoreId,
            total,
            open.Sum(o => o.Count),
            open.OrderBy(o => o.Status).ThenBy(o => o.Urgency).Select(o => new OpenComplaintCount(o.Status, o.Urgency, o.Count)).ToList(),
            new SlaComplianceFigures(clocks, breached, Percent(clocks - breached, clocks), Clocks.Select(k => new SlaClockBreaches(k, breaches.Where(b => b.Clock == k).Sum(b => b.Breached))).ToList()),
            Pareto(categories.Select(c => (c.Key.ToString(), c.Key.ToString(), c.Count))),
            Pareto(subCategories.Select(s => s.Key is { } id ? (id.ToString(), subNames.GetValueOrDefault(id, id.ToString()), s.Count) : (NoSubCategory, NoSubCategory, s.Count))),
            Ranked(byStore.Select(s => (s.Key.ToString(), storeNames.GetValueOrDefault(s.Key, s.Key.ToString()), s.Count))),
            Ranked(byTechnician.Select(t => (t.Id.ToString(), t.DisplayName, t.Count))),
            Ranked(byModel.Select(m => ($"{m.Brand} {m.Model}", $"{m.Brand} {m.Model}", m.Count))),
            repeat,
            Percent(repeat, total),
            closedTimes.Count,
            closedTimes.Count == 0 ? null : Math.Round((decimal)closedTimes.Average(c => (c.ClosedAt - c.ReceivedAt).TotalHours), 1),
            answerCount,
            accepted,
            Percent(accepted, answerCount));
    }

    /// <summary>Largest first; ties by label so the order is stable.</summary>
    internal static IReadOnlyList<ParetoRow> Pareto(IEnumerable<(string Key, string Label, int Count)> rows)
    {
        var sorted = rows.OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
        var total = sorted.Sum(r => r.Count);
        var running = 0;
        var result = new List<ParetoRow>(sorted.Count);
        foreach (var (key, label, count) in sorted)
        {
            running += count;
            result.Add(new ParetoRow(key, label, count, Percent(count, total) ?? 0m, Percent(running, total) ?? 0m));
        }

        return result;
    }

    private static List<GroupCount> Ranked(IEnumerable<(string Key, string Label, int Count)> rows) =>
        rows.OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.Ordinal).Select(r => new GroupCount(r.Key, r.Label, r.Count)).ToList();

    private static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1);

    private static DateTimeOffset Start(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, GroupZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
