using AfterSales.Domain.Labour;
using AfterSales.Domain.Service;

namespace AfterSales.Domain.RepairOrders;

/// <summary>The money of one pay type: labour and parts, the discount (customer pay only), tax and total.</summary>
public sealed record PayTypeTotal(PayType PayType, decimal Labour, decimal Parts, decimal Discount, decimal Net, decimal Tax, decimal Total);

/// <summary>
/// Totals of a repair order. Prices are before tax; the discount applies to what the customer pays and
/// tax is charged on each pay type's net amount. <see cref="CustomerPays"/> is the estimate the customer
/// signs; <see cref="Pending"/> is what a pending warranty decision may still add to it.
/// </summary>
public sealed record RepairOrderTotals(
    IReadOnlyList<PayTypeTotal> ByPayType,
    decimal Labour,
    decimal Parts,
    decimal Discount,
    decimal Net,
    decimal Tax,
    decimal Total,
    decimal CustomerPays,
    decimal Pending)
{
    public static RepairOrderTotals Empty { get; } = new([], 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>
    /// THE calculation of an order's totals, used by the repair-order page, the print, the settlement and the API:
    /// the agreed jobs only (proposed and declined extra work is not charged), at the order's discount unless the
    /// settlement's <paramref name="discountPercent"/> is given.
    /// </summary>
    public static RepairOrderTotals Of(RepairOrder order, decimal? discountPercent = null) =>
        Of(order.Jobs.Select(j => (j.Status, j.PayType, j.LabourAmount, j.PartsAmount)), discountPercent ?? order.DiscountPercent, order.TaxRate);

    /// <summary>The same calculation over job lines not (yet) on an order, e.g. the editor's unsaved jobs.</summary>
    public static RepairOrderTotals Of(IEnumerable<(RepairJobStatus Status, PayType PayType, decimal Labour, decimal Parts)> jobs, decimal discountPercent, decimal taxRate) =>
        Calculate(jobs.Where(j => RepairJobLifecycle.IsAgreed(j.Status)).Select(j => (j.PayType, j.Labour, j.Parts)), discountPercent, taxRate);

    private static RepairOrderTotals Calculate(IEnumerable<(PayType PayType, decimal Labour, decimal Parts)> jobs, decimal discountPercent, decimal taxRate)
    {
        var byPayType = jobs
            .GroupBy(j => j.PayType)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var labour = Amounts.Round(g.Sum(j => j.Labour));
                var parts = Amounts.Round(g.Sum(j => j.Parts));
                var discount = g.Key == PayType.Customer ? Amounts.Round((labour + parts) * discountPercent / 100m) : 0m;
                var net = labour + parts - discount;
                var tax = Amounts.Round(net * taxRate);
                return new PayTypeTotal(g.Key, labour, parts, discount, net, tax, net + tax);
            })
            .ToList();
        return new RepairOrderTotals(
            byPayType,
            byPayType.Sum(t => t.Labour),
            byPayType.Sum(t => t.Parts),
            byPayType.Sum(t => t.Discount),
            byPayType.Sum(t => t.Net),
            byPayType.Sum(t => t.Tax),
            byPayType.Sum(t => t.Total),
            byPayType.Where(t => t.PayType == PayType.Customer).Sum(t => t.Total),
            byPayType.Where(t => t.PayType == PayType.PendingDecision).Sum(t => t.Total));
    }

    public static decimal LabourAmount(decimal hours, decimal rate) => Amounts.Round(hours * rate);

    public static decimal PartAmount(decimal quantity, decimal unitPrice) => Amounts.Round(quantity * unitPrice);
}
