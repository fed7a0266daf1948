using AfterSales.Domain.Complaints;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints.Capa;

public sealed record CapaCheckRun(int Checked, int Effective, int NotEffective, int Skipped);

/// <summary>
/// One round of the effectiveness job (有效性验证): every counted action that is done, not yet checked and whose check
/// date has begun in its store is judged by the repeats in its scope received from its done time until the start of
/// its check date. The repeats of the whole batch are counted in one grouped query; each action is then saved on its
/// own version, so a second instance that judged it first wins and this one skips it.
/// </summary>
public sealed class CheckCapaEffectiveness(AfterSalesDb db, TimeProvider clock, ILogger<CheckCapaEffectiveness> logger)
{
    private sealed record Repeats(Guid CapaId, int Count, List<string> Numbers);

    public async Task<CapaCheckRun> HandleAsync(int batchSize, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await DueQuery(now)
            .OrderBy(a => EF.Property<DateTimeOffset>(a, CapaActionConfiguration.CheckDueAt)).ThenBy(a => a.Id)
            .Take(batchSize)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return new CapaCheckRun(0, 0, 0, 0);
        }

        var ids = due.Select(a => a.Id).ToList();
        var counted = (await CountAsync(ids, ct)).ToDictionary(r => r.CapaId);
        var zones = await db.Stores.IgnoreQueryFilters().Where(s => due.Select(a => a.StoreId).Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.TimeZoneId, ct);

        int effective = 0, notEffective = 0, skipped = 0;
        foreach (var capa in due)
        {
            var repeats = counted.GetValueOrDefault(capa.Id) ?? new Repeats(capa.Id, 0, []);
            var until = db.Entry(capa).Property<DateTimeOffset>(CapaActionConfiguration.CheckDueAt).CurrentValue;
            var today = ComplaintCapas.DayIn(ComplaintCapas.ZoneOf(zones.GetValueOrDefault(capa.StoreId)), now);

            // The count is exact; only the first numbers are kept (the query returns no more than that).
            var numbers = repeats.Numbers.Concat(Enumerable.Repeat(string.Empty, Math.Max(0, repeats.Count - repeats.Numbers.Count))).ToList();
            if (!capa.RecordCount(numbers, capa.DoneAt!.Value, until, today, now))
            {
                skipped++;
                continue;
            }

            try
            {
                await db.SaveChangesAsync(ct);
                if (capa.Status == CapaStatus.VerifiedEffective)
                {
                    effective++;
                }
                else
                {
                    notEffective++;
                }
            }
            catch (DbUpdateConcurrencyException e)
            {
                // Another instance judged it (or someone changed it) since this round picked it: its result stands.
                logger.LogInformation(e, "CAPA {Id}: effectiveness checked elsewhere, skipped", capa.Id);
                db.Entry(capa).State = EntityState.Detached;
                skipped++;
            }
        }

        return new CapaCheckRun(due.Count, effective, notEffective, skipped);
    }

    private IQueryable<CapaAction> DueQuery(DateTimeOffset now) =>
        db.Set<CapaAction>().IgnoreQueryFilters()
            .Where(a => a.Status == CapaStatus.Done && a.Measure != CapaMeasure.Manual && a.CheckedAt == null && a.DoneAt != null
                && EF.Property<DateTimeOffset>(a, CapaActionConfiguration.CheckDueAt) <= now);

    /// <summary>
    /// For each action, the complaints in its scope (its store, category, asset or technician, as fixed when it was
    /// added) received in its period, other than its own complaint and duplicates merged into another: one joined
    /// query for the whole batch (SQLite has no APPLY for a per-row subquery), counted per action here.
    /// </summary>
    private async Task<List<Repeats>> CountAsync(List<Guid> ids, CancellationToken ct)
    {
        var complaints = db.Set<Complaint>().IgnoreQueryFilters();
        var matches = await db.Set<CapaAction>().IgnoreQueryFilters()
            .Where(a => ids.Contains(a.Id))
            .SelectMany(a => complaints, (a, c) => new { a, c })
            .Where(x => x.c.Id != x.a.ComplaintId && x.c.DuplicateOfId == null
                && x.c.ReceivedAt >= x.a.DoneAt && x.c.ReceivedAt < EF.Property<DateTimeOffset>(x.a, CapaActionConfiguration.CheckDueAt)
                && (x.a.ScopeStoreId == null || x.c.StoreId == x.a.ScopeStoreId)
                && (x.a.ScopeCategory == null || x.c.Category == x.a.ScopeCategory)
                && (x.a.ScopeAssetId == null || x.c.AssetId == x.a.ScopeAssetId)
                && (x.a.ScopeTechnicianId == null || x.c.TechnicianId == x.a.ScopeTechnicianId))
            .Select(x => new { CapaId = x.a.Id, x.c.Number, x.c.ReceivedAt })
            .ToListAsync(ct);
        return matches.GroupBy(m => m.CapaId)
            .Select(g => new Repeats(g.Key, g.Count(), g.OrderBy(m => m.ReceivedAt).Select(m => m.Number).Take(CapaAction.ListedRepeats).ToList()))
            .ToList();
    }
}
