using AfterSales.Domain.FollowUps;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.FollowUps;

/// <summary>Deliveries of a period of store-local dates (both ends included), optionally of one store.</summary>
public sealed record FollowUpReachRequest(DateOnly From, DateOnly To, Guid? StoreId = null);

/// <summary>
/// Coverage and reach of one group of deliveries. Coverage is the share of the deliveries whose customer may be called
/// (<see cref="Callable"/>) that were followed up, i.e. reached on at least one call (<see cref="OrdersReached"/>); it
/// is held against the policy's target (<see cref="BelowTarget"/>). Calls are the follow-up tasks of these deliveries:
/// attempted (at least one counted call), reached, still open; the attempt counts are the single calls made, by outcome.
/// The reach rate is calls reached ÷ calls attempted.
/// </summary>
public sealed record FollowUpReachFigures(
    int Deliveries,
    int DoNotCall,
    int Callable,
    int Sampled,
    int Required,
    decimal? SampledPercent,
    int OrdersReached,
    decimal? CoveragePercent,
    int TargetPercent,
    bool BelowTarget,
    int Calls,
    int CallsAttempted,
    int CallsReached,
    decimal? ReachRate,
    int OpenCalls,
    int Attempts,
    int NoAnswer,
    int Refused,
    int WrongNumber,
    int CallBack);

/// <summary>One row: a store (<see cref="StoreId"/> null for all stores in view) and a period starting on <see cref="Start"/> (null for the whole range).</summary>
public sealed record FollowUpReachRow(Guid? StoreId, string? StoreName, DateOnly? Start, FollowUpReachFigures Figures);

/// <summary>
/// Coverage and reach of the deliveries in <see cref="From"/>–<see cref="To"/> (each store's local dates): in total, per
/// store, and as trends per week (Monday) and month, both for all stores together and per store. A delivery counts in
/// the period it was delivered in, and so do its calls and their attempts.
/// </summary>
public sealed record FollowUpReachView(
    DateOnly From,
    DateOnly To,
    FollowUpReachFigures Overall,
    IReadOnlyList<FollowUpReachRow> ByStore,
    IReadOnlyList<FollowUpReachRow> ByWeek,
    IReadOnlyList<FollowUpReachRow> ByMonth,
    IReadOnlyList<FollowUpReachRow> ByStoreAndWeek,
    IReadOnlyList<FollowUpReachRow> ByStoreAndMonth);

/// <summary>
/// Follow-up coverage and reach, aggregated in the database: three grouped queries (decisions, calls, attempts) by store,
/// week and month of delivery, whatever the number of deliveries; the rows are then summed per table in memory (each
/// delivery belongs to exactly one store, week and month, so the sums are exact).
/// </summary>
public sealed class GetFollowUpReach(AfterSalesDb db, ICurrentUser user)
{
    public const string PeriodInvalid = "follow_up.period_invalid";

