using AfterSales.Domain.Assets;
using AfterSales.Domain.Quality;
using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Quality;

public sealed record CheckedItemView(string Text, bool Safety, bool Passed, string? Note, Guid? RepairJobId);

public sealed record QualityCheckView(
    Guid Id, Guid? RepairJobId, QualityLevel Level, bool Passed, DateTimeOffset At, string UserName, IReadOnlyList<CheckedItemView> Items,
    string? Reason, ResponsibleParty? ResponsibleParty, string? Notes, RoadTest? RoadTest)
{
    public static QualityCheckView From(QualityCheck c) => new(
        c.Id, c.RepairJobId, c.Level, c.Passed, c.At, c.UserName,
        c.Items.Select(i => new CheckedItemView(ChecklistTexts.Pick(i.TextZh, i.TextEn), i.Safety, i.Passed, i.Note, i.RepairJobId)).ToList(),
        c.Reason, c.ResponsibleParty, c.Notes, c.RoadTest);
}

public sealed record ReworkView(Guid Id, Guid RepairJobId, QualityLevel Level, string Reason, ResponsibleParty ResponsibleParty, string? TechnicianName, DateTimeOffset At, string ByUserName)
{
    public static ReworkView From(ReworkRecord r) => new(r.Id, r.RepairJobId, r.Level, r.Reason, r.ResponsibleParty, r.TechnicianName, r.At, r.ByUserName);
}

/// <summary>A job with the checklist it is checked against.</summary>
public sealed record JobChecklistView(RepairJobView Job, AppliedChecklistView Checklist);

/// <summary>Everything quality control knows about one job: where it is, its checklist and every check so far.</summary>
public sealed record JobQualityView(
    Guid OrderId, string OrderNumber, RepairOrderStatus OrderStatus, int OrderVersion, string AssetName, AssetKind AssetKind, string? Plate,
    RepairJobView Job, AppliedChecklistView Checklist, IReadOnlyList<QualityCheckView> Checks, IReadOnlyList<ReworkView> Reworks);

/// <summary>Everything quality control knows about one order: its jobs with their checklists, the checks, the rework and the unfixed issues.</summary>
public sealed record OrderQualityView(
    Guid OrderId, string Number, RepairOrderStatus Status, int Version, Guid StoreId, string AssetName, AssetKind AssetKind, string? Plate, string CustomerWords,
    int? MileageKm, bool RoadTestRequired, int ReworkCount, IReadOnlyList<JobChecklistView> Jobs, IReadOnlyList<QualityCheckView> Checks,
    IReadOnlyList<ReworkView> Reworks, IReadOnlyList<UnfixedIssueView> UnfixedIssues)
{
    /// <summary>Whether the order holds a passed final inspection (the condition of reaching Inspected).</summary>
    public bool HasPassedFinalInspection => Checks.Any(c => c.Level == QualityLevel.FinalInspection && c.Passed);
}

public sealed class GetJobQuality(AfterSalesDb db, ICurrentUser user, AccessGuard guard)
{
    public async Task<Outcome<JobQualityView>> HandleAsync(Guid jobId, CancellationToken ct)
    {
        var orderId = await db.Set<RepairJob>().AsNoTracking().Where(j => j.Id == jobId).Select(j => (Guid?)j.RepairOrderId).FirstOrDefaultAsync(ct);
        var order = orderId is { } id ? await RepairOrderViews.LoadAsync(db, id, tracking: false, ct) : null;
        if (order is null)
        {
            // The job belongs to its order: a refused look is logged against the order, as for the order's other endpoints.
            return orderId is { } other
                ? await guard.NotFoundAsync<RepairOrder, JobQualityView>(other, ct)
                : Outcome<JobQualityView>.NotFound();
        }

        var view = await RepairOrderViews.ViewAsync(db, order, user.SeesFullContact, ct);
        var job = order.FindJob(jobId)!;
        var checklist = QualityChecklist.For(await ChecklistTexts.ActiveAsync(db, ct), job.Skill, job.OperationCode);
        var checks = await db.Set<QualityCheck>().AsNoTracking().Where(c => c.RepairOrderId == order.Id).OrderBy(c => c.At).ToListAsync(ct);
        var reworks = await db.Set<ReworkRecord>().AsNoTracking().Where(r => r.RepairJobId == jobId).OrderBy(r => r.At).ToListAsync(ct);
        return new JobQualityView(
            order.Id, order.Number, order.Status, order.Version, view.AssetName, view.AssetKind, view.Plate, view.Jobs.Single(j => j.Id == jobId), AppliedChecklistView.From(checklist),
            checks.Where(c => c.RepairJobId == jobId || c.Items.Any(i => i.RepairJobId == jobId)).Select(QualityCheckView.From).ToList(),
            reworks.Select(ReworkView.From).ToList());
    }
}

