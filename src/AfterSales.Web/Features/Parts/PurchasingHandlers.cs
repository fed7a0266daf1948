using AfterSales.Domain.Parts;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Parts;

public sealed record SupplierView(Guid Id, string Code, string Name, string? ContactPerson, string? Phone, int LeadTimeDays, bool IsActive, int Version)
{
    public static SupplierView From(Supplier s) => new(s.Id, s.Code, s.Name, s.ContactPerson, s.Phone, s.LeadTimeDays, s.IsActive, s.Version);
}

public sealed record SaveSupplierRequest(string Code, string Name, string? ContactPerson, string? Phone, int LeadTimeDays, bool IsActive = true, int Version = 0);

public sealed class Suppliers(AfterSalesDb db, ICurrentUser user, TimeProvider clock)
{
    public async Task<IReadOnlyList<SupplierView>> ListAsync(CancellationToken ct) =>
        (await db.Set<Supplier>().AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct)).Select(SupplierView.From).ToList();

    public async Task<Outcome<SupplierView>> SaveAsync(Guid? id, SaveSupplierRequest request, CancellationToken ct)
    {
        if (!PartRoles.ManagesCatalogue(user))
        {
            return Outcome<SupplierView>.Forbidden();
        }

        var errors = new List<Domain.Common.FieldError>();
        if (string.IsNullOrWhiteSpace(request.Code) || request.Code.Trim().Length > Supplier.CodeMaxLength)
        {
            errors.Add(new("supplier.code_invalid", nameof(request.Code)));
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > Supplier.NameMaxLength)
        {
            errors.Add(new("supplier.name_invalid", nameof(request.Name)));
        }

        if (request.LeadTimeDays is < 0 or > 365)
        {
            errors.Add(new("supplier.lead_time_invalid", nameof(request.LeadTimeDays)));
        }

        if ((request.ContactPerson?.Length ?? 0) > Supplier.ContactMaxLength || (request.Phone?.Length ?? 0) > 20)
        {
            errors.Add(new("common.invalid_value", nameof(request.Phone)));
        }

        if (errors.Count > 0)
        {
            return Outcome<SupplierView>.Invalid(errors);
        }

        Supplier supplier;
        if (id is { } existing)
        {
            var found = await db.Set<Supplier>().FirstOrDefaultAsync(s => s.Id == existing, ct);
            if (found is null)
            {
                return Outcome<SupplierView>.NotFound();
            }

            supplier = found;
            db.Entry(supplier).Property(s => s.Version).OriginalValue = request.Version;
            supplier.Update(request.Code, request.Name, request.ContactPerson, request.Phone, request.LeadTimeDays, request.IsActive);
        }
        else
        {
            supplier = Supplier.Create(request.Code, request.Name, request.ContactPerson, request.Phone, request.LeadTimeDays, clock.GetUtcNow());
            db.Add(supplier);
        }

        if (await db.Set<Supplier>().AnyAsync(s => s.Code == supplier.Code && s.Id != supplier.Id, ct))
        {
            return Outcome<SupplierView>.Invalid("supplier.code_taken", nameof(request.Code));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<SupplierView>.Conflict("supplier.changed_by_someone_else");
        }

        return SupplierView.From(supplier);
    }
}

public sealed record PurchaseLineRequest(Guid PartId, decimal Quantity, decimal? UnitCost = null);

public sealed record PlacePurchaseOrderRequest(Guid StoreId, Guid SupplierId, IReadOnlyList<PurchaseLineRequest> Lines, DateTimeOffset? ExpectedAt = null);

public sealed record PurchaseOrderLineView(Guid Id, int LineNumber, Guid PartId, string PartNumber, string PartNameZh, string PartNameEn, decimal Ordered, decimal Received, decimal Outstanding, decimal UnitCost);

