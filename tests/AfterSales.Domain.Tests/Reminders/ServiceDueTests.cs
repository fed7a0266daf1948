using AfterSales.Domain.Assets;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Reminders;

namespace AfterSales.Domain.Tests.Reminders;

public sealed class MileageProjectionTests
{
    private static readonly DateOnly Day = new(2026, 1, 1);

    [Fact]
    public void Two_readings_give_the_average_between_the_earliest_and_the_latest()
    {
        MileageReading[] readings = [new(Day, 10_000), new(Day.AddDays(50), 11_000), new(Day.AddDays(100), 14_000)];

        Assert.Equal(40, MileageProjection.KmPerDay(readings, null), 3);
    }

    [Fact]
    public void One_reading_and_a_sale_date_count_from_zero_at_the_sale()
    {
        MileageReading[] readings = [new(Day.AddDays(200), 10_000)];

        Assert.Equal(50, MileageProjection.KmPerDay(readings, Day), 3);
    }

    [Fact]
    public void Without_anything_usable_the_national_average_is_assumed()
    {
        Assert.Equal(MileageProjection.DefaultKmPerDay, MileageProjection.KmPerDay([], null));
        Assert.Equal(MileageProjection.DefaultKmPerDay, MileageProjection.KmPerDay([new(Day, 5_000)], null));
    }

    [Fact]
    public void Readings_a_few_days_apart_do_not_decide_the_habit_and_a_falling_odometer_is_ignored()
    {
        MileageReading[] close = [new(Day, 10_000), new(Day.AddDays(3), 10_900)];
        MileageReading[] falling = [new(Day, 10_000), new(Day.AddDays(100), 9_000)];

        Assert.Equal(MileageProjection.DefaultKmPerDay, MileageProjection.KmPerDay(close, null));
        Assert.Equal(MileageProjection.DefaultKmPerDay, MileageProjection.KmPerDay(falling, null));
    }

    [Fact]
    public void A_typing_error_does_not_project_a_racing_driver()
    {
        MileageReading[] readings = [new(Day, 1_000), new(Day.AddDays(30), 990_000)];

        Assert.Equal(MileageProjection.MaxKmPerDay, MileageProjection.KmPerDay(readings, null));
    }

    [Fact]
    public void The_odometer_is_projected_forward_from_the_latest_reading()
    {
        MileageReading[] readings = [new(Day, 10_000), new(Day.AddDays(100), 14_000)];

        Assert.Equal(14_400, MileageProjection.EstimateOn(readings, 40, Day.AddDays(110)));
        Assert.Equal(Day.AddDays(125), MileageProjection.DayReaching(readings, 40, 15_000, null));
        Assert.Equal(Day.AddDays(100), MileageProjection.DayReaching(readings, 40, 12_000, null));
        Assert.Null(MileageProjection.EstimateOn([], 40, Day));
    }
}

public sealed class ServiceDueCalculatorTests
{
    private static readonly DateOnly Sold = new(2026, 1, 10);
    private static readonly ServicePlanTerms Car = new("常规保养", AssetKind.Vehicle, null, null, 12, 10_000, 6, 5_000);

    [Fact]
    public void The_first_service_uses_the_first_interval_from_the_sale_by_date_for_a_light_driver()
    {
        // 10 km a day: 5,000 km only after 500 days, so six months come first.
        var due = ServiceDueCalculator.Next(Car, null, Sold, [new(Sold.AddDays(100), 1_000)], Sold.AddDays(120))!;

        Assert.Equal(Sold.AddMonths(6), due.DueOn);
        Assert.Equal(DueBasis.Date, due.Basis);
        Assert.Equal(5_000, due.DueKm);
        Assert.True(due.IsFirst);
        Assert.Equal(ServiceDueCalculator.FirstKey, due.Key);
        Assert.Equal(1_200, due.ProjectedKm);
    }

    [Fact]
    public void A_heavy_driver_is_due_by_mileage_before_the_months_are_up()
    {
        // 100 km a day since the last service at 20,000 km: 30,000 km after 100 days, long before 12 months.
        var last = new ServiceVisit(new DateOnly(2026, 3, 1), 20_000);
        MileageReading[] readings = [new(Sold, 0), new(last.On, 20_000), new(last.On.AddDays(30), 23_000)];

        var due = ServiceDueCalculator.Next(Car, last, Sold, readings, last.On.AddDays(40))!;

        Assert.Equal(DueBasis.Mileage, due.Basis);
        Assert.Equal(30_000, due.DueKm);
        Assert.True(due.DueOn < last.On.AddMonths(12));
        Assert.Equal(last.On.AddMonths(12), due.DueByDate);
        Assert.Equal("after:2026-03-01", due.Key);
        Assert.False(due.IsFirst);
    }

    [Fact]
    public void A_service_without_an_odometer_reading_counts_from_the_projected_mileage_then()
    {
        var last = new ServiceVisit(Sold.AddDays(100), null);
        MileageReading[] readings = [new(Sold.AddDays(50), 2_000)];

        var due = ServiceDueCalculator.Next(Car, last, Sold, readings, Sold.AddDays(110))!;

        Assert.Equal(2_000 + (40 * 50) + 10_000, due.DueKm);
    }