public sealed class GetOrderQuality(AfterSalesDb db, ICurrentUser user, AccessGuard guard)
{
    public async Task<Outcome<OrderQualityView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var order = await RepairOrderViews.LoadAsync(db, id, tracking: false, ct);
        if (order is null)
        {
            return await guard.NotFoundAsync<RepairOrder, OrderQualityView>(id, ct);
        }

        var view = await RepairOrderViews.ViewAsync(db, order, user.SeesFullContact, ct);
        var checklists = await ChecklistTexts.ActiveAsync(db, ct);
        var jobs = order.Jobs.OrderBy(j => j.Position)
            .Select(j => new JobChecklistView(view.Jobs.Single(v => v.Id == j.Id), AppliedChecklistView.From(QualityChecklist.For(checklists, j.Skill, j.OperationCode))))
            .ToList();
        var checks = await db.Set<QualityCheck>().AsNoTracking().Where(c => c.RepairOrderId == id).OrderBy(c => c.At).ToListAsync(ct);
        var reworks = await db.Set<ReworkRecord>().AsNoTracking().Where(r => r.RepairOrderId == id).OrderBy(r => r.At).ToListAsync(ct);
        var issues = await UnfixedIssues.ForOrderAsync(db, id, ct);
        return new OrderQualityView(
            order.Id, order.Number, order.Status, order.Version, order.StoreId, view.AssetName, view.AssetKind, view.Plate, order.CustomerWords, order.MileageKm,
            await QualityRecords.NeedsRoadTestAsync(db, order, checklists, ct), order.ReworkCount, jobs,
            checks.Select(QualityCheckView.From).ToList(), reworks.Select(ReworkView.From).ToList(), issues);
    }
}

public sealed record QueueJob(Guid OrderId, string OrderNumber, Guid JobId, string JobName, string OperationCode, string? TechnicianName, int ReworkCount, string? Plate, string AssetName, DateTimeOffset? PromisedAt, DateTimeOffset? FinishedAt);

public sealed record QueueOrder(Guid OrderId, string OrderNumber, string? Plate, string AssetName, int JobCount, int ReworkCount, DateTimeOffset? PromisedAt, DateTimeOffset? WaitingSince);

/// <summary>What quality control has to do now: jobs finished and waiting for the team lead, orders waiting for final inspection.</summary>
public sealed record QualityQueueView(IReadOnlyList<QueueJob> AwaitingTeamLeadCheck, IReadOnlyList<QueueOrder> AwaitingFinalInspection);

public sealed record TechnicianRework(Guid? TechnicianId, string TechnicianName, int Count, int AtTeamLeadCheck, int AtFinalInspection);

public sealed record PartyRework(ResponsibleParty ResponsibleParty, int Count);

/// <summary>Rework (返工) in a period: per technician whose work it was, and per responsible party.</summary>
public sealed record ReworkStatsView(DateTimeOffset From, DateTimeOffset To, int Total, IReadOnlyList<TechnicianRework> ByTechnician, IReadOnlyList<PartyRework> ByParty);

