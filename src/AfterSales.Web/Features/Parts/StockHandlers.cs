using AfterSales.Domain.Parts;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Parts;

/// <summary>The stock list of the user's stores: by store, bin prefix, part number or name prefix; optionally only rows below their reorder point.</summary>
public sealed record SearchStockRequest(Guid? StoreId = null, string? Q = null, string? Bin = null, bool? BelowMin = null, bool? InStockOnly = null, int? Page = null, int? PageSize = null);

public sealed class SearchStock(AfterSalesDb db)
{
    public async Task<Page<StockRow>> HandleAsync(SearchStockRequest request, CancellationToken ct)
    {
        var (page, size) = Paging.Clamp(request.Page, request.PageSize);
        var stock = db.Set<StockItem>().AsQueryable();
        if (request.StoreId is { } storeId)
        {
            stock = stock.Where(s => s.StoreId == storeId);
        }

        var bin = StockItem.NormalizeBin(request.Bin);
        if (bin.Length > 0)
        {
            var upperBin = SearchIndex.UpperBound(bin);
            stock = stock.Where(s => string.Compare(s.Bin, bin) >= 0 && string.Compare(s.Bin, upperBin) < 0);
        }

        if (request.BelowMin == true)
        {
            stock = stock.Where(s => s.OnHand - s.Reserved < s.MinQuantity);
        }

        if (request.InStockOnly == true)
        {
            stock = stock.Where(s => s.OnHand > 0);
        }

        var text = (request.Q ?? string.Empty).Trim();
        if (text.Length > 0)
        {
            var parts = PartText.Matching(db, text).Select(p => p.Id);
            stock = stock.Where(s => parts.Contains(s.PartId));
        }

        var total = await stock.CountAsync(ct);
        var items = await StockQueries.Rows(db, stock).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<StockRow>(items, page, size, total);
    }
}

/// <summary>One stock row with its ledger, newest first, and the sum of all its movements (always equal to on hand).</summary>
public sealed class GetStockLedger(AfterSalesDb db, AccessGuard guard)
{
    public async Task<Outcome<StockLedgerView>> HandleAsync(Guid stockItemId, CancellationToken ct)
    {
        var row = await StockQueries.Rows(db, db.Set<StockItem>().Where(s => s.Id == stockItemId)).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return await guard.NotFoundAsync<StockItem, StockLedgerView>(stockItemId, ct);
        }

        var movements = db.Set<StockMovement>().AsNoTracking().Where(m => m.StockItemId == stockItemId);
        var sum = await movements.SumAsync(m => (decimal?)m.Quantity, ct) ?? 0;
        var latest = await movements.OrderByDescending(m => m.At).ThenByDescending(m => m.Id).Take(200).ToListAsync(ct);
        return new StockLedgerView(row, sum, latest.Select(MovementView.From).ToList());
    }
}

public sealed record StockQuantityRequest(Guid StoreId, Guid PartId, decimal Quantity, string? Bin = null, string? Note = null, string? ReferenceNumber = null);

internal sealed class StockQuantityValidator : AbstractValidator<StockQuantityRequest>
{
    public StockQuantityValidator()
    {
        RuleFor(x => x.StoreId).NotEmpty();
        RuleFor(x => x.PartId).NotEmpty();
        RuleFor(x => x.Quantity).GreaterThan(0).WithErrorCode("stock.quantity_positive").LessThan(1_000_000m);
        RuleFor(x => x.Bin).MaximumLength(StockItem.BinMaxLength);
        RuleFor(x => x.Note).MaximumLength(StockMovement.NoteMaxLength);
        RuleFor(x => x.ReferenceNumber).MaximumLength(StockReference.NumberMaxLength);
    }
}

/// <summary>
/// Receipts without a purchase order (the manufacturer's delivery note, opening stock) and scrapping of damaged
/// stock; both are posted to the ledger.
/// </summary>
public sealed class PostStock(StockBook book, ICurrentUser user, RequestValidation validation)
{
    public Task<Outcome<StockRow>> ReceiveAsync(StockQuantityRequest request, CancellationToken ct) => PostAsync(MovementKind.Receipt, request, ct);

    public Task<Outcome<StockRow>> ScrapAsync(StockQuantityRequest request, CancellationToken ct) => PostAsync(MovementKind.Scrap, request, ct);

    private async Task<Outcome<StockRow>> PostAsync(MovementKind kind, StockQuantityRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<StockRow>.Invalid(errors);
        }

        if (!PartRoles.HandlesStock(user))
        {
            return Outcome<StockRow>.Forbidden();
        }

        if (!user.Scope.Includes(request.StoreId))
        {
            return Outcome<StockRow>.Forbidden("common.other_store");
        }

        if (kind == MovementKind.Scrap && string.IsNullOrWhiteSpace(request.Note))
        {
            return Outcome<StockRow>.Invalid("stock.scrap_reason_required", nameof(request.Note));
        }

        var part = await book.PartAsync(request.PartId, ct);
        if (part is null)
        {
            return Outcome<StockRow>.Invalid("stock.part_unknown", nameof(request.PartId));
        }

        var reference = request.ReferenceNumber is { Length: > 0 } number ? new StockReference("DeliveryNote", null, number.Trim()) : null;
        var saved = await book.WriteAsync<Guid>(
            async () =>
            {
                var item = await book.ItemAsync(request.StoreId, request.PartId, request.Bin, ct);
                if (book.Post(item, kind, request.Quantity, part.Cost, reference, request.Note) is { } refusal)
                {
                    return Outcome<Guid>.Invalid([refusal]);
                }

                await book.Db.SaveChangesAsync(ct);
                return item.Id;
            },
            ct);
        return saved.IsOk ? await StockQueries.RowAsync(book.Db, saved.Value, ct) : saved.As<StockRow>();
    }
}

public sealed record SetStockLevelsRequest(string? Bin, decimal MinQuantity, decimal MaxQuantity, int Version);

/// <summary>Moves a stock row to another bin and sets its reorder levels (min/max).</summary>
public sealed class SetStockLevels(AfterSalesDb db, ICurrentUser user, AccessGuard guard)
{
    public async Task<Outcome<StockRow>> HandleAsync(Guid stockItemId, SetStockLevelsRequest request, CancellationToken ct)
    {
        var item = await db.Set<StockItem>().FirstOrDefaultAsync(s => s.Id == stockItemId, ct);
        if (item is null)
        {
            return await guard.NotFoundAsync<StockItem, StockRow>(stockItemId, ct);
        }

        if (!PartRoles.HandlesStock(user))
        {
            return Outcome<StockRow>.Forbidden();
        }

        if ((request.Bin ?? string.Empty).Trim().Length > StockItem.BinMaxLength)
        {
            return Outcome<StockRow>.Invalid("stock.bin_too_long", nameof(request.Bin));
        }

        if (item.SetLevels(request.MinQuantity, request.MaxQuantity) is { } refusal)
        {
            return Outcome<StockRow>.Invalid([refusal]);
        }

        item.MoveToBin(request.Bin);
        db.Entry(item).Property(s => s.Version).OriginalValue = request.Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<StockRow>.Conflict("stock.changed_by_someone_else");
        }

        return await StockQueries.RowAsync(db, item.Id, ct);
    }
}
