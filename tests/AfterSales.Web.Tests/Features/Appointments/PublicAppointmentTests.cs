using AfterSales.Domain.Appointments;
using AfterSales.Domain.Service;
using AfterSales.Web.Features.Appointments;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.Web.Tests.Features.Appointments.AppointmentFixtures;

namespace AfterSales.Web.Tests.Features.Appointments;

/// <summary>The customer's own appointments, reached with a verified phone number and no staff login.</summary>
public abstract class PublicAppointmentTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Runs the public handler as an anonymous visitor, as the public page and endpoints do.</summary>
    private async Task<T> AsVisitorAsync<T>(Func<PublicAppointments, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new System.Security.Claims.ClaimsPrincipal());
        return await work(scope.ServiceProvider.GetRequiredService<PublicAppointments>());
    }

    [Fact]
    public async Task A_customer_books_sees_reschedules_and_cancels_their_own_appointment()
    {
        var advisor = await app.ClientForAsync("advisor");
        var customer = await CustomerAsync(advisor);
        var phone = customer.Phones[0].Number;
        var storeId = await app.StoreIdAsync(DemoData.BeijingStore);
        var slot = await SlotAsync(app, DemoData.BeijingStore, 4, 10);

        var mine = await AsVisitorAsync(h => h.ListAsync(phone, Ct));
        var booked = await AsVisitorAsync(h => h.BookAsync(phone, new BookMyAppointmentRequest(customer.Assets[0].Id, storeId, slot, WorkshopSkill.Maintenance, "做个常规保养"), Ct));
        var later = await SlotAsync(app, DemoData.BeijingStore, 5, 10);
        var moved = await AsVisitorAsync(h => h.RescheduleAsync(phone, booked.Outcome.Value!.Id, new RescheduleMyAppointmentRequest(booked.Outcome.Value.Version, later), Ct));
        var cancelled = await AsVisitorAsync(h => h.CancelAsync(phone, booked.Outcome.Value!.Id, new CancelMyAppointmentRequest(moved.Outcome.Value!.Version, "临时出差"), Ct));
        var after = await AsVisitorAsync(h => h.ListAsync(phone, Ct));

        Assert.Empty(mine.Appointments);
        Assert.Equal(customer.Assets[0].Id, Assert.Single(mine.Assets).Id);
        Assert.Contains(mine.Stores, s => s.Id == storeId);
        Assert.True(booked.Outcome.IsOk, string.Join(", ", booked.Outcome.Errors));
        Assert.Equal((AppointmentStatus.Requested, slot, true, true), (booked.Outcome.Value!.Status, booked.Outcome.Value.SlotStart, booked.Outcome.Value.CanReschedule, booked.Outcome.Value.CanCancel));
        Assert.Equal((AppointmentStatus.Rescheduled, later), (moved.Outcome.Value!.Status, moved.Outcome.Value.SlotStart));
        Assert.Equal(AppointmentStatus.Cancelled, cancelled.Value!.Status);
        Assert.Equal(AppointmentStatus.Cancelled, Assert.Single(after.Appointments).Status);
        var stored = await app.WithDbAsync(db => db.Set<Appointment>().Include(a => a.History).SingleAsync(a => a.Id == booked.Outcome.Value.Id, Ct));
        Assert.Equal(AppointmentChannel.Web, stored.Channel);
        Assert.All(stored.History, h => Assert.Equal((null, customer.Name), (h.UserId, h.UserName)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<AppointmentSlotSeat>().CountAsync(s => s.AppointmentId == stored.Id, Ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.CustomerId == customer.Id && m.TemplateKey == "appointment_rescheduled", Ct)));
    }

    [Fact]
    public async Task Another_phone_cannot_see_or_touch_the_appointment_nor_book_for_the_asset()
    {
        var advisor = await app.ClientForAsync("advisor");
        var owner = await CustomerAsync(advisor);
        var stranger = await CustomerAsync(advisor);
        var storeId = await app.StoreIdAsync(DemoData.BeijingStore);
        var booked = await BookAsync(advisor, Booking(owner, await SlotAsync(app, DemoData.BeijingStore, 6, 11)));
        var strangerPhone = stranger.Phones[0].Number;

        var list = await AsVisitorAsync(h => h.ListAsync(strangerPhone, Ct));
        var cancel = await AsVisitorAsync(h => h.CancelAsync(strangerPhone, booked.Id, new CancelMyAppointmentRequest(booked.Version), Ct));
        var move = await AsVisitorAsync(h => h.RescheduleAsync(strangerPhone, booked.Id, new RescheduleMyAppointmentRequest(booked.Version, booked.SlotStart.AddDays(1)), Ct));
        var book = await AsVisitorAsync(h => h.BookAsync(strangerPhone, new BookMyAppointmentRequest(owner.Assets[0].Id, storeId, booked.SlotStart.AddHours(1), WorkshopSkill.Maintenance, "保养"), Ct));

        Assert.Empty(list.Appointments);
        Assert.Equal(OutcomeKind.NotFound, cancel.Kind);
        Assert.Equal(OutcomeKind.NotFound, move.Outcome.Kind);
        Assert.Equal(["appointment.asset_not_customers"], book.Outcome.Errors.Select(e => e.Code));
        var stored = await app.WithDbAsync(db => db.Set<Appointment>().SingleAsync(a => a.Id == booked.Id, Ct));
        Assert.Equal(AppointmentStatus.Requested, stored.Status);
    }

    [Fact]
    public async Task Public_slots_show_seats_left_and_a_full_slot_offers_the_next_free_ones()
    {
        var advisor = await app.ClientForAsync("advisor");
        var storeId = await app.StoreIdAsync(DemoData.BeijingStore);
        var slot = await SlotAsync(app, DemoData.BeijingStore, 7, 12);
        await BookAsync(advisor, Booking(await CustomerAsync(advisor), slot));
        await BookAsync(advisor, Booking(await CustomerAsync(advisor), slot));
        var customer = await CustomerAsync(advisor);
        var date = DateOnly.FromDateTime(slot.AddHours(8).DateTime);

        var slots = await AsVisitorAsync(h => h.SlotsAsync(storeId, date, Ct));
        var full = await AsVisitorAsync(h => h.BookAsync(customer.Phones[0].Number, new BookMyAppointmentRequest(customer.Assets[0].Id, storeId, slot, WorkshopSkill.Maintenance, "保养"), Ct));

        Assert.Equal(0, slots.Value!.Single(s => s.Start == slot).SeatsLeft);
        Assert.Equal(2, slots.Value!.Single(s => s.Start == slot.AddMinutes(30)).SeatsLeft);
        Assert.Equal("appointment.slot_full", full.Outcome.Errors[0].Code);
        Assert.Equal(slot.AddMinutes(30), full.NextFreeSlots[0].Start);
        Assert.Equal(OutcomeKind.Conflict, full.Outcome.Kind);
    }

    [Fact]
    public async Task The_public_api_wants_a_verified_phone_token_for_the_purpose()
    {
        var advisor = await app.ClientForAsync("advisor");
        var customer = await CustomerAsync(advisor);
        var storeId = await app.StoreIdAsync(DemoData.BeijingStore);
        var slot = await SlotAsync(app, DemoData.BeijingStore, 8, 13);
        var visitor = app.AnonymousClient("en");
        var request = new BookMyAppointmentRequest(customer.Assets[0].Id, storeId, slot, WorkshopSkill.Maintenance, "保养");

        var anonymous = await (await visitor.PostAsync("/api/v1/public/appointments", request)).ReadProblemAsync(System.Net.HttpStatusCode.Unauthorized);
        visitor.DefaultRequestHeaders.Add("X-Customer-Token", await app.VerifyPhoneAsync((await CustomerAsync(advisor)).Phones[0].Number, "complaint"));
        var otherPurpose = await (await visitor.GetAsync("/api/v1/public/appointments", Ct)).ReadProblemAsync(System.Net.HttpStatusCode.Unauthorized);
        visitor.DefaultRequestHeaders.Remove("X-Customer-Token");
        visitor.DefaultRequestHeaders.Add("X-Customer-Token", await app.VerifyPhoneAsync(customer.Phones[0].Number, PublicAppointmentEndpoints.Purpose));
        var booked = await (await visitor.PostAsync("/api/v1/public/appointments", request)).ReadAsync<MyAppointmentView>(System.Net.HttpStatusCode.Created);
        var mine = await (await visitor.GetAsync("/api/v1/public/appointments", Ct)).ReadAsync<MyAppointments>();
        var slots = await (await app.AnonymousClient().GetAsync($"/api/v1/public/appointments/slots?storeId={storeId}&date={DateOnly.FromDateTime(slot.AddHours(8).DateTime):yyyy-MM-dd}", Ct)).ReadAsync<List<PublicSlot>>();

        Assert.Equal(("appointment.phone_not_verified", "Verify your phone number first."), (anonymous.Code, anonymous.Title));
        Assert.Equal("appointment.phone_not_verified", otherPurpose.Code);
        Assert.Equal(booked.Id, Assert.Single(mine.Appointments).Id);
        Assert.Equal(1, slots.Single(s => s.Start == slot).SeatsLeft);
    }
}

public sealed class SqlitePublicAppointmentTests(SqliteApp app) : PublicAppointmentTests<SqliteApp>(app);

public sealed class PostgresPublicAppointmentTests(PostgresApp app) : PublicAppointmentTests<PostgresApp>(app);
