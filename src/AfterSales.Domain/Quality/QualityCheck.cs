namespace AfterSales.Domain.Quality;

/// <summary>The three levels of quality control (三级检验). Stored by name.</summary>
public enum QualityLevel
{
    /// <summary>The technician's own check before finishing (自检).</summary>
    SelfCheck,

    /// <summary>The team lead's check of a finished job (互检).</summary>
    TeamLeadCheck,

    /// <summary>QC's inspection of the whole order before handover (终检).</summary>
    FinalInspection,
}

/// <summary>Who a failed check blames (责任方). Stored by name.</summary>
public enum ResponsibleParty
{
    Technician,
    Parts,
    Process,
    Other,
}

/// <summary>The answer to one checklist item: its position in the checklist (from 0), passed or not, and a note.</summary>
public sealed record ItemAnswer(int Index, bool Passed, string? Note = null);

/// <summary>One checklist item as it was checked; at final inspection it names the job it belongs to.</summary>
public sealed record CheckedItem(string TextZh, string TextEn, bool Safety, bool Passed, string? Note, Guid? RepairJobId = null);

/// <summary>The road test (路试) of a vehicle at final inspection.</summary>
public sealed record RoadTest(decimal DistanceKm, bool Passed, string? Notes);

/// <summary>
/// One recorded check at one level: who, when, each item as checked, the result, and for a failure the reason
/// and the responsible party. A self-check is recorded only when it passes (a failed item blocks finishing), the
/// other levels either way. Written once, never changed.
/// </summary>
public sealed class QualityCheck
{
    public const int NoteMaxLength = 500;

    private readonly List<CheckedItem> _items = [];

    private QualityCheck()
    {
    }

    public Guid Id { get; private set; }

    public Guid StoreId { get; private set; }

    public Guid RepairOrderId { get; private set; }

    /// <summary>The job checked; null for the final inspection of the whole order.</summary>
    public Guid? RepairJobId { get; private set; }

    public QualityLevel Level { get; private set; }

    public bool Passed { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = string.Empty;

    public IReadOnlyList<CheckedItem> Items => _items;

    public string? Reason { get; private set; }

    public ResponsibleParty? ResponsibleParty { get; private set; }

    public string? Notes { get; private set; }

    public decimal? RoadTestDistanceKm { get; private set; }

    public bool? RoadTestPassed { get; private set; }

    public string? RoadTestNotes { get; private set; }

    public RoadTest? RoadTest => RoadTestDistanceKm is { } km ? new RoadTest(km, RoadTestPassed == true, RoadTestNotes) : null;

    internal static QualityCheck Record(
        Guid storeId, Guid orderId, Guid? jobId, QualityLevel level, bool passed, IEnumerable<CheckedItem> items, string? reason, ResponsibleParty? party,
        string? notes, RoadTest? roadTest, Guid? userId, string userName, DateTimeOffset now)
    {
        var check = new QualityCheck
        {
            Id = Guid.CreateVersion7(now),
            StoreId = storeId,
            RepairOrderId = orderId,
            RepairJobId = jobId,
            Level = level,
            Passed = passed,
            At = now,
            UserId = userId,
            UserName = userName,
            Reason = QualityControl.Blank(reason),
            ResponsibleParty = party,
            Notes = QualityControl.Blank(notes),
            RoadTestDistanceKm = roadTest?.DistanceKm,
            RoadTestPassed = roadTest?.Passed,
            RoadTestNotes = QualityControl.Blank(roadTest?.Notes),
        };
        check._items.AddRange(items);
        return check;
    }
}

/// <summary>
/// One job sent back for rework (返工) by a failed check: at which level, why, who is responsible, and whose work it
/// was, so that rework is counted per technician and period. Written once, never changed.
/// </summary>
public sealed class ReworkRecord
{
    private ReworkRecord()
    {
    }

    public Guid Id { get; private set; }

    public Guid StoreId { get; private set; }

    public Guid RepairOrderId { get; private set; }

    public Guid RepairJobId { get; private set; }

    public Guid QualityCheckId { get; private set; }

    public QualityLevel Level { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public ResponsibleParty ResponsibleParty { get; private set; }

    public Guid? TechnicianId { get; private set; }

    public string? TechnicianName { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? ByUserId { get; private set; }

    public string ByUserName { get; private set; } = string.Empty;

    internal static ReworkRecord Record(QualityCheck check, Guid jobId, string reason, ResponsibleParty party, Guid? technicianId, string? technicianName) => new()
    {
        Id = Guid.CreateVersion7(check.At),
        StoreId = check.StoreId,
        RepairOrderId = check.RepairOrderId,
        RepairJobId = jobId,
        QualityCheckId = check.Id,
        Level = check.Level,
        Reason = reason.Trim(),
        ResponsibleParty = party,
        TechnicianId = technicianId,
        TechnicianName = technicianName,
        At = check.At,
        ByUserId = check.UserId,
        ByUserName = check.UserName,
    };
}
