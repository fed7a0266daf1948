using AfterSales.Domain.Common;

namespace AfterSales.Domain.Parts;

/// <summary>
/// Parts handed over for a job (领料): the parts clerk issues, the technician confirms receipt, unused parts
/// come back as returns. The job's parts cost is the issued less the returned quantity at the cost and price of
/// the moment of issue.
/// </summary>
public sealed class PartIssue
{
    private PartIssue()
    {
    }

    public Guid Id { get; private set; }

    public Guid StoreId { get; private set; }

    public Guid PartId { get; private set; }

    public Guid StockItemId { get; private set; }

    public Guid? ReservationId { get; private set; }

    public string ReferenceKind { get; private set; } = string.Empty;

    public Guid? ReferenceId { get; private set; }

    public string? ReferenceNumber { get; private set; }

    public decimal Quantity { get; private set; }

    public decimal ReturnedQuantity { get; private set; }

    public decimal NetQuantity => Quantity - ReturnedQuantity;

    public decimal UnitCost { get; private set; }

    public decimal UnitPrice { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public Guid? IssuedById { get; private set; }

    public string IssuedBy { get; private set; } = string.Empty;

    /// <summary>The technician who took the parts (they confirm with their own login).</summary>
    public Guid? ReceivedById { get; private set; }

    public string? ReceivedBy { get; private set; }

    public DateTimeOffset? ReceivedAt { get; private set; }

    public int Version { get; private set; }

    public static PartIssue Record(StockItem item, StockReference job, Guid? reservationId, decimal quantity, decimal unitCost, decimal unitPrice, Guid? byId, string by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StoreId = item.StoreId,
        PartId = item.PartId,
        StockItemId = item.Id,
        ReservationId = reservationId,
        ReferenceKind = job.Kind,
        ReferenceId = job.Id,
        ReferenceNumber = job.Number,
        Quantity = quantity,
        UnitCost = unitCost,
        UnitPrice = unitPrice,
        IssuedAt = now,
        IssuedById = byId,
        IssuedBy = by,
    };

    public FieldError? ConfirmReceipt(Guid? byId, string by, DateTimeOffset now)
    {
        if (ReceivedAt is not null)
        {
            return new FieldError("issue.already_confirmed");
        }

        ReceivedById = byId;
        ReceivedBy = by;
        ReceivedAt = now;
        return null;
    }

    public FieldError? Return(decimal quantity)
    {
        if (quantity <= 0)
        {
            return new FieldError("stock.quantity_positive", "Quantity");
        }

        if (quantity > NetQuantity)
        {
            return new FieldError("issue.return_more_than_issued", "Quantity");
        }

        ReturnedQuantity += quantity;
        return null;
    }
}
