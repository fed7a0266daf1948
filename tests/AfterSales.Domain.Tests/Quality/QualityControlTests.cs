using AfterSales.Domain.Common;
using AfterSales.Domain.Quality;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;

namespace AfterSales.Domain.Tests.Quality;

public sealed class QualityControlTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly RepairOrderActor Advisor = new(Guid.NewGuid(), "advisor");
    private static readonly RepairOrderActor Technician = new(Guid.NewGuid(), "赵磊");
    private static readonly RepairOrderActor Lead = new(Guid.NewGuid(), "刘强");
    private static readonly RepairOrderActor Qc = new(Guid.NewGuid(), "孙丽");

    private static readonly QualityChecklist Trade = QualityChecklist.Create(
        new ChecklistDetails(WorkshopSkill.Mechanical, null, "机修", "Mechanical", true, [new("制动", "Brakes", true), new("无异响", "No noise", false)]), Now);

    private static readonly QualityChecklist Operation = QualityChecklist.Create(
        new ChecklistDetails(WorkshopSkill.Mechanical, " brk01 ", "刹车片", "Brake pads", false, [new("力矩", "Torque", true)]), Now);

    [Fact]
    public void The_operations_own_checklist_wins_then_the_trades_then_the_general_one()
    {
        Assert.Equal("Brake pads", QualityChecklist.For([Trade, Operation], WorkshopSkill.Mechanical, "BRK01").NameEn);
        Assert.Equal("Mechanical", QualityChecklist.For([Trade, Operation], WorkshopSkill.Mechanical, "ME-009").NameEn);
        Assert.Same(QualityChecklist.General, QualityChecklist.For([Trade, Operation], WorkshopSkill.Phone, "PH-001"));
        var retired = QualityChecklist.Create(new ChecklistDetails(WorkshopSkill.Phone, null, "手机", "Phone", false, [new("开机", "Boots", false)]), Now);
        retired.Retire();
        Assert.Same(QualityChecklist.General, QualityChecklist.For([retired], WorkshopSkill.Phone, "PH-001"));
    }

    [Fact]
    public void A_failed_safety_item_is_named_before_any_other_failure_and_the_job_stays_in_progress()
    {
        var order = InProgress(out var job, out _);
        var checklist = Trade.Apply();

        var safety = QualityControl.SelfCheck(order, job, checklist, [new(0, false), new(1, false)], null, Technician, Now);
        var other = QualityControl.SelfCheck(order, job, checklist, [new(0, true), new(1, false)], null, Technician, Now);
        var missing = QualityControl.SelfCheck(order, job, checklist, [new(0, true), new(0, true)], null, Technician, Now);

        Assert.Equal(new FieldError(QualityControl.SafetyItemFailed, "Items[0]"), safety.Refusal);
        Assert.Equal(new FieldError(QualityControl.ItemFailed, "Items[1]"), other.Refusal);
        Assert.Equal(QualityControl.ItemsIncomplete, missing.Refusal?.Code);
        Assert.Equal(RepairJobStatus.InProgress, order.FindJob(job)!.Status);
    }

    [Fact]
    public void Three_levels_move_the_job_and_the_order_and_only_a_passed_final_inspection_reaches_inspected()
    {
        var order = InProgress(out var first, out var second);
        var checklist = Trade.Apply();
        var all = new List<ItemAnswer> { new(0, true), new(1, true) };
        foreach (var job in new[] { first, second })
        {
            var self = QualityControl.SelfCheck(order, job, checklist, all, null, Technician, Now);
            Assert.Null(self.Refusal);
            Assert.Equal((QualityLevel.SelfCheck, true), (self.Check!.Level, self.Check.Passed));
        }

        var failed = QualityControl.TeamLeadCheck(order, first, false, "未涂抗噪膏", ResponsibleParty.Technician, null, Technician.UserId, Lead, Now);
        Assert.Equal(RepairJobStatus.Assigned, order.FindJob(first)!.Status);
        Assert.Equal(("赵磊", ResponsibleParty.Technician), (failed.Reworks.Single().TechnicianName, failed.Reworks.Single().ResponsibleParty));
        Assert.Equal(QualityControl.ReasonRequired, QualityControl.TeamLeadCheck(order, second, false, " ", ResponsibleParty.Parts, null, Technician.UserId, Lead, Now).Refusal?.Code);

        Assert.Null(order.MoveJob(first, RepairJobTrigger.Start, Technician, null, Now));
        Assert.Null(QualityControl.SelfCheck(order, first, checklist, all, null, Technician, Now).Refusal);
        Assert.Null(QualityControl.TeamLeadCheck(order, first, true, null, null, null, Technician.UserId, Lead, Now).Refusal);
        Assert.Equal(RepairOrderStatus.InWorkshop, order.Status);
        Assert.Null(QualityControl.TeamLeadCheck(order, second, true, null, null, null, Technician.UserId, Lead, Now).Refusal);
        Assert.Equal(RepairOrderStatus.FinalInspection, order.Status);
        Assert.Equal(RepairOrderLifecycle.NotInspected, order.MarkReady(Advisor, null, Now)?.Code);

        var jobs = new[] { first, second }.Select(j => new FinalJobInspection(j, checklist, all, null, null)).ToList();
        Assert.Equal(QualityControl.RoadTestRequired, QualityControl.FinalInspection(order, jobs, true, null, null, [Technician.UserId, Lead.UserId], Qc, Now).Refusal?.Code);
        var passed = QualityControl.FinalInspection(order, jobs, true, new RoadTest(5m, true, null), null, [Technician.UserId, Lead.UserId], Qc, Now);
        Assert.Equal((QualityLevel.FinalInspection, true, (Guid?)null), (passed.Check!.Level, passed.Check.Passed, passed.Check.RepairJobId));
        Assert.Equal(RepairOrderStatus.Inspected, order.Status);
        Assert.Equal(RepairOrderLifecycle.NotAwaitingFinalInspection, QualityControl.FinalInspection(order, jobs, true, new RoadTest(5m, true, null), null, [Technician.UserId, Lead.UserId], Qc, Now).Refusal?.Code);
    }

    [Fact]
    public void The_team_lead_and_qc_must_be_other_people_than_whoever_did_the_work_and_the_self_check()
    {
        var order = InProgress(out var first, out var second);
        var checklist = Trade.Apply();
        var all = new List<ItemAnswer> { new(0, true), new(1, true) };
        Assert.Null(QualityControl.SelfCheck(order, first, checklist, all, null, Lead, Now).Refusal);
        Assert.Null(QualityControl.SelfCheck(order, second, checklist, all, null, Technician, Now).Refusal);

        var sameAsSelfCheck = QualityControl.TeamLeadCheck(order, first, true, null, null, null, Lead.UserId, Lead, Now);
        var sameAsTechnician = QualityControl.TeamLeadCheck(order, second, true, null, null, null, Lead.UserId, Technician, Now);
        Assert.Equal(new FieldError(QualityControl.SameAsSelfCheck), sameAsSelfCheck.Refusal);
        Assert.Equal(new FieldError(QualityControl.SameAsSelfCheck), sameAsTechnician.Refusal);
        Assert.Equal(RepairJobStatus.Done, order.FindJob(first)!.Status);

        Assert.Null(QualityControl.TeamLeadCheck(order, first, true, null, null, null, Lead.UserId, Qc, Now).Refusal);
        Assert.Null(QualityControl.TeamLeadCheck(order, second, true, null, null, null, Technician.UserId, Qc, Now).Refusal);
        var jobs = new[] { first, second }.Select(j => new FinalJobInspection(j, checklist, all, null, null)).ToList();
        var byWorkshop = QualityControl.FinalInspection(order, jobs, false, null, null, [Lead.UserId], Lead, Now);
        Assert.Equal(new FieldError(QualityControl.SameAsWorkshop), byWorkshop.Refusal);
        Assert.Equal(RepairOrderStatus.FinalInspection, order.Status);
    }

    [Fact]
    public void Four_eyes_refuses_only_a_known_person_seen_before()
    {
        var me = Guid.NewGuid();
        Assert.Equal(new FieldError("x.same", "Field"), FourEyes.Refuse(me, [Guid.NewGuid(), me], "x.same", "Field"));
        Assert.Null(FourEyes.Refuse(me, Guid.NewGuid(), "x.same"));
        Assert.Null(FourEyes.Refuse((Guid?)null, (Guid?)null, "x.same"));
        Assert.Equal("x.same", FourEyes.Refuse("wang", "WANG", "x.same")?.Code);
        Assert.Null(FourEyes.Refuse("wang", null, "x.same"));
    }

    [Fact]
    public void Unfixed_issues_are_written_only_on_a_signed_order_before_delivery()
    {
        var order = InProgress(out _, out _);
        var (issue, refusal) = UnfixedIssue.Record(order, " 雨刮片老化 ", false, UnfixedIssueSource.Technician, Technician, Now);
        Assert.Null(refusal);
        Assert.Equal(("雨刮片老化", order.AssetId), (issue!.Description, issue.AssetId));
        Assert.False(UnfixedIssue.AcceptsIssues(RepairOrderStatus.Draft));
        Assert.False(UnfixedIssue.AcceptsIssues(RepairOrderStatus.Delivered));
        Assert.Equal(UnfixedIssue.OrderClosed, UnfixedIssue.CanWithdraw(RepairOrderStatus.Delivered)?.Code);
    }

    private static RepairOrder InProgress(out Guid first, out Guid second)
    {
        var order = RepairOrder.Open("RO-20261123-0001", Guid.NewGuid(), new(Guid.NewGuid(), Guid.NewGuid(), null, "Brakes squeal", null, "advisor"), 300m, 0.13m, Advisor, Now);
        Assert.Null(order.Revise(
            new RepairOrderContent("Brakes squeal", [Job("BRK02"), Job("BRK03")], 0m, null, null, PaymentMethod.WeChatPay, OldPartsHandling.CustomerTakes, false, null),
            Advisor,
            Now));
        Assert.Null(order.RecordCheckIn(new CheckInDetails(12000, 80, null, true, true, true, null, []), Advisor, Now));
        Assert.Null(order.SubmitForSignature(Advisor, null, Now));
        Assert.Null(order.Sign("Zhang San", SignatureChannel.InPerson, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], "{}", null, Advisor, Now));
        first = order.Jobs[0].Id;
        second = order.Jobs[1].Id;
        foreach (var job in new[] { first, second })
        {
            Assert.Null(order.AssignJob(job, Technician.UserId!.Value, Technician.UserName, Advisor, null, Now));
            Assert.Null(order.MoveJob(job, RepairJobTrigger.Start, Technician, null, Now));
        }

        return order;
    }

    private static JobInput Job(string code) => new(null, null, code, code, code, WorkshopSkill.Mechanical, 1m, PayType.Customer, null, []);
}
