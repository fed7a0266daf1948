using AfterSales.Domain.FollowUps;
using AfterSales.Domain.Stores;

namespace AfterSales.Domain.Tests.FollowUps;

/// <summary>
/// Due times of follow-up calls on fixed dates: Monday 23 November 2026; National Day week 1–7 October closed and
/// Saturday 10 October a make-up working day (调休); Shanghai is UTC+8 all year, Berlin is UTC+1 in November.
/// </summary>
public sealed class FollowUpSchedulerTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    // Weekdays 08:30–18:00.
    private static readonly OpeningHours[] Weekdays =
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningHours(d, new TimeOnly(8, 30), new TimeOnly(18, 0)))];

    private static readonly StoreHoliday[] Holidays =
    [
        .. Enumerable.Range(1, 7).Select(day => new StoreHoliday(new DateOnly(2026, 10, day), "国庆节", false)),
        new(new DateOnly(2026, 10, 10), "国庆调休上班", true),
    ];

    private static readonly StoreCalendar Shanghai = new(Store.DefaultTimeZone, Weekdays, Holidays);

    private static readonly IReadOnlyList<TimeWindow> Blocked = FollowUpPolicy.SeedBlockedHours;

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, China);

    private static DateTimeOffset Due(DateTimeOffset delivered, FollowUpKind kind = FollowUpKind.Within24Hours, TimeWindow? preferred = null, StoreCalendar? calendar = null) =>
        FollowUpScheduler.DueAt(delivered, kind, calendar ?? Shanghai, Blocked, preferred);

    private static TimeWindow Window(int fromHour, int toHour) => new(new TimeOnly(fromHour, 0), new TimeOnly(toHour, 0));

    [Fact]
    public void A_call_after_delivery_in_open_unblocked_hours_is_due_two_hours_later()
    {
        Assert.Equal(Local(11, 23, 14), Due(Local(11, 23, 12)));
    }

    [Fact]
    public void The_three_day_and_one_week_calls_fall_on_the_third_and_seventh_day()
    {
        Assert.Equal(Local(11, 26, 12), Due(Local(11, 23, 12), FollowUpKind.After3Days));
        Assert.Equal(Local(11, 30, 12), Due(Local(11, 23, 12), FollowUpKind.After1Week));
    }

    [Fact]
    public void A_time_in_the_blocked_afternoon_moves_to_the_next_morning_when_the_store_closes_before_the_block_ends()
    {
        // 14:30 + 2 h = 16:30, blocked until 18:30, but the store closes at 18:00: next day at opening.
        Assert.Equal(Local(11, 24, 8, 30), Due(Local(11, 23, 14, 30)));
    }

    [Fact]
    public void A_time_in_the_blocked_morning_moves_to_the_end_of_the_block()
    {
        // 07:30 + 2 h = 09:30, inside 9:00–11:00.
        Assert.Equal(Local(11, 24, 11), Due(Local(11, 24, 7, 30)));
    }

    [Fact]
    public void Nobody_is_called_at_night()
    {
        Assert.Equal(Local(11, 24, 8, 30), Due(Local(11, 23, 17, 30)));
        Assert.Equal(Local(11, 24, 8, 30), Due(Local(11, 23, 23, 50)));
    }

    [Fact]
    public void A_call_that_would_fall_on_the_weekend_waits_for_monday()
    {
        // Friday 27 November 17:00 + 2 h = 19:00: Saturday and Sunday closed.
        Assert.Equal(Local(11, 30, 8, 30), Due(Local(11, 27, 17)));
    }

    [Fact]
    public void Public_holidays_are_skipped_and_a_make_up_working_day_is_used()
    {
        // Wednesday 30 September evening: 1–7 October closed, Thursday 8 October is the next working day.
        Assert.Equal(Local(10, 8, 8, 30), Due(Local(9, 30, 17)));

        // Friday 9 October evening: Saturday 10 October is a make-up working day with weekday hours.
        Assert.Equal(Local(10, 10, 8, 30), Due(Local(10, 9, 17)));
    }

    [Fact]
    public void The_customers_preferred_time_is_kept()
    {
        Assert.Equal(Local(11, 23, 14), Due(Local(11, 23, 12), preferred: Window(14, 15)));
        Assert.Equal(Local(11, 26, 14), Due(Local(11, 23, 12), FollowUpKind.After3Days, Window(14, 15)));

        // Preferred 12:00–13:00, but the earliest time is 16:30 today: tomorrow at noon.
        Assert.Equal(Local(11, 24, 12), Due(Local(11, 23, 14, 30), preferred: Window(12, 13)));
    }

    [Fact]
    public void A_preferred_time_inside_the_blocked_hours_is_only_used_where_it_is_free()
    {
        // Preferred 10:00–12:00: 10:00–11:00 is blocked, so 11:00.
        Assert.Equal(Local(11, 24, 11), Due(Local(11, 23, 17), preferred: Window(10, 12)));
    }

    [Fact]
    public void A_preferred_time_the_store_can_never_meet_falls_back_to_the_first_allowed_time()
    {
        // 19:00–21:00 is after closing every day; 9:00–11:00 is blocked every day.
        Assert.Equal(Local(11, 23, 14), Due(Local(11, 23, 12), preferred: Window(19, 21)));
        Assert.Equal(Local(11, 23, 14), Due(Local(11, 23, 12), preferred: Window(9, 11)));
    }

    [Fact]
    public void Time_zones_are_the_stores_own()
    {
        var berlin = new StoreCalendar("Europe/Berlin", Weekdays, []);
        var delivered = new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero); // 19:00 in Shanghai, 12:00 in Berlin.

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.FromHours(1)), Due(delivered, calendar: berlin));
        Assert.Equal(Local(11, 24, 8, 30), Due(delivered));
    }

    [Fact]
    public void The_clock_change_does_not_move_a_preferred_local_time()
    {
        var berlin = new StoreCalendar("Europe/Berlin", Weekdays, []);

        // Delivered Thursday 22 October 2026 (summer time, UTC+2); the one-week call falls on Thursday 29 October (winter time, UTC+1).
        var delivered = new DateTimeOffset(2026, 10, 22, 12, 0, 0, TimeSpan.FromHours(2));
        var due = Due(delivered, FollowUpKind.After1Week, Window(14, 15), berlin);

        Assert.Equal(new DateTimeOffset(2026, 10, 29, 14, 0, 0, TimeSpan.FromHours(1)), due);
    }

    [Fact]
    public void The_preference_recorded_at_delivery_wins_over_the_customer_record()
    {
        var order = FollowUpScheduler.Preference(new TimeOnly(14, 0), new TimeOnly(15, 0), new TimeOnly(12, 0), new TimeOnly(13, 0));
        var customer = FollowUpScheduler.Preference(null, null, new TimeOnly(12, 0), new TimeOnly(13, 0));
        var none = FollowUpScheduler.Preference(new TimeOnly(15, 0), new TimeOnly(14, 0), null, null);

        Assert.Equal(Window(14, 15), order);
        Assert.Equal(Window(12, 13), customer);
        Assert.Null(none);
    }

    [Fact]
    public void A_store_that_never_opens_has_the_call_due_at_once_rather_than_never()
    {
        var closed = new StoreCalendar(Store.DefaultTimeZone, [], []);

        Assert.Equal(Local(11, 23, 14), Due(Local(11, 23, 12), calendar: closed));
    }
}
