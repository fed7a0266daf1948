using AfterSales.Domain.Parts;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Features.Parts;

public sealed record TransferLineRequest(Guid PartId, decimal Quantity);

public sealed record SendTransferRequest(Guid FromStoreId, Guid ToStoreId, IReadOnlyList<TransferLineRequest> Lines, string? Note = null);

public sealed record ReceiveTransferLineRequest(Guid LineId, decimal Quantity, string? Note = null, string? Bin = null);

public sealed record ReceiveTransferRequest(IReadOnlyList<ReceiveTransferLineRequest>? Lines = null);

public sealed record TransferLineView(Guid Id, Guid PartId, string PartNumber, string PartNameZh, string PartNameEn, decimal Sent, decimal? Received, decimal Discrepancy, string? DiscrepancyNote);

public sealed record TransferView(Guid Id, string Number, Guid FromStoreId, string FromStoreName, Guid ToStoreId, string ToStoreName, TransferStatus Status, DateTimeOffset SentAt, string SentBy, DateTimeOffset? ReceivedAt, string? ReceivedBy, string? Note, bool HasDiscrepancy, IReadOnlyList<TransferLineView> Lines);

/// <summary>Transfers between stores: send (stock leaves the sender), list, read, receive (what arrived enters the receiver; differences are recorded).</summary>
public sealed class Transfers(StockBook book, ICurrentUser user, AccessGuard guard)
{
    private AfterSalesDb Db => book.Db;

    public async Task<IReadOnlyList<TransferView>> ListAsync(Guid? storeId, TransferStatus? status, CancellationToken ct)
    {
        var transfers = Db.Set<StockTransfer>().AsNoTracking().Include(t => t.Lines).AsQueryable();
        if (storeId is { } store)
        {
            transfers = transfers.Where(t => t.FromStoreId == store || t.ToStoreId == store);
        }

        if (status is { } s)
        {
            transfers = transfers.Where(t => t.Status == s);
        }

        var list = await transfers.OrderByDescending(t => t.SentAt).Take(100).ToListAsync(ct);
        var views = new List<TransferView>();
        foreach (var t in list)
        {
            views.Add(await ViewAsync(t, ct));
        }

        return views;
    }

    public async Task<Outcome<TransferView>> GetAsync(Guid id, CancellationToken ct)
    {
        var transfer = await Db.Set<StockTransfer>().AsNoTracking().Include(t => t.Lines).FirstOrDefaultAsync(t => t.Id == id, ct);
        return transfer is null ? await guard.NotFoundAsync<StockTransfer, TransferView>(id, ct) : await ViewAsync(transfer, ct);
    }

    public async Task<Outcome<TransferView>> SendAsync(SendTransferRequest request, CancellationToken ct)
    {
        if (!PartRoles.HandlesStock(user))
        {
            return Outcome<TransferView>.Forbidden();
        }

        if (!user.Scope.Includes(request.FromStoreId))
        {
            return Outcome<TransferView>.Forbidden("common.other_store");
        }

        if (request.FromStoreId == request.ToStoreId || !await Db.Stores.AnyAsync(s => s.Id == request.ToStoreId && s.IsActive, ct))
        {
            return Outcome<TransferView>.Invalid("transfer.destination_invalid", nameof(request.ToStoreId));
        }

        var lines = request.Lines ?? [];
        if (lines.Count == 0 || lines.Count > 200 || lines.Any(l => l.Quantity <= 0 || l.Quantity >= 1_000_000m) || lines.Select(l => l.PartId).Distinct().Count() != lines.Count)
        {
            return Outcome<TransferView>.Invalid("transfer.lines_invalid", nameof(request.Lines));
        }

        if ((request.Note?.Length ?? 0) > StockTransfer.NoteMaxLength)
        {
            return Outcome<TransferView>.Invalid("common.invalid_value", nameof(request.Note));
        }

        var saved = await book.WriteAsync<Guid>(
            async () =>
            {
                await using var transaction = await Db.Database.BeginTransactionAsync(ct);
                var number = await PartsNumbers.NextAsync(Db, "TR", book.Now, ct);
                var partIds = lines.Select(l => l.PartId).ToList();
                var costs = await Db.Set<Part>().Where(p => partIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Cost, ct);
                if (costs.Count != partIds.Count)
                {
                    return Outcome<Guid>.Invalid("stock.part_unknown", nameof(request.Lines));
                }

                var transfer = StockTransfer.Send(number, request.FromStoreId, request.ToStoreId, lines.Select(l => (l.PartId, l.Quantity, costs[l.PartId])), request.Note, user.UserName, book.Now);
                var reference = new StockReference(StockReference.Transfer, transfer.Id, number);
                foreach (var line in lines)
                {
                    var item = await Db.Set<StockItem>().FirstOrDefaultAsync(s => s.StoreId == request.FromStoreId && s.PartId == line.PartId, ct);
                    if (item is null)
                    {
                        return Outcome<Guid>.Invalid("stock.insufficient", nameof(request.Lines));
                    }

                    if (book.Post(item, MovementKind.TransferOut, line.Quantity, costs[line.PartId], reference, request.Note) is { } refusal)
                    {
                        return Outcome<Guid>.Invalid([refusal with { Field = nameof(request.Lines) }]);
                    }
                }

                Db.Add(transfer);
                await Db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return transfer.Id;
            },
            ct);
        return saved.IsOk ? await GetAsync(saved.Value, ct) : saved.As<TransferView>();
    }

