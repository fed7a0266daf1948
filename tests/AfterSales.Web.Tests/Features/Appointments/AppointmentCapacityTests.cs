using System.Net;
using System.Text.Json;
using AfterSales.Domain.Appointments;
using AfterSales.Domain.Service;
using AfterSales.Web.Features.Appointments;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.Appointments.AppointmentFixtures;

namespace AfterSales.Web.Tests.Features.Appointments;

/// <summary>Capacity is real: one advisor on duty per day in Beijing, so every slot has one seat; electrical work has 2 hours a day.</summary>
public abstract class AppointmentCapacityTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task OneAdvisorAsync()
    {
        var admin = await app.ClientForAsync("admin");
        var storeId = await app.StoreIdAsync(DemoData.BeijingStore);
        var current = await (await admin.GetAsync($"/api/v1/stores/{storeId}/capacity", Ct)).ReadAsync<CapacityView>();
        if (current.IsDefault)
        {
            var days = Enum.GetValues<DayOfWeek>();
            await (await admin.PutAsync($"/api/v1/stores/{storeId}/capacity", new SaveCapacityRequest(
                    0, 30, 30, days.Select(d => new AdvisorShift(d, 1)).ToList(),
                    days.SelectMany(d => new[] { new SkillHours(d, WorkshopSkill.Mechanical, 40m), new SkillHours(d, WorkshopSkill.Electrical, 2m) }).ToList())))
                .ReadAsync<CapacityView>();
        }
    }

    [Fact]
    public async Task Booking_a_full_slot_is_409_with_the_next_free_slots()
    {
        await OneAdvisorAsync();
        var advisor = await app.ClientForAsync("advisor", "en");
        var slot = await SlotAsync(app, DemoData.BeijingStore, 2, 3);
        await BookAsync(advisor, Booking(await CustomerAsync(advisor), slot));

        var response = await advisor.PostAsync("/api/v1/appointments", Booking(await CustomerAsync(advisor), slot));

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("appointment.slot_full", json.RootElement.GetProperty("code").GetString());
        Assert.Equal("This slot is fully booked. Choose one of the next free slots.", json.RootElement.GetProperty("title").GetString());
        var offered = json.RootElement.GetProperty("nextFreeSlots").Deserialize<List<FreeSlot>>(Api.Json)!;
        Assert.Equal(CapacityPlanner.FreeSlotsOffered, offered.Count);
        Assert.Equal(slot.AddMinutes(30), offered[0].Start);
        Assert.All(offered, s => Assert.Equal(1, s.SeatsLeft));
    }

    [Fact]
    public async Task Exactly_one_of_many_concurrent_bookings_gets_the_last_seat()
    {
        await OneAdvisorAsync();
        var advisor = await app.ClientForAsync("advisor");
        var slot = await SlotAsync(app, DemoData.BeijingStore, 3, 5);
        var customers = new List<Web.Features.Customers.CustomerView>();
        for (var i = 0; i < 8; i++)
        {
            customers.Add(await CustomerAsync(advisor));
        }

        var responses = await Task.WhenAll(customers.Select(c => advisor.PostAsync("/api/v1/appointments", Booking(c, slot))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal("appointment.slot_full", (await refused.ReadProblemAsync(HttpStatusCode.Conflict)).Code);
        }

        var storeId = await app.StoreIdAsync(DemoData.BeijingStore);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<AppointmentSlotSeat>().CountAsync(s => s.StoreId == storeId && s.SlotStart == slot, Ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Appointment>().CountAsync(a => a.StoreId == storeId && a.SlotStart == slot, Ct)));
    }

    [Fact]
    public async Task An_urgent_booking_bypasses_a_full_slot_and_is_flagged_on_the_board()
    {
        await OneAdvisorAsync();
        var advisor = await app.ClientForAsync("advisor");
        var slot = await SlotAsync(app, DemoData.BeijingStore, 4, 2);
        await BookAsync(advisor, Booking(await CustomerAsync(advisor), slot));

        var urgent = await BookAsync(advisor, Booking(await CustomerAsync(advisor), slot, urgent: true));

        Assert.True(urgent.IsUrgent);
        var storeId = await app.StoreIdAsync(DemoData.BeijingStore);
        var board = await (await advisor.GetAsync($"/api/v1/appointments/board?storeId={storeId}&from={DateOnly.FromDateTime(slot.AddHours(8).DateTime):yyyy-MM-dd}&days=1", Ct)).ReadAsync<AppointmentBoard>();
        var boardSlot = board.Days[0].Slots.Single(s => s.Start == slot);
        Assert.Equal((1, 1, 1), (boardSlot.Capacity, boardSlot.Booked, boardSlot.Urgent));
        Assert.Contains(board.Days[0].Appointments, a => a.Id == urgent.Id && a.IsUrgent);
    }

    [Fact]
    public async Task Workshop_hours_by_trade_limit_a_day_and_cancelling_gives_them_back()
    {
        await OneAdvisorAsync();
        var advisor = await app.ClientForAsync("advisor");
        var first = await BookAsync(advisor, Booking(await CustomerAsync(advisor), await SlotAsync(app, DemoData.BeijingStore, 5, 0), WorkshopSkill.Electrical, 1.5m));
        var later = Booking(await CustomerAsync(advisor), await SlotAsync(app, DemoData.BeijingStore, 5, 6), WorkshopSkill.Electrical, 1m);

        var full = await (await advisor.PostAsync("/api/v1/appointments", later)).ReadProblemAsync(HttpStatusCode.Conflict);
        var phone = await (await advisor.PostAsync("/api/v1/appointments", Booking(await CustomerAsync(advisor), later.SlotStart, WorkshopSkill.Phone))).ReadProblemAsync(HttpStatusCode.Conflict);
        await MoveAsync(advisor, first, "cancel", "客户行程有变");
        var booked = await BookAsync(advisor, later);

        Assert.Equal("appointment.workshop_full", full.Code);
        Assert.Equal("appointment.skill_not_offered", phone.Code);
        Assert.Equal(later.SlotStart, booked.SlotStart);
    }

    [Fact]
    public async Task Cancelling_frees_the_seat_for_someone_else()
    {
        await OneAdvisorAsync();
        var advisor = await app.ClientForAsync("advisor");
        var slot = await SlotAsync(app, DemoData.BeijingStore, 6, 4);
        var first = await BookAsync(advisor, Booking(await CustomerAsync(advisor), slot));

        await MoveAsync(advisor, first, "cancel", "客户取消");
        var second = await BookAsync(advisor, Booking(await CustomerAsync(advisor), slot));

        Assert.Equal(slot, second.SlotStart);
    }

    [Fact]
    public async Task Slots_off_the_calendar_or_in_the_past_are_field_errors()
    {
        await OneAdvisorAsync();
        var advisor = await app.ClientForAsync("advisor", "en");
        var customer = await CustomerAsync(advisor);
        var slot = await SlotAsync(app, DemoData.BeijingStore, 2, 1);

        var offGrid = await (await advisor.PostAsync("/api/v1/appointments", Booking(customer, slot.AddMinutes(10)))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var night = await (await advisor.PostAsync("/api/v1/appointments", Booking(customer, new DateTimeOffset(slot.Date.AddHours(15), TimeSpan.Zero)))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var past = await (await advisor.PostAsync("/api/v1/appointments", Booking(customer, await SlotAsync(app, DemoData.BeijingStore, -3, 1)))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["appointment.slot_invalid"], offGrid.Codes);
        Assert.Equal(["Choose one of the store's arrival slots on a working day."], offGrid.ErrorsOf("slotStart"));
        Assert.Equal(["appointment.slot_invalid"], night.Codes);
        Assert.Equal(["appointment.slot_in_past"], past.Codes);
    }

    [Fact]
    public async Task Free_slots_skip_full_ones()
    {
        await OneAdvisorAsync();
        var advisor = await app.ClientForAsync("advisor");
        var storeId = await app.StoreIdAsync(DemoData.BeijingStore);
        var slot = await SlotAsync(app, DemoData.BeijingStore, 7, 0);
        await BookAsync(advisor, Booking(await CustomerAsync(advisor), slot));

        var free = await (await advisor.GetAsync($"/api/v1/appointments/free-slots?storeId={storeId}&after={Uri.EscapeDataString(slot.AddMinutes(-1).ToString("O"))}", Ct)).ReadAsync<List<FreeSlot>>();

        Assert.Equal(slot.AddMinutes(30), free[0].Start);
    }

    [Fact]
    public async Task Only_administrators_change_capacity_and_bad_settings_are_field_errors()
    {
        await OneAdvisorAsync();
        var storeId = await app.StoreIdAsync(DemoData.BeijingStore);
        var advisor = await app.ClientForAsync("advisor");
        var admin = await app.ClientForAsync("admin", "en");
        var current = await (await advisor.GetAsync($"/api/v1/stores/{storeId}/capacity", Ct)).ReadAsync<CapacityView>();

        var forbidden = await advisor.PutAsync($"/api/v1/stores/{storeId}/capacity", new SaveCapacityRequest(current.Version, 30, 30, [], []));
        var invalid = await (await admin.PutAsync($"/api/v1/stores/{storeId}/capacity", new SaveCapacityRequest(current.Version, 25, 0, [new AdvisorShift(DayOfWeek.Monday, 99)], [])))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        var stale = await (await admin.PutAsync($"/api/v1/stores/{storeId}/capacity", new SaveCapacityRequest(current.Version + 5, 30, 30, current.AdvisorShifts, current.WorkshopHours)))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.False(current.IsDefault);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(["capacity.slot_length_invalid", "capacity.repeat_days_invalid", "capacity.advisors_invalid"], invalid.Codes);
        Assert.Equal(["Choose a slot length of 15, 20, 30, 45, 60, 90 or 120 minutes."], invalid.ErrorsOf("slotMinutes"));
        Assert.Equal("capacity.changed_by_someone_else", stale.Code);
    }
}

public sealed class SqliteAppointmentCapacityTests(SqliteApp app) : AppointmentCapacityTests<SqliteApp>(app);

public sealed class PostgresAppointmentCapacityTests(PostgresApp app) : AppointmentCapacityTests<PostgresApp>(app);
