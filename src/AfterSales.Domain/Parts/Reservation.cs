using AfterSales.Domain.Common;

namespace AfterSales.Domain.Parts;

public enum ReservationStatus
{
    Active,
    Consumed,
    Released,
    Expired,
}

/// <summary>
/// Parts put aside (预留) for an appointment or a repair-order job. While active it holds stock out of
/// <see cref="StockItem.Available"/>; it ends when the parts are issued, when its owner is cancelled, or
/// at <see cref="ExpiresAt"/> (the expiry job releases it).
/// </summary>
public sealed class PartReservation
{
    public const int ReasonMaxLength = 200;

    private PartReservation()
    {
    }

    public Guid Id { get; private set; }

    public Guid StoreId { get; private set; }

    public Guid PartId { get; private set; }

    public Guid StockItemId { get; private set; }

    public decimal Quantity { get; private set; }

    /// <summary>What is left of the reservation after partial issues.</summary>
    public decimal Outstanding { get; private set; }

    public string ReferenceKind { get; private set; } = string.Empty;

    public Guid? ReferenceId { get; private set; }

    public string? ReferenceNumber { get; private set; }

    /// <summary>The day the parts are needed (the appointment's day), for the shelf view.</summary>
    public DateOnly? NeededOn { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public ReservationStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndReason { get; private set; }

    public int Version { get; private set; }

    public static PartReservation Place(StockItem item, decimal quantity, StockReference reference, DateOnly? neededOn, DateTimeOffset expiresAt, string by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StoreId = item.StoreId,
        PartId = item.PartId,
        StockItemId = item.Id,
        Quantity = quantity,
        Outstanding = quantity,
        ReferenceKind = reference.Kind,
        ReferenceId = reference.Id,
        ReferenceNumber = reference.Number,
        NeededOn = neededOn,
        ExpiresAt = expiresAt,
        Status = ReservationStatus.Active,
        CreatedAt = now,
        CreatedBy = by,
    };

    /// <summary>Part of the reservation was issued; the rest stays reserved until it is issued or released.</summary>
    public FieldError? Consume(decimal quantity, DateTimeOffset now)
    {
        if (Status != ReservationStatus.Active)
        {
            return new FieldError("reservation.not_active");
        }

        if (quantity <= 0 || quantity > Outstanding)
        {
            return new FieldError("reservation.more_than_reserved", "Quantity");
        }

        Outstanding -= quantity;
        if (Outstanding == 0)
        {
            Status = ReservationStatus.Consumed;
            EndedAt = now;
        }

        return null;
    }

    /// <summary>Ends the reservation and gives back what is left; answers how much that is.</summary>
    public decimal End(ReservationStatus status, string? reason, DateTimeOffset now)
    {
        if (Status != ReservationStatus.Active || status is ReservationStatus.Active or ReservationStatus.Consumed)
        {
            return 0;
        }

        var freed = Outstanding;
        Outstanding = 0;
        Status = status;
        EndedAt = now;
        EndReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return freed;
    }
}
