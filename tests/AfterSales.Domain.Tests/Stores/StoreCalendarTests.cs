using AfterSales.Domain.Stores;

namespace AfterSales.Domain.Tests.Stores;

public sealed class StoreCalendarTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly DateOnly Saturday = new(2026, 3, 7);
    private static readonly DateOnly Sunday = new(2026, 3, 8);

    // Weekdays 08:30–18:00, Saturday 09:00–16:00, no entry for Sunday.
    private static readonly OpeningHours[] Hours =
    [
        .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningHours(d, new TimeOnly(8, 30), new TimeOnly(18, 0))),
        new OpeningHours(DayOfWeek.Saturday, new TimeOnly(9, 0), new TimeOnly(16, 0)),
    ];

    private static readonly StoreHoliday[] Holidays =
    [
        new(new DateOnly(2026, 10, 1), "国庆节", false),
        new(new DateOnly(2026, 10, 2), "国庆节", false),
        new(new DateOnly(2026, 1, 4), "元旦调休上班", true),
        new(new DateOnly(2026, 10, 10), "国庆调休上班", true),
    ];

    private static StoreCalendar Shanghai(IEnumerable<OpeningHours>? hours = null) => new(Store.DefaultTimeZone, hours ?? Hours, Holidays);

    [Fact]
    public void A_weekday_has_its_opening_hours() =>
        Assert.Equal((new TimeOnly(8, 30), new TimeOnly(18, 0)), Shanghai().HoursOn(Monday));

    [Fact]
    public void Saturday_has_its_own_hours() =>
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(16, 0)), Shanghai().HoursOn(Saturday));

    [Fact]
    public void A_weekday_without_an_entry_is_closed()
    {
        Assert.Null(Shanghai().HoursOn(Sunday));
        Assert.False(Shanghai().IsWorkingDay(Sunday));
    }

    [Fact]
    public void A_public_holiday_is_closed_even_on_a_weekday()
    {
        var nationalDay = new DateOnly(2026, 10, 1);
        Assert.Equal(DayOfWeek.Thursday, nationalDay.DayOfWeek);
        Assert.False(Shanghai().IsWorkingDay(nationalDay));
    }

    [Fact]
    public void A_make_up_working_day_on_a_saturday_opens_with_weekday_hours()
    {
        var makeUpDay = new DateOnly(2026, 10, 10);
        Assert.Equal(DayOfWeek.Saturday, makeUpDay.DayOfWeek);

        Assert.Equal((new TimeOnly(8, 30), new TimeOnly(18, 0)), Shanghai().HoursOn(makeUpDay));
    }

    [Fact]
    public void A_make_up_working_day_opens_a_store_that_is_closed_on_weekends()
    {
        var weekdaysOnly = Hours.Where(h => h.Day != DayOfWeek.Saturday);
        var makeUpSunday = new DateOnly(2026, 1, 4);
        Assert.Equal(DayOfWeek.Sunday, makeUpSunday.DayOfWeek);

        Assert.True(Shanghai(weekdaysOnly).IsWorkingDay(makeUpSunday));
        Assert.False(Shanghai(weekdaysOnly).IsWorkingDay(new DateOnly(2026, 1, 11)));
    }

    [Fact]
    public void A_store_with_no_hours_at_all_stays_closed_on_a_make_up_day() =>
        Assert.False(Shanghai([]).IsWorkingDay(new DateOnly(2026, 10, 10)));

    [Theory]
    [InlineData("2026-03-02T00:29:59Z", false)] // 08:29:59 in Shanghai
    [InlineData("2026-03-02T00:30:00Z", true)] // 08:30 opening
    [InlineData("2026-03-02T09:59:59Z", true)]
    [InlineData("2026-03-02T10:00:00Z", false)] // 18:00 closing is exclusive
    [InlineData("2026-03-01T16:30:00Z", false)] // Monday 00:30 local, still night
    [InlineData("2026-03-08T02:00:00Z", false)] // Sunday 10:00 local
    public void Opening_is_judged_on_the_store_clock(string instant, bool open) =>
        Assert.Equal(open, Shanghai().IsOpenAt(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_same_instant_is_open_whatever_offset_it_is_written_in()
    {
        // Sunday evening in New York is Monday morning in Shanghai.
        var newYork = new DateTimeOffset(2026, 3, 1, 20, 30, 0, TimeSpan.FromHours(-5));
        var shanghai = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8));
        Assert.Equal(newYork, shanghai);

        Assert.True(Shanghai().IsOpenAt(newYork));
        Assert.True(Shanghai().IsOpenAt(shanghai));
    }

    [Fact]
    public void A_utc_instant_late_on_a_weekday_falls_on_the_next_local_day()
    {
        // Friday 23:00 UTC is Saturday 07:00 in Shanghai: before Saturday's opening.
        var calendar = Shanghai();
        Assert.False(calendar.IsOpenAt(new DateTimeOffset(2026, 3, 6, 23, 0, 0, TimeSpan.Zero)));
        Assert.True(calendar.IsOpenAt(new DateTimeOffset(2026, 3, 7, 1, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 3, 7, 7, 0, 0, TimeSpan.FromHours(8)), calendar.ToLocal(new DateTimeOffset(2026, 3, 6, 23, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_holiday_is_closed_all_day_on_the_store_clock() =>
        Assert.False(Shanghai().IsOpenAt(new DateTimeOffset(2026, 10, 1, 10, 0, 0, TimeSpan.FromHours(8))));

    [Fact]
    public void Store_checks_refuse_unknown_zones_duplicate_days_and_inverted_hours()
    {
        var errors = Store.Check("Mars/Olympus", [new OpeningHours(DayOfWeek.Monday, new TimeOnly(18, 0), new TimeOnly(9, 0)), new OpeningHours(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(18, 0))]);

        Assert.Equal(["store.unknown_time_zone", "store.duplicate_weekday", "store.opening_after_closing"], errors.Select(e => e.Code));
        Assert.Empty(Store.Check(Store.DefaultTimeZone, Hours));
    }
}