public sealed record PurchaseOrderView(
    Guid Id,
    string Number,
    Guid StoreId,
    Guid SupplierId,
    string SupplierName,
    PurchaseOrderStatus Status,
    DateTimeOffset OrderedAt,
    string OrderedBy,
    DateTimeOffset? ExpectedAt,
    DateTimeOffset? LastReceivedAt,
    decimal Total,
    IReadOnlyList<PurchaseOrderLineView> Lines,
    int Version);

public sealed record ReceiveLineRequest(Guid LineId, decimal Quantity, string? Bin = null);

public sealed record ReceivePurchaseOrderRequest(IReadOnlyList<ReceiveLineRequest> Lines, string? DeliveryNote = null);

public sealed record SearchPurchaseOrdersRequest(Guid? StoreId = null, PurchaseOrderStatus? Status = null, bool? OpenOnly = null, int? Page = null, int? PageSize = null);

public sealed record PurchaseOrderListItem(Guid Id, string Number, Guid StoreId, string SupplierName, PurchaseOrderStatus Status, DateTimeOffset OrderedAt, DateTimeOffset? ExpectedAt, int LineCount);

/// <summary>Purchase orders: place, list, read, receive (partial receipts allowed; each receipt is a ledger movement), cancel.</summary>
public sealed class PurchaseOrders(StockBook book, ICurrentUser user, AccessGuard guard)
{
    private AfterSalesDb Db => book.Db;

    public async Task<Page<PurchaseOrderListItem>> SearchAsync(SearchPurchaseOrdersRequest request, CancellationToken ct)
    {
        var (page, size) = Paging.Clamp(request.Page, request.PageSize);
        var orders = Db.Set<PurchaseOrder>().AsNoTracking();
        if (request.StoreId is { } storeId)
        {
            orders = orders.Where(o => o.StoreId == storeId);
        }

        if (request.Status is { } status)
        {
            orders = orders.Where(o => o.Status == status);
        }

        if (request.OpenOnly == true)
        {
            orders = orders.Where(o => o.Status == PurchaseOrderStatus.Open || o.Status == PurchaseOrderStatus.PartiallyReceived);
        }

        var total = await orders.CountAsync(ct);
        var rows = await (from o in orders
                          join s in Db.Set<Supplier>() on o.SupplierId equals s.Id
                          orderby o.OrderedAt descending
                          select new { o.Id, o.Number, o.StoreId, s.Name, o.Status, o.OrderedAt, o.ExpectedAt, Lines = o.Lines.Count })
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<PurchaseOrderListItem>(rows.Select(r => new PurchaseOrderListItem(r.Id, r.Number, r.StoreId, r.Name, r.Status, r.OrderedAt, r.ExpectedAt, r.Lines)).ToList(), page, size, total);
    }