    public async Task<Outcome<TransferView>> ReceiveAsync(Guid id, ReceiveTransferRequest request, CancellationToken ct)
    {
        var found = await Db.Set<StockTransfer>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (found is null)
        {
            return await guard.NotFoundAsync<StockTransfer, TransferView>(id, ct);
        }

        if (!PartRoles.HandlesStock(user))
        {
            return Outcome<TransferView>.Forbidden();
        }

        if (!user.Scope.Includes(found.ToStoreId))
        {
            return Outcome<TransferView>.Forbidden("transfer.only_receiver");
        }

        var given = request.Lines ?? [];
        if (given.Any(l => (l.Note?.Length ?? 0) > StockTransfer.NoteMaxLength || (l.Bin?.Length ?? 0) > StockItem.BinMaxLength) || given.Select(l => l.LineId).Distinct().Count() != given.Count)
        {
            return Outcome<TransferView>.Invalid("common.invalid_value", nameof(request.Lines));
        }

        var saved = await book.WriteAsync<bool>(
            async () =>
            {
                var transfer = await Db.Set<StockTransfer>().Include(t => t.Lines).FirstAsync(t => t.Id == id, ct);
                if (transfer.Receive(given.ToDictionary(l => l.LineId, l => (l.Quantity, l.Note)), user.UserName, book.Now) is { } refusal)
                {
                    return refusal.Code == "transfer.not_in_transit" ? Outcome<bool>.Conflict(refusal.Code) : Outcome<bool>.Invalid([refusal]);
                }

                var reference = new StockReference(StockReference.Transfer, transfer.Id, transfer.Number);
                foreach (var line in transfer.Lines.Where(l => l.Received > 0))
                {
                    var bin = given.FirstOrDefault(g => g.LineId == line.Id)?.Bin;
                    var item = await book.ItemAsync(transfer.ToStoreId, line.PartId, bin, ct);
                    var note = line.Discrepancy != 0 ? line.DiscrepancyNote : null;
                    if (book.Post(item, MovementKind.TransferIn, line.Received!.Value, line.UnitCost, reference, note) is { } posting)
                    {
                        return Outcome<bool>.Invalid([posting]);
                    }
                }

                await Db.SaveChangesAsync(ct);
                return true;
            },
            ct);
        return saved.IsOk ? await GetAsync(id, ct) : saved.As<TransferView>();
    }

