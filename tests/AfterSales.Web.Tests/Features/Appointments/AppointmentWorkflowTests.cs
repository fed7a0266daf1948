using System.Net;
using AfterSales.Domain.Appointments;
using AfterSales.Domain.Service;
using AfterSales.Web.Features.Appointments;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.Appointments.AppointmentFixtures;

namespace AfterSales.Web.Tests.Features.Appointments;

public abstract class AppointmentWorkflowTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Each booking of these tests takes its own slot: mechanical work has 8 hours a day by default.
    private static int _next;

    private async Task<AppointmentView> NewAsync(HttpClient client, string? parts = null, WorkshopSkill skill = WorkshopSkill.Mechanical)
    {
        var n = Interlocked.Increment(ref _next);
        return await BookAsync(client, Booking(await CustomerAsync(client), await SlotAsync(app, DemoData.BeijingStore, 10 + (n / 8), n % 8), skill, parts: parts));
    }

    private async Task<List<AppointmentStatusChangeView>> HistoryAsync(HttpClient client, AppointmentView a) =>
        await (await client.GetAsync($"/api/v1/appointments/{a.Id}/history", Ct)).ReadAsync<List<AppointmentStatusChangeView>>();

    [Fact]
    public async Task Booking_returns_everything_recorded_and_a_first_history_row()
    {
        var advisor = await app.ClientForAsync("advisor");
        var customer = await CustomerAsync(advisor);
        var slot = await SlotAsync(app, DemoData.BeijingStore, 2, 7);
        var advisorId = await app.UserIdAsync("advisor");

        var booked = await BookAsync(advisor, Booking(customer, slot) with { AdvisorId = advisorId, PromisedAt = slot.AddHours(3), BringNote = "带上保养手册" });

        Assert.Equal(AppointmentStatus.Requested, booked.Status);
        Assert.Equal((customer.Id, customer.Assets[0].Id, "李娜"), (booked.CustomerId, booked.AssetId, booked.AdvisorName));
        Assert.Equal((slot, slot.AddMinutes(30), slot.AddHours(3)), (booked.SlotStart, booked.SlotEnd, booked.PromisedAt));
        Assert.Equal((300m, 800m, 42_000), (booked.PriceFrom, booked.PriceTo, booked.MileageKm));
        Assert.Equal(ThingsToBring.Registration | ThingsToBring.WheelLockKey, booked.Bring);
        Assert.Equal([AppointmentTrigger.Confirm, AppointmentTrigger.Arrive, AppointmentTrigger.Reschedule, AppointmentTrigger.Cancel], booked.PermittedTriggers);
        var row = Assert.Single(await HistoryAsync(advisor, booked));
        Assert.Equal((null, AppointmentStatus.Requested, "李娜", slot), (row.From, row.To, row.UserName, row.SlotStart));
    }

    [Fact]
    public async Task The_main_path_confirms_prepares_readies_and_receives_with_every_move_in_the_history()
    {
        var advisor = await app.ClientForAsync("advisor");
        var booked = await NewAsync(advisor, parts: "前刹车片 x1");

        var confirmed = await MoveAsync(advisor, booked, "confirm", "电话确认");
        var blocked = await (await advisor.PostAsync($"/api/v1/appointments/{booked.Id}/ready", new AppointmentActionRequest(confirmed.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
        var prepared = await (await advisor.PutAsync($"/api/v1/appointments/{booked.Id}/preparation", new PrepareAppointmentRequest(confirmed.Version, "前刹车片 x1", "刹车盘光盘机", null))).ReadAsync<AppointmentView>();
        var parts = await (await advisor.PostAsync($"/api/v1/appointments/{booked.Id}/readiness", new ResolveReadinessRequest(prepared.Version, ReadinessItem.Parts))).ReadAsync<AppointmentView>();
        var tools = await (await advisor.PostAsync($"/api/v1/appointments/{booked.Id}/readiness", new ResolveReadinessRequest(parts.Version, ReadinessItem.SpecialTools))).ReadAsync<AppointmentView>();
        var ready = await MoveAsync(advisor, tools, "ready");
        var arrived = await MoveAsync(advisor, ready, "arrive");

        Assert.Equal("appointment.readiness_items_open", blocked.Code);
        Assert.Equal([ReadinessItem.Parts, ReadinessItem.SpecialTools], prepared.OpenReadinessItems);
        Assert.Empty(tools.OpenReadinessItems);
        Assert.Equal(AppointmentStatus.Arrived, arrived.Status);
        Assert.Equal([AppointmentTrigger.Convert], arrived.PermittedTriggers);
        Assert.Equal(
            [(null, AppointmentStatus.Requested, null), (AppointmentStatus.Requested, AppointmentStatus.Confirmed, "电话确认"), (AppointmentStatus.Confirmed, AppointmentStatus.Ready, null), (AppointmentStatus.Ready, AppointmentStatus.Arrived, null)],
            (await HistoryAsync(advisor, booked)).Select(h => (h.From, h.To, h.Reason)));
    }

    [Fact]
    public async Task Converting_through_the_handover_links_the_repair_order_and_ends_the_appointment()
    {
        var advisor = await app.ClientForAsync("advisor");
        var arrived = await MoveAsync(advisor, await NewAsync(advisor), "arrive");
        var orderId = Guid.NewGuid();

        var refusal = await app.WithDbAsync(async db =>
        {
            var result = await AppointmentHandover.ConvertAsync(db, arrived.Id, orderId, new Domain.Complaints.Actor(null, "system"), app.Clock.GetUtcNow(), Ct);
            await db.SaveChangesAsync(Ct);
            return result;
        });

        Assert.Null(refusal);
        var read = await (await advisor.GetAsync($"/api/v1/appointments/{arrived.Id}", Ct)).ReadAsync<AppointmentView>();
        Assert.Equal((AppointmentStatus.Converted, orderId), (read.Status, read.RepairOrderId));
        Assert.Empty(read.PermittedTriggers);
        var again = await (await advisor.PostAsync($"/api/v1/appointments/{arrived.Id}/cancel", new AppointmentActionRequest(read.Version, "x"))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("appointment.converted_read_only", again.Code);
    }

    [Theory]
    [InlineData("ready", "appointment.not_confirmed")]
    [InlineData("no-show", "appointment.not_confirmed")]
    public async Task Moves_the_table_refuses_from_requested_are_409_with_their_code(string action, string code)
    {
        var advisor = await app.ClientForAsync("advisor", "en");
        var booked = await NewAsync(advisor);

        var problem = await (await advisor.PostAsync($"/api/v1/appointments/{booked.Id}/{action}", new AppointmentActionRequest(booked.Version))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(code, problem.Code);
        Assert.Equal("The appointment has not been confirmed yet.", problem.Title);
        Assert.Single(await HistoryAsync(advisor, booked));
    }

    [Fact]
    public async Task Ended_appointments_refuse_every_move_with_a_clear_reason()
    {
        var advisor = await app.ClientForAsync("advisor");
        var cancelled = await MoveAsync(advisor, await NewAsync(advisor), "cancel", "客户不来了");
        var arrived = await MoveAsync(advisor, await NewAsync(advisor), "arrive");

        foreach (var action in new[] { "confirm", "ready", "arrive", "cancel", "no-show" })
        {
            var fromCancelled = await (await advisor.PostAsync($"/api/v1/appointments/{cancelled.Id}/{action}", new AppointmentActionRequest(cancelled.Version, "x"))).ReadProblemAsync(HttpStatusCode.Conflict);
            var fromArrived = await (await advisor.PostAsync($"/api/v1/appointments/{arrived.Id}/{action}", new AppointmentActionRequest(arrived.Version, "x"))).ReadProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("appointment.cancelled_read_only", fromCancelled.Code);
            Assert.Equal("appointment.already_arrived", fromArrived.Code);
        }

        var reschedule = await (await advisor.PostAsync($"/api/v1/appointments/{cancelled.Id}/reschedule", new RescheduleAppointmentRequest(cancelled.Version, await SlotAsync(app, DemoData.BeijingStore, 9, 1))))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("appointment.cancelled_read_only", reschedule.Code);
    }

    [Fact]
    public async Task No_show_waits_for_the_slot_to_end()
    {
        var advisor = await app.ClientForAsync("advisor");
        var confirmed = await MoveAsync(advisor, await NewAsync(advisor), "confirm");

        var early = await (await advisor.PostAsync($"/api/v1/appointments/{confirmed.Id}/no-show", new AppointmentActionRequest(confirmed.Version))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("appointment.slot_not_over", early.Code);
        await app.WithDbAsync(async db =>
        {
            // The slot is tomorrow; instead of moving the shared clock, move this appointment into the past.
            await db.Set<Appointment>().Where(a => a.Id == confirmed.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.SlotStart, app.Clock.GetUtcNow().AddHours(-2)), Ct);
            return 0;
        });
        var noShow = await MoveAsync(advisor, confirmed, "no-show", "电话未接通");
        Assert.Equal(AppointmentStatus.NoShow, noShow.Status);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<AppointmentSlotSeat>().CountAsync(s => s.AppointmentId == confirmed.Id, Ct)));
    }

    [Fact]
    public async Task Rescheduling_moves_the_seat_asks_for_confirmation_and_texts_the_customer_the_new_time()
    {
        var advisor = await app.ClientForAsync("advisor");
        var confirmed = await MoveAsync(advisor, await NewAsync(advisor), "confirm");
        var newSlot = await SlotAsync(app, DemoData.BeijingStore, 8, 3);

        var moved = await (await advisor.PostAsync($"/api/v1/appointments/{confirmed.Id}/reschedule", new RescheduleAppointmentRequest(confirmed.Version, newSlot, "备件未到"))).ReadAsync<AppointmentView>();

        Assert.Equal((AppointmentStatus.Rescheduled, newSlot), (moved.Status, moved.SlotStart));
        Assert.Contains(AppointmentTrigger.Confirm, moved.PermittedTriggers);
        var seat = await app.WithDbAsync(db => db.Set<AppointmentSlotSeat>().SingleAsync(s => s.AppointmentId == confirmed.Id, Ct));
        Assert.Equal(newSlot, seat.SlotStart);
        var customer = await app.WithDbAsync(db => db.Customers.SingleAsync(c => c.Id == confirmed.CustomerId, Ct));
        var message = await app.WithDbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.CustomerId == confirmed.CustomerId && m.TemplateKey == "appointment_rescheduled", Ct));
        Assert.Equal((customer.PrimaryPhone, "appointment_rescheduled", NotificationChannel.Sms), (message.Recipient, message.TemplateKey, message.Channel));
        Assert.Contains(TimeZoneInfo.ConvertTime(newSlot, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), message.Body, StringComparison.Ordinal);
        Assert.Contains("北京朝阳旗舰店", message.Body, StringComparison.Ordinal);
        var last = (await HistoryAsync(advisor, confirmed))[^1];
        Assert.Equal((AppointmentStatus.Confirmed, AppointmentStatus.Rescheduled, "备件未到", newSlot), (last.From, last.To, last.Reason, last.SlotStart));
    }

    [Fact]
    public async Task Stale_versions_missing_reasons_and_bad_input_are_refused()
    {
        var advisor = await app.ClientForAsync("advisor", "en");
        var booked = await NewAsync(advisor);
        await MoveAsync(advisor, booked, "confirm");

        var stale = await (await advisor.PostAsync($"/api/v1/appointments/{booked.Id}/arrive", new AppointmentActionRequest(booked.Version))).ReadProblemAsync(HttpStatusCode.Conflict);
        var noReason = await (await advisor.PostAsync($"/api/v1/appointments/{booked.Id}/cancel", new AppointmentActionRequest(booked.Version + 1, " "))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var unknown = await (await advisor.PostAsync($"/api/v1/appointments/{Guid.NewGuid()}/confirm", new AppointmentActionRequest(0))).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("appointment.changed_by_someone_else", stale.Code);
        Assert.Equal(["appointment.reason_required"], noReason.Codes);
        Assert.Equal("common.not_found", unknown.Code);
    }

    [Fact]
    public async Task Booking_validation_names_every_bad_field()
    {
        var advisor = await app.ClientForAsync("advisor", "en");
        var customer = await CustomerAsync(advisor);
        var slot = await SlotAsync(app, DemoData.BeijingStore, 2, 2);

        var problem = await (await advisor.PostAsync("/api/v1/appointments", Booking(customer, slot) with
        {
            CustomerNeed = "",
            Services = [new RequestedService("", WorkshopSkill.Mechanical, 0m)],
            PriceFrom = 500m,
            PriceTo = 100m,
            MileageKm = -1,
            PromisedAt = slot.AddHours(-1),
        })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var otherAsset = await (await advisor.PostAsync("/api/v1/appointments", Booking(customer, slot) with { AssetId = (await CustomerAsync(advisor)).Assets[0].Id }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        var badAdvisor = await (await advisor.PostAsync("/api/v1/appointments", Booking(customer, slot) with { AdvisorId = await app.UserIdAsync("tech") }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(
            ["appointment.need_required", "appointment.service_description_required", "appointment.hours_invalid", "appointment.mileage_invalid", "appointment.promised_before_arrival", "appointment.price_range_invalid"],
            problem.Codes);
        Assert.Equal(["Write down the need or fault in the customer's words."], problem.ErrorsOf("customerNeed"));
        Assert.Equal(["appointment.asset_not_customers"], otherAsset.Codes);
        Assert.Equal(["appointment.advisor_invalid"], badAdvisor.Codes);
    }

    [Fact]
    public async Task A_second_visit_for_the_same_trade_within_the_window_is_a_repeat_repair_with_last_times_open_issues()
    {
        var advisor = await app.ClientForAsync("advisor");
        var customer = await CustomerAsync(advisor);
        var first = await BookAsync(advisor, Booking(customer, await SlotAsync(app, DemoData.BeijingStore, 1, 15), WorkshopSkill.Electrical));
        var arrived = await MoveAsync(advisor, first, "arrive");
        await (await advisor.PutAsync($"/api/v1/appointments/{first.Id}/open-issues", new RecordOpenIssuesRequest(arrived.Version, "右前大灯偶发不亮，客户暂不更换"))).ReadAsync<AppointmentView>();

        var summary = await (await advisor.GetAsync($"/api/v1/appointments/visit-summary?assetId={customer.Assets[0].Id}&skills=Electrical", Ct)).ReadAsync<VisitSummary>();
        var maintenance = await (await advisor.GetAsync($"/api/v1/appointments/visit-summary?assetId={customer.Assets[0].Id}&skills=Maintenance", Ct)).ReadAsync<VisitSummary>();
        var second = await BookAsync(advisor, Booking(customer, await SlotAsync(app, DemoData.BeijingStore, 3, 15), WorkshopSkill.Electrical));
        var other = await BookAsync(advisor, Booking(await CustomerAsync(advisor), await SlotAsync(app, DemoData.BeijingStore, 3, 16), WorkshopSkill.Electrical));

        Assert.True(summary.IsRepeatRepair);
        Assert.Equal(first.Id, summary.LastVisit?.AppointmentId);
        Assert.Equal("右前大灯偶发不亮，客户暂不更换", Assert.Single(summary.UnfixedIssues).OpenIssues);
        Assert.False(maintenance.IsRepeatRepair);
        Assert.True(second.IsRepeatRepair);
        Assert.False(other.IsRepeatRepair);
    }

    [Fact]
    public async Task The_readiness_check_lists_tomorrows_needs_and_hours_by_trade()
    {
        var advisor = await app.ClientForAsync("advisor");
        var storeId = await app.StoreIdAsync(DemoData.BeijingStore);
        var booked = await BookAsync(advisor, Booking(await CustomerAsync(advisor), await SlotAsync(app, DemoData.BeijingStore, 1, 17), WorkshopSkill.EvHighVoltage, 3m, parts: "高压线束 x1"));
        var date = DateOnly.FromDateTime(booked.SlotStart.AddHours(8).DateTime);

        var check = await (await advisor.GetAsync($"/api/v1/appointments/readiness?storeId={storeId}&date={date:yyyy-MM-dd}", Ct)).ReadAsync<ReadinessCheck>();

        var item = Assert.Single(check.Appointments, a => a.Id == booked.Id);
        Assert.Equal([ReadinessItem.Parts], item.OpenReadinessItems);
        var ev = Assert.Single(check.Workshop, s => s.Skill == WorkshopSkill.EvHighVoltage);
        Assert.Equal((3m, 8m), (ev.Booked, ev.Capacity));
        Assert.Equal(date, check.Date);
    }

    [Fact]
    public async Task Another_stores_appointments_and_plans_are_not_found()
    {
        var shanghai = await app.ClientForAsync("advisor.sh");
        var beijing = await app.ClientForAsync("advisor");
        var theirs = await BookAsync(shanghai, Booking(await CustomerAsync(shanghai), await SlotAsync(app, DemoData.ShanghaiStore, 2, 0)));
        var storeId = await app.StoreIdAsync(DemoData.ShanghaiStore);

        foreach (var action in new[] { "ready", "no-show" })
        {
            await (await beijing.PostAsync($"/api/v1/appointments/{theirs.Id}/{action}", new AppointmentActionRequest(theirs.Version))).ExpectStatusAsync(HttpStatusCode.NotFound);
        }

        await (await beijing.PutAsync($"/api/v1/appointments/{theirs.Id}/open-issues", new RecordOpenIssuesRequest(theirs.Version, "x"))).ExpectStatusAsync(HttpStatusCode.NotFound);
        foreach (var url in new[] { $"board?storeId={storeId}", $"readiness?storeId={storeId}", $"free-slots?storeId={storeId}" })
        {
            await (await beijing.GetAsync($"/api/v1/appointments/{url}", Ct)).ExpectStatusAsync(HttpStatusCode.NotFound);
        }

        await (await beijing.GetAsync($"/api/v1/stores/{storeId}/capacity", Ct)).ExpectStatusAsync(HttpStatusCode.NotFound);
        Assert.Empty(await (await beijing.GetAsync($"/api/v1/appointments/advisors?storeId={storeId}", Ct)).ReadAsync<List<AdvisorView>>());
        var read = await (await shanghai.GetAsync($"/api/v1/appointments/{theirs.Id}", Ct)).ReadAsync<AppointmentView>();
        Assert.Equal((AppointmentStatus.Requested, theirs.Version), (read.Status, read.Version));
    }
}

public sealed class SqliteAppointmentWorkflowTests(SqliteApp app) : AppointmentWorkflowTests<SqliteApp>(app);

public sealed class PostgresAppointmentWorkflowTests(PostgresApp app) : AppointmentWorkflowTests<PostgresApp>(app);
