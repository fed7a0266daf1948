using AfterSales.Domain.Delivery;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;

namespace AfterSales.Domain.Tests.Delivery;

public sealed class OrderDeliveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly RepairOrderActor Cashier = new(Guid.NewGuid(), "cashier", 5m);
    private static readonly HandoverChecklist Complete = new(false, "B2-17", true, true, true, true, true);

    [Fact]
    public void Handover_needs_the_whole_checklist_and_marks_the_order_ready()
    {
        var (order, delivery) = Inspected();

        Assert.Equal("delivery.checklist_incomplete", delivery.CompleteHandover(order, Complete with { Clean = false }, Cashier, Now)!.Code);
        Assert.Equal("delivery.parking_spot_required", delivery.CompleteHandover(order, Complete with { ParkingSpot = " " }, Cashier, Now)!.Code);
        Assert.Null(delivery.CompleteHandover(order, Complete, Cashier, Now));

        Assert.Equal(RepairOrderStatus.ReadyForDelivery, order.Status);
        Assert.Equal("B2-17", delivery.ParkingSpot);
    }

    [Fact]
    public void Part_payments_with_cash_change_settle_the_bill_to_the_cent()
    {
        var (order, delivery) = Inspected();
        Assert.Null(delivery.CompleteHandover(order, Complete, Cashier, Now));

        // Two jobs × 1 h × 300 = 600, 13 % tax = 78: 678.00.
        Assert.Equal(678m, delivery.Outstanding(order));
        Assert.Equal("settlement.account_not_allowed", delivery.Pay(order, 10m, PaymentMethod.Account, 100m, null, null, false, Cashier, Now)!.Code);
        Assert.Equal("settlement.tendered_too_little", delivery.Pay(order, 10m, PaymentMethod.Cash, 200m, 199.99m, null, false, Cashier, Now)!.Code);
        Assert.Equal("settlement.tendered_cash_only", delivery.Pay(order, 10m, PaymentMethod.Card, 200m, 300m, null, false, Cashier, Now)!.Code);
        Assert.Null(delivery.Pay(order, 10m, PaymentMethod.Cash, 200.005m, 500m, null, false, Cashier, Now));
        Assert.Equal(299.99m, delivery.Payments[0].Change);
        Assert.False(delivery.TrySettle(order, 10m, () => "INV-2026-000001", Now));
        Assert.Equal("settlement.amount_invalid", delivery.Pay(order, 10m, PaymentMethod.Card, 478m, null, null, false, Cashier, Now)!.Code);
        Assert.Null(delivery.Pay(order, 10m, PaymentMethod.Account, 477.99m, null, null, true, Cashier, Now));

        Assert.True(delivery.TrySettle(order, 10m, () => "INV-2026-000001", Now));
        Assert.Equal(("INV-2026-000001", 477.99m, 200.01m), (delivery.InvoiceNumber, delivery.OnAccount, delivery.Paid));
        Assert.Equal("settlement.already_settled", delivery.Pay(order, 10m, PaymentMethod.Card, 1m, null, null, false, Cashier, Now)!.Code);
    }

    [Fact]
    public void A_discount_above_the_role_limit_is_refused_and_within_it_lowers_customer_pay()
    {
        var (order, delivery) = Inspected();
        Assert.Null(delivery.CompleteHandover(order, Complete, Cashier, Now));

        Assert.Equal("repair_order.discount_above_your_limit", delivery.SetDiscount(order, 6m, "loyal", Cashier)!.Code);
        Assert.Equal("settlement.discount_reason_required", delivery.SetDiscount(order, 5m, null, Cashier)!.Code);
        Assert.Null(delivery.SetDiscount(order, 5m, "loyal", Cashier));

        // 600 − 30 = 570, tax 74.10: 644.10.
        Assert.Equal(644.10m, delivery.Totals(order).CustomerPays);
    }

    [Fact]
    public void Delivery_waits_for_settlement_and_the_gate_pass_works_once()
    {
        var (order, delivery) = Inspected();
        Assert.Null(delivery.CompleteHandover(order, Complete, Cashier, Now));
        var walk = new WalkThrough(null, null, new DateOnly(2027, 5, 23), 30_000, new TimeOnly(10, 0), new TimeOnly(12, 0));
        Assert.Equal("delivery.not_settled", delivery.Deliver(order, walk, "code", Cashier, Now)!.Code);
        Assert.Equal(GateCheck.Invalid, delivery.UseGatePass("gate", Now));

        Assert.Null(delivery.Pay(order, 10m, PaymentMethod.WeChatPay, 678m, null, "WX1", false, Cashier, Now));
        Assert.True(delivery.TrySettle(order, 10m, () => "INV-2026-000002", Now));
        Assert.Null(delivery.Deliver(order, walk, "code", Cashier, Now));

        Assert.Equal(RepairOrderStatus.Delivered, order.Status);
        Assert.Equal(GateCheck.Valid, delivery.UseGatePass("gate", Now));
        Assert.Equal(GateCheck.AlreadyUsed, delivery.UseGatePass("gate", Now.AddMinutes(1)));
        Assert.Equal(Now, delivery.GatePassUsedAt);
    }

    [Fact]
    public void A_bill_above_the_estimate_and_tolerance_needs_approval_of_that_amount()
    {
        var (order, delivery) = Inspected(estimate: 600m);
        Assert.Null(delivery.CompleteHandover(order, Complete, Cashier, Now));

        Assert.True(delivery.NeedsApproval(order, 10m));
        Assert.False(delivery.NeedsApproval(order, 13m));
        Assert.Equal("settlement.approval_required", delivery.Pay(order, 10m, PaymentMethod.Card, 1m, null, null, false, Cashier, Now)!.Code);
        Assert.Null(delivery.ApproveDifference(order, "Zhang San", Now));
        Assert.False(delivery.NeedsApproval(order, 10m));
    }

    [Fact]
    public void A_job_still_pending_a_pay_type_decision_refuses_payment_and_settlement()
    {
        var (order, delivery) = Inspected(pendingJob: true);
        Assert.Null(delivery.CompleteHandover(order, Complete, Cashier, Now));

        // Only the customer job is billed (300 + 13 % = 339); the pending one is billed to nobody yet.
        Assert.Equal(339m, delivery.Outstanding(order));
        Assert.Equal(OrderDelivery.PayTypePending, delivery.Pay(order, 10m, PaymentMethod.Card, 339m, null, null, false, Cashier, Now)!.Code);
        Assert.Equal(OrderDelivery.PayTypePending, delivery.SetDiscount(order, 0m, null, Cashier)!.Code);
        Assert.False(delivery.CanSettle(order, 10m));
        Assert.False(delivery.TrySettle(order, 10m, () => "INV-2026-000003", Now));
        Assert.Null(delivery.InvoiceNumber);
    }

    private static (RepairOrder Order, OrderDelivery Delivery) Inspected(decimal estimate = 678m, bool pendingJob = false)
    {
        var order = RepairOrder.Open("RO-20261123-0001", Guid.NewGuid(), new(Guid.NewGuid(), Guid.NewGuid(), null, "Brakes squeal", null, "advisor"), 300m, 0.13m, Cashier, Now);
        Assert.Null(order.Revise(
            new RepairOrderContent("Brakes squeal", [Job("BRK01"), Job("OIL01", pendingJob ? PayType.PendingDecision : PayType.Customer)], 0m, null, null, PaymentMethod.WeChatPay, OldPartsHandling.CustomerTakes, false, null),
            Cashier,
            Now));
        Assert.Null(order.RecordCheckIn(new CheckInDetails(12000, 80, null, true, true, true, null, []), Cashier, Now));
        Assert.Null(order.SubmitForSignature(Cashier, null, Now));
        Assert.Null(order.Sign("Zhang San", SignatureChannel.InPerson, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], "{}", null, Cashier, Now));
        foreach (var job in order.Jobs)
        {
            Assert.Null(order.AssignJob(job.Id, Guid.NewGuid(), "Li Wei", Cashier, null, Now));
            Assert.Null(order.MoveJob(job.Id, RepairJobTrigger.Start, Cashier, null, Now));
            Assert.Null(order.MoveJob(job.Id, RepairJobTrigger.Finish, Cashier, null, Now));
            Assert.Null(order.MoveJob(job.Id, RepairJobTrigger.Check, Cashier, null, Now));
        }

        Assert.Null(order.PassFinalInspection(Cashier, null, Now));
        return (order, OrderDelivery.Start(order, estimate, Now));
    }

    private static JobInput Job(string code, PayType payType = PayType.Customer) => new(null, null, code, code, code, WorkshopSkill.Mechanical, 1m, payType, null, []);
}
