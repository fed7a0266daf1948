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
    /// added) received in its period, other than its own complaint and duplicates merged into another: one query.
    /// </summary>
    private async Task<List<Repeats>> CountAsync(List<Guid> ids, CancellationToken ct)
    {
        var complaints = db.Set<Complaint>().IgnoreQueryFilters();
        return await db.Set<CapaAction>().IgnoreQueryFilters()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id,
                Matches = complaints.Where(c => c.Id != a.ComplaintId && c.DuplicateOfId == null
                    && c.ReceivedAt >= a.DoneAt && c.ReceivedAt < EF.Property<DateTimeOffset>(a, CapaActionConfiguration.CheckDueAt)
                    && (a.ScopeStoreId == null || c.StoreId == a.ScopeStoreId)
                    && (a.ScopeCategory == null || c.Category == a.ScopeCategory)
                    && (a.ScopeAssetId == null || c.AssetId == a.ScopeAssetId)
                    && (a.ScopeTechnicianId == null || c.TechnicianId == a.ScopeTechnicianId)),
            })
            .Select(x => new Repeats(x.Id, x.Matches.Count(), x.Matches.OrderBy(c => c.ReceivedAt).Select(c => c.Number).Take(CapaAction.ListedRepeats).ToList()))
            .ToListAsync(ct);
    }
}
