using AfterSales.Domain.Complaints;

namespace AfterSales.Domain.Tests.Complaints;

public sealed class CapaTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Actor Specialist = new(Guid.NewGuid(), "郑洁");
    private static readonly Actor Manager = new(Guid.NewGuid(), "黄涛");
    private static readonly Guid Store = Guid.NewGuid();
    private static readonly ReRepairOrder Order = new(Guid.NewGuid(), "RO-20261123-0001");

    private static Complaint Analysed(bool systemic, Guid? assetId = null)
    {
        var complaint = Complaint.Receive(
            Complaint.FormatNumber(2026, 9),
            Store,
            new ComplaintIntake(ComplaintChannel.Hotline, Guid.NewGuid(), assetId, null, "保养后报警灯常亮", "免费修好", ComplaintCategory.RepairQuality, null, ComplaintUrgency.Normal, null),
            repeatOf: null,
            Specialist,
            Now);
        Assert.Null(complaint.Acknowledge(Specialist, null, Now));
        Assert.Null(complaint.StartInvestigation(Specialist.UserId!.Value, Specialist, null, Now));
        Assert.Null(complaint.RecordAnalysis(["报警灯常亮", "传感器插头未插紧", "作业标准缺项"], Responsibility.ProcessFlaw, systemic, Now));
        return complaint;
    }

    private static CapaInput Input(CapaKind kind, CapaMeasure measure = CapaMeasure.RepeatsOfCategoryAtStore, int maxRepeats = 0, string? note = null) =>
        new(kind, "保养作业标准增加传感器插头检查项", Manager.UserId!.Value, Manager.UserName, Today.AddDays(7), Today.AddDays(97), measure, maxRepeats, note);

    /// <summary>Through the plan to the customer's acceptance with every action done: only the review is left.</summary>
    private static void Resolve(Complaint complaint)
    {
        Assert.Null(complaint.ProposeResolution([new(ResolutionActionKind.ReRepair, "免费返修", null)], Specialist, null, Now));
        Assert.Null(complaint.PresentToCustomer(500m, Specialist, null, Now));
        Assert.Null(complaint.CustomerAccepts(Specialist, null, Now));
        Assert.Null(complaint.MarkActionDone(complaint.CurrentPlan.Single().Id, Specialist, null, Now, Order));
    }

    [Fact]
    public void A_systemic_cause_is_not_closed_without_a_preventive_action()
    {
        var complaint = Analysed(systemic: true);
        Assert.Null(complaint.AddCapa(Input(CapaKind.Corrective), Specialist, Now, Today));
        Resolve(complaint);

        Assert.Equal(Complaint.PreventiveActionRequired, complaint.Close(Manager, "审核通过", Now)?.Code);
        Assert.Equal(ComplaintStatus.Resolved, complaint.Status);
        Assert.Null(complaint.AddCapa(Input(CapaKind.Preventive), Specialist, Now, Today));
        Assert.Null(complaint.Close(Manager, "审核通过", Now));
        Assert.Equal(ComplaintLifecycle.ClosedReadOnly, complaint.AddCapa(Input(CapaKind.Preventive), Specialist, Now, Today)?.Code);
    }

    [Fact]
    public void An_isolated_cause_closes_without_any_action()
    {
        var complaint = Analysed(systemic: false);
        Resolve(complaint);

        Assert.Null(complaint.Close(Manager, "审核通过", Now));
    }

    [Fact]
    public void An_action_needs_the_analysis_sensible_dates_and_a_measure_the_complaint_can_count()
    {
        var fresh = Complaint.Receive(Complaint.FormatNumber(2026, 10), Store,
            new ComplaintIntake(ComplaintChannel.Hotline, Guid.NewGuid(), null, null, "态度差", "道歉", ComplaintCategory.StaffAttitude, null, ComplaintUrgency.Normal, null), null, Specialist, Now);
        var complaint = Analysed(systemic: true);

        Assert.Equal(Complaint.AnalysisRequired, fresh.AddCapa(Input(CapaKind.Corrective), Specialist, Now, Today)?.Code);
        Assert.Equal(new("capa.due_in_past", "DueDate"), complaint.AddCapa(Input(CapaKind.Corrective) with { DueDate = Today.AddDays(-1) }, Specialist, Now, Today));
        Assert.Equal(new("capa.check_before_due", "CheckDate"), complaint.AddCapa(Input(CapaKind.Corrective) with { CheckDate = Today.AddDays(6) }, Specialist, Now, Today));
        Assert.Equal(CapaAction.MeasureNeedsAsset, complaint.AddCapa(Input(CapaKind.Corrective, CapaMeasure.RepeatsOnAsset), Specialist, Now, Today)?.Code);
        Assert.Equal(CapaAction.MeasureNeedsTechnician, complaint.AddCapa(Input(CapaKind.Corrective, CapaMeasure.RepeatsForTechnician), Specialist, Now, Today)?.Code);
        Assert.Equal(CapaAction.MeasureNoteRequired, complaint.AddCapa(Input(CapaKind.Preventive, CapaMeasure.Manual), Specialist, Now, Today)?.Code);
        Assert.Empty(complaint.Capas);

        Assert.Null(complaint.AddCapa(Input(CapaKind.Preventive), Specialist, Now, Today));
        var capa = Assert.Single(complaint.Capas);
        Assert.Equal((CapaStatus.Open, (Guid?)Store, (ComplaintCategory?)ComplaintCategory.RepairQuality, "郑洁"), (capa.Status, capa.ScopeStoreId, capa.ScopeCategory, capa.CreatedBy));
    }

    [Fact]
    public void A_counted_measure_is_checked_once_on_its_date_after_the_action_is_done()
    {
        var complaint = Analysed(systemic: true);
        Assert.Null(complaint.AddCapa(Input(CapaKind.Preventive, maxRepeats: 1), Specialist, Now, Today));
        var capa = complaint.Capas[0];
        var until = Now.AddDays(97);

        Assert.True(capa.IsOverdue(Today.AddDays(8)));
        Assert.False(capa.RecordCount([], Now, until, Today.AddDays(97), Now));
        Assert.Null(capa.MarkDone(Manager, "已培训全部技师", Now));
        Assert.Equal(CapaAction.AlreadyDone, capa.MarkDone(Manager, null, Now)?.Code);
        Assert.False(capa.IsOverdue(Today.AddDays(8)));
        Assert.False(capa.RecordCount([], Now, until, Today.AddDays(96), Now));
        Assert.Equal(CapaAction.CheckedAutomatically, capa.RecordJudgement(true, "有效", Specialist, Today.AddDays(97), Now)?.Code);

        Assert.True(capa.RecordCount(["TS-2026-000100"], Now, until, Today.AddDays(97), until));
        Assert.False(capa.RecordCount(["TS-2026-000100", "TS-2026-000101"], Now, until, Today.AddDays(98), until));

        Assert.Equal((CapaStatus.VerifiedEffective, (int?)1, (DateTimeOffset?)until), (capa.Status, capa.RepeatCount, capa.CheckedAt));
        Assert.Equal(["TS-2026-000100"], capa.RepeatNumbers);
        Assert.Null(capa.CheckedBy);
    }

    [Fact]
    public void More_repeats_than_allowed_make_the_action_not_effective()
    {
        var complaint = Analysed(systemic: false);
        Assert.Null(complaint.AddCapa(Input(CapaKind.Corrective), Specialist, Now, Today));
        var capa = complaint.Capas[0];
        Assert.Null(capa.MarkDone(Manager, null, Now));

        Assert.True(capa.RecordCount(["TS-2026-000100"], Now, Now.AddDays(97), Today.AddDays(100), Now.AddDays(100)));

        Assert.Equal(CapaStatus.NotEffective, capa.Status);
    }

    [Fact]
    public void A_manual_measure_is_judged_on_its_date_by_someone_other_than_who_did_it()
    {
        var complaint = Analysed(systemic: true);
        Assert.Null(complaint.AddCapa(Input(CapaKind.Preventive, CapaMeasure.Manual, note: "抽查10台保养车辆，插头全部到位"), Specialist, Now, Today));
        var capa = complaint.Capas[0];

        Assert.Equal(CapaAction.NotDone, capa.RecordJudgement(true, "抽查合格", Specialist, Today.AddDays(97), Now)?.Code);
        Assert.Null(capa.MarkDone(Manager, null, Now));
        Assert.Equal(CapaAction.CheckNotDue, capa.RecordJudgement(true, "抽查合格", Specialist, Today.AddDays(96), Now)?.Code);
        Assert.Equal(CapaAction.SelfVerification, capa.RecordJudgement(true, "抽查合格", Manager, Today.AddDays(97), Now)?.Code);
        Assert.Null(capa.RecordJudgement(false, "抽查发现2台未到位", Specialist, Today.AddDays(97), Now));

        Assert.Equal((CapaStatus.NotEffective, "郑洁", "抽查发现2台未到位"), (capa.Status, capa.CheckedBy, capa.CheckNote));
        Assert.Equal(CapaAction.AlreadyDone, capa.RecordJudgement(true, "再查", Specialist, Today.AddDays(98), Now)?.Code);
    }
}
