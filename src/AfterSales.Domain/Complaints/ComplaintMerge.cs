using AfterSales.Domain.Common;

namespace AfterSales.Domain.Complaints;

/// <summary>Merging a duplicate (合并重复投诉): the duplicate closes, its evidence, log and clocks stay on it, linked from the survivor.</summary>
public sealed partial class Complaint
{
    public const string MergeIntoItself = "complaint.merge_into_itself";
    public const string MergeIntoClosed = "complaint.merge_into_closed";
    public const string MergeOtherCustomer = "complaint.merge_other_customer";

    /// <summary>The open complaint this one was merged into as its duplicate; null unless closed that way.</summary>
    public Guid? DuplicateOfId { get; private set; }

    /// <summary>
    /// Closes this complaint as a duplicate of <paramref name="survivor"/>, which handles both from now on. Only the same
    /// customer's complaints merge: the customer is told on the survivor, and another customer's case must stay theirs.
    /// Both logs say so with the reason; this one's clocks stop here and are shown on the survivor.
    /// </summary>
    public FieldError? MergeInto(Complaint survivor, Actor by, string reason, DateTimeOffset now)
    {
        if (survivor.Id == Id)
        {
            return new FieldError(MergeIntoItself, "IntoId");
        }

        if (survivor.IsClosed)
        {
            return new FieldError(MergeIntoClosed, "IntoId");
        }

        if (survivor.CustomerId != CustomerId)
        {
            return new FieldError(MergeOtherCustomer, "IntoId");
        }

        var refusal = Move(ComplaintTrigger.CloseAsDuplicate, by, reason, now);
        if (refusal is not null)
        {
            return refusal;
        }

        DuplicateOfId = survivor.Id;
        ClosedAt = now;
        var why = reason.Trim();
        _log.Add(ComplaintLogEntry.Write(Id, Round, ComplaintLogKind.Merge, why, null, survivor.Number, by, now));
        survivor._log.Add(ComplaintLogEntry.Write(survivor.Id, survivor.Round, ComplaintLogKind.Merge, why, null, Number, by, now));
        return null;
    }
}
