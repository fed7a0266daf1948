using AfterSales.Domain.Common;

namespace AfterSales.Domain.Parts;

public enum TransferStatus
{
    InTransit,
    Received,
}

/// <summary>
/// Stock sent from one store to another (调拨): it leaves the sender when sent, is in transit meanwhile, and enters
/// the receiver with what actually arrived; any difference is recorded as a discrepancy on its line.
/// </summary>
public sealed class StockTransfer
{
    public const int NoteMaxLength = 300;

    private readonly List<StockTransferLine> _lines = [];

    private StockTransfer()
    {
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public Guid FromStoreId { get; private set; }

    public Guid ToStoreId { get; private set; }

    public TransferStatus Status { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public string SentBy { get; private set; } = string.Empty;

    public DateTimeOffset? ReceivedAt { get; private set; }

    public string? ReceivedBy { get; private set; }

    public string? Note { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<StockTransferLine> Lines => _lines;

    public bool HasDiscrepancy => _lines.Any(l => l.Discrepancy != 0);

    public static StockTransfer Send(string number, Guid fromStoreId, Guid toStoreId, IEnumerable<(Guid PartId, decimal Quantity, decimal UnitCost)> lines, string? note, string by, DateTimeOffset now)
    {
        var transfer = new StockTransfer
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            FromStoreId = fromStoreId,
            ToStoreId = toStoreId,
            Status = TransferStatus.InTransit,
            SentAt = now,
            SentBy = by,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        transfer._lines.AddRange(lines.Select(l => new StockTransferLine(Guid.CreateVersion7(now), transfer.Id, l.PartId, l.Quantity, l.UnitCost)));
        return transfer;
    }

    /// <summary>Books what arrived per line (lines not named arrived in full); more than was sent is refused.</summary>
    public FieldError? Receive(IReadOnlyDictionary<Guid, (decimal Quantity, string? Note)> arrived, string by, DateTimeOffset now)
    {
        if (Status != TransferStatus.InTransit)
        {
            return new FieldError("transfer.not_in_transit");
        }

        if (arrived.Keys.Any(id => _lines.All(l => l.Id != id)))
        {
            return new FieldError("transfer.line_unknown", "Lines");
        }

        foreach (var line in _lines)
        {
            var (quantity, note) = arrived.TryGetValue(line.Id, out var given) ? given : (line.Sent, null);
            if (quantity < 0 || quantity > line.Sent)
            {
                return new FieldError("transfer.received_out_of_range", "Lines");
            }

            line.Book(quantity, note);
        }

        Status = TransferStatus.Received;
        ReceivedAt = now;
        ReceivedBy = by;
        return null;
    }
}

public sealed class StockTransferLine
{
    private StockTransferLine()
    {
    }

    internal StockTransferLine(Guid id, Guid transferId, Guid partId, decimal sent, decimal unitCost)
    {
        Id = id;
        TransferId = transferId;
        PartId = partId;
        Sent = sent;
        UnitCost = unitCost;
    }

    public Guid Id { get; private set; }

    public Guid TransferId { get; private set; }

    public Guid PartId { get; private set; }

    public decimal Sent { get; private set; }

    public decimal? Received { get; private set; }

    public decimal UnitCost { get; private set; }

    /// <summary>Sent less received: missing (positive) units, known once the receiver has counted.</summary>
    public decimal Discrepancy => Received is { } r ? Sent - r : 0;

    public string? DiscrepancyNote { get; private set; }

    internal void Book(decimal received, string? note)
    {
        Received = received;
        DiscrepancyNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
