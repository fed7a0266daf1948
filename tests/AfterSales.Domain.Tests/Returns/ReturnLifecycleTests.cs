using AfterSales.Domain.Complaints;
using AfterSales.Domain.Returns;

namespace AfterSales.Domain.Tests.Returns;

public sealed class ReturnLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly Actor Clerk = new(Guid.NewGuid(), "clerk");

    private static readonly Dictionary<(ReturnStatus, ReturnTrigger), ReturnStatus> Allowed = new()
    {
        [(ReturnStatus.Requested, ReturnTrigger.Inspect)] = ReturnStatus.Inspected,
        [(ReturnStatus.Requested, ReturnTrigger.Refuse)] = ReturnStatus.Refused,
        [(ReturnStatus.Requested, ReturnTrigger.Escalate)] = ReturnStatus.Escalated,
        [(ReturnStatus.Inspected, ReturnTrigger.Resolve)] = ReturnStatus.Resolved,
        [(ReturnStatus.Inspected, ReturnTrigger.Refuse)] = ReturnStatus.Refused,
        [(ReturnStatus.Inspected, ReturnTrigger.Escalate)] = ReturnStatus.Escalated,
        [(ReturnStatus.Escalated, ReturnTrigger.Resolve)] = ReturnStatus.Resolved,
        [(ReturnStatus.Escalated, ReturnTrigger.Refuse)] = ReturnStatus.Refused,
        [(ReturnStatus.Refused, ReturnTrigger.Escalate)] = ReturnStatus.Escalated,
    };

    public static TheoryData<ReturnStatus, ReturnTrigger> EveryPair()
    {
        var data = new TheoryData<ReturnStatus, ReturnTrigger>();
        foreach (var state in Enum.GetValues<ReturnStatus>())
        {
            foreach (var trigger in Enum.GetValues<ReturnTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_state_and_trigger_is_allowed_or_refused_with_a_code(ReturnStatus state, ReturnTrigger trigger)
    {
        var move = ReturnLifecycle.Decide(state, trigger);

        if (Allowed.TryGetValue((state, trigger), out var to))
        {
            Assert.Equal(to, move.To);
        }
        else
        {
            Assert.Null(move.To);
            Assert.StartsWith("return.", move.RefusalCode, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(ReturnReason.QualityFault, InspectionResult.FaultConfirmed, CostBearer.Seller)]
    [InlineData(ReturnReason.NotAsDescribed, InspectionResult.NotAsDescribedConfirmed, CostBearer.Seller)]
    [InlineData(ReturnReason.QualityFault, InspectionResult.NoFaultFound, CostBearer.Buyer)]
    [InlineData(ReturnReason.QualityFault, InspectionResult.DamagedByCustomer, CostBearer.Buyer)]
    [InlineData(ReturnReason.ChangedMind, null, CostBearer.Buyer)]
    [InlineData(ReturnReason.QualityFault, null, CostBearer.Seller)]
    public void Shipping_is_borne_by_whoever_is_at_fault(ReturnReason reason, InspectionResult? inspection, CostBearer expected) =>
        Assert.Equal(expected, ReturnLifecycle.ShippingBorneBy(reason, inspection));

    [Fact]
    public void Each_step_is_recorded_with_how_long_it_waited()
    {
        var sale = ProductSale.Record(Guid.NewGuid(), Guid.NewGuid(), "TB123", SaleChannel.Online, [new SaleItem("P1", "蓝牙耳机", 1, 399m)], Now.AddDays(-3), Now);
        var request = ReturnRequest.Open("TH-2026-000001", sale, ReturnKind.Return, ReturnReason.QualityFault, "左耳无声", ["聊天记录截图 #1"], Clerk, Now);

        Assert.Equal(ReturnLifecycle.NotInspectedYet, request.Resolve(ReturnOutcome.Refund, 399m, 12m, sale.Total, null, Clerk, Now)?.Code);
        Assert.Null(request.Inspect(InspectionResult.FaultConfirmed, "左耳喇叭损坏", Clerk, Now.AddHours(5)));
        Assert.Equal("return.refund_amount_invalid", request.Resolve(ReturnOutcome.Refund, 400m, 12m, sale.Total, null, Clerk, Now.AddHours(6))?.Code);
        Assert.Null(request.Resolve(ReturnOutcome.Refund, 399m, 12m, sale.Total, null, Clerk, Now.AddHours(6)));

        Assert.Equal(CostBearer.Seller, request.ShippingBorneBy);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromHours(5), TimeSpan.FromHours(1)], request.Steps.Select(s => s.Waited));
        Assert.Equal(ReturnLifecycle.AlreadyDecided, request.Escalate(EscalationTarget.Platform, "不满意", Clerk, Now)?.Code);
    }
}
