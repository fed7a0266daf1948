using AfterSales.Domain.FollowUps;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.FollowUps;

/// <summary>Coverage of one store over a period of store-local dates (both inclusive); null dates mean the current month.</summary>
public sealed record FollowUpCoverageRequest(Guid? StoreId = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>
/// Follow-up coverage of a store in a period: deliveries, those whose customer may be called, sampled, reached at least
/// once, given up. <see cref="CoveragePercent"/> (reached ÷ callable) is held against the policy's target.
/// </summary>
public sealed record FollowUpCoverageView(
    Guid StoreId,
    string StoreName,
    DateOnly From,
    DateOnly To,
    int Delivered,
    int DoNotCall,
    int Callable,
    int Sampled,
    int Required,
    int Reached,
    int Unreachable,
    int OpenCalls,
    int TargetPercent,
    decimal SampledPercent,
    decimal CoveragePercent,
    bool MeetsTarget);

public sealed class GetFollowUpCoverage(AfterSalesDb db, ICurrentUser user, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<FollowUpCoverageView>>> HandleAsync(FollowUpCoverageRequest request, CancellationToken ct)
    {
        if (request.StoreId is { } only && !user.Scope.Includes(only))
        {
            return Outcome<IReadOnlyList<FollowUpCoverageView>>.NotFound();
        }

        if (request.From is { } f && request.To is { } t && t < f)
        {
            return Outcome<IReadOnlyList<FollowUpCoverageView>>.Invalid("follow_up.period_invalid", "To");
        }

        var stores = await db.Stores.AsNoTracking()
            .Where(s => s.IsActive && (request.StoreId == null || s.Id == request.StoreId))
            .OrderBy(s => s.Code)
            .ToListAsync(ct);
        stores = stores.Where(s => user.Scope.Includes(s.Id)).ToList();
        if (request.StoreId is not null && stores.Count == 0)
        {
            return Outcome<IReadOnlyList<FollowUpCoverageView>>.NotFound();
        }

        var storeIds = stores.Select(s => s.Id).ToList();
        var policies = await db.Set<FollowUpPolicy>().AsNoTracking().Where(p => storeIds.Contains(p.StoreId)).ToDictionaryAsync(p => p.StoreId, ct);
        var views = new List<FollowUpCoverageView>();
        foreach (var store in stores)
        {
            var calendar = store.Calendar();
            var today = DateOnly.FromDateTime(calendar.ToLocal(clock.GetUtcNow()).DateTime);
            var from = request.From ?? new DateOnly(today.Year, today.Month, 1);
            var to = request.To ?? from.AddMonths(1).AddDays(-1);
            var start = LocalMidnight(from, calendar.TimeZone);
            var end = LocalMidnight(to.AddDays(1), calendar.TimeZone);
            var decisions = await db.Set<FollowUpSelection>().AsNoTracking()
                .Where(s => s.StoreId == store.Id && s.DeliveredAt >= start && s.DeliveredAt < end)
                .Select(s => new { s.RepairOrderId, s.Selected, s.Reason })
                .ToListAsync(ct);
            var orderIds = decisions.Select(d => d.RepairOrderId).ToList();
            var tasks = await db.Set<FollowUpTask>().AsNoTracking()
                .Where(x => orderIds.Contains(x.RepairOrderId))
                .Select(x => new { x.RepairOrderId, x.Status })
                .ToListAsync(ct);
            var byOrder = tasks.ToLookup(x => x.RepairOrderId);
            var doNotCall = decisions.Count(d => d.Reason == SampleReason.DoNotCall);
            var callable = decisions.Count - doNotCall;
            var sampled = decisions.Count(d => d.Selected);
            var reached = decisions.Count(d => byOrder[d.RepairOrderId].Any(x => x.Status == FollowUpTaskStatus.Reached));
            var unreachable = decisions.Count(d => d.Selected && byOrder[d.RepairOrderId].Any()
                && byOrder[d.RepairOrderId].All(x => x.Status is FollowUpTaskStatus.Unreachable or FollowUpTaskStatus.Refused or FollowUpTaskStatus.Cancelled));
            var target = (policies.GetValueOrDefault(store.Id) ?? FollowUpPolicy.Default(store.Id)).CoverageTargetPercent;
            var coverage = Percent(reached, callable);
            views.Add(new FollowUpCoverageView(
                store.Id, store.Name, from, to, decisions.Count, doNotCall, callable, sampled, decisions.Count(d => d.Reason == SampleReason.Required),
                reached, unreachable, tasks.Count(x => x.Status == FollowUpTaskStatus.Open), target, Percent(sampled, callable), coverage,
                callable == 0 || coverage >= target));
        }

        return Outcome<IReadOnlyList<FollowUpCoverageView>>.Ok(views);
    }

    private static decimal Percent(int part, int whole) => whole == 0 ? 0m : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

    private static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        var wall = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(wall))
        {
            wall = wall.AddMinutes(15);
        }

        return new DateTimeOffset(wall, zone.GetUtcOffset(wall)).ToUniversalTime();
    }
}
