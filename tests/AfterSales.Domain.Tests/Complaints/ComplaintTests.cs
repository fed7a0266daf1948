using AfterSales.Domain.Complaints;

namespace AfterSales.Domain.Tests.Complaints;

public sealed class ComplaintTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly Actor Agent = new(Guid.NewGuid(), "王芳");

    private static Complaint NewComplaint() => Complaint.Receive(
        Complaint.FormatNumber(2026, 42),
        Guid.NewGuid(),
        new ComplaintIntake(ComplaintChannel.Hotline, Guid.NewGuid(), null, " RO-20261120-0003 ", " 刹车异响未修好 ", " 免费返修 ", ComplaintCategory.RepairQuality, null, ComplaintUrgency.High, Responsibility.TechnicianError),
        repeatOf: null,
        Agent,
        Now);

    [Fact]
    public void Numbers_have_the_year_and_six_digits()
    {
        Assert.Equal("TS-2026-000042", Complaint.FormatNumber(2026, 42));
        Assert.Equal(Complaint.NumberLength, Complaint.FormatNumber(2026, 999999).Length);
    }

    [Fact]
    public void A_received_complaint_is_trimmed_and_its_intake_is_the_first_history_row()
    {
        var complaint = NewComplaint();

        Assert.Equal(ComplaintStatus.Received, complaint.Status);
        Assert.Equal("刹车异响未修好", complaint.CoreProblem);
        Assert.Equal("RO-20261120-0003", complaint.RepairOrderReference);
        Assert.Null(complaint.SubCategoryId);
        var row = Assert.Single(complaint.History);
        Assert.Null(row.From);
        Assert.Equal(ComplaintStatus.Received, row.To);
        Assert.Equal("王芳", row.UserName);
        Assert.Equal(Now, row.At);
    }

    [Fact]
    public void Acknowledging_and_starting_the_investigation_write_who_when_from_to_and_why()
    {
        var complaint = NewComplaint();
        var specialist = Guid.NewGuid();

        Assert.Null(complaint.Acknowledge(Agent, "已电话回复", Now.AddMinutes(5)));
        Assert.Null(complaint.StartInvestigation(specialist, Agent, null, Now.AddMinutes(10)));

        Assert.Equal(ComplaintStatus.InInvestigation, complaint.Status);
        Assert.Equal(specialist, complaint.AssignedSpecialistId);
        Assert.Equal(Now.AddMinutes(5), complaint.AcknowledgedAt);
        Assert.Equal(
            [(null, ComplaintStatus.Received, null), (ComplaintStatus.Received, ComplaintStatus.Acknowledged, "已电话回复"), (ComplaintStatus.Acknowledged, ComplaintStatus.InInvestigation, null)],
            complaint.History.Select(h => (h.From, h.To, h.Reason)));
    }

    [Fact]
    public void A_refused_move_changes_nothing_and_says_why()
    {
        var complaint = NewComplaint();

        var refusal = complaint.StartInvestigation(Guid.NewGuid(), Agent, null, Now);

        Assert.Equal(ComplaintLifecycle.NotAcknowledgedYet, refusal?.Code);
        Assert.Equal(ComplaintStatus.Received, complaint.Status);
        Assert.Null(complaint.AssignedSpecialistId);
        Assert.Single(complaint.History);
    }

    [Fact]
    public void Acknowledging_twice_is_refused_and_keeps_the_first_acknowledgement()
    {
        var complaint = NewComplaint();
        Assert.Null(complaint.Acknowledge(Agent, null, Now));

        var again = complaint.Acknowledge(Agent, "again", Now.AddHours(1));

        Assert.Equal(ComplaintLifecycle.AlreadyAcknowledged, again?.Code);
        Assert.Equal(Now, complaint.AcknowledgedAt);
        Assert.Equal(2, complaint.History.Count);
    }
}
