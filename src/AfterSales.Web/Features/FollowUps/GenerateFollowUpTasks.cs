using System.Globalization;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Customers;
using AfterSales.Domain.FollowUps;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Stores;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.FollowUps;

public sealed record FollowUpGenerationRun(int Decided, int Selected, int TasksCreated, int Cancelled);

/// <summary>
/// One round of the follow-up generator. Picks delivered orders that have no sampling decision yet (oldest delivery
/// first), classifies each (order type, stratum, complaint or rework), draws the sample per store and month, and for
/// every chosen order whose customer may be called creates the policy's calls at their due times. The decision and
/// the tasks of an order commit together; the decision's primary key and the unique (order, kind) index refuse a
/// second copy, so a restart or a second instance never creates a task twice. It also cancels the open calls of
/// customers who have since asked not to be called.
/// </summary>
public sealed class GenerateFollowUpTasks(AfterSalesDb db, TimeProvider clock, ILogger<GenerateFollowUpTasks> logger)
{
    /// <summary>A complaint on the same asset this long before the order was opened makes the order a complaint re-repair.</summary>
    public static readonly TimeSpan ComplaintLookBack = TimeSpan.FromDays(90);

    public const string SystemName = "system";

    public async Task<FollowUpGenerationRun> HandleAsync(int batchSize, CancellationToken ct)
    {
        var cancelled = await CancelDoNotCallAsync(batchSize, ct);
        var selections = db.Set<FollowUpSelection>().IgnoreQueryFilters();
        var orders = await db.Set<RepairOrder>().IgnoreQueryFilters().AsNoTracking()
            .Include(o => o.Jobs).ThenInclude(j => j.Parts).AsSplitQuery()
            .Where(o => o.Status == RepairOrderStatus.Delivered && o.DeliveredAt != null && !selections.Any(s => s.RepairOrderId == o.Id))
            .OrderBy(o => o.DeliveredAt).ThenBy(o => o.Id)
            .Take(batchSize)
            .ToListAsync(ct);
        if (orders.Count == 0)
        {
            return new FollowUpGenerationRun(0, 0, 0, cancelled);
        }

        var now = clock.GetUtcNow();
        var storeIds = orders.Select(o => o.StoreId).Distinct().ToList();
        var stores = await db.Stores.IgnoreQueryFilters().AsNoTracking().Where(s => storeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var policies = await db.Set<FollowUpPolicy>().AsNoTracking().Where(p => storeIds.Contains(p.StoreId)).ToDictionaryAsync(p => p.StoreId, ct);
        var customerIds = orders.Select(o => o.CustomerId).Distinct().ToList();
        var customers = await db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var linked = await LinkedToComplaintAsync(orders, ct);

        int decided = 0, selected = 0, created = 0;
        foreach (var group in orders.GroupBy(o => (o.StoreId, Period: PeriodOf(o.DeliveredAt!.Value, stores[o.StoreId].Calendar()))))
        {
            var store = stores[group.Key.StoreId];
            var calendar = store.Calendar();
            var policy = policies.GetValueOrDefault(store.Id) ?? FollowUpPolicy.Default(store.Id);
            var tallies = await TalliesAsync(store.Id, group.Key.Period, ct);
            var facts = group.Select(o => Classify(o, customers[o.CustomerId], linked.Contains(o.Id))).ToList();
            var draws = FollowUpSampling.Draw(facts.Where(f => !f.Customer.DoNotCall).Select(f => f.Candidate), policy.CoverageTargetPercent, tallies)
                .ToDictionary(d => d.OrderId);
            foreach (var f in facts.OrderBy(f => f.Order.DeliveredAt).ThenBy(f => f.Order.Id))
            {
                var deliveredOn = DateOnly.FromDateTime(calendar.ToLocal(f.Order.DeliveredAt!.Value).DateTime);
                var draw = draws.GetValueOrDefault(f.Order.Id) ?? new SampleDecision(f.Order.Id, f.Candidate.Stratum.Key, false, SampleReason.DoNotCall);
                db.Add(new FollowUpSelection
                {
                    RepairOrderId = f.Order.Id,
                    StoreId = store.Id,
                    Period = group.Key.Period,
                    StratumKey = draw.StratumKey,
                    OrderType = f.Type,
                    Selected = draw.Selected,
                    Reason = draw.Reason,
                    DeliveredAt = f.Order.DeliveredAt!.Value,
                    DeliveredOn = deliveredOn,
                    DeliveredWeek = WeekOf(deliveredOn),
                    DeliveredMonth = new DateOnly(deliveredOn.Year, deliveredOn.Month, 1),
                    DecidedAt = now,
                });
                var tasks = 0;
                if (draw.Selected)
                {
                    var preferred = FollowUpScheduler.Preference(f.Order.FollowUpPreferredFrom, f.Order.FollowUpPreferredTo, f.Customer.PreferredContactFrom, f.Customer.PreferredContactTo);
                    foreach (var kind in policy.KindsFor(f.Type))
                    {
                        var due = FollowUpScheduler.DueAt(f.Order.DeliveredAt!.Value, kind, calendar, policy.BlockedHours, preferred);
                        db.Add(FollowUpTask.Create(store.Id, f.Order.Id, f.Order.CustomerId, kind, f.Type, due, policy.MaxAttempts, now));
                        tasks++;
                    }
                }

                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException e)
                {
                    // Another instance decided this order first: its decision and tasks stand. The tallies of this
                    // round are now behind, so the round ends here and the next one starts from the database again.
                    logger.LogInformation(e, "Follow-up decision for order {Number} made elsewhere, round ends", f.Order.Number);
                    db.ChangeTracker.Clear();
                    return new FollowUpGenerationRun(decided, selected, created, cancelled);
                }

                decided++;
                selected += draw.Selected ? 1 : 0;
                created += tasks;
            }
        }

        return new FollowUpGenerationRun(decided, selected, created, cancelled);
    }

