using AfterSales.Domain.Common;

namespace AfterSales.Domain.Complaints;

/// <summary>
/// Reclassification (重新定级) after intake: a handler changes the category, sub-category or urgency with a reason.
/// The change is a row of its own (<see cref="ComplaintReclassification"/>) so the history shows what it was before;
/// the SLA clocks read the new urgency's policy from the original start (see <see cref="SlaCalculator"/>).
/// </summary>
public sealed partial class Complaint
{
    public const string ReclassificationUnchanged = "complaint.reclassification_unchanged";

    private readonly List<ComplaintReclassification> _reclassifications = [];

    /// <summary>Reclassifications added since the complaint was loaded (they are read on their own).</summary>
    public IReadOnlyList<ComplaintReclassification> Reclassifications => _reclassifications;

    public FieldError? Reclassify(ComplaintCategory category, Guid? subCategoryId, ComplaintUrgency urgency, Actor by, string reason, DateTimeOffset now)
    {
        if (IsClosed)
        {
            return new FieldError(ComplaintLifecycle.ClosedReadOnly);
        }

        if (category == Category && subCategoryId == SubCategoryId && urgency == Urgency)
        {
            return new FieldError(ReclassificationUnchanged, "Urgency");
        }

        _reclassifications.Add(ComplaintReclassification.Record(this, category, subCategoryId, urgency, by, reason.Trim(), now));
        Category = category;
        SubCategoryId = subCategoryId;
        Urgency = urgency;
        return null;
    }
}

/// <summary>One change of a complaint's classification: who, when, from what to what, why.</summary>
public sealed class ComplaintReclassification
{
    private ComplaintReclassification()
    {
    }

    public Guid Id { get; private set; }

    public Guid ComplaintId { get; private set; }

    /// <summary>The complaint's version after this change: orders it among the status moves.</summary>
    public int ComplaintVersion { get; private set; }

    /// <summary>The complaint's status at the time (reclassifying does not move it).</summary>
    public ComplaintStatus Status { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = string.Empty;

    public ComplaintCategory FromCategory { get; private set; }

    public Guid? FromSubCategoryId { get; private set; }

    public ComplaintUrgency FromUrgency { get; private set; }

    public ComplaintCategory ToCategory { get; private set; }

    public Guid? ToSubCategoryId { get; private set; }

    public ComplaintUrgency ToUrgency { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    internal static ComplaintReclassification Record(Complaint complaint, ComplaintCategory category, Guid? subCategoryId, ComplaintUrgency urgency, Actor by, string reason, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ComplaintId = complaint.Id,
        ComplaintVersion = complaint.Version + 1,
        Status = complaint.Status,
        At = now,
        UserId = by.UserId,
        UserName = by.UserName,
        FromCategory = complaint.Category,
        FromSubCategoryId = complaint.SubCategoryId,
        FromUrgency = complaint.Urgency,
        ToCategory = category,
        ToSubCategoryId = subCategoryId,
        ToUrgency = urgency,
        Reason = reason,
    };
}