public sealed class GetQualityQueue(AfterSalesDb db)
{
    public async Task<QualityQueueView> HandleAsync(Guid? storeId, CancellationToken ct)
    {
        var orders = db.Set<RepairOrder>().AsNoTracking().Include(o => o.Jobs)
            .Where(o => o.Status == RepairOrderStatus.InWorkshop || o.Status == RepairOrderStatus.FinalInspection);
        if (storeId is { } store)
        {
            orders = orders.Where(o => o.StoreId == store);
        }

        var rows = await orders.OrderBy(o => o.PromisedAt).Take(500).ToListAsync(ct);
        var assetIds = rows.Select(o => o.AssetId).Distinct().ToList();
        var assets = await db.Assets.IgnoreQueryFilters().AsNoTracking().Where(a => assetIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var orderIds = rows.Select(o => o.Id).ToList();
        var moves = await db.Set<RepairJobStatusChange>().AsNoTracking()
            .Where(h => orderIds.Contains(h.RepairOrderId) && (h.To == RepairJobStatus.Done || h.To == RepairJobStatus.Checked))
            .ToListAsync(ct);
        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        var jobs = rows.Where(o => o.Status == RepairOrderStatus.InWorkshop)
            .SelectMany(o => o.Jobs.Where(j => j.Status == RepairJobStatus.Done).Select(j => new QueueJob(
                o.Id, o.Number, j.Id, Domain.Labour.LabourOperation.Name(j.NameZh, j.NameEn, culture), j.OperationCode, j.TechnicianName, j.ReworkCount,
                assets[o.AssetId].Plate, assets[o.AssetId].DisplayName, o.PromisedAt,
                moves.Where(m => m.RepairJobId == j.Id && m.To == RepairJobStatus.Done).Select(m => (DateTimeOffset?)m.At).Max())))
            .OrderBy(j => j.FinishedAt)
            .ToList();
        var waiting = rows.Where(o => o.Status == RepairOrderStatus.FinalInspection)
            .Select(o => new QueueOrder(
                o.Id, o.Number, assets[o.AssetId].Plate, assets[o.AssetId].DisplayName, o.Jobs.Count(j => j.IsAgreed), o.ReworkCount, o.PromisedAt,
                moves.Where(m => m.RepairOrderId == o.Id && m.To == RepairJobStatus.Checked).Select(m => (DateTimeOffset?)m.At).Max()))
            .OrderBy(o => o.WaitingSince)
            .ToList();
        return new QualityQueueView(jobs, waiting);
    }
}

public sealed class GetReworkStats(AfterSalesDb db, TimeProvider clock)
{
    public const int DefaultDays = 30;

    public async Task<ReworkStatsView> HandleAsync(DateTimeOffset? from, DateTimeOffset? to, Guid? storeId, CancellationToken ct)
    {
        var until = to ?? clock.GetUtcNow();
        var since = from ?? until.AddDays(-DefaultDays);
        var records = db.Set<ReworkRecord>().AsNoTracking().Where(r => r.At >= since && r.At <= until);
        if (storeId is { } store)
        {
            records = records.Where(r => r.StoreId == store);
        }

        var rows = await records.ToListAsync(ct);
        var byTechnician = rows.GroupBy(r => r.TechnicianId)
            .Select(g => new TechnicianRework(
                g.Key, g.Select(r => r.TechnicianName).FirstOrDefault(n => n is not null) ?? string.Empty, g.Count(),
                g.Count(r => r.Level == QualityLevel.TeamLeadCheck), g.Count(r => r.Level == QualityLevel.FinalInspection)))
            .OrderByDescending(t => t.Count).ThenBy(t => t.TechnicianName, StringComparer.Ordinal)
            .ToList();
        var byParty = rows.GroupBy(r => r.ResponsibleParty).Select(g => new PartyRework(g.Key, g.Count())).OrderByDescending(p => p.Count).ToList();
        return new ReworkStatsView(since, until, rows.Count, byTechnician, byParty);
    }
}