    /// <summary>The store-local month of a delivery, "yyyy-MM".</summary>
    public static string PeriodOf(DateTimeOffset at, StoreCalendar calendar) => calendar.ToLocal(at).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The Monday of the week of <paramref name="day"/>.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private sealed record Facts(RepairOrder Order, Customer Customer, FollowUpOrderType Type, SampleCandidate Candidate);

    private static Facts Classify(RepairOrder order, Customer customer, bool linkedToComplaint)
    {
        var agreed = order.Jobs.Where(j => j.IsAgreed).ToList();
        var type = FollowUpOrderTypes.Classify(agreed.Select(j => new FollowUpJob(j.Skill, j.PayType)).ToList(), linkedToComplaint);
        var stratum = new FollowUpStratum(customer.Kind, type, order.AdvisorId, FollowUpSampling.BandOf(order.Totals.Total));
        var mustInclude = linkedToComplaint || order.ReworkCount > 0;
        return new Facts(order, customer, type, new SampleCandidate(order.Id, order.DeliveredAt!.Value, stratum, mustInclude));
    }

    /// <summary>Re-repairs a complaint opened, orders a complaint names, or that were opened within <see cref="ComplaintLookBack"/> after a complaint on the same asset.</summary>
    private async Task<HashSet<Guid>> LinkedToComplaintAsync(IReadOnlyList<RepairOrder> orders, CancellationToken ct)
    {
        var numbers = orders.Select(o => o.Number).ToList();
        var assetIds = orders.Select(o => o.AssetId).Distinct().ToList();
        var complaints = await db.Set<Complaint>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => (c.RepairOrderReference != null && numbers.Contains(c.RepairOrderReference)) || (c.AssetId != null && assetIds.Contains(c.AssetId.Value)))
            .Select(c => new { c.RepairOrderReference, c.AssetId, c.ReceivedAt })
            .ToListAsync(ct);
        return orders.Where(o => o.ComplaintId is not null || complaints.Any(c => c.RepairOrderReference == o.Number
                || (c.AssetId == o.AssetId && c.ReceivedAt <= o.OpenedAt && c.ReceivedAt >= o.OpenedAt - ComplaintLookBack)))
            .Select(o => o.Id)
            .ToHashSet();
    }

    /// <summary>The counts so far of each stratum in a store's period; do-not-call decisions do not count (nobody could be called).</summary>
    private async Task<Dictionary<string, StratumTally>> TalliesAsync(Guid storeId, string period, CancellationToken ct)
    {
        var rows = await db.Set<FollowUpSelection>().IgnoreQueryFilters()
            .Where(s => s.StoreId == storeId && s.Period == period && s.Reason != SampleReason.DoNotCall)
            .GroupBy(s => s.StratumKey)
            .Select(g => new { g.Key, Decided = g.Count(), Selected = g.Count(s => s.Selected) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => new StratumTally(r.Decided, r.Selected));
    }

    /// <summary>Open calls of customers who asked not to be called are cancelled, with the system as the actor.</summary>
    private async Task<int> CancelDoNotCallAsync(int batchSize, CancellationToken ct)
    {
        var customers = db.Customers.IgnoreQueryFilters().Where(c => c.DoNotCall);
        var open = await db.Set<FollowUpTask>().IgnoreQueryFilters().Include(t => t.Attempts)
            .Where(t => t.Status == FollowUpTaskStatus.Open && customers.Any(c => c.Id == t.CustomerId))
            .OrderBy(t => t.Id)
            .Take(batchSize)
            .ToListAsync(ct);
        if (open.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        foreach (var task in open)
        {
            task.Record(FollowUpOutcome.Cancel, null, SystemName, null, null, TimeSpan.Zero, t => t, now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An agent recorded a call on one of them at the same moment: the next round looks again.
            db.ChangeTracker.Clear();
            return 0;
        }

        db.ChangeTracker.Clear();
        return open.Count;
    }
}
