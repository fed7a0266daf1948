namespace AfterSales.Domain.Service;

/// <summary>
/// Who pays for a repair-order job (付费类型). <see cref="PendingDecision"/> is a warranty question not yet
/// answered; a job cannot be settled while it stays so. Stored by name.
/// </summary>
public enum PayType
{
    Customer,
    Warranty,
    Goodwill,
    Internal,
    Insurance,
    PendingDecision,
}
