using AfterSales.Domain.FollowUps;

namespace AfterSales.Domain.Tests.FollowUps;

public sealed class FollowUpTaskTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
    private static readonly Guid Agent = Guid.Parse("0196c000-0000-7000-8000-0000000000aa");

    private static FollowUpTask Task(int maxAttempts = 3) =>
        FollowUpTask.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), FollowUpKind.Within24Hours, FollowUpOrderType.Repair, Now, maxAttempts, Now);

    /// <summary>Records an outcome with a retry wait of two hours and calling rules that push everything to the next full hour.</summary>
    private static AfterSales.Domain.Common.FieldError? Record(FollowUpTask task, FollowUpOutcome outcome, DateTimeOffset at, DateTimeOffset? callBack = null) =>
        task.Record(outcome, Agent, "王芳", "备注", callBack, TimeSpan.FromHours(2), t => t.AddMinutes(60 - t.Minute).AddSeconds(-t.Second), at);

    [Fact]
    public void No_answer_retries_on_the_schedule_until_the_maximum_then_gives_up()
    {
        var task = Task(maxAttempts: 3);

        Assert.Null(Record(task, FollowUpOutcome.NoAnswer, Now.AddMinutes(10)));
        Assert.Equal(FollowUpTaskStatus.Open, task.Status);
        Assert.Equal(Now.AddHours(3), task.DueAt); // 06:10 + 2 h = 08:10 → next full hour 09:00.
        Assert.Null(Record(task, FollowUpOutcome.NoAnswer, task.DueAt));
        Assert.Equal(FollowUpTaskStatus.Open, task.Status);
        Assert.Null(Record(task, FollowUpOutcome.NoAnswer, task.DueAt));

        Assert.Equal(FollowUpTaskStatus.Unreachable, task.Status);
        Assert.Equal(3, task.AttemptCount);
        Assert.Equal(3, task.Attempts.Count);
        Assert.NotNull(task.ClosedAt);
    }

    [Fact]
    public void A_call_back_moves_the_call_to_the_customers_time_without_using_an_attempt()
    {
        var task = Task();
        var at = Now.AddDays(1).AddHours(7);

        Assert.Null(Record(task, FollowUpOutcome.CallBack, Now, at));

        Assert.Equal(FollowUpTaskStatus.Open, task.Status);
        Assert.Equal(at, task.DueAt);
        Assert.Equal(0, task.AttemptCount);
        Assert.Equal(Agent, task.AgentId);
    }

    [Fact]
    public void A_call_back_needs_a_time_to_come()
    {
        var task = Task();

        Assert.Equal(FollowUpTask.CallBackTimeRequired, Record(task, FollowUpOutcome.CallBack, Now)?.Code);
        Assert.Equal(FollowUpTask.CallBackInPast, Record(task, FollowUpOutcome.CallBack, Now, Now.AddMinutes(-1))?.Code);
        Assert.Empty(task.Attempts);
    }

    [Theory]
    [InlineData(FollowUpOutcome.Reached, FollowUpTaskStatus.Reached)]
    [InlineData(FollowUpOutcome.WrongNumber, FollowUpTaskStatus.Unreachable)]
    [InlineData(FollowUpOutcome.Refused, FollowUpTaskStatus.Refused)]
    [InlineData(FollowUpOutcome.Cancel, FollowUpTaskStatus.Cancelled)]
    public void Closing_outcomes_close_the_call_and_nothing_moves_it_afterwards(FollowUpOutcome outcome, FollowUpTaskStatus closed)
    {
        var task = Task();

        Assert.Null(Record(task, outcome, Now));

        Assert.Equal(closed, task.Status);
        Assert.Equal(Now, task.ClosedAt);
        Assert.Equal(FollowUpTaskLifecycle.NotOpen, Record(task, FollowUpOutcome.Reached, Now)?.Code);
        Assert.Single(task.Attempts);
    }

    [Fact]
    public void The_retry_schedule_repeats_its_last_step()
    {
        var policy = FollowUpPolicy.Default(Guid.NewGuid());

        Assert.Equal(TimeSpan.FromHours(2), policy.RetryDelay(1));
        Assert.Equal(TimeSpan.FromHours(24), policy.RetryDelay(2));
        Assert.Equal(TimeSpan.FromHours(24), policy.RetryDelay(5));
    }

    [Fact]
    public void The_default_policy_follows_the_seeds()
    {
        var policy = FollowUpPolicy.Default(Guid.NewGuid());

        Assert.Equal(50, policy.CoverageTargetPercent);
        Assert.Equal([FollowUpKind.Within24Hours], policy.KindsFor(FollowUpOrderType.Maintenance));
        Assert.Equal([FollowUpKind.Within24Hours, FollowUpKind.After3Days, FollowUpKind.After1Week], policy.KindsFor(FollowUpOrderType.ComplaintReRepair));
        Assert.Equal(FollowUpPolicy.SeedBlockedHours, policy.BlockedHours);
        Assert.Empty(FollowUpPolicy.Check(policy.CoverageTargetPercent, policy.MaxAttempts, policy.Rules.ToList(), policy.RetrySchedule.ToList(), policy.BlockedHours.ToList()));
    }

    [Fact]
    public void A_policy_with_impossible_values_is_refused_field_by_field()
    {
        var errors = FollowUpPolicy.Check(0, 0, [], [new RetryStep(1)], [new TimeWindow(new TimeOnly(11, 0), new TimeOnly(9, 0))]);

        Assert.Equal(
            [FollowUpPolicy.CoverageOutOfRange, FollowUpPolicy.AttemptsOutOfRange, FollowUpPolicy.RetryOutOfRange, FollowUpPolicy.BlockedWindowInvalid, FollowUpPolicy.NoRules],
            errors.Select(e => e.Code));
    }
}
