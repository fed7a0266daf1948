using AfterSales.Domain.Complaints;
using AfterSales.Domain.Stores;

namespace AfterSales.Domain.Tests.Complaints;

/// <summary>SLA arithmetic on fixed times: Shanghai is UTC+8 all year, Berlin switches to summer time on 2026-03-29.</summary>
public sealed class SlaCalculatorTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    // Weekdays 09:00–18:00; National Day week closed; Saturday 10 October a make-up working day (调休).
    private static readonly OpeningHours[] Weekdays =
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningHours(d, new TimeOnly(9, 0), new TimeOnly(18, 0)))];

    private static readonly StoreHoliday[] Holidays =
    [
        .. Enumerable.Range(1, 7).Select(day => new StoreHoliday(new DateOnly(2026, 10, day), "国庆节", false)),
        new(new DateOnly(2026, 10, 10), "国庆调休上班", true),
    ];

    private static readonly StoreCalendar Shanghai = new(Store.DefaultTimeZone, Weekdays, Holidays);
    private static readonly StoreCalendar Berlin = new("Europe/Berlin", Weekdays, []);

    // Acknowledge 30/60 min, first contact 2/4 h, proposal 8/16 h, close 16/24 h, progress every 4 h.
    private static readonly SlaPolicy Policy = new(
        ComplaintUrgency.Normal, null, SlaTarget.Hours(0.5, 1), SlaTarget.Hours(2, 4), SlaTarget.Hours(8, 16), SlaTarget.Hours(16, 24), 4 * 60);

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, China);

    private static SlaStatusMove Move(DateTimeOffset at, ComplaintStatus to) => new(at, to);

    private static SlaClockReading Clock(IEnumerable<SlaClockReading> readings, SlaClockKind kind) => readings.Single(r => r.Clock == kind);

    private static SlaClockReading Acknowledge(DateTimeOffset received, DateTimeOffset now, StoreCalendar? calendar = null) =>
        Clock(SlaCalculator.Compute(calendar ?? Shanghai, Policy, [Move(received, ComplaintStatus.Received)], [], now), SlaClockKind.Acknowledge);

    [Fact]
    public void Within_opening_hours_the_clock_counts_straight_on()
    {
        var ack = Acknowledge(Local(3, 2, 10), Local(3, 2, 10, 10));

        Assert.Equal(Local(3, 2, 10, 30), ack.WarningAt);
        Assert.Equal(Local(3, 2, 11), ack.BreachAt);
        Assert.Equal(TimeSpan.FromMinutes(10), ack.Used);
        Assert.Equal(TimeSpan.FromMinutes(50), ack.Left);
        Assert.Equal(SlaClockState.Ok, ack.State);
    }

    [Theory]
    [InlineData(10, 29, SlaClockState.Ok)]
    [InlineData(10, 30, SlaClockState.Warning)]
    [InlineData(10, 59, SlaClockState.Warning)]
    [InlineData(11, 0, SlaClockState.Breached)]
    [InlineData(15, 0, SlaClockState.Breached)]
    public void The_state_follows_the_warning_and_the_breach(int hour, int minute, SlaClockState expected)
    {
        var ack = Acknowledge(Local(3, 2, 10), Local(3, 2, hour, minute));

        Assert.Equal(expected, ack.State);
    }

    [Fact]
    public void The_night_does_not_count()
    {
        var ack = Acknowledge(Local(3, 2, 17, 30), Local(3, 3, 9, 10));

        Assert.Equal(Local(3, 3, 9, 30), ack.BreachAt);
        Assert.Equal(TimeSpan.FromMinutes(40), ack.Used);
        Assert.Equal(SlaClockState.Warning, ack.State);
    }

    [Fact]
    public void A_complaint_on_friday_evening_is_due_on_monday_morning()
    {
        var ack = Acknowledge(Local(3, 6, 17, 30), Local(3, 7, 12));

        Assert.Equal(Local(3, 6, 18), ack.WarningAt);
        Assert.Equal(Local(3, 9, 9, 30), ack.BreachAt);
        Assert.Equal(SlaClockState.Warning, ack.State);
        Assert.Equal(TimeSpan.FromMinutes(30), ack.Left);
    }

    [Fact]
    public void A_complaint_received_while_the_store_is_closed_starts_counting_when_it_opens()
    {
        var ack = Acknowledge(Local(3, 8, 22), Local(3, 8, 23));

        Assert.Equal(Local(3, 9, 9, 30), ack.WarningAt);
        Assert.Equal(Local(3, 9, 10), ack.BreachAt);
        Assert.Equal(TimeSpan.Zero, ack.Used);
    }

    [Fact]
    public void Public_holidays_are_skipped()
    {
        var ack = Acknowledge(Local(9, 30, 17, 30), Local(10, 5, 12));

        Assert.Equal(Local(10, 8, 9, 30), ack.BreachAt);
        Assert.Equal(SlaClockState.Warning, ack.State);
    }

    [Fact]
    public void A_make_up_working_saturday_counts_like_a_weekday()
    {
        var ack = Acknowledge(Local(10, 9, 17, 30), Local(10, 10, 9, 45));

        Assert.Equal(Local(10, 10, 9, 30), ack.BreachAt);
        Assert.Equal(SlaClockState.Breached, ack.State);
        Assert.Equal(TimeSpan.FromMinutes(-15), ack.Left);
    }

    [Fact]
    public void An_ordinary_saturday_does_not_count()
    {
        var ack = Acknowledge(Local(3, 6, 17, 30), Local(3, 7, 10));

        Assert.Equal(TimeSpan.FromMinutes(30), ack.Used);
    }

    [Fact]
    public void A_store_in_another_time_zone_counts_in_its_own_hours()
    {
        // 07:30 UTC is 08:30 in Berlin (not open yet) and 15:30 in Shanghai.
        var received = new DateTimeOffset(2026, 3, 2, 7, 30, 0, TimeSpan.Zero);

        var berlin = Acknowledge(received, received, Berlin);
        var shanghai = Acknowledge(received, received, Shanghai);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), berlin.BreachAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero), shanghai.BreachAt);
    }

    [Fact]
    public void Summer_time_moves_the_opening_hour_in_utc()
    {
        // Friday 17:30 in Berlin (CET, UTC+1); the clocks go forward on Sunday; Monday opens at 09:00 CEST = 07:00 UTC.
        var received = new DateTimeOffset(2026, 3, 27, 16, 30, 0, TimeSpan.Zero);

        var ack = Acknowledge(received, received, Berlin);

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 7, 30, 0, TimeSpan.Zero), ack.BreachAt);
    }

    [Fact]
    public void Meeting_the_milestone_stops_the_clock()
    {
        var readings = SlaCalculator.Compute(Shanghai, Policy, [Move(Local(3, 2, 10), ComplaintStatus.Received), Move(Local(3, 2, 10, 20), ComplaintStatus.Acknowledged)], [], Local(3, 3, 12));

        var ack = Clock(readings, SlaClockKind.Acknowledge);
        Assert.Equal(SlaClockState.Met, ack.State);
        Assert.Equal(Local(3, 2, 10, 20), ack.MetAt);
        Assert.Equal(TimeSpan.FromMinutes(20), ack.Used);
        Assert.False(ack.Late);
        Assert.False(ack.IsRunning);
    }

    [Fact]
    public void A_milestone_met_after_the_breach_is_met_late()
    {
        var readings = SlaCalculator.Compute(Shanghai, Policy, [Move(Local(3, 2, 10), ComplaintStatus.Received), Move(Local(3, 2, 11, 30), ComplaintStatus.Acknowledged)], [], Local(3, 2, 12));

        var ack = Clock(readings, SlaClockKind.Acknowledge);
        Assert.Equal(SlaClockState.Met, ack.State);
        Assert.True(ack.Late);
    }

    [Fact]
    public void Waiting_for_the_customer_pauses_the_clocks_and_their_answer_resumes_them()
    {
        // Close is due after 24 working hours. Received Monday 09:00; waiting for the customer from Monday 12:00 to Tuesday 12:00
        // (9 working hours not counted); 3 + 6 = 9 hours counted until Tuesday 18:00.
        var moves = new[]
        {
            Move(Local(3, 2, 9), ComplaintStatus.Received),
            Move(Local(3, 2, 9, 10), ComplaintStatus.Acknowledged),
            Move(Local(3, 2, 9, 20), ComplaintStatus.InInvestigation),
            Move(Local(3, 2, 11), ComplaintStatus.ResolutionProposed),
            Move(Local(3, 2, 12), ComplaintStatus.AwaitingCustomer),
            Move(Local(3, 3, 12), ComplaintStatus.InInvestigation),
        };

        var close = Clock(SlaCalculator.Compute(Shanghai, Policy, moves, [], Local(3, 3, 18)), SlaClockKind.Close);

        Assert.False(close.IsPaused);
        Assert.Equal(new SlaPause(Local(3, 2, 12), Local(3, 3, 12)), Assert.Single(close.Pauses));
        Assert.Equal(TimeSpan.FromHours(9), close.Used);

        // 16 h warning: 9 counted by Tuesday evening, 7 more on Wednesday → 16:00; 24 h breach: 15 more → Thursday 09:00 + 6 h = 15:00.
        Assert.Equal(Local(3, 4, 16), close.WarningAt);
        Assert.Equal(Local(3, 5, 15), close.BreachAt);
    }

    [Fact]
    public void While_the_customer_has_not_answered_the_clock_stands_still_without_a_due_time()
    {
        var moves = new[]
        {
            Move(Local(3, 2, 9), ComplaintStatus.Received),
            Move(Local(3, 2, 9, 10), ComplaintStatus.Acknowledged),
            Move(Local(3, 2, 9, 20), ComplaintStatus.InInvestigation),
            Move(Local(3, 2, 11), ComplaintStatus.ResolutionProposed),
            Move(Local(3, 2, 12), ComplaintStatus.AwaitingCustomer),
        };

        var close = Clock(SlaCalculator.Compute(Shanghai, Policy, moves, [], Local(3, 20, 12)), SlaClockKind.Close);

        Assert.True(close.IsPaused);
        Assert.Equal(TimeSpan.FromHours(3), close.Used);
        Assert.Null(close.WarningAt);
        Assert.Null(close.BreachAt);
        Assert.Equal(SlaClockState.Ok, close.State);
        Assert.Null(SlaCalculator.NextBreach([close]));
    }

    [Fact]
    public void A_warning_passed_before_the_pause_keeps_its_time()
    {
        var moves = new[]
        {
            Move(Local(3, 2, 9), ComplaintStatus.Received),
            Move(Local(3, 2, 9, 5), ComplaintStatus.Acknowledged),
            Move(Local(3, 2, 9, 10), ComplaintStatus.InInvestigation),
            Move(Local(3, 3, 9), ComplaintStatus.ResolutionProposed),
            Move(Local(3, 4, 10), ComplaintStatus.AwaitingCustomer),
        };

        var close = Clock(SlaCalculator.Compute(Shanghai, Policy, moves, [], Local(3, 9, 9)), SlaClockKind.Close);

        // 9 + 9 + 1 = 19 working hours until the pause: the 16 h warning passed on Tuesday at 16:00, the 24 h breach waits.
        Assert.Equal(TimeSpan.FromHours(19), close.Used);
        Assert.Equal(Local(3, 3, 16), close.WarningAt);
        Assert.Equal(SlaClockState.Warning, close.State);
        Assert.Null(close.BreachAt);
    }

    [Fact]
    public void First_contact_is_met_by_the_first_recorded_contact()
    {
        var moves = new[] { Move(Local(3, 2, 9), ComplaintStatus.Received), Move(Local(3, 2, 9, 10), ComplaintStatus.Acknowledged) };

        var readings = SlaCalculator.Compute(Shanghai, Policy, moves, [Local(3, 2, 10, 30), Local(3, 2, 15)], Local(3, 2, 16));

        var contact = Clock(readings, SlaClockKind.FirstContact);
        Assert.Equal(Local(3, 2, 10, 30), contact.MetAt);
        Assert.Equal(TimeSpan.FromMinutes(90), contact.Used);
    }

    [Fact]
    public void Progress_updates_are_due_every_interval_after_the_latest_one()
    {
        var moves = new[] { Move(Local(3, 2, 9), ComplaintStatus.Received), Move(Local(3, 2, 9, 30), ComplaintStatus.Acknowledged), Move(Local(3, 2, 10), ComplaintStatus.InInvestigation) };

        var before = Clock(SlaCalculator.Compute(Shanghai, Policy, moves, [], Local(3, 2, 14)), SlaClockKind.ProgressUpdate);
        var missed = Clock(SlaCalculator.Compute(Shanghai, Policy, moves, [], Local(3, 2, 13, 31)), SlaClockKind.ProgressUpdate);
        var updated = Clock(SlaCalculator.Compute(Shanghai, Policy, moves, [Local(3, 2, 17)], Local(3, 3, 9)), SlaClockKind.ProgressUpdate);

        Assert.Equal(Local(3, 2, 13, 30), before.WarningAt);
        Assert.Null(before.BreachAt);
        Assert.Equal(SlaClockState.Warning, missed.State);
        Assert.Equal(Local(3, 2, 17), updated.StartedAt);
        Assert.Equal(Local(3, 3, 12), updated.WarningAt);
        Assert.Equal(SlaClockState.Ok, updated.State);
    }

    [Fact]
    public void No_progress_update_is_due_before_the_acknowledgement_or_after_the_resolution()
    {
        var received = new[] { Move(Local(3, 2, 9), ComplaintStatus.Received) };
        var resolved = new[]
        {
            Move(Local(3, 2, 9), ComplaintStatus.Received), Move(Local(3, 2, 9, 5), ComplaintStatus.Acknowledged),
            Move(Local(3, 2, 9, 10), ComplaintStatus.InInvestigation), Move(Local(3, 2, 10), ComplaintStatus.ResolutionProposed),
            Move(Local(3, 2, 11), ComplaintStatus.AwaitingCustomer), Move(Local(3, 2, 12), ComplaintStatus.Resolved),
        };

        Assert.DoesNotContain(SlaCalculator.Compute(Shanghai, Policy, received, [], Local(3, 5, 9)), r => r.Clock == SlaClockKind.ProgressUpdate);
        Assert.DoesNotContain(SlaCalculator.Compute(Shanghai, Policy, resolved, [], Local(3, 5, 9)), r => r.Clock == SlaClockKind.ProgressUpdate);
    }

    [Fact]
    public void Closing_stops_every_clock()
    {
        var moves = new[]
        {
            Move(Local(3, 2, 9), ComplaintStatus.Received), Move(Local(3, 2, 9, 5), ComplaintStatus.Acknowledged),
            Move(Local(3, 2, 9, 10), ComplaintStatus.InInvestigation), Move(Local(3, 2, 10), ComplaintStatus.ResolutionProposed),
            Move(Local(3, 2, 11), ComplaintStatus.AwaitingCustomer), Move(Local(3, 2, 12), ComplaintStatus.Resolved),
            Move(Local(3, 2, 14), ComplaintStatus.Closed),
        };

        var readings = SlaCalculator.Compute(Shanghai, Policy, moves, [], Local(3, 30, 9));

        Assert.All(readings, r => Assert.Equal(SlaClockState.Met, r.State));
        Assert.Equal(Local(3, 2, 11), Clock(readings, SlaClockKind.FirstContact).MetAt);
        Assert.Equal(Local(3, 2, 10), Clock(readings, SlaClockKind.ProposeResolution).MetAt);
        Assert.Equal(TimeSpan.FromHours(4), Clock(readings, SlaClockKind.Close).Used);
        Assert.Equal(SlaClockState.Met, SlaCalculator.Worst(readings));
        Assert.Null(SlaCalculator.NextBreach(readings));
    }

    [Fact]
    public void Reopening_starts_a_new_round_for_the_resolution_and_closure()
    {
        var moves = new[]
        {
            Move(Local(3, 2, 9), ComplaintStatus.Received), Move(Local(3, 2, 9, 5), ComplaintStatus.Acknowledged),
            Move(Local(3, 2, 9, 10), ComplaintStatus.InInvestigation), Move(Local(3, 2, 10), ComplaintStatus.ResolutionProposed),
            Move(Local(3, 2, 11), ComplaintStatus.AwaitingCustomer), Move(Local(3, 2, 12), ComplaintStatus.Resolved),
            Move(Local(3, 2, 14), ComplaintStatus.Closed), Move(Local(3, 16, 9), ComplaintStatus.Reopened),
        };

        var readings = SlaCalculator.Compute(Shanghai, Policy, moves, [], Local(3, 16, 10));

        Assert.Equal(SlaClockState.Met, Clock(readings, SlaClockKind.Acknowledge).State);
        var propose = Clock(readings, SlaClockKind.ProposeResolution);
        Assert.Equal(Local(3, 16, 9), propose.StartedAt);
        Assert.Null(propose.MetAt);
        Assert.Equal(Local(3, 16, 17), propose.WarningAt);
        Assert.Equal(Local(3, 16, 9), Clock(readings, SlaClockKind.Close).StartedAt);
        Assert.Equal(SlaClockState.Ok, SlaCalculator.Worst(readings));
    }

    [Fact]
    public void The_next_breach_is_the_soonest_among_running_clocks()
    {
        var readings = SlaCalculator.Compute(Shanghai, Policy, [Move(Local(3, 2, 10), ComplaintStatus.Received)], [], Local(3, 2, 10, 45));

        Assert.Equal(Local(3, 2, 11), SlaCalculator.NextBreach(readings));
        Assert.Equal(SlaClockState.Warning, SlaCalculator.Worst(readings));
    }

    [Fact]
    public void A_store_that_never_opens_has_no_due_time_instead_of_searching_forever()
    {
        var closed = new StoreCalendar(Store.DefaultTimeZone, [], []);

        var ack = Acknowledge(Local(3, 2, 10), Local(3, 2, 11), closed);

        Assert.Null(ack.BreachAt);
        Assert.Equal(TimeSpan.Zero, ack.Used);
    }

    [Fact]
    public void Working_time_between_two_instants_counts_only_opening_hours()
    {
        var time = new SlaWorkingTime(Shanghai);

        Assert.Equal(TimeSpan.FromHours(10), time.Between(Local(3, 6, 10), Local(3, 9, 11), []));
        Assert.Equal(TimeSpan.Zero, time.Between(Local(3, 2, 11), Local(3, 2, 10), []));
        Assert.Equal(TimeSpan.FromHours(9), time.Between(Local(9, 30, 9), Local(10, 8, 9), []));
    }

    [Fact]
    public void After_a_reclassification_running_clocks_follow_the_new_policy_from_their_start_and_met_ones_keep_the_targets_they_had()
    {
        // Normal: acknowledged after 45 minutes (limit 60; critical would have allowed 30), reclassified to critical at 11:00.
        var critical = Policy with { Urgency = ComplaintUrgency.Critical, Acknowledge = SlaTarget.Hours(0.25, 0.5), FirstContact = SlaTarget.Hours(0.5, 1) };
        var moves = new[] { Move(Local(3, 2, 10), ComplaintStatus.Received), Move(Local(3, 2, 10, 45), ComplaintStatus.Acknowledged) };
        var earlier = new[] { new SlaEarlierPolicy(Local(3, 2, 11), Policy) };

        var readings = SlaCalculator.Compute(Shanghai, critical, moves, [], Local(3, 2, 11, 30), earlier);

        var acknowledge = Clock(readings, SlaClockKind.Acknowledge);
        Assert.Equal((SlaClockState.Met, false, 60), (acknowledge.State, acknowledge.Late, acknowledge.Target.BreachMinutes));
        var contact = Clock(readings, SlaClockKind.FirstContact);
        Assert.Equal((Local(3, 2, 10), Local(3, 2, 11), SlaClockState.Breached), (contact.StartedAt, contact.BreachAt, contact.State));

        // Without the earlier policy the same acknowledgement would count as late under critical's 30 minutes.
        Assert.True(Clock(SlaCalculator.Compute(Shanghai, critical, moves, [], Local(3, 2, 11, 30)), SlaClockKind.Acknowledge).Late);
    }

    [Fact]
    public void A_reclassified_clock_counts_working_hours_and_pauses_from_the_original_start()
    {
        // Received Friday 17:00, waiting for the customer Monday 09:00–10:00, raised to critical (close within 3 h) at 10:30.
        var critical = Policy with { Urgency = ComplaintUrgency.Critical, Close = SlaTarget.Hours(2, 3) };
        var moves = new[]
        {
            Move(Local(3, 6, 17), ComplaintStatus.Received),
            Move(Local(3, 6, 17, 10), ComplaintStatus.Acknowledged),
            Move(Local(3, 9, 9), ComplaintStatus.AwaitingCustomer),
            Move(Local(3, 9, 10), ComplaintStatus.InInvestigation),
        };
        var earlier = new[] { new SlaEarlierPolicy(Local(3, 9, 10, 30), Policy) };

        var close = Clock(SlaCalculator.Compute(Shanghai, critical, moves, [], Local(3, 9, 10, 30), earlier), SlaClockKind.Close);

        // Friday 17:00–18:00 counts one hour, the paused Monday hour none: warning at 11:00, breach at 12:00, 90 minutes used.
        Assert.Equal((Local(3, 6, 17), Local(3, 9, 11), Local(3, 9, 12)), (close.StartedAt, close.WarningAt, close.BreachAt));
        Assert.Equal((TimeSpan.FromMinutes(90), SlaClockState.Ok), (close.Used, close.State));
    }
}
