namespace AfterSales.Domain.RepairOrders;

/// <summary>What the dispatch board needs of an order beyond the skeleton: whether the customer waits in the store.</summary>
public sealed partial class RepairOrder
{
    /// <summary>The customer waits in the store for the car (等修): the workshop gives the order priority.</summary>
    public bool CustomerWaiting { get; private set; }

    public Common.FieldError? MarkCustomerWaiting(bool waiting)
    {
        if (!RepairOrderLifecycle.IsInWork(Status) && !IsEditable && Status != RepairOrderStatus.AwaitingSignature)
        {
            return new Common.FieldError(NotInWork);
        }

        CustomerWaiting = waiting;
        return null;
    }
}