    public async Task<Outcome<FollowUpReachView>> HandleAsync(FollowUpReachRequest request, CancellationToken ct)
    {
        if (request.StoreId is { } only && (!user.Scope.Includes(only) || !await db.Stores.AnyAsync(s => s.Id == only, ct)))
        {
            return Outcome<FollowUpReachView>.NotFound();
        }

        if (request.To < request.From)
        {
            return Outcome<FollowUpReachView>.Invalid(PeriodInvalid, "To");
        }

        var selections = db.Set<FollowUpSelection>().Where(s => s.DeliveredOn >= request.From && s.DeliveredOn <= request.To);
        if (request.StoreId is { } storeId)
        {
            selections = selections.Where(s => s.StoreId == storeId);
        }

        var decided = await selections
            .GroupBy(s => new { s.StoreId, s.DeliveredWeek, s.DeliveredMonth })
            .Select(g => new
            {
                g.Key.StoreId,
                g.Key.DeliveredWeek,
                g.Key.DeliveredMonth,
                Deliveries = g.Count(),
                DoNotCall = g.Count(s => s.Reason == SampleReason.DoNotCall),
                Sampled = g.Count(s => s.Selected),
                Required = g.Count(s => s.Reason == SampleReason.Required),
            })
            .ToListAsync(ct);
        var calls = await (from t in db.Set<FollowUpTask>()
                           join s in selections on t.RepairOrderId equals s.RepairOrderId
                           group t by new { s.StoreId, s.DeliveredWeek, s.DeliveredMonth } into g
                           select new
                           {
                               g.Key.StoreId,
                               g.Key.DeliveredWeek,
                               g.Key.DeliveredMonth,
                               Calls = g.Count(),
                               Attempted = g.Count(t => t.AttemptCount > 0),
                               Reached = g.Count(t => t.Status == FollowUpTaskStatus.Reached),
                               Open = g.Count(t => t.Status == FollowUpTaskStatus.Open),
                               OrdersReached = g.Where(t => t.Status == FollowUpTaskStatus.Reached).Select(t => t.RepairOrderId).Distinct().Count(),
                           }).ToListAsync(ct);
        var attempts = await (from a in db.Set<FollowUpAttempt>()
                              join t in db.Set<FollowUpTask>() on a.FollowUpTaskId equals t.Id
                              join s in selections on t.RepairOrderId equals s.RepairOrderId
                              group a by new { s.StoreId, s.DeliveredWeek, s.DeliveredMonth } into g
                              select new
                              {
                                  g.Key.StoreId,
                                  g.Key.DeliveredWeek,
                                  g.Key.DeliveredMonth,
                                  Attempts = g.Count(a => a.Outcome != FollowUpOutcome.Cancel),
                                  NoAnswer = g.Count(a => a.Outcome == FollowUpOutcome.NoAnswer),
                                  Refused = g.Count(a => a.Outcome == FollowUpOutcome.Refused),
                                  WrongNumber = g.Count(a => a.Outcome == FollowUpOutcome.WrongNumber),
                                  CallBack = g.Count(a => a.Outcome == FollowUpOutcome.CallBack),
                              }).ToListAsync(ct);

        var storeIds = decided.Select(d => d.StoreId).Distinct().ToList();
        var names = await db.Stores.AsNoTracking().Where(s => storeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var targets = await db.Set<FollowUpPolicy>().AsNoTracking().Where(p => storeIds.Contains(p.StoreId)).ToDictionaryAsync(p => p.StoreId, p => p.CoverageTargetPercent, ct);

        var parts = decided.Select(d =>
        {
            var c = calls.FirstOrDefault(x => x.StoreId == d.StoreId && x.DeliveredWeek == d.DeliveredWeek && x.DeliveredMonth == d.DeliveredMonth);
            var a = attempts.FirstOrDefault(x => x.StoreId == d.StoreId && x.DeliveredWeek == d.DeliveredWeek && x.DeliveredMonth == d.DeliveredMonth);
            return new Part(
                d.StoreId,
                d.DeliveredWeek,
                d.DeliveredMonth,
                targets.TryGetValue(d.StoreId, out var target) ? target : FollowUpPolicy.DefaultCoverageTargetPercent,
                d.Deliveries,
                d.DoNotCall,
                d.Sampled,
                d.Required,
                c?.OrdersReached ?? 0,
                c?.Calls ?? 0,
                c?.Attempted ?? 0,
                c?.Reached ?? 0,
                c?.Open ?? 0,
                a?.Attempts ?? 0,
                a?.NoAnswer ?? 0,
                a?.Refused ?? 0,
                a?.WrongNumber ?? 0,
                a?.CallBack ?? 0);
        }).ToList();

        string? Name(Guid id) => names.GetValueOrDefault(id);

        return new FollowUpReachView(
            request.From,
            request.To,
            Sum(parts),
            [.. parts.GroupBy(p => p.StoreId).Select(g => new FollowUpReachRow(g.Key, Name(g.Key), null, Sum(g))).OrderBy(r => r.StoreName, StringComparer.Ordinal)],
            [.. parts.GroupBy(p => p.Week).OrderBy(g => g.Key).Select(g => new FollowUpReachRow(null, null, g.Key, Sum(g)))],
            [.. parts.GroupBy(p => p.Month).OrderBy(g => g.Key).Select(g => new FollowUpReachRow(null, null, g.Key, Sum(g)))],
            [.. parts.GroupBy(p => (p.StoreId, p.Week)).Select(g => new FollowUpReachRow(g.Key.StoreId, Name(g.Key.StoreId), g.Key.Week, Sum(g)))
                .OrderBy(r => r.StoreName, StringComparer.Ordinal).ThenBy(r => r.Start)],
            [.. parts.GroupBy(p => (p.StoreId, p.Month)).Select(g => new FollowUpReachRow(g.Key.StoreId, Name(g.Key.StoreId), g.Key.Month, Sum(g)))
                .OrderBy(r => r.StoreName, StringComparer.Ordinal).ThenBy(r => r.Start)]);
    }

    /// <summary>
    /// Sums parts. The target of several stores is weighted by their callable deliveries, and the group is below target
    /// when fewer were followed up than the stores' targets ask for together (exact, no rounding).
    /// </summary>
    private static FollowUpReachFigures Sum(IEnumerable<Part> parts)
    {
        var list = parts.ToList();
        int Total(Func<Part, int> f) => list.Sum(f);
        var callable = Total(p => p.Deliveries - p.DoNotCall);
        var targetWeight = list.Sum(p => (long)(p.Deliveries - p.DoNotCall) * p.TargetPercent);
        var reached = Total(p => p.OrdersReached);
        var target = callable > 0
            ? (int)Math.Round((decimal)targetWeight / callable, MidpointRounding.AwayFromZero)
            : list.Select(p => p.TargetPercent).DefaultIfEmpty(FollowUpPolicy.DefaultCoverageTargetPercent).Max();
        var attempted = Total(p => p.CallsAttempted);
        var callsReached = Total(p => p.CallsReached);
        return new FollowUpReachFigures(
            Total(p => p.Deliveries),
            Total(p => p.DoNotCall),
            callable,
            Total(p => p.Sampled),
            Total(p => p.Required),
            Percent(Total(p => p.Sampled), callable),
            reached,
            Percent(reached, callable),
            target,
            callable > 0 && reached * 100L < targetWeight,
            Total(p => p.Calls),
            attempted,
            callsReached,
            Percent(callsReached, attempted),
            Total(p => p.OpenCalls),
            Total(p => p.Attempts),
            Total(p => p.NoAnswer),
            Total(p => p.Refused),
            Total(p => p.WrongNumber),
            Total(p => p.CallBack));
    }

    private static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

    private sealed record Part(
        Guid StoreId,
        DateOnly Week,
        DateOnly Month,
        int TargetPercent,
        int Deliveries,
        int DoNotCall,
        int Sampled,
        int Required,
        int OrdersReached,
        int Calls,
        int CallsAttempted,
        int CallsReached,
        int OpenCalls,
        int Attempts,
        int NoAnswer,
        int Refused,
        int WrongNumber,
        int CallBack);
}
