using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;

namespace AfterSales.Domain.Tests.RepairOrders;

public sealed class RepairJobLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly RepairOrderActor Advisor = new(Guid.NewGuid(), "advisor");
    private static readonly RepairOrderActor Manager = new(Guid.NewGuid(), "workshop");

    private static readonly Dictionary<(RepairJobStatus, RepairJobTrigger), RepairJobStatus> Allowed = new()
    {
        [(RepairJobStatus.Proposed, RepairJobTrigger.Approve)] = RepairJobStatus.Pending,
        [(RepairJobStatus.Proposed, RepairJobTrigger.Decline)] = RepairJobStatus.Declined,
        [(RepairJobStatus.Pending, RepairJobTrigger.Assign)] = RepairJobStatus.Assigned,
        [(RepairJobStatus.Assigned, RepairJobTrigger.Assign)] = RepairJobStatus.Assigned,
        [(RepairJobStatus.Assigned, RepairJobTrigger.Start)] = RepairJobStatus.InProgress,
        [(RepairJobStatus.InProgress, RepairJobTrigger.Pause)] = RepairJobStatus.Paused,
        [(RepairJobStatus.InProgress, RepairJobTrigger.Finish)] = RepairJobStatus.Done,
        [(RepairJobStatus.Paused, RepairJobTrigger.Assign)] = RepairJobStatus.Assigned,
        [(RepairJobStatus.Paused, RepairJobTrigger.Start)] = RepairJobStatus.InProgress,
        [(RepairJobStatus.Paused, RepairJobTrigger.Resume)] = RepairJobStatus.InProgress,
        [(RepairJobStatus.Done, RepairJobTrigger.Check)] = RepairJobStatus.Checked,
        [(RepairJobStatus.Done, RepairJobTrigger.Rework)] = RepairJobStatus.Assigned,
        [(RepairJobStatus.Checked, RepairJobTrigger.Rework)] = RepairJobStatus.Assigned,
    };

    public static TheoryData<RepairJobStatus, RepairJobTrigger> EveryPair()
    {
        var data = new TheoryData<RepairJobStatus, RepairJobTrigger>();
        foreach (var state in Enum.GetValues<RepairJobStatus>())
        {
            foreach (var trigger in Enum.GetValues<RepairJobTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_state_and_trigger_pair_is_decided_as_the_lifecycle_says(RepairJobStatus state, RepairJobTrigger trigger)
    {
        var move = RepairJobLifecycle.Decide(state, trigger);

        if (Allowed.TryGetValue((state, trigger), out var expected))
        {
            Assert.Equal(expected, move.To);
            Assert.Contains(trigger, RepairJobLifecycle.PermittedTriggers(state));
        }
        else
        {
            Assert.False(move.IsAllowed);
            Assert.StartsWith("repair_job.", move.RefusalCode, StringComparison.Ordinal);
            Assert.DoesNotContain(trigger, RepairJobLifecycle.PermittedTriggers(state));
        }
    }

    [Fact]
    public void The_order_follows_its_jobs_from_signature_to_final_inspection_and_back_on_rework()
    {
        var order = SignedOrder(out var first, out var second);
        var tech = Guid.NewGuid();

        Assert.Null(order.AssignJob(first, tech, "Li Wei", Manager, null, Now));
        Assert.Null(order.AssignJob(second, tech, "Li Wei", Manager, null, Now));
        Assert.Equal(RepairOrderStatus.Signed, order.Status);

        Assert.Null(order.MoveJob(first, RepairJobTrigger.Start, Manager, null, Now));
        Assert.Equal(RepairOrderStatus.InWorkshop, order.Status);

        foreach (var job in new[] { first, second })
        {
            if (order.FindJob(job)!.Status == RepairJobStatus.Assigned)
            {
                Assert.Null(order.MoveJob(job, RepairJobTrigger.Start, Manager, null, Now));
            }

            Assert.Null(order.MoveJob(job, RepairJobTrigger.Finish, Manager, null, Now));
        }

        Assert.Null(order.MoveJob(first, RepairJobTrigger.Check, Manager, null, Now));
        Assert.Equal(RepairOrderStatus.InWorkshop, order.Status);
        Assert.Null(order.MoveJob(second, RepairJobTrigger.Check, Manager, null, Now));
        Assert.Equal(RepairOrderStatus.FinalInspection, order.Status);

        Assert.Equal("repair_job.reason_required", order.MoveJob(second, RepairJobTrigger.Rework, Manager, null, Now)!.Code);
        Assert.Null(order.MoveJob(second, RepairJobTrigger.Rework, Manager, "Brake pedal still soft", Now));
        Assert.Equal(RepairOrderStatus.InWorkshop, order.Status);
        Assert.Equal((1, 1, RepairJobStatus.Assigned), (order.ReworkCount, order.FindJob(second)!.ReworkCount, order.FindJob(second)!.Status));
        Assert.Equal(RepairOrderTrigger.FailFinalInspection, order.History[^1].Trigger);
        Assert.Equal(5, order.JobHistory.Count(h => h.RepairJobId == second));
    }

    [Fact]
    public void Jobs_cannot_be_dispatched_before_the_order_is_signed_and_reassignment_needs_a_reason()
    {
        var order = SignedOrder(out var first, out _);
        Assert.Null(order.AssignJob(first, Guid.NewGuid(), "Li Wei", Manager, null, Now));
        Assert.Equal("repair_job.reason_required", order.AssignJob(first, Guid.NewGuid(), "Zhao Min", Manager, " ", Now)!.Code);
        Assert.Null(order.AssignJob(first, Guid.NewGuid(), "Zhao Min", Manager, "Li Wei is off sick", Now));
        Assert.Equal(("Zhao Min", "Li Wei is off sick"), (order.FindJob(first)!.TechnicianName, order.FindJob(first)!.StatusReason));

        Assert.Null(order.Reopen(Advisor, "Customer adds a job", Now));
        Assert.Equal("repair_order.not_in_work", order.MoveJob(first, RepairJobTrigger.Start, Manager, null, Now)!.Code);
        Assert.Equal("repair_job.not_found", order.MoveJob(Guid.NewGuid(), RepairJobTrigger.Start, Manager, null, Now)!.Code);
    }

    private static RepairOrder SignedOrder(out Guid first, out Guid second)
    {
        var order = RepairOrder.Open("RO-20261123-0001", Guid.NewGuid(), new(Guid.NewGuid(), Guid.NewGuid(), null, "Brakes squeal", null, "advisor"), 300m, 0.13m, Advisor, Now);
        Assert.Null(order.Revise(
            new RepairOrderContent(
                "Brakes squeal",
                [Job("BRK01", WorkshopSkill.Mechanical), Job("OIL01", WorkshopSkill.Maintenance)],
                0m,
                null,
                null,
                PaymentMethod.WeChatPay,
                OldPartsHandling.CustomerTakes,
                false,
                null),
            Advisor,
            Now));
        Assert.Null(order.RecordCheckIn(new CheckInDetails(12000, 80, null, true, true, true, null, []), Advisor, Now));
        Assert.Null(order.SubmitForSignature(Advisor, null, Now));
        Assert.Null(order.Sign("Zhang San", SignatureChannel.InPerson, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], "{}", null, Advisor, Now));
        first = order.Jobs[0].Id;
        second = order.Jobs[1].Id;
        return order;
    }

    private static JobInput Job(string code, WorkshopSkill skill) => new(null, null, code, code, code, skill, 1m, PayType.Customer, null, []);
}
