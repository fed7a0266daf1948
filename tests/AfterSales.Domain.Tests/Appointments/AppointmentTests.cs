using AfterSales.Domain.Appointments;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Service;

namespace AfterSales.Domain.Tests.Appointments;

public sealed class AppointmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Slot = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);
    private static readonly Actor Advisor = new(Guid.NewGuid(), "李娜");

    private static Appointment Book(string? parts = null, string? tools = null, string? documents = null) =>
        Appointment.Book(
            Guid.NewGuid(),
            new AppointmentBooking(
                AppointmentChannel.Phone, Guid.NewGuid(), Guid.NewGuid(), 42_000, " 刹车有异响 ",
                [new RequestedService("更换刹车片", WorkshopSkill.Mechanical, 1.5m), new RequestedService("保养", WorkshopSkill.Maintenance, 1m), new RequestedService("四轮定位", WorkshopSkill.Mechanical, 0.5m)],
                null, Slot, 30, Slot.AddHours(4), 300m, 600m, ThingsToBring.Registration | ThingsToBring.WheelLockKey, null, false, parts, tools, documents),
            isRepeatRepair: false,
            Advisor,
            Now);

    [Fact]
    public void Booking_records_the_request_and_its_first_history_row()
    {
        var appointment = Book();

        Assert.Equal(AppointmentStatus.Requested, appointment.Status);
        Assert.Equal("刹车有异响", appointment.CustomerNeed);
        Assert.Equal(2m, appointment.HoursFor(WorkshopSkill.Mechanical));
        Assert.Equal([WorkshopSkill.Maintenance, WorkshopSkill.Mechanical], appointment.Skills);
        Assert.Equal(Slot.AddMinutes(30), appointment.SlotEnd);
        var first = Assert.Single(appointment.History);
        Assert.Equal((null, AppointmentStatus.Requested, 0, "李娜"), (first.From, first.To, first.AppointmentVersion, first.UserName));
    }

    [Fact]
    public void Every_move_appends_who_when_from_to_and_why()
    {
        var appointment = Book();

        Assert.Null(appointment.Confirm(Advisor, "电话确认", Now));
        Assert.Null(appointment.Arrive(Advisor, null, Now.AddDays(1)));
        var orderId = Guid.NewGuid();
        Assert.Null(appointment.MarkConverted(orderId, Advisor, Now.AddDays(1)));

        Assert.Equal(AppointmentStatus.Converted, appointment.Status);
        Assert.Equal(orderId, appointment.RepairOrderId);
        Assert.Equal(
            [(null, AppointmentStatus.Requested, null, null), (AppointmentStatus.Requested, AppointmentStatus.Confirmed, AppointmentTrigger.Confirm, "电话确认"),
             (AppointmentStatus.Confirmed, AppointmentStatus.Arrived, AppointmentTrigger.Arrive, null), (AppointmentStatus.Arrived, AppointmentStatus.Converted, AppointmentTrigger.Convert, null)],
            appointment.History.Select(h => (h.From, h.To, h.Trigger, h.Reason)));
    }

    [Fact]
    public void A_refused_move_changes_nothing_and_says_why()
    {
        var appointment = Book();

        var refusal = appointment.MarkConverted(Guid.NewGuid(), Advisor, Now);

        Assert.Equal(AppointmentLifecycle.NotArrived, refusal?.Code);
        Assert.Null(appointment.RepairOrderId);
        Assert.Equal(AppointmentStatus.Requested, appointment.Status);
        Assert.Single(appointment.History);
    }

    [Fact]
    public void Ready_is_refused_while_a_preparation_item_is_open()
    {
        var appointment = Book(parts: "前刹车片 x1", tools: "四轮定位仪");
        appointment.Confirm(Advisor, null, Now);

        Assert.Equal(Appointment.ReadinessItemsOpen, appointment.MarkReady(Advisor, null, Now)?.Code);
        Assert.Equal([ReadinessItem.Parts, ReadinessItem.SpecialTools], appointment.OpenReadinessItems);
        Assert.Null(appointment.Resolve(ReadinessItem.Parts));
        Assert.Null(appointment.Resolve(ReadinessItem.SpecialTools));
        Assert.Equal(Appointment.NothingToResolve, appointment.Resolve(ReadinessItem.Documents)?.Code);
        Assert.Null(appointment.MarkReady(Advisor, null, Now));
        Assert.Equal(AppointmentStatus.Ready, appointment.Status);
    }

    [Fact]
    public void Changing_a_prepared_item_opens_it_again_and_unchanged_items_stay_resolved()
    {
        var appointment = Book(parts: "前刹车片 x1", tools: "四轮定位仪");
        appointment.Resolve(ReadinessItem.Parts);
        appointment.Resolve(ReadinessItem.SpecialTools);

        appointment.Prepare("前刹车片 x1, 刹车油", "四轮定位仪", null);

        Assert.Equal([ReadinessItem.Parts], appointment.OpenReadinessItems);
    }

    [Fact]
    public void Rescheduling_moves_the_slot_and_asks_for_a_new_check()
    {
        var appointment = Book(parts: "机油滤芯");
        appointment.Confirm(Advisor, null, Now);
        appointment.Resolve(ReadinessItem.Parts);
        appointment.MarkReady(Advisor, null, Now);

        Assert.Null(appointment.Reschedule(Slot.AddDays(2), 30, null, Advisor, "备件未到", Now));

        Assert.Equal(AppointmentStatus.Rescheduled, appointment.Status);
        Assert.Equal(Slot.AddDays(2), appointment.SlotStart);
        Assert.Null(appointment.PromisedAt);
        Assert.Equal([ReadinessItem.Parts], appointment.OpenReadinessItems);
        Assert.Equal((Slot.AddDays(2), "备件未到"), (appointment.History[^1].SlotStart, appointment.History[^1].Reason));
        Assert.Equal(AppointmentLifecycle.NotConfirmed, appointment.MarkReady(Advisor, null, Now)?.Code);
    }

    [Fact]
    public void No_show_waits_until_the_slot_is_over()
    {
        var appointment = Book();
        appointment.Confirm(Advisor, null, Now);

        Assert.Equal(Appointment.SlotNotOver, appointment.MarkNoShow(Advisor, null, Slot.AddMinutes(29))?.Code);
        Assert.Null(appointment.MarkNoShow(Advisor, null, Slot.AddMinutes(30)));
        Assert.Equal(AppointmentStatus.NoShow, appointment.Status);
    }

    [Fact]
    public void Open_issues_are_recorded_only_for_a_visit_that_happened()
    {
        var appointment = Book();

        Assert.Equal(Appointment.NoVisitYet, appointment.RecordOpenIssues("右前轮胎磨损严重")?.Code);
        appointment.Arrive(Advisor, null, Now);
        Assert.Null(appointment.RecordOpenIssues(" 右前轮胎磨损严重 "));
        Assert.Equal("右前轮胎磨损严重", appointment.OpenIssues);
        Assert.Equal(Appointment.NotUpcoming, appointment.Resolve(ReadinessItem.Parts)?.Code);
    }
}
