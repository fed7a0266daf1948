namespace AfterSales.Domain.Returns;

/// <summary>
/// The one escalation a sale may have (售后维权机会只有一次): to the platform for online orders or to a manager.
/// The sale id is unique in its table, so a second escalation of the same order fails in the database even
/// when two requests race.
/// </summary>
public sealed class ReturnEscalation
{
    public const int ReasonMaxLength = 500;

    private ReturnEscalation()
    {
    }

    public Guid Id { get; private set; }

    public Guid SaleId { get; private set; }

    public Guid ReturnRequestId { get; private set; }

    public Guid StoreId { get; private set; }

    public EscalationTarget Target { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public Guid? ById { get; private set; }

    public string ByName { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }

    public static ReturnEscalation Record(ReturnRequest request, EscalationTarget target, string reason, Complaints.Actor by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        SaleId = request.SaleId,
        ReturnRequestId = request.Id,
        StoreId = request.StoreId,
        Target = target,
        Reason = reason.Trim(),
        ById = by.UserId,
        ByName = by.UserName,
        At = now,
    };
}
