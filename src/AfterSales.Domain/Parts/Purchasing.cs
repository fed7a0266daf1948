using AfterSales.Domain.Common;

namespace AfterSales.Domain.Parts;

/// <summary>A supplier (供应商): the manufacturer's parts centre or a wholesaler.</summary>
public sealed class Supplier
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 100;
    public const int ContactMaxLength = 50;

    private Supplier()
    {
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string? ContactPerson { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>Days from order to delivery, used to size reorder suggestions.</summary>
    public int LeadTimeDays { get; private set; }

    public bool IsActive { get; private set; } = true;

    public int Version { get; private set; }

    public static Supplier Create(string code, string name, string? contact, string? phone, int leadTimeDays, DateTimeOffset now)
    {
        var supplier = new Supplier { Id = Guid.CreateVersion7(now) };
        supplier.Update(code, name, contact, phone, leadTimeDays, true);
        return supplier;
    }

    public void Update(string code, string name, string? contact, string? phone, int leadTimeDays, bool active)
    {
        Code = code.Trim().ToUpperInvariant();
        Name = name.Trim();
        ContactPerson = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim();
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        LeadTimeDays = leadTimeDays;
        IsActive = active;
    }
}

public enum PurchaseOrderStatus
{
    Open,
    PartiallyReceived,
    Received,
    Cancelled,
}

/// <summary>A purchase order (采购订单) of one store to one supplier; receipts may come in parts.</summary>
public sealed class PurchaseOrder
{
    private readonly List<PurchaseOrderLine> _lines = [];

    private PurchaseOrder()
    {
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public Guid StoreId { get; private set; }

    public Guid SupplierId { get; private set; }

    public PurchaseOrderStatus Status { get; private set; }

    public DateTimeOffset OrderedAt { get; private set; }

    public string OrderedBy { get; private set; } = string.Empty;

    public DateTimeOffset? ExpectedAt { get; private set; }

    public DateTimeOffset? LastReceivedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<PurchaseOrderLine> Lines => _lines;

    public decimal Total => _lines.Sum(l => l.Ordered * l.UnitCost);

    public static PurchaseOrder Place(string number, Guid storeId, Guid supplierId, IEnumerable<(Guid PartId, decimal Quantity, decimal UnitCost)> lines, DateTimeOffset? expectedAt, string by, DateTimeOffset now)
    {
        var order = new PurchaseOrder
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            StoreId = storeId,
            SupplierId = supplierId,
            Status = PurchaseOrderStatus.Open,
            OrderedAt = now,
            OrderedBy = by,
            ExpectedAt = expectedAt,
        };
        var lineNumber = 1;
        foreach (var (partId, quantity, unitCost) in lines)
        {
            order._lines.Add(new PurchaseOrderLine(Guid.CreateVersion7(now), order.Id, lineNumber++, partId, quantity, unitCost));
        }

        return order;
    }

    /// <summary>Records a delivery against one line; more than is still outstanding is refused.</summary>
    public FieldError? Receive(Guid lineId, decimal quantity, DateTimeOffset now)
    {
        if (Status is PurchaseOrderStatus.Received or PurchaseOrderStatus.Cancelled)
        {
            return new FieldError("purchase.not_open");
        }

        var line = _lines.FirstOrDefault(l => l.Id == lineId);
        if (line is null)
        {
            return new FieldError("purchase.line_unknown", "LineId");
        }

        if (quantity <= 0)
        {
            return new FieldError("stock.quantity_positive", "Quantity");
        }

        if (quantity > line.Outstanding)
        {
            return new FieldError("purchase.more_than_ordered", "Quantity");
        }

        line.AddReceived(quantity);
        LastReceivedAt = now;
        Status = _lines.All(l => l.Outstanding == 0) ? PurchaseOrderStatus.Received : PurchaseOrderStatus.PartiallyReceived;
        return null;
    }

    public FieldError? Cancel()
    {
        if (Status != PurchaseOrderStatus.Open)
        {
            return new FieldError("purchase.cannot_cancel");
        }

        Status = PurchaseOrderStatus.Cancelled;
        return null;
    }
}

public sealed class PurchaseOrderLine
{
    private PurchaseOrderLine()
    {
    }

    internal PurchaseOrderLine(Guid id, Guid orderId, int lineNumber, Guid partId, decimal ordered, decimal unitCost)
    {
        Id = id;
        PurchaseOrderId = orderId;
        LineNumber = lineNumber;
        PartId = partId;
        Ordered = ordered;
        UnitCost = unitCost;
    }

    public Guid Id { get; private set; }

    public Guid PurchaseOrderId { get; private set; }

    public int LineNumber { get; private set; }

    public Guid PartId { get; private set; }

    public decimal Ordered { get; private set; }

    public decimal Received { get; private set; }

    public decimal Outstanding => Ordered - Received;

    public decimal UnitCost { get; private set; }

    internal void AddReceived(decimal quantity) => Received += quantity;
}