    [Fact]
    public void The_key_stays_while_the_projection_moves_and_changes_with_a_new_service()
    {
        var last = new ServiceVisit(new DateOnly(2026, 3, 1), 8_000);
        var early = ServiceDueCalculator.Next(Car, last, Sold, [new(last.On, 8_000)], last.On.AddDays(10))!;
        var later = ServiceDueCalculator.Next(Car, last, Sold, [new(last.On, 8_000), new(last.On.AddDays(60), 14_000)], last.On.AddDays(70))!;
        var next = ServiceDueCalculator.Next(Car, new ServiceVisit(later.DueOn, 18_000), Sold, [new(later.DueOn, 18_000)], later.DueOn)!;

        Assert.NotEqual(early.DueOn, later.DueOn);
        Assert.Equal(early.Key, later.Key);
        Assert.NotEqual(later.Key, next.Key);
    }

    [Fact]
    public void A_date_only_plan_is_due_by_date_and_nothing_is_due_without_a_start()
    {
        var airCon = new ServicePlanTerms("空调清洗", AssetKind.Appliance, null, "空调", 12, null);

        var due = ServiceDueCalculator.Next(airCon, null, Sold, [], Sold)!;
        var nothing = ServiceDueCalculator.Next(airCon, null, null, [], Sold);

        Assert.Equal(Sold.AddMonths(12), due.DueOn);
        Assert.Null(due.DueKm);
        Assert.Null(nothing);
    }

    [Fact]
    public void A_mileage_already_past_at_the_last_reading_makes_the_service_due_then_not_before_the_start()
    {
        var kmOnly = new ServicePlanTerms("里程保养", AssetKind.Vehicle, null, null, null, 10_000);
        var due = ServiceDueCalculator.Next(kmOnly, null, Sold, [new(Sold.AddDays(300), 25_000)], Sold.AddDays(310))!;

        Assert.Equal(Sold.AddDays(300), due.DueOn);
        Assert.Equal(DueBasis.Mileage, due.Basis);
    }

    [Fact]
    public void Cover_ends_on_its_last_day_or_when_the_mileage_limit_is_passed()
    {
        MileageReading[] readings = [new(Sold, 0), new(Sold.AddDays(100), 10_000)];

        var byDate = CoverExpiry.Ends(Sold.AddMonths(36).AddDays(-1), 1_000_000, readings, Sold);
        var byKm = CoverExpiry.Ends(Sold.AddMonths(36).AddDays(-1), 60_000, readings, Sold);

        Assert.Equal((Sold.AddMonths(36).AddDays(-1), DueBasis.Date), byDate);
        Assert.Equal((Sold.AddDays(600), DueBasis.Mileage), byKm);
    }
}

public sealed class ServicePlanTests
{
    [Fact]
    public void The_most_specific_active_plan_applies()
    {
        var now = DateTimeOffset.UnixEpoch;
        var every = ServicePlan.Define(new("常规", AssetKind.Vehicle, null, null, 12, 10_000), now);
        var byd = ServicePlan.Define(new("比亚迪", AssetKind.Vehicle, "比亚迪", null, 12, 10_000), now);
        var dmi = ServicePlan.Define(new("DM-i", AssetKind.Vehicle, "比亚迪", "DM-i", 12, 7_500), now);
        var off = ServicePlan.Define(new("停用", AssetKind.Vehicle, "比亚迪", "宋", 6, 5_000), now);
        off.SetActive(false);
        ServicePlan[] plans = [every, byd, dmi, off];

        Assert.Same(dmi, ServicePlan.For(plans, AssetKind.Vehicle, "比亚迪", "宋 PLUS DM-i"));
        Assert.Same(byd, ServicePlan.For(plans, AssetKind.Vehicle, "比亚迪", "汉 EV"));
        Assert.Same(every, ServicePlan.For(plans, AssetKind.Vehicle, "丰田", "凯美瑞"));
        Assert.Null(ServicePlan.For(plans, AssetKind.Phone, "华为", "Mate 60"));
    }

    [Fact]
    public void A_plan_needs_a_name_and_an_interval_in_range_and_kilometres_only_count_for_vehicles()
    {
        var errors = ServicePlan.Check(new(" ", AssetKind.Vehicle, null, null, null, null));
        var ranges = ServicePlan.Check(new("x", AssetKind.Vehicle, null, null, 0, 100, 200, 200_000));
        var phoneKm = ServicePlan.Check(new("x", AssetKind.Phone, null, null, null, 10_000));

        Assert.Equal(["service_plan.name_required", "service_plan.interval_required"], errors.Select(e => e.Code));
        Assert.Equal(["service_plan.months_out_of_range", "service_plan.months_out_of_range", "service_plan.km_out_of_range", "service_plan.km_out_of_range"], ranges.Select(e => e.Code));
        Assert.Equal(["service_plan.interval_required"], phoneKm.Select(e => e.Code));
    }

    [Fact]
    public void A_reminder_message_goes_out_once_and_the_first_booking_is_the_conversion()
    {
        var now = DateTimeOffset.UnixEpoch;
        var by = new Actor(Guid.NewGuid(), "advisor");
        var reminder = Reminder.For(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new DueItem(ReminderKind.Service, "first", new DateOnly(2026, 6, 1), 5_000, DueBasis.Date, "常规"), by, now);

        Assert.Null(reminder.MessageSent(Guid.NewGuid(), by, now));
        Assert.Equal(Reminder.AlreadySent, reminder.MessageSent(Guid.NewGuid(), by, now)?.Code);
        Assert.True(reminder.Booked(Guid.NewGuid(), now));
        Assert.False(reminder.Booked(Guid.NewGuid(), now));
        Assert.Equal(32, reminder.Token.Length);
    }
}
