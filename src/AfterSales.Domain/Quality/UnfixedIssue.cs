using AfterSales.Domain.Common;
using AfterSales.Domain.RepairOrders;

namespace AfterSales.Domain.Quality;

/// <summary>Who wrote an issue down.</summary>
public enum UnfixedIssueSource
{
    Technician,
    QualityControl,
    ServiceAdvisor,
}

/// <summary>
/// An issue found on the asset but not fixed on this order (发现未修复的问题): written on the order for the customer
/// (explained at delivery) and for the next visit (the booking shows it as found last time). Recorded while the order
/// is open; withdrawn only before delivery.
/// </summary>
public sealed class UnfixedIssue
{
    public const int DescriptionMaxLength = 500;
    public const string OrderClosed = "quality.issue_order_closed";

    private UnfixedIssue()
    {
    }

    public Guid Id { get; private set; }

    public Guid StoreId { get; private set; }

    public Guid RepairOrderId { get; private set; }

    public Guid AssetId { get; private set; }

    public string Description { get; private set; } = string.Empty;

    /// <summary>A safety concern the customer should act on soon.</summary>
    public bool SafetyRelated { get; private set; }

    public UnfixedIssueSource Source { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public Guid? RecordedById { get; private set; }

    public string RecordedByName { get; private set; } = string.Empty;

    public int Version { get; private set; }

    /// <summary>Issues are written on an order the customer signed and has not yet taken back.</summary>
    public static bool AcceptsIssues(RepairOrderStatus status) => status switch
    {
        RepairOrderStatus.Signed or RepairOrderStatus.InWorkshop or RepairOrderStatus.FinalInspection or RepairOrderStatus.Inspected
            or RepairOrderStatus.ReadyForDelivery => true,
        RepairOrderStatus.Draft or RepairOrderStatus.AwaitingSignature or RepairOrderStatus.Delivered or RepairOrderStatus.Cancelled => false,
    };

    public static (UnfixedIssue? Issue, FieldError? Refusal) Record(RepairOrder order, string description, bool safetyRelated, UnfixedIssueSource source, RepairOrderActor by, DateTimeOffset now)
    {
        if (!AcceptsIssues(order.Status))
        {
            return (null, new FieldError(OrderClosed));
        }

        return (new UnfixedIssue
        {
            Id = Guid.CreateVersion7(now),
            StoreId = order.StoreId,
            RepairOrderId = order.Id,
            AssetId = order.AssetId,
            Description = description.Trim(),
            SafetyRelated = safetyRelated,
            Source = source,
            RecordedAt = now,
            RecordedById = by.UserId,
            RecordedByName = by.UserName,
        }, null);
    }

    /// <summary>Whether the issue may still be withdrawn (written by mistake, or fixed after all).</summary>
    public static FieldError? CanWithdraw(RepairOrderStatus status) => AcceptsIssues(status) ? null : new FieldError(OrderClosed);
}
