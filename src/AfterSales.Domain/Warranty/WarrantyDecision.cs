using AfterSales.Domain.Common;
using AfterSales.Domain.Service;

namespace AfterSales.Domain.Warranty;

/// <summary>
/// The job a warranty question is about, by reference: the repair-order module lands separately, so the
/// warranty module keeps its kind, id and human number ("RepairOrderJob", id, "RO-20261123-0007/2").
/// </summary>
public sealed record JobReference(string Kind, Guid Id, string Number)
{
    public const int KindMaxLength = 40;
    public const int NumberMaxLength = 40;
}

/// <summary>
/// Who pays for a job, as someone decided it (保修判定): what the system proposed and why, what was chosen,
/// and why it differs. An override without a reason is refused. Decisions are never edited; a new decision
/// for the same job supersedes the earlier one.
/// </summary>
public sealed class WarrantyDecision
{
    public const int ReasonMaxLength = 500;
    public const int ReasonCodeMaxLength = 60;
    public const int ReasonTextMaxLength = 500;

    private WarrantyDecision()
    {
    }

    public Guid Id { get; private set; }

    public Guid StoreId { get; private set; }

    public Guid AssetId { get; private set; }

    public ComponentGroup Group { get; private set; }

    public int? MileageKm { get; private set; }

    public PayType Proposed { get; private set; }

    public string ProposedReasonCode { get; private set; } = string.Empty;

    public string ProposedReasonZh { get; private set; } = string.Empty;

    public string ProposedReasonEn { get; private set; } = string.Empty;

    public Guid? PolicyId { get; private set; }

    public Guid? ContractId { get; private set; }

    public PayType Chosen { get; private set; }

    public string? Reason { get; private set; }

    public string? JobKind { get; private set; }

    public Guid? JobId { get; private set; }

    public string? JobNumber { get; private set; }

    /// <summary>The claim of the job: the open claim a warranty decision belongs to, or the rejected claim a decision after the rejection settles.</summary>
    public Guid? ClaimId { get; private set; }

    public Guid? DecidedById { get; private set; }

    public string DecidedByName { get; private set; } = string.Empty;

    public DateTimeOffset DecidedAt { get; private set; }

    public bool IsOverride => Chosen != Proposed;

    public static (WarrantyDecision? Decision, FieldError? Error) Record(
        Guid storeId,
        Guid assetId,
        ComponentGroup group,
        int? mileageKm,
        PayTypeProposal proposal,
        PayType chosen,
        string? reason,
        JobReference? job,
        Complaints.Actor by,
        DateTimeOffset now,
        Guid? claimId = null)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (chosen != proposal.PayType && why is null)
        {
            return (null, new FieldError("warranty.override_reason_required", "Reason"));
        }

        return (new WarrantyDecision
        {
            Id = Guid.CreateVersion7(now),
            StoreId = storeId,
            AssetId = assetId,
            Group = group,
            MileageKm = mileageKm,
            Proposed = proposal.PayType,
            ProposedReasonCode = proposal.ReasonCode,
            ProposedReasonZh = Cut(proposal.Reason.ZhCn),
            ProposedReasonEn = Cut(proposal.Reason.En),
            PolicyId = proposal.PolicyId,
            ContractId = proposal.ContractId,
            Chosen = chosen,
            Reason = why,
            JobKind = job?.Kind,
            JobId = job?.Id,
            JobNumber = job?.Number,
            ClaimId = claimId,
            DecidedById = by.UserId,
            DecidedByName = by.UserName,
            DecidedAt = now,
        }, null);
    }

    private static string Cut(string text) => text.Length <= ReasonTextMaxLength ? text : text[..ReasonTextMaxLength];
}
