using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;

namespace AfterSales.Domain.Tests.RepairOrders;

public sealed class RepairOrderLifecycleTests
{
    /// <summary>Every allowed move; everything else is refused with a code.</summary>
    private static readonly Dictionary<(RepairOrderStatus, RepairOrderTrigger), RepairOrderStatus> Allowed = new()
    {
        [(RepairOrderStatus.Draft, RepairOrderTrigger.SubmitForSignature)] = RepairOrderStatus.AwaitingSignature,
        [(RepairOrderStatus.Draft, RepairOrderTrigger.Cancel)] = RepairOrderStatus.Cancelled,
        [(RepairOrderStatus.AwaitingSignature, RepairOrderTrigger.Sign)] = RepairOrderStatus.Signed,
        [(RepairOrderStatus.AwaitingSignature, RepairOrderTrigger.Reopen)] = RepairOrderStatus.Draft,
        [(RepairOrderStatus.AwaitingSignature, RepairOrderTrigger.Cancel)] = RepairOrderStatus.Cancelled,
        [(RepairOrderStatus.Signed, RepairOrderTrigger.Reopen)] = RepairOrderStatus.Draft,
        [(RepairOrderStatus.Signed, RepairOrderTrigger.Cancel)] = RepairOrderStatus.Cancelled,
        [(RepairOrderStatus.Signed, RepairOrderTrigger.StartWork)] = RepairOrderStatus.InWorkshop,
        [(RepairOrderStatus.InWorkshop, RepairOrderTrigger.CompleteWork)] = RepairOrderStatus.FinalInspection,
        [(RepairOrderStatus.FinalInspection, RepairOrderTrigger.PassFinalInspection)] = RepairOrderStatus.Inspected,
        [(RepairOrderStatus.FinalInspection, RepairOrderTrigger.FailFinalInspection)] = RepairOrderStatus.InWorkshop,
        [(RepairOrderStatus.Inspected, RepairOrderTrigger.MarkReady)] = RepairOrderStatus.ReadyForDelivery,
        [(RepairOrderStatus.ReadyForDelivery, RepairOrderTrigger.Deliver)] = RepairOrderStatus.Delivered,
    };

    public static TheoryData<RepairOrderStatus, RepairOrderTrigger> EveryPair()
    {
        var data = new TheoryData<RepairOrderStatus, RepairOrderTrigger>();
        foreach (var state in Enum.GetValues<RepairOrderStatus>())
        {
            foreach (var trigger in Enum.GetValues<RepairOrderTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_state_and_trigger_pair_is_decided_as_the_lifecycle_says(RepairOrderStatus state, RepairOrderTrigger trigger)
    {
        var move = RepairOrderLifecycle.Decide(state, trigger);

        if (Allowed.TryGetValue((state, trigger), out var expected))
        {
            Assert.Equal(expected, move.To);
            Assert.Contains(trigger, RepairOrderLifecycle.PermittedTriggers(state));
        }
        else
        {
            Assert.False(move.IsAllowed);
            Assert.StartsWith("repair_order.", move.RefusalCode, StringComparison.Ordinal);
            Assert.DoesNotContain(trigger, RepairOrderLifecycle.PermittedTriggers(state));
        }
    }

    [Fact]
    public void Only_a_draft_is_editable()
    {
        Assert.Equal([RepairOrderStatus.Draft], Enum.GetValues<RepairOrderStatus>().Where(RepairOrderLifecycle.IsEditable));
    }

    [Fact]
    public void Discount_applies_to_customer_pay_only_and_tax_to_every_pay_type_and_declined_or_proposed_jobs_are_not_counted()
    {
        var totals = RepairOrderTotals.Of(
            [(RepairJobStatus.Pending, PayType.Customer, 100m, 200m), (RepairJobStatus.Checked, PayType.Insurance, 50m, 0m), (RepairJobStatus.Done, PayType.Customer, 0m, 100m),
             (RepairJobStatus.Declined, PayType.Customer, 900m, 900m), (RepairJobStatus.Proposed, PayType.Insurance, 500m, 0m)],
            10m,
            0.13m);

        var customer = Assert.Single(totals.ByPayType, t => t.PayType == PayType.Customer);
        Assert.Equal((100m, 300m, 40m, 360m, 46.80m, 406.80m), (customer.Labour, customer.Parts, customer.Discount, customer.Net, customer.Tax, customer.Total));
        var insurance = Assert.Single(totals.ByPayType, t => t.PayType == PayType.Insurance);
        Assert.Equal((0m, 50m, 6.50m, 56.50m), (insurance.Discount, insurance.Net, insurance.Tax, insurance.Total));
        Assert.Equal(463.30m, totals.Total);
        Assert.Equal(406.80m, totals.CustomerPays);
    }

    [Fact]
    public void A_signature_must_be_a_png()
    {
        Assert.False(RepairOrder.IsPng([1, 2, 3]));
        Assert.False(RepairOrder.IsPng(null));
        Assert.True(RepairOrder.IsPng([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]));
    }
}
