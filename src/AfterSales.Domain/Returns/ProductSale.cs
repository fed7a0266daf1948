using AfterSales.Domain.Common;

namespace AfterSales.Domain.Returns;

public sealed record SaleItem(string Sku, string Description, int Quantity, decimal UnitPrice)
{
    public const int SkuMaxLength = 40;
    public const int DescriptionMaxLength = 200;
}

/// <summary>A product sold over the counter or online (销售记录): the minimum a return needs to check its window.</summary>
public sealed class ProductSale
{
    public const int NumberMaxLength = 40;

    private ProductSale()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The receipt or platform order number (小票号 / 平台订单号), unique per store.</summary>
    public string Number { get; private set; } = string.Empty;

    public Guid StoreId { get; private set; }

    public Guid CustomerId { get; private set; }

    public SaleChannel Channel { get; private set; }

    public List<SaleItem> Items { get; private set; } = [];

    public decimal Total { get; private set; }

    public DateTimeOffset CompletedAt { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public int Version { get; private set; }

    public static ProductSale Record(Guid storeId, Guid customerId, string number, SaleChannel channel, IEnumerable<SaleItem> items, DateTimeOffset completedAt, DateTimeOffset now)
    {
        var list = items.Select(i => i with { Sku = i.Sku.Trim().ToUpperInvariant(), Description = i.Description.Trim() }).ToList();
        return new ProductSale
        {
            Id = Guid.CreateVersion7(now),
            StoreId = storeId,
            CustomerId = customerId,
            Number = number.Trim().ToUpperInvariant(),
            Channel = channel,
            Items = list,
            Total = list.Sum(i => i.Quantity * i.UnitPrice),
            CompletedAt = completedAt,
            RecordedAt = now,
        };
    }

    public static IReadOnlyList<FieldError> Check(string number, IReadOnlyList<SaleItem> items, DateTimeOffset completedAt, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(number))
        {
            errors.Add(new("sale.number_required", "Number"));
        }

        if (items.Count == 0)
        {
            errors.Add(new("sale.items_required", "Items"));
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(items[i].Sku) || string.IsNullOrWhiteSpace(items[i].Description))
            {
                errors.Add(new("sale.item_incomplete", $"Items[{i}]"));
            }

            if (items[i].Quantity < 1 || items[i].UnitPrice < 0)
            {
                errors.Add(new("sale.item_quantity_invalid", $"Items[{i}]"));
            }
        }

        if (completedAt > now)
        {
            errors.Add(new("sale.completed_in_future", "CompletedAt"));
        }

        return errors;
    }
}