    public async Task<Outcome<PurchaseOrderView>> GetAsync(Guid id, CancellationToken ct)
    {
        var order = await Db.Set<PurchaseOrder>().AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, ct);
        return order is null ? await guard.NotFoundAsync<PurchaseOrder, PurchaseOrderView>(id, ct) : await ViewAsync(order, ct);
    }

    public async Task<Outcome<PurchaseOrderView>> PlaceAsync(PlacePurchaseOrderRequest request, CancellationToken ct)
    {
        if (!PartRoles.HandlesStock(user))
        {
            return Outcome<PurchaseOrderView>.Forbidden();
        }

        if (!user.Scope.Includes(request.StoreId))
        {
            return Outcome<PurchaseOrderView>.Forbidden("common.other_store");
        }

        var lines = request.Lines ?? [];
        if (lines.Count == 0 || lines.Count > 200)
        {
            return Outcome<PurchaseOrderView>.Invalid("purchase.lines_required", nameof(request.Lines));
        }

        if (lines.Any(l => l.Quantity <= 0 || l.Quantity >= 1_000_000m || l.UnitCost < 0))
        {
            return Outcome<PurchaseOrderView>.Invalid("stock.quantity_positive", nameof(request.Lines));
        }

        if (!await Db.Set<Supplier>().AnyAsync(s => s.Id == request.SupplierId && s.IsActive, ct))
        {
            return Outcome<PurchaseOrderView>.Invalid("purchase.supplier_unknown", nameof(request.SupplierId));
        }

        var partIds = lines.Select(l => l.PartId).Distinct().ToList();
        var costs = await Db.Set<Part>().Where(p => partIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Cost, ct);
        if (costs.Count != partIds.Count)
        {
            return Outcome<PurchaseOrderView>.Invalid("stock.part_unknown", nameof(request.Lines));
        }

        PurchaseOrder order;
        await using (var transaction = await Db.Database.BeginTransactionAsync(ct))
        {
            var number = await PartsNumbers.NextAsync(Db, "PO", book.Now, ct);
            order = PurchaseOrder.Place(number, request.StoreId, request.SupplierId, lines.Select(l => (l.PartId, l.Quantity, l.UnitCost ?? costs[l.PartId])), request.ExpectedAt, user.UserName, book.Now);
            Db.Add(order);
            await Db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return await ViewAsync(order, ct);
    }

    public async Task<Outcome<PurchaseOrderView>> ReceiveAsync(Guid id, ReceivePurchaseOrderRequest request, CancellationToken ct)
    {
        if (!await Db.Set<PurchaseOrder>().AnyAsync(o => o.Id == id, ct))
        {
            return await guard.NotFoundAsync<PurchaseOrder, PurchaseOrderView>(id, ct);
        }

        if (!PartRoles.HandlesStock(user))
        {
            return Outcome<PurchaseOrderView>.Forbidden();
        }

        var lines = (request.Lines ?? []).Where(l => l.Quantity != 0).ToList();
        if (lines.Count == 0)
        {
            return Outcome<PurchaseOrderView>.Invalid("purchase.nothing_received", nameof(request.Lines));
        }

        if (lines.Any(l => (l.Bin?.Length ?? 0) > StockItem.BinMaxLength) || (request.DeliveryNote?.Length ?? 0) > StockReference.NumberMaxLength)
        {
            return Outcome<PurchaseOrderView>.Invalid("common.invalid_value", nameof(request.Lines));
        }

        var saved = await book.WriteAsync<bool>(
            async () =>
            {
                var order = await Db.Set<PurchaseOrder>().Include(o => o.Lines).FirstAsync(o => o.Id == id, ct);
                var reference = new StockReference(StockReference.PurchaseOrder, order.Id, order.Number);
                foreach (var received in lines)
                {
                    if (order.Receive(received.LineId, received.Quantity, book.Now) is { } refusal)
                    {
                        return refusal.Code == "purchase.not_open" ? Outcome<bool>.Conflict(refusal.Code) : Outcome<bool>.Invalid([refusal]);
                    }

                    var line = order.Lines.First(l => l.Id == received.LineId);
                    var item = await book.ItemAsync(order.StoreId, line.PartId, received.Bin, ct);
                    if (book.Post(item, MovementKind.Receipt, received.Quantity, line.UnitCost, reference, request.DeliveryNote) is { } posting)
                    {
                        return Outcome<bool>.Invalid([posting]);
                    }
                }

                await Db.SaveChangesAsync(ct);
                return true;
            },
            ct);
        return saved.IsOk ? await GetAsync(id, ct) : saved.As<PurchaseOrderView>();
    }

    public async Task<Outcome<PurchaseOrderView>> CancelAsync(Guid id, CancellationToken ct)
    {
        var order = await Db.Set<PurchaseOrder>().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return await guard.NotFoundAsync<PurchaseOrder, PurchaseOrderView>(id, ct);
        }

        if (!PartRoles.HandlesStock(user))
        {
            return Outcome<PurchaseOrderView>.Forbidden();
        }

        if (order.Cancel() is { } refusal)
        {
            return Outcome<PurchaseOrderView>.Conflict(refusal.Code);
        }

        await Db.SaveChangesAsync(ct);
        return await ViewAsync(order, ct);
    }

    private async Task<PurchaseOrderView> ViewAsync(PurchaseOrder order, CancellationToken ct)
    {
        var supplier = await Db.Set<Supplier>().Where(s => s.Id == order.SupplierId).Select(s => s.Name).FirstAsync(ct);
        var partIds = order.Lines.Select(l => l.PartId).ToList();
        var parts = await Db.Set<Part>().AsNoTracking().Where(p => partIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return new PurchaseOrderView(
            order.Id, order.Number, order.StoreId, order.SupplierId, supplier, order.Status, order.OrderedAt, order.OrderedBy, order.ExpectedAt, order.LastReceivedAt, order.Total,
            order.Lines.OrderBy(l => l.LineNumber).Select(l => new PurchaseOrderLineView(l.Id, l.LineNumber, l.PartId, parts[l.PartId].Number, parts[l.PartId].NameZh, parts[l.PartId].NameEn, l.Ordered, l.Received, l.Outstanding, l.UnitCost)).ToList(),
            order.Version);
    }
}

