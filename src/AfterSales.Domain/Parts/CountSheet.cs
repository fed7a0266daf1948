using AfterSales.Domain.Common;

namespace AfterSales.Domain.Parts;

public enum CountSheetStatus
{
    Counting,
    AwaitingApproval,
    Posted,
}

/// <summary>
/// A cycle count (盘点) of one store's bins: the sheet snapshots what the books expect, the clerk enters what is on
/// the shelf, and the variances become count adjustments, at once when their value is within the approval limit,
/// otherwise after a manager approves.
/// </summary>
public sealed class CountSheet
{
    public const string SelfApproval = "count.self_approval";

    private readonly List<CountLine> _lines = [];

    private CountSheet()
    {
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public Guid StoreId { get; private set; }

    public string BinPrefix { get; private set; } = string.Empty;

    public CountSheetStatus Status { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public string StartedBy { get; private set; } = string.Empty;

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? SubmittedBy { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public string? ApprovedBy { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<CountLine> Lines => _lines;

    /// <summary>The value of all variances, gains and losses alike: what an approval limit weighs.</summary>
    public decimal VarianceValue => _lines.Sum(l => Math.Abs(l.Variance) * l.UnitCost);

    public static CountSheet Start(string number, Guid storeId, string binPrefix, IEnumerable<(Guid StockItemId, Guid PartId, string Bin, decimal Expected, decimal UnitCost)> items, string by, DateTimeOffset now)
    {
        var sheet = new CountSheet
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            StoreId = storeId,
            BinPrefix = binPrefix,
            Status = CountSheetStatus.Counting,
            StartedAt = now,
            StartedBy = by,
        };
        sheet._lines.AddRange(items.Select(i => new CountLine(Guid.CreateVersion7(now), sheet.Id, i.StockItemId, i.PartId, i.Bin, i.Expected, i.UnitCost)));
        return sheet;
    }

    /// <summary>Enters the counted quantities; a sheet is submitted only with every line counted.</summary>
    public FieldError? Submit(IReadOnlyDictionary<Guid, decimal> counted, decimal approvalLimit, string by, DateTimeOffset now)
    {
        if (Status != CountSheetStatus.Counting)
        {
            return new FieldError("count.not_counting");
        }

        if (counted.Keys.Any(id => _lines.All(l => l.Id != id)))
        {
            return new FieldError("count.line_unknown", "Lines");
        }

        if (counted.Values.Any(q => q < 0))
        {
            return new FieldError("count.negative", "Lines");
        }

        if (_lines.Any(l => !counted.ContainsKey(l.Id)))
        {
            return new FieldError("count.line_missing", "Lines");
        }

        foreach (var line in _lines)
        {
            line.Enter(counted[line.Id]);
        }

        SubmittedAt = now;
        SubmittedBy = by;
        Status = VarianceValue > approvalLimit ? CountSheetStatus.AwaitingApproval : CountSheetStatus.Posted;
        if (Status == CountSheetStatus.Posted)
        {
            ApprovedAt = now;
            ApprovedBy = by;
        }

        return null;
    }

    public FieldError? Approve(string by, DateTimeOffset now)
    {
        if (Status != CountSheetStatus.AwaitingApproval)
        {
            return new FieldError("count.not_awaiting_approval");
        }

        // Variance approval is a second person's look at the count (four-eyes): the clerk who counted does not approve it.
        if (FourEyes.Refuse(by, SubmittedBy, SelfApproval) is { } samePerson)
        {
            return samePerson;
        }

        Status = CountSheetStatus.Posted;
        ApprovedAt = now;
        ApprovedBy = by;
        return null;
    }
}

public sealed class CountLine
{
    private CountLine()
    {
    }

    internal CountLine(Guid id, Guid sheetId, Guid stockItemId, Guid partId, string bin, decimal expected, decimal unitCost)
    {
        Id = id;
        CountSheetId = sheetId;
        StockItemId = stockItemId;
        PartId = partId;
        Bin = bin;
        Expected = expected;
        UnitCost = unitCost;
    }

    public Guid Id { get; private set; }

    public Guid CountSheetId { get; private set; }

    public Guid StockItemId { get; private set; }

    public Guid PartId { get; private set; }

    public string Bin { get; private set; } = string.Empty;

    public decimal Expected { get; private set; }

    public decimal? Counted { get; private set; }

    public decimal UnitCost { get; private set; }

    public decimal Variance => Counted is { } c ? c - Expected : 0;

    internal void Enter(decimal counted) => Counted = counted;
}