    private async Task<TransferView> ViewAsync(StockTransfer t, CancellationToken ct)
    {
        var stores = await Db.Stores.AsNoTracking().Where(s => s.Id == t.FromStoreId || s.Id == t.ToStoreId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var partIds = t.Lines.Select(l => l.PartId).ToList();
        var parts = await Db.Set<Part>().AsNoTracking().Where(p => partIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return new TransferView(
            t.Id, t.Number, t.FromStoreId, stores[t.FromStoreId], t.ToStoreId, stores[t.ToStoreId], t.Status, t.SentAt, t.SentBy, t.ReceivedAt, t.ReceivedBy, t.Note, t.HasDiscrepancy,
            t.Lines.Select(l => new TransferLineView(l.Id, l.PartId, parts[l.PartId].Number, parts[l.PartId].NameZh, parts[l.PartId].NameEn, l.Sent, l.Received, l.Discrepancy, l.DiscrepancyNote)).ToList());
    }
}

public sealed record StartCountRequest(Guid StoreId, string? BinPrefix = null);

public sealed record CountedLineRequest(Guid LineId, decimal Counted);

public sealed record SubmitCountRequest(IReadOnlyList<CountedLineRequest> Lines);

public sealed record CountLineView(Guid Id, Guid StockItemId, Guid PartId, string PartNumber, string PartNameZh, string PartNameEn, string Bin, decimal Expected, decimal? Counted, decimal Variance, decimal UnitCost);

public sealed record CountSheetView(Guid Id, string Number, Guid StoreId, string BinPrefix, CountSheetStatus Status, DateTimeOffset StartedAt, string StartedBy, DateTimeOffset? SubmittedAt, string? SubmittedBy, DateTimeOffset? ApprovedAt, string? ApprovedBy, decimal VarianceValue, decimal ApprovalLimit, IReadOnlyList<CountLineView> Lines);

/// <summary>
/// Cycle counts: a count sheet of a store's bins (by bin prefix), the counted quantities, and the adjustments they
/// cause: posted at once within Parts:CountApprovalLimit, otherwise after a manager approves.
/// </summary>
public sealed class CycleCounts(StockBook book, ICurrentUser user, AccessGuard guard, IOptions<PartsOptions> options)
{
    private AfterSalesDb Db => book.Db;

    private decimal Limit => options.Value.CountApprovalLimit;

    public async Task<IReadOnlyList<CountSheetView>> ListAsync(Guid? storeId, CountSheetStatus? status, CancellationToken ct)
    {
        var sheets = Db.Set<CountSheet>().AsNoTracking().Include(c => c.Lines).AsQueryable();
        if (storeId is { } store)
        {
            sheets = sheets.Where(c => c.StoreId == store);
        }

        if (status is { } s)
        {
            sheets = sheets.Where(c => c.Status == s);
        }

        var list = await sheets.OrderByDescending(c => c.StartedAt).Take(50).ToListAsync(ct);
        var views = new List<CountSheetView>();
        foreach (var sheet in list)
        {
            views.Add(await ViewAsync(sheet, ct));
        }

        return views;
    }

    public async Task<Outcome<CountSheetView>> GetAsync(Guid id, CancellationToken ct)
    {
        var sheet = await Db.Set<CountSheet>().AsNoTracking().Include(c => c.Lines).FirstOrDefaultAsync(c => c.Id == id, ct);
        return sheet is null ? await guard.NotFoundAsync<CountSheet, CountSheetView>(id, ct) : await ViewAsync(sheet, ct);
    }

    public async Task<Outcome<CountSheetView>> StartAsync(StartCountRequest request, CancellationToken ct)
    {
        if (!PartRoles.HandlesStock(user))
        {
            return Outcome<CountSheetView>.Forbidden();
        }

        if (!user.Scope.Includes(request.StoreId))
        {
            return Outcome<CountSheetView>.Forbidden("common.other_store");
        }

        var prefix = StockItem.NormalizeBin(request.BinPrefix);
        if (prefix.Length > StockItem.BinMaxLength)
        {
            return Outcome<CountSheetView>.Invalid("stock.bin_too_long", nameof(request.BinPrefix));
        }

        var items = Db.Set<StockItem>().AsNoTracking().Where(s => s.StoreId == request.StoreId);
        if (prefix.Length > 0)
        {
            var upper = SearchIndex.UpperBound(prefix);
            items = items.Where(s => string.Compare(s.Bin, prefix) >= 0 && string.Compare(s.Bin, upper) < 0);
        }

        var rows = await (from s in items
                          join p in Db.Set<Part>() on s.PartId equals p.Id
                          orderby s.Bin, p.Number
                          select new { s.Id, s.PartId, s.Bin, s.OnHand, p.Cost }).Take(500).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return Outcome<CountSheetView>.Invalid("count.no_stock_in_bins", nameof(request.BinPrefix));
        }

        CountSheet sheet;
        await using (var transaction = await Db.Database.BeginTransactionAsync(ct))
        {
            var number = await PartsNumbers.NextAsync(Db, "PD", book.Now, ct);
            sheet = CountSheet.Start(number, request.StoreId, prefix, rows.Select(r => (r.Id, r.PartId, r.Bin, r.OnHand, r.Cost)), user.UserName, book.Now);
            Db.Add(sheet);
            await Db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return await ViewAsync(sheet, ct);
    }

    public async Task<Outcome<CountSheetView>> SubmitAsync(Guid id, SubmitCountRequest request, CancellationToken ct)
    {
        if (!await Db.Set<CountSheet>().AnyAsync(c => c.Id == id, ct))
        {
            return await guard.NotFoundAsync<CountSheet, CountSheetView>(id, ct);
        }

        if (!PartRoles.HandlesStock(user))
        {
            return Outcome<CountSheetView>.Forbidden();
        }

        var counted = request.Lines ?? [];
        if (counted.Select(l => l.LineId).Distinct().Count() != counted.Count || counted.Any(l => l.Counted >= 1_000_000m))
        {
            return Outcome<CountSheetView>.Invalid("common.invalid_value", nameof(request.Lines));
        }

        var saved = await book.WriteAsync<bool>(
            async () =>
            {
                var sheet = await Db.Set<CountSheet>().Include(c => c.Lines).FirstAsync(c => c.Id == id, ct);
                if (sheet.Submit(counted.ToDictionary(l => l.LineId, l => l.Counted), Limit, user.UserName, book.Now) is { } refusal)
                {
                    return refusal.Code == "count.not_counting" ? Outcome<bool>.Conflict(refusal.Code) : Outcome<bool>.Invalid([refusal]);
                }

                if (sheet.Status == CountSheetStatus.Posted && await PostAdjustmentsAsync(sheet, ct) is { } posting)
                {
                    return Outcome<bool>.Invalid([posting]);
                }

                await Db.SaveChangesAsync(ct);
                return true;
            },
            ct);
        return saved.IsOk ? await GetAsync(id, ct) : saved.As<CountSheetView>();
    }

    public async Task<Outcome<CountSheetView>> ApproveAsync(Guid id, CancellationToken ct)
    {
        if (!await Db.Set<CountSheet>().AnyAsync(c => c.Id == id, ct))
        {
            return await guard.NotFoundAsync<CountSheet, CountSheetView>(id, ct);
        }

        if (!PartRoles.ApprovesAdjustments(user))
        {
            return Outcome<CountSheetView>.Forbidden("count.approval_needs_manager");
        }

        var saved = await book.WriteAsync<bool>(
            async () =>
            {
                var sheet = await Db.Set<CountSheet>().Include(c => c.Lines).FirstAsync(c => c.Id == id, ct);
                if (sheet.Approve(user.UserName, book.Now) is { } refusal)
                {
                    return Outcome<bool>.Conflict(refusal.Code);
                }

                if (await PostAdjustmentsAsync(sheet, ct) is { } posting)
                {
                    return Outcome<bool>.Invalid([posting]);
                }

                await Db.SaveChangesAsync(ct);
                return true;
            },
            ct);
        return saved.IsOk ? await GetAsync(id, ct) : saved.As<CountSheetView>();
    }

    private async Task<Domain.Common.FieldError?> PostAdjustmentsAsync(CountSheet sheet, CancellationToken ct)
    {
        var reference = new StockReference(StockReference.CountSheet, sheet.Id, sheet.Number);
        foreach (var line in sheet.Lines.Where(l => l.Variance != 0))
        {
            var item = await Db.Set<StockItem>().FirstAsync(s => s.Id == line.StockItemId, ct);
            if (book.Post(item, MovementKind.CountAdjustment, line.Variance, line.UnitCost, reference, null) is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private async Task<CountSheetView> ViewAsync(CountSheet sheet, CancellationToken ct)
    {
        var partIds = sheet.Lines.Select(l => l.PartId).ToList();
        var parts = await Db.Set<Part>().AsNoTracking().Where(p => partIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return new CountSheetView(
            sheet.Id, sheet.Number, sheet.StoreId, sheet.BinPrefix, sheet.Status, sheet.StartedAt, sheet.StartedBy, sheet.SubmittedAt, sheet.SubmittedBy, sheet.ApprovedAt, sheet.ApprovedBy, sheet.VarianceValue, Limit,
            sheet.Lines.OrderBy(l => l.Bin).ThenBy(l => parts[l.PartId].Number)
                .Select(l => new CountLineView(l.Id, l.StockItemId, l.PartId, parts[l.PartId].Number, parts[l.PartId].NameZh, parts[l.PartId].NameEn, l.Bin, l.Expected, l.Counted, l.Variance, l.UnitCost)).ToList());
    }
}

public sealed record SlowMovingItem(Guid StockItemId, Guid StoreId, Guid PartId, string PartNumber, string PartNameZh, string PartNameEn, string Bin, decimal OnHand, decimal Value, int IdleDays, SlowMovingAction Action, Guid? TargetStoreId, string? TargetStoreName, Guid? SupplierId, string? SupplierName);

public sealed record SlowMovingReport(Guid StoreId, int Days, decimal TotalValue, IReadOnlyList<SlowMovingItem> Items);

/// <summary>Slow-moving stock (呆滞件) of a store: no movement for N days, its value, and what to do with it.</summary>
public sealed class GetSlowMovingStock(AfterSalesDb db, ICurrentUser user, TimeProvider clock, IOptions<PartsOptions> options)
{
    public async Task<Outcome<SlowMovingReport>> HandleAsync(Guid storeId, int? days, CancellationToken ct)
    {
        if (!user.Scope.Includes(storeId))
        {
            return Outcome<SlowMovingReport>.Forbidden("common.other_store");
        }

        var threshold = days ?? options.Value.SlowMovingDays;
        if (threshold is < 1 or > 3650)
        {
            return Outcome<SlowMovingReport>.Invalid("common.invalid_value", nameof(days));
        }

        var now = clock.GetUtcNow();
        var cutoff = now.AddDays(-threshold);
        var idle = await (from s in db.Set<StockItem>().AsNoTracking()
                          join p in db.Set<Part>() on s.PartId equals p.Id
                          where s.StoreId == storeId && s.OnHand > 0 && (s.LastMovementAt ?? s.CreatedAt) <= cutoff
                          orderby s.Bin
                          select new { s.Id, s.PartId, p.Number, p.NameZh, p.NameEn, s.Bin, s.OnHand, s.LastMovementAt, s.CreatedAt, p.Cost }).ToListAsync(ct);
        var partIds = idle.Select(i => i.PartId).ToList();

        // Demand elsewhere in the group decides where a transfer helps: all stores, whoever is asking.
        var recent = now.AddDays(-90);
        var usedElsewhere = await db.Set<StockMovement>().IgnoreQueryFilters().AsNoTracking()
            .Where(m => partIds.Contains(m.PartId) && m.StoreId != storeId && m.Kind == MovementKind.IssueToJob && m.At >= recent)
            .GroupBy(m => new { m.PartId, m.StoreId })
            .Select(g => new { g.Key.PartId, g.Key.StoreId, Issued = -g.Sum(m => m.Quantity) })
            .ToListAsync(ct);
        var lastReceipts = await (from l in db.Set<PurchaseOrderLine>()
                                  join o in db.Set<PurchaseOrder>() on l.PurchaseOrderId equals o.Id
                                  where o.StoreId == storeId && partIds.Contains(l.PartId) && l.Received > 0
                                  select new { l.PartId, o.SupplierId, o.LastReceivedAt }).ToListAsync(ct);
        var stores = await db.Stores.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var suppliers = await db.Set<Supplier>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);

        var items = new List<SlowMovingItem>();
        foreach (var i in idle)
        {
            var taker = usedElsewhere.Where(u => u.PartId == i.PartId).OrderByDescending(u => u.Issued).FirstOrDefault();
            var receipt = lastReceipts.Where(r => r.PartId == i.PartId).OrderByDescending(r => r.LastReceivedAt).FirstOrDefault();
            var verdict = SlowMovingRule.Judge(new SlowMovingInput(i.OnHand, i.LastMovementAt, i.CreatedAt, taker?.StoreId, receipt?.SupplierId, receipt?.LastReceivedAt), now, threshold, options.Value.SupplierReturnDays);
            if (verdict is null)
            {
                continue;
            }

            items.Add(new SlowMovingItem(
                i.Id, storeId, i.PartId, i.Number, i.NameZh, i.NameEn, i.Bin, i.OnHand, i.OnHand * i.Cost, verdict.IdleDays, verdict.Action,
                verdict.TargetStoreId, verdict.TargetStoreId is { } t ? stores.GetValueOrDefault(t) : null,
                verdict.SupplierId, verdict.SupplierId is { } sup ? suppliers.GetValueOrDefault(sup) : null));
        }

        var ordered = items.OrderByDescending(i => i.Value).ToList();
        return new SlowMovingReport(storeId, threshold, ordered.Sum(i => i.Value), ordered);
    }
}
