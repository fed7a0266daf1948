using AfterSales.Domain.Complaints;
using AfterSales.Domain.Staff;

namespace AfterSales.Domain.Tests.Complaints;

public sealed class ComplaintHandlingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly Actor Specialist = new(Guid.NewGuid(), "郑洁");
    private static readonly Actor Manager = new(Guid.NewGuid(), "黄涛");
    private static readonly ReRepairOrder Order = new(Guid.NewGuid(), "RO-20261123-0001");

    private static readonly string[] Whys = ["报警灯常亮", "传感器插头未插紧", "装配后未自检", "自检表没有这一项", "作业标准缺项"];

    private static Complaint Investigating()
    {
        var complaint = Complaint.Receive(
            Complaint.FormatNumber(2026, 7),
            Guid.NewGuid(),
            new ComplaintIntake(ComplaintChannel.Hotline, Guid.NewGuid(), null, null, "保养后报警灯常亮", "免费修好", ComplaintCategory.RepairQuality, null, ComplaintUrgency.Normal, null),
            repeatOf: null,
            Specialist,
            Now);
        Assert.Null(complaint.Acknowledge(Specialist, null, Now));
        Assert.Null(complaint.StartInvestigation(Specialist.UserId!.Value, Specialist, null, Now));
        return complaint;
    }

    private static Complaint Proposed(decimal refund)
    {
        var complaint = Investigating();
        Assert.Null(complaint.RecordAnalysis(Whys, Responsibility.TechnicianError, systemic: false, Now));
        Assert.Null(complaint.ProposeResolution(
            [new(ResolutionActionKind.ReRepair, "免费返修", null), new(ResolutionActionKind.Refund, "退还工时费", refund)], Specialist, null, Now));
        return complaint;
    }

    [Fact]
    public void A_plan_needs_the_analysis_first_and_money_actions_need_an_amount()
    {
        var complaint = Investigating();

        Assert.Equal(Complaint.AnalysisRequired, complaint.ProposeResolution([new(ResolutionActionKind.Explanation, "解释", null)], Specialist, null, Now)?.Code);
        Assert.Null(complaint.RecordAnalysis([" 原因一 ", " "], Responsibility.Communication, systemic: false, Now));
        Assert.Equal(Complaint.AmountRequired, complaint.ProposeResolution([new(ResolutionActionKind.Voucher, "代金券", null)], Specialist, null, Now)?.Code);

        Assert.Equal(["原因一"], complaint.RootCauseWhys);
        Assert.Equal(ComplaintStatus.InInvestigation, complaint.Status);
        Assert.Equal(0, complaint.PlanRevision);
    }

    [Fact]
    public void Proposing_stores_a_revision_with_its_total_and_revising_keeps_the_old_one()
    {
        var complaint = Proposed(300m);

        Assert.Equal((ComplaintStatus.ResolutionProposed, 1, 300m), (complaint.Status, complaint.PlanRevision, complaint.PlanTotal));
        Assert.Null(complaint.ReviseResolution(Specialist, "客户要求更换配件", Now));
        Assert.Null(complaint.ProposeResolution([new(ResolutionActionKind.PartReplacement, "更换传感器", 120m)], Specialist, null, Now));

        Assert.Equal(3, complaint.Actions.Count);
        Assert.Equal([ResolutionActionKind.PartReplacement], complaint.CurrentPlan.Select(a => a.Kind));
        Assert.Equal(120m, complaint.PlanTotal);
    }

    [Fact]
    public void A_plan_within_the_presenters_limit_goes_straight_to_the_customer()
    {
        var complaint = Proposed(300m);

        Assert.Null(complaint.PresentToCustomer(500m, Specialist, null, Now));

        Assert.Equal(ComplaintStatus.AwaitingCustomer, complaint.Status);
    }

    [Fact]
    public void A_plan_above_the_limit_waits_for_an_approver_whose_limit_covers_it()
    {
        var complaint = Proposed(2_000m);

        Assert.Equal(Complaint.ApprovalRequired, complaint.PresentToCustomer(500m, Specialist, null, Now)?.Code);
        Assert.Null(complaint.SubmitForApproval(Specialist, null, Now));
        Assert.Equal(Complaint.ApprovalLimitExceeded, complaint.Approve(1_000m, Manager, null, Now)?.Code);
        Assert.Equal(Complaint.SelfApproval, complaint.Approve(50_000m, Specialist, null, Now)?.Code);
        Assert.Equal(ComplaintStatus.AwaitingApproval, complaint.Status);
        Assert.Null(complaint.Approve(5_000m, Manager, "同意", Now));

        Assert.Equal((ComplaintStatus.AwaitingCustomer, Manager.UserId), (complaint.Status, complaint.PlanApprovedById));
        Assert.Equal("同意", complaint.History[^1].Reason);
    }

    [Fact]
    public void A_rejected_plan_goes_back_to_investigation_with_the_approvers_comment()
    {
        var complaint = Proposed(2_000m);
        Assert.Null(complaint.SubmitForApproval(Specialist, null, Now));

        Assert.Null(complaint.RejectPlan(Manager, "金额过高", Now));

        Assert.Equal(ComplaintStatus.InInvestigation, complaint.Status);
        Assert.Equal((ComplaintTrigger.RejectPlan, "金额过高"), (complaint.History[^1].Trigger, complaint.History[^1].Reason));
    }

    [Fact]
    public void A_declining_customer_sends_the_complaint_back_to_handling_with_the_reason_kept()
    {
        var complaint = Proposed(100m);
        Assert.Null(complaint.PresentToCustomer(500m, Specialist, null, Now));

        Assert.Null(complaint.CustomerDeclines(Specialist, "要求全额退款", Now));

        Assert.Equal(ComplaintStatus.InInvestigation, complaint.Status);
        Assert.Equal((CustomerResponse.Declined, "要求全额退款"), (complaint.CustomerResponse, complaint.CustomerResponseReason));
    }

    [Fact]
    public void Closing_needs_every_action_done_then_a_closed_complaint_refuses_every_write_until_reopened()
    {
        var complaint = Proposed(100m);
        Assert.Null(complaint.PresentToCustomer(500m, Specialist, null, Now));
        Assert.Equal(ComplaintLifecycle.NotResolvedYet, complaint.Close(Manager, "审核通过", Now)?.Code);
        Assert.Null(complaint.CustomerAccepts(Specialist, null, Now));
        var actions = complaint.CurrentPlan.ToList();

        Assert.Equal(Complaint.ActionsNotDone, complaint.Close(Manager, "审核通过", Now)?.Code);
        Assert.Equal(Complaint.ReRepairOrderRequired, complaint.MarkActionDone(actions[0].Id, Specialist, "已返修", Now)?.Code);
        Assert.Null(complaint.MarkActionDone(actions[0].Id, Specialist, "已返修", Now, Order));
        Assert.Equal(Complaint.ActionAlreadyDone, complaint.MarkActionDone(actions[0].Id, Specialist, null, Now, Order)?.Code);
        Assert.Null(complaint.MarkActionDone(actions[1].Id, Specialist, null, Now, Order));
        Assert.Equal((Order.Id, Order.Number), (actions[0].RepairOrderId, actions[0].RepairOrderNumber));
        Assert.Null(actions[1].RepairOrderId);
        Assert.Null(complaint.Close(Manager, "审核通过", Now));

        Assert.Equal((ComplaintStatus.Closed, Manager.UserId, Now), (complaint.Status, complaint.ReviewedById, complaint.ClosedAt));
        var closed = ComplaintLifecycle.ClosedReadOnly;
        Assert.Equal(closed, complaint.AddLogEntry(ComplaintLogKind.Note, "补充", null, null, Specialist, Now)?.Code);
        Assert.Equal(closed, complaint.RecordAnalysis(Whys, Responsibility.None, false, Now)?.Code);
        Assert.Equal(closed, complaint.Assign(null, null, null, null, Manager, "换人", Now)?.Code);
        Assert.Equal(closed, complaint.MarkActionDone(actions[0].Id, Specialist, null, Now)?.Code);
        Assert.Equal(closed, complaint.ProposeResolution([new(ResolutionActionKind.Explanation, "解释", null)], Specialist, null, Now)?.Code);
    }

    [Fact]
    public void Reopening_starts_a_new_round_and_keeps_the_earlier_plan()
    {
        var complaint = Proposed(100m);
        Assert.Null(complaint.PresentToCustomer(500m, Specialist, null, Now));
        Assert.Null(complaint.RecordFinalDecision(Manager, "已按政策处理", Now));
        foreach (var action in complaint.CurrentPlan.ToList())
        {
            Assert.Null(complaint.MarkActionDone(action.Id, Specialist, null, Now, Order));
        }

        Assert.Null(complaint.Close(Manager, "审核通过", Now));

        Assert.Null(complaint.Reopen(Manager, "客户再次投诉", Now));

        Assert.Equal((ComplaintStatus.Reopened, 2, 0m), (complaint.Status, complaint.Round, complaint.PlanTotal));
        Assert.Empty(complaint.CurrentPlan);
        Assert.Equal(2, complaint.Actions.Count);
        Assert.Null(complaint.CustomerResponse);
        Assert.Null(complaint.StartInvestigation(Specialist.UserId!.Value, Specialist, null, Now));
        Assert.Null(complaint.AddLogEntry(ComplaintLogKind.CustomerContact, "再次联系", ContactOutcome.Reached, null, Specialist, Now));
        Assert.Equal(2, complaint.Log[^1].Round);
    }

    [Fact]
    public void Log_lines_need_an_outcome_for_contacts_and_a_reference_for_records()
    {
        var complaint = Investigating();

        Assert.Equal(Complaint.ContactOutcomeRequired, complaint.AddLogEntry(ComplaintLogKind.CustomerContact, "致电", null, null, Specialist, Now)?.Code);
        Assert.Equal(Complaint.ReferenceRequired, complaint.AddLogEntry(ComplaintLogKind.QcRecord, "终检记录", null, " ", Specialist, Now)?.Code);
        Assert.Null(complaint.AddLogEntry(ComplaintLogKind.RepairOrder, "查阅工单", ContactOutcome.Reached, " RO-20261120-0003 ", Specialist, Now));

        var entry = Assert.Single(complaint.Log);
        Assert.Equal(("RO-20261120-0003", null), (entry.Reference, entry.Outcome));
    }

    [Fact]
    public void The_most_specific_assignment_rule_wins()
    {
        var store = Guid.NewGuid();
        var anyStore = ComplaintAssignmentRule.Create(null, ComplaintCategory.Fees, Guid.NewGuid(), null, Now);
        var storeOnly = ComplaintAssignmentRule.Create(store, null, Guid.NewGuid(), null, Now);
        var both = ComplaintAssignmentRule.Create(store, ComplaintCategory.Fees, null, Guid.NewGuid(), Now);
        ComplaintAssignmentRule[] rules = [anyStore, storeOnly, both];

        Assert.Same(both, ComplaintAssignmentRule.Pick(rules, store, ComplaintCategory.Fees));
        Assert.Same(storeOnly, ComplaintAssignmentRule.Pick(rules, store, ComplaintCategory.Parts));
        Assert.Same(anyStore, ComplaintAssignmentRule.Pick(rules, Guid.NewGuid(), ComplaintCategory.Fees));
        Assert.Null(ComplaintAssignmentRule.Pick(rules, Guid.NewGuid(), ComplaintCategory.Parts));
    }

    [Fact]
    public void A_users_limit_is_the_highest_of_their_roles_with_configured_values_first()
    {
        var configured = new Dictionary<StaffRole, decimal> { [StaffRole.ComplaintSpecialist] = 800m };

        Assert.Equal(800m, ComplaintApprovalLimit.LimitOf([StaffRole.ComplaintSpecialist], configured));
        Assert.Equal(5_000m, ComplaintApprovalLimit.LimitOf([StaffRole.ComplaintSpecialist, StaffRole.ServiceManager], configured));
        Assert.Equal(0m, ComplaintApprovalLimit.LimitOf([], configured));
        Assert.Equal(0m, ComplaintApprovalLimit.LimitOf([StaffRole.Cashier], configured));
    }

    [Fact]
    public void Reclassifying_records_what_changed_and_why_and_refuses_no_change_and_a_closed_complaint()
    {
        var complaint = Investigating();
        var sub = Guid.NewGuid();

        Assert.Equal(Complaint.ReclassificationUnchanged, complaint.Reclassify(ComplaintCategory.RepairQuality, null, ComplaintUrgency.Normal, Specialist, "无变化", Now)?.Code);
        Assert.Null(complaint.Reclassify(ComplaintCategory.Parts, sub, ComplaintUrgency.Critical, Specialist, " 涉及安全隐患 ", Now.AddMinutes(5)));

        Assert.Equal((ComplaintCategory.Parts, (Guid?)sub, ComplaintUrgency.Critical, ComplaintStatus.InInvestigation), (complaint.Category, complaint.SubCategoryId, complaint.Urgency, complaint.Status));
        var change = Assert.Single(complaint.Reclassifications);
        Assert.Equal((ComplaintCategory.RepairQuality, ComplaintUrgency.Normal, ComplaintUrgency.Critical, "涉及安全隐患", "郑洁"), (change.FromCategory, change.FromUrgency, change.ToUrgency, change.Reason, change.UserName));
        Assert.Equal((complaint.Version + 1, ComplaintStatus.InInvestigation, (Guid?)sub), (change.ComplaintVersion, change.Status, change.ToSubCategoryId));

        var closed = Proposed(100m);
        Assert.Null(closed.PresentToCustomer(500m, Specialist, null, Now));
        Assert.Null(closed.RecordFinalDecision(Manager, "已按政策处理", Now));
        foreach (var action in closed.CurrentPlan.ToList())
        {
            Assert.Null(closed.MarkActionDone(action.Id, Specialist, null, Now, Order));
        }

        Assert.Null(closed.Close(Manager, "审核通过", Now));
        Assert.Equal(ComplaintLifecycle.ClosedReadOnly, closed.Reclassify(ComplaintCategory.Fees, null, ComplaintUrgency.Low, Manager, "改类", Now)?.Code);
    }
}
