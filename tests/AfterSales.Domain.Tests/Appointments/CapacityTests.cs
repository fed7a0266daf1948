using AfterSales.Domain.Appointments;
using AfterSales.Domain.Service;
using AfterSales.Domain.Stores;

namespace AfterSales.Domain.Tests.Appointments;

public sealed class CapacityTests
{
    private static StoreCalendar Calendar() => new(
        "Asia/Shanghai",
        [new OpeningHours(DayOfWeek.Monday, new TimeOnly(8, 30), new TimeOnly(18, 0)), new OpeningHours(DayOfWeek.Tuesday, new TimeOnly(9, 0), new TimeOnly(17, 0))],
        [new StoreHoliday(new DateOnly(2026, 10, 5), "国庆节", false), new StoreHoliday(new DateOnly(2026, 10, 10), "国庆调休上班", true)]);

    [Fact]
    public void Slots_run_from_opening_to_the_last_one_that_ends_by_closing_in_utc()
    {
        var slots = SlotPlanner.SlotsOn(Calendar(), new DateOnly(2026, 11, 23), 60);

        Assert.Equal(9, slots.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 30, 0, TimeSpan.Zero), slots[0]);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero), slots[^1]);
    }

    [Fact]
    public void A_holiday_has_no_slots_and_a_make_up_saturday_follows_the_first_weekday()
    {
        var calendar = Calendar();

        Assert.Empty(SlotPlanner.SlotsOn(calendar, new DateOnly(2026, 10, 5), 30));
        Assert.Empty(SlotPlanner.SlotsOn(calendar, new DateOnly(2026, 10, 17), 30));
        var makeUp = SlotPlanner.SlotsOn(calendar, new DateOnly(2026, 10, 10), 30);
        Assert.Equal(19, makeUp.Count);
        Assert.Equal(DayOfWeek.Monday, calendar.RegularWeekdayOn(new DateOnly(2026, 10, 10)));
        Assert.Null(calendar.RegularWeekdayOn(new DateOnly(2026, 10, 5)));
        Assert.True(SlotPlanner.IsSlotStart(calendar, makeUp[3], 30));
        Assert.False(SlotPlanner.IsSlotStart(calendar, makeUp[3].AddMinutes(10), 30));
    }

    [Fact]
    public void Capacity_sums_per_weekday_and_trade_and_drops_empty_entries()
    {
        var capacity = StoreCapacity.Default(Guid.NewGuid());
        capacity.Update(30, 14, [new AdvisorShift(DayOfWeek.Monday, 3), new AdvisorShift(DayOfWeek.Sunday, 0)], [new SkillHours(DayOfWeek.Monday, WorkshopSkill.Electrical, 6m)]);

        Assert.Equal(3, capacity.AdvisorsOn(DayOfWeek.Monday));
        Assert.Equal(0, capacity.AdvisorsOn(DayOfWeek.Sunday));
        Assert.Single(capacity.AdvisorShifts);
        Assert.Equal(6m, capacity.HoursOn(DayOfWeek.Monday, WorkshopSkill.Electrical));
        Assert.Equal(0m, capacity.HoursOn(DayOfWeek.Monday, WorkshopSkill.Mechanical));
    }

    [Fact]
    public void The_default_plans_two_advisors_and_no_phone_repair()
    {
        var capacity = StoreCapacity.Default(Guid.NewGuid());

        Assert.Equal(2, capacity.AdvisorsOn(DayOfWeek.Wednesday));
        Assert.Equal(24m, capacity.HoursOn(DayOfWeek.Wednesday, WorkshopSkill.Maintenance));
        Assert.Equal(0m, capacity.HoursOn(DayOfWeek.Wednesday, WorkshopSkill.Phone));
    }

    [Fact]
    public void Check_names_every_bad_setting()
    {
        var errors = StoreCapacity.Check(
            25,
            0,
            [new AdvisorShift(DayOfWeek.Monday, 1), new AdvisorShift(DayOfWeek.Monday, 2), new AdvisorShift(DayOfWeek.Tuesday, -1)],
            [new SkillHours(DayOfWeek.Monday, WorkshopSkill.Electrical, 2000m)]);

        Assert.Equal(
            ["capacity.slot_length_invalid", "capacity.repeat_days_invalid", "capacity.duplicate_weekday", "capacity.advisors_invalid", "capacity.hours_invalid"],
            errors.Select(e => e.Code));
        Assert.Empty(StoreCapacity.Check(30, 30, [new AdvisorShift(DayOfWeek.Monday, 2)], [new SkillHours(DayOfWeek.Monday, WorkshopSkill.Electrical, 8m)]));
    }
}