public sealed record ReorderSuggestion(Guid StockItemId, Guid PartId, string PartNumber, string PartNameZh, string PartNameEn, string Bin, decimal OnHand, decimal Reserved, decimal OnOrder, decimal MinQuantity, decimal MaxQuantity, decimal IssuedLast30Days, decimal SuggestedQuantity, decimal UnitCost);

/// <summary>Reorder suggestions of a store from min/max levels, open purchase orders and the last 30 days' issues.</summary>
public sealed class GetReorderSuggestions(AfterSalesDb db, ICurrentUser user, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<ReorderSuggestion>>> HandleAsync(Guid storeId, int? leadTimeDays, CancellationToken ct)
    {
        if (!user.Scope.Includes(storeId))
        {
            return Outcome<IReadOnlyList<ReorderSuggestion>>.Forbidden("common.other_store");
        }

        var since = clock.GetUtcNow().AddDays(-30);
        var stock = await (from s in db.Set<StockItem>().AsNoTracking()
                           join p in db.Set<Part>() on s.PartId equals p.Id
                           where s.StoreId == storeId && p.IsActive
                           select new { s.Id, s.PartId, p.Number, p.NameZh, p.NameEn, s.Bin, s.OnHand, s.Reserved, s.MinQuantity, s.MaxQuantity, p.Cost }).ToListAsync(ct);
        var demand = await db.Set<StockMovement>().AsNoTracking()
            .Where(m => m.StoreId == storeId && m.At >= since && (m.Kind == MovementKind.IssueToJob || m.Kind == MovementKind.ReturnFromJob))
            .GroupBy(m => m.PartId)
            .Select(g => new { PartId = g.Key, Net = -g.Sum(m => m.Quantity) })
            .ToDictionaryAsync(g => g.PartId, g => Math.Max(0, g.Net), ct);
        var onOrder = await (from l in db.Set<PurchaseOrderLine>()
                             join o in db.Set<PurchaseOrder>() on l.PurchaseOrderId equals o.Id
                             where o.StoreId == storeId && (o.Status == PurchaseOrderStatus.Open || o.Status == PurchaseOrderStatus.PartiallyReceived)
                             group l by l.PartId into g
                             select new { PartId = g.Key, Outstanding = g.Sum(l => l.Ordered - l.Received) }).ToDictionaryAsync(g => g.PartId, g => g.Outstanding, ct);
        var lead = leadTimeDays ?? 7;
        return stock
            .Select(s =>
            {
                var issued = demand.GetValueOrDefault(s.PartId);
                var ordered = onOrder.GetValueOrDefault(s.PartId);
                var quantity = ReorderRule.Suggest(new ReorderInput(s.OnHand, s.Reserved, ordered, s.MinQuantity, s.MaxQuantity, issued, lead));
                return new ReorderSuggestion(s.Id, s.PartId, s.Number, s.NameZh, s.NameEn, s.Bin, s.OnHand, s.Reserved, ordered, s.MinQuantity, s.MaxQuantity, issued, quantity, s.Cost);
            })
            .Where(s => s.SuggestedQuantity > 0)
            .OrderBy(s => s.PartNumber)
            .ToList();
    }
}
