using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;

namespace AfterSales.Domain.Parts;

/// <summary>Why stock moved. Each kind has one direction, except count adjustments, which carry their own sign.</summary>
public enum MovementKind
{
    Receipt,
    IssueToJob,
    ReturnFromJob,
    TransferOut,
    TransferIn,
    CountAdjustment,
    Scrap,
}

/// <summary>What a movement, reservation or issue belongs to: a job, an appointment, a purchase order, a transfer …
/// Kind + id + the human number, so that modules landing in parallel can refer to each other before they link.</summary>
public sealed record StockReference(string Kind, Guid? Id, string? Number)
{
    public const int KindMaxLength = 30;
    public const int NumberMaxLength = 40;

    public const string Appointment = "Appointment";
    public const string RepairOrderJob = "RepairOrderJob";
    public const string PurchaseOrder = "PurchaseOrder";
    public const string Transfer = "Transfer";
    public const string CountSheet = "CountSheet";
}

public static class StockMovementRules
{
    /// <summary>+1 for stock coming in, -1 for stock going out, 0 for adjustments (signed by the caller).</summary>
    public static int Direction(MovementKind kind) => kind switch
    {
        MovementKind.Receipt or MovementKind.ReturnFromJob or MovementKind.TransferIn => 1,
        MovementKind.IssueToJob or MovementKind.TransferOut or MovementKind.Scrap => -1,
        MovementKind.CountAdjustment => 0,
    };
}

/// <summary>
/// The stock of one part in one store, kept in one bin (货位). On hand changes only through <see cref="Post"/>,
/// which returns the ledger row (<see cref="StockMovement"/>) that explains the change; so on-hand is always the
/// sum of the movements. Nothing may leave that is not available (on hand less reserved), and on hand never goes
/// below zero. The row's Version is the concurrency token that makes two issues of the last unit refuse one.
/// </summary>
public sealed class StockItem
{
    public const int BinMaxLength = 20;

    private StockItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid StoreId { get; private set; }

    public Guid PartId { get; private set; }

    public string Bin { get; private set; } = string.Empty;

    public decimal OnHand { get; private set; }

    public decimal Reserved { get; private set; }

    public decimal Available => OnHand - Reserved;

    /// <summary>Reorder point: below this the reorder suggestions propose an order.</summary>
    public decimal MinQuantity { get; private set; }

    /// <summary>The level an order tops up to.</summary>
    public decimal MaxQuantity { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The last receipt, issue, transfer, adjustment or scrap; slow-moving stock is judged from it.</summary>
    public DateTimeOffset? LastMovementAt { get; private set; }

    public int Version { get; private set; }

    public static string NormalizeBin(string? bin) => (bin ?? string.Empty).Trim().ToUpperInvariant();

    public static StockItem Open(Guid storeId, Guid partId, string? bin, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StoreId = storeId,
        PartId = partId,
        Bin = NormalizeBin(bin),
        CreatedAt = now,
    };

    public void MoveToBin(string? bin) => Bin = NormalizeBin(bin);

    public FieldError? SetLevels(decimal min, decimal max)
    {
        if (min < 0 || max < 0)
        {
            return new FieldError("stock.level_negative", nameof(MinQuantity));
        }

        if (max < min)
        {
            return new FieldError("stock.max_below_min", nameof(MaxQuantity));
        }

        MinQuantity = min;
        MaxQuantity = max;
        return null;
    }

    /// <summary>
    /// Posts a movement. <paramref name="quantity"/> is positive for every kind except count adjustments, which
    /// give the signed difference. <paramref name="releasing"/> is reserved stock the movement consumes (an issue
    /// against a reservation): it may leave although others cannot take it.
    /// </summary>
    public FieldError? Post(
        MovementKind kind,
        decimal quantity,
        decimal unitCost,
        StockReference? reference,
        Actor by,
        string? note,
        DateTimeOffset now,
        out StockMovement? movement,
        decimal releasing = 0)
    {
        movement = null;
        var direction = StockMovementRules.Direction(kind);
        if (quantity == 0 || (direction != 0 && quantity < 0))
        {
            return new FieldError("stock.quantity_positive", "Quantity");
        }

        if (releasing < 0 || releasing > Reserved || (releasing > 0 && direction >= 0))
        {
            return new FieldError("stock.release_invalid", "Quantity");
        }

        var change = direction == 0 ? quantity : direction * quantity;
        if (change < 0)
        {
            if (OnHand + change < 0)
            {
                return new FieldError("stock.insufficient", "Quantity");
            }

            // Adjustments correct the books to what is on the shelf; only real withdrawals respect reservations.
            if (kind != MovementKind.CountAdjustment && -change > Available + releasing)
            {
                return new FieldError("stock.reserved_for_others", "Quantity");
            }
        }

        Reserved -= releasing;
        OnHand += change;
        LastMovementAt = now;
        movement = StockMovement.Record(this, kind, change, unitCost, reference, by, note, now);
        return null;
    }

    public FieldError? Reserve(decimal quantity)
    {
        if (quantity <= 0)
        {
            return new FieldError("stock.quantity_positive", "Quantity");
        }

        if (quantity > Available)
        {
            return new FieldError("stock.insufficient_to_reserve", "Quantity");
        }

        Reserved += quantity;
        return null;
    }

    public void Release(decimal quantity) => Reserved = Math.Max(0, Reserved - quantity);
}

/// <summary>One line of the stock ledger (库存台账): never changed, never deleted.</summary>
public sealed class StockMovement
{
    public const int NoteMaxLength = 300;

    private StockMovement()
    {
    }

    public Guid Id { get; private set; }

    public Guid StockItemId { get; private set; }

    public Guid StoreId { get; private set; }

    public Guid PartId { get; private set; }

    public MovementKind Kind { get; private set; }

    /// <summary>Signed: positive in, negative out.</summary>
    public decimal Quantity { get; private set; }

    public decimal BalanceAfter { get; private set; }

    public decimal UnitCost { get; private set; }

    public string? ReferenceKind { get; private set; }

    public Guid? ReferenceId { get; private set; }

    public string? ReferenceNumber { get; private set; }

    public string? Note { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }

    internal static StockMovement Record(StockItem item, MovementKind kind, decimal change, decimal unitCost, StockReference? reference, Actor by, string? note, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StockItemId = item.Id,
        StoreId = item.StoreId,
        PartId = item.PartId,
        Kind = kind,
        Quantity = change,
        BalanceAfter = item.OnHand,
        UnitCost = unitCost,
        ReferenceKind = reference?.Kind,
        ReferenceId = reference?.Id,
        ReferenceNumber = reference?.Number,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        UserId = by.UserId,
        UserName = by.UserName,
        At = now,
    };
}
