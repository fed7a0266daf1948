using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;

namespace AfterSales.Domain.Tests.RepairOrders;

public sealed class TechnicianWorkTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly RepairOrderActor Advisor = new(Guid.NewGuid(), "advisor");
    private static readonly RepairOrderActor Tech = new(Guid.NewGuid(), "tech");

    [Fact]
    public void Every_move_into_work_opens_a_session_and_every_move_out_closes_it()
    {
        var order = SignedOrder(preApproved: null, out var job);
        Assert.Null(order.AssignJob(job, Tech.UserId!.Value, "tech", Advisor, null, Now));

        Assert.Null(order.MoveJob(job, RepairJobTrigger.Start, Tech, null, Now));
        Assert.Null(order.PauseJob(job, PauseReason.EndOfShift, null, Tech, Now.AddHours(2)));
        Assert.Null(order.MoveJob(job, RepairJobTrigger.Resume, Tech, null, Now.AddHours(16)));
        Assert.Null(order.MoveJob(job, RepairJobTrigger.Finish, Tech, null, Now.AddHours(17.5)));

        Assert.Equal(2, order.ClockSessions.Count);
        Assert.All(order.ClockSessions, s => Assert.NotNull(s.EndedAt));
        Assert.Equal(3.5m, order.ActualHours(job, Now.AddDays(3)));
    }

    [Fact]
    public void Pausing_for_another_reason_needs_a_note()
    {
        var order = SignedOrder(preApproved: null, out var job);
        Assert.Null(order.AssignJob(job, Tech.UserId!.Value, "tech", Advisor, null, Now));
        Assert.Null(order.MoveJob(job, RepairJobTrigger.Start, Tech, null, Now));

        Assert.Equal(RepairOrder.PauseNoteRequired, order.PauseJob(job, PauseReason.Other, " ", Tech, Now)!.Code);
        Assert.Null(order.PauseJob(job, PauseReason.Other, "lift broken", Tech, Now));
        Assert.Equal("Other: lift broken", order.FindJob(job)!.StatusReason);
    }

    [Fact]
    public void Extra_work_within_the_pre_approved_amount_is_approved_at_once_and_beyond_it_waits_for_the_customer()
    {
        var order = SignedOrder(preApproved: 500m, out _);

        Assert.Null(order.ProposeExtraWork(Job("WIP01", 1m), false, null, Advisor, Now, out var first));
        Assert.Null(order.ProposeExtraWork(Job("WIP02", 1m), false, null, Advisor, Now, out var second));

        Assert.Equal(RepairJobStatus.Pending, first!.Status);
        Assert.Equal(RepairJobStatus.Proposed, second!.Status);
        Assert.Equal(ExtraWorkChannel.PreApproved, Assert.Single(order.ExtraWorkApprovals).Channel);
        Assert.Equal(RepairJobLifecycle.NotApproved, order.MoveJob(second.Id, RepairJobTrigger.Start, Tech, null, Now)!.Code);
    }

    [Fact]
    public void A_declined_safety_item_stays_on_the_order_and_is_not_charged()
    {
        var order = SignedOrder(preApproved: null, out _);
        var before = order.Totals.Total;
        Assert.Null(order.ReportFinding(null, "rear pads worn out", true, Tech, Now, out var finding));
        Assert.Null(order.ProposeExtraWork(Job("BRK02", 1m), false, finding!.Id, Advisor, Now, out var job));

        Assert.Equal("repair_order.signature_invalid", order.DecideExtraWork(job!.Id, ExtraWorkDecision.Declined, ExtraWorkChannel.InPerson, "Zhang San", null, "{}", null, Advisor, Now)!.Code);
        Assert.Null(order.DecideExtraWork(job.Id, ExtraWorkDecision.Declined, ExtraWorkChannel.RemoteLink, "Zhang San", null, "{}", "10.0.0.1", new RepairOrderActor(null, "Zhang San"), Now));

        Assert.Equal((RepairJobStatus.Declined, true), (job.Status, job.SafetyCritical));
        Assert.Contains(job, order.Jobs);
        Assert.Equal(before, order.Totals.Total);
        Assert.Equal(RepairJobLifecycle.Declined, order.DecideExtraWork(job.Id, ExtraWorkDecision.Approved, ExtraWorkChannel.RemoteLink, "Zhang San", null, "{}", null, Advisor, Now)!.Code);
    }

    [Fact]
    public void A_delay_moves_the_promise_only_later()
    {
        var order = SignedOrder(preApproved: null, out _);

        Assert.Equal(RepairOrder.DelayNotLater, order.ReportDelay(Now.AddMinutes(-1), "parts", Tech, Now)!.Code);
        Assert.Null(order.ReportDelay(Now.AddDays(1), "parts", Tech, Now));
        Assert.Equal(RepairOrder.DelayNotLater, order.ReportDelay(Now.AddHours(20), "parts", Tech, Now)!.Code);

        Assert.Equal(Now.AddDays(1), order.PromisedAt);
        Assert.Single(order.Delays);
    }

    private static RepairOrder SignedOrder(decimal? preApproved, out Guid job)
    {
        var order = RepairOrder.Open("RO-20261123-0002", Guid.NewGuid(), new(Guid.NewGuid(), Guid.NewGuid(), null, "Brakes squeal", null, "advisor"), 300m, 0.13m, Advisor, Now);
        Assert.Null(order.Revise(
            new RepairOrderContent("Brakes squeal", [Job("BRK01", 1m)], 0m, null, null, PaymentMethod.WeChatPay, OldPartsHandling.CustomerTakes, false, preApproved),
            Advisor,
            Now));
        Assert.Null(order.RecordCheckIn(new CheckInDetails(12000, 80, null, true, true, true, null, []), Advisor, Now));
        Assert.Null(order.SubmitForSignature(Advisor, null, Now));
        Assert.Null(order.Sign("Zhang San", SignatureChannel.InPerson, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], "{}", null, Advisor, Now));
        job = order.Jobs[0].Id;
        return order;
    }

    private static JobInput Job(string code, decimal hours) => new(null, null, code, code, code, WorkshopSkill.Mechanical, hours, PayType.Customer, null, []);
}
