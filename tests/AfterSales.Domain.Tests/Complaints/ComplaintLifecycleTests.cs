using AfterSales.Domain.Complaints;

namespace AfterSales.Domain.Tests.Complaints;

public sealed class ComplaintLifecycleTests
{
    /// <summary>The lifecycle as the issue describes it: every allowed move; everything else is refused.</summary>
    private static readonly Dictionary<(ComplaintStatus, ComplaintTrigger), ComplaintStatus> Allowed = new()
    {
        [(ComplaintStatus.Received, ComplaintTrigger.Acknowledge)] = ComplaintStatus.Acknowledged,
        [(ComplaintStatus.Acknowledged, ComplaintTrigger.StartInvestigation)] = ComplaintStatus.InInvestigation,
        [(ComplaintStatus.InInvestigation, ComplaintTrigger.ProposeResolution)] = ComplaintStatus.ResolutionProposed,
        [(ComplaintStatus.ResolutionProposed, ComplaintTrigger.ReviseResolution)] = ComplaintStatus.InInvestigation,
        [(ComplaintStatus.ResolutionProposed, ComplaintTrigger.SubmitForApproval)] = ComplaintStatus.AwaitingApproval,
        [(ComplaintStatus.ResolutionProposed, ComplaintTrigger.PresentToCustomer)] = ComplaintStatus.AwaitingCustomer,
        [(ComplaintStatus.AwaitingApproval, ComplaintTrigger.Approve)] = ComplaintStatus.AwaitingCustomer,
        [(ComplaintStatus.AwaitingApproval, ComplaintTrigger.RejectPlan)] = ComplaintStatus.InInvestigation,
        [(ComplaintStatus.AwaitingCustomer, ComplaintTrigger.CustomerAccepts)] = ComplaintStatus.Resolved,
        [(ComplaintStatus.AwaitingCustomer, ComplaintTrigger.RecordFinalDecision)] = ComplaintStatus.Resolved,
        [(ComplaintStatus.AwaitingCustomer, ComplaintTrigger.CustomerDeclines)] = ComplaintStatus.InInvestigation,
        [(ComplaintStatus.Resolved, ComplaintTrigger.Close)] = ComplaintStatus.Closed,
        [(ComplaintStatus.Closed, ComplaintTrigger.Reopen)] = ComplaintStatus.Reopened,
        [(ComplaintStatus.Reopened, ComplaintTrigger.StartInvestigation)] = ComplaintStatus.InInvestigation,

        // A duplicate closes from any open state once merged into the case that handles both.
        [(ComplaintStatus.Received, ComplaintTrigger.CloseAsDuplicate)] = ComplaintStatus.Closed,
        [(ComplaintStatus.Acknowledged, ComplaintTrigger.CloseAsDuplicate)] = ComplaintStatus.Closed,
        [(ComplaintStatus.InInvestigation, ComplaintTrigger.CloseAsDuplicate)] = ComplaintStatus.Closed,
        [(ComplaintStatus.ResolutionProposed, ComplaintTrigger.CloseAsDuplicate)] = ComplaintStatus.Closed,
        [(ComplaintStatus.AwaitingApproval, ComplaintTrigger.CloseAsDuplicate)] = ComplaintStatus.Closed,
        [(ComplaintStatus.AwaitingCustomer, ComplaintTrigger.CloseAsDuplicate)] = ComplaintStatus.Closed,
        [(ComplaintStatus.Resolved, ComplaintTrigger.CloseAsDuplicate)] = ComplaintStatus.Closed,
        [(ComplaintStatus.Reopened, ComplaintTrigger.CloseAsDuplicate)] = ComplaintStatus.Closed,
    };

    public static TheoryData<ComplaintStatus, ComplaintTrigger> EveryPair()
    {
        var data = new TheoryData<ComplaintStatus, ComplaintTrigger>();
        foreach (var state in Enum.GetValues<ComplaintStatus>())
        {
            foreach (var trigger in Enum.GetValues<ComplaintTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_state_and_trigger_pair_is_decided_as_the_lifecycle_says(ComplaintStatus state, ComplaintTrigger trigger)
    {
        var move = ComplaintLifecycle.Decide(state, trigger);

        if (Allowed.TryGetValue((state, trigger), out var expected))
        {
            Assert.True(move.IsAllowed);
            Assert.Equal(expected, move.To);
            Assert.Null(move.RefusalCode);
            Assert.Contains(trigger, ComplaintLifecycle.PermittedTriggers(state));
        }
        else
        {
            Assert.False(move.IsAllowed);
            Assert.Null(move.To);
            Assert.StartsWith("complaint.", move.RefusalCode, StringComparison.Ordinal);
            Assert.DoesNotContain(trigger, ComplaintLifecycle.PermittedTriggers(state));
        }
    }

    [Theory]
    [InlineData(ComplaintStatus.Received)]
    [InlineData(ComplaintStatus.Acknowledged)]
    [InlineData(ComplaintStatus.InInvestigation)]
    [InlineData(ComplaintStatus.ResolutionProposed)]
    [InlineData(ComplaintStatus.AwaitingApproval)]
    [InlineData(ComplaintStatus.AwaitingCustomer)]
    [InlineData(ComplaintStatus.Reopened)]
    public void Closing_before_resolution_is_refused_as_not_resolved_yet(ComplaintStatus state) =>
        Assert.Equal(ComplaintLifecycle.NotResolvedYet, ComplaintLifecycle.Decide(state, ComplaintTrigger.Close).RefusalCode);

    [Fact]
    public void A_closed_complaint_only_reopens()
    {
        Assert.Equal([ComplaintTrigger.Reopen], ComplaintLifecycle.PermittedTriggers(ComplaintStatus.Closed));
        Assert.All(
            Enum.GetValues<ComplaintTrigger>().Where(t => t != ComplaintTrigger.Reopen),
            t => Assert.Equal(ComplaintLifecycle.ClosedReadOnly, ComplaintLifecycle.Decide(ComplaintStatus.Closed, t).RefusalCode));
    }

    [Fact]
    public void Every_state_but_closed_is_open_and_every_state_has_a_way_forward()
    {
        Assert.All(Enum.GetValues<ComplaintStatus>(), s => Assert.NotEmpty(ComplaintLifecycle.PermittedTriggers(s)));
        Assert.Equal([ComplaintStatus.Closed], Enum.GetValues<ComplaintStatus>().Where(s => !ComplaintLifecycle.IsOpen(s)));
    }
}
