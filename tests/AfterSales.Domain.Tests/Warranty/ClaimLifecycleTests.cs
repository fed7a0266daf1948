using AfterSales.Domain.Complaints;
using AfterSales.Domain.Service;
using AfterSales.Domain.Warranty;

namespace AfterSales.Domain.Tests.Warranty;

public sealed class ClaimLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly Actor Clerk = new(Guid.NewGuid(), "clerk");

    private static readonly Dictionary<(ClaimStatus, ClaimTrigger), ClaimStatus> Allowed = new()
    {
        [(ClaimStatus.Draft, ClaimTrigger.Edit)] = ClaimStatus.Draft,
        [(ClaimStatus.Draft, ClaimTrigger.Submit)] = ClaimStatus.Submitted,
        [(ClaimStatus.Submitted, ClaimTrigger.Approve)] = ClaimStatus.Approved,
        [(ClaimStatus.Submitted, ClaimTrigger.Reject)] = ClaimStatus.Rejected,
        [(ClaimStatus.Approved, ClaimTrigger.RecordPayment)] = ClaimStatus.Paid,
        [(ClaimStatus.Rejected, ClaimTrigger.Revise)] = ClaimStatus.Draft,
        [(ClaimStatus.Rejected, ClaimTrigger.DecideAfterRejection)] = ClaimStatus.Closed,
    };

    public static TheoryData<ClaimStatus, ClaimTrigger> EveryPair()
    {
        var data = new TheoryData<ClaimStatus, ClaimTrigger>();
        foreach (var state in Enum.GetValues<ClaimStatus>())
        {
            foreach (var trigger in Enum.GetValues<ClaimTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_state_and_trigger_is_allowed_or_refused_with_a_code(ClaimStatus state, ClaimTrigger trigger)
    {
        var move = ClaimLifecycle.Decide(state, trigger);

        if (Allowed.TryGetValue((state, trigger), out var to))
        {
            Assert.Equal(to, move.To);
            Assert.Null(move.RefusalCode);
        }
        else
        {
            Assert.Null(move.To);
            Assert.StartsWith("claim.", move.RefusalCode, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_claim_with_parts_needs_the_old_part_tag_before_it_is_submitted()
    {
        var claim = Draft(tag: null);

        Assert.Equal("claim.old_part_tag_required", claim.Submit(Clerk, Now)?.Code);
        Assert.Null(claim.Edit(ComponentGroup.TractionBattery, "电芯压差大", Lines, "JJ-0001"));
        Assert.Null(claim.Submit(Clerk, Now));
        Assert.Equal(ClaimStatus.Submitted, claim.Status);
    }

    [Fact]
    public void The_claimed_amount_is_parts_plus_labour_and_approval_cannot_exceed_it()
    {
        var claim = Draft();
        claim.Submit(Clerk, Now);

        Assert.Equal(1_800m + (2.5m * 180m), claim.ClaimedAmount);
        Assert.Equal("claim.approved_amount_invalid", claim.Approve(claim.ClaimedAmount + 0.01m, null, Clerk, Now)?.Code);
        Assert.Null(claim.Approve(2_000m, "BYD-CL-88", Clerk, Now));
        Assert.Equal("claim.paid_amount_invalid", claim.RecordPayment(2_000.01m, Clerk, Now)?.Code);
        Assert.Null(claim.RecordPayment(2_000m, Clerk, Now));
        Assert.Equal(ClaimStatus.Paid, claim.Status);
        Assert.Equal([null, ClaimStatus.Draft, ClaimStatus.Submitted, ClaimStatus.Approved], claim.History.Select(h => h.From));
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_only_a_goodwill_or_customer_decision_closes_it()
    {
        var claim = Draft();
        claim.Submit(Clerk, Now);
        Assert.Equal("claim.rejection_reason_required", claim.Reject(" ", null, Clerk, Now)?.Code);
        Assert.Null(claim.Reject("非质量问题：进水", null, Clerk, Now));

        var proposal = new PayTypeProposal(PayType.Warranty, PayTypeProposer.CoveredByPolicy, new("在保", "covered"));
        var internalPay = WarrantyDecision.Record(claim.StoreId, claim.AssetId, claim.Group, null, proposal, PayType.Internal, "内部", claim.Job, Clerk, Now, claim.Id).Decision!;
        var goodwill = WarrantyDecision.Record(claim.StoreId, claim.AssetId, claim.Group, null, proposal, PayType.Goodwill, "老客户善意维修", claim.Job, Clerk, Now, claim.Id).Decision!;

        Assert.Equal("claim.follow_up_pay_type_invalid", claim.DecideAfterRejection(internalPay, Clerk, Now)?.Code);
        Assert.Null(claim.DecideAfterRejection(goodwill, Clerk, Now));
        Assert.Equal(ClaimStatus.Closed, claim.Status);
        Assert.Equal(goodwill.Id, claim.FollowUpDecisionId);
        Assert.Equal("claim.closed_read_only", claim.Revise(null, Clerk, Now)?.Code);
    }

    [Fact]
    public void An_override_without_a_reason_is_refused_and_keeping_the_proposal_needs_none()
    {
        var proposal = new PayTypeProposal(PayType.Warranty, PayTypeProposer.CoveredByPolicy, new("在保", "covered"));

        var (none, error) = WarrantyDecision.Record(Guid.NewGuid(), Guid.NewGuid(), ComponentGroup.WholeVehicle, 1, proposal, PayType.Customer, "  ", null, Clerk, Now);
        var (kept, noError) = WarrantyDecision.Record(Guid.NewGuid(), Guid.NewGuid(), ComponentGroup.WholeVehicle, 1, proposal, PayType.Warranty, null, null, Clerk, Now);

        Assert.Null(none);
        Assert.Equal("warranty.override_reason_required", error?.Code);
        Assert.Null(noError);
        Assert.False(kept!.IsOverride);
    }

    private static readonly ClaimLine[] Lines =
    [
        new(ClaimLineKind.Part, "BYD-BAT-01", "动力电池模组", 1, 1_800m),
        new(ClaimLineKind.Labour, "L-BAT", "更换电池模组", 2.5m, 180m),
    ];

    private static WarrantyClaim Draft(string? tag = "JJ-0001") =>
        WarrantyClaim.Draft("SP-2026-000001", Guid.NewGuid(), Guid.NewGuid(), "比亚迪", new JobReference("RepairOrderJob", Guid.NewGuid(), "RO-20261123-0007/1"), ComponentGroup.TractionBattery, "电芯压差大", Lines, tag, Clerk, Now);
}
