using System.Net;
using AfterSales.Domain.Appointments;
using AfterSales.Domain.Service;
using AfterSales.Web.Features.Appointments;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Tests.Features.Appointments;

/// <summary>Customers, slots and bookings made through the API, as the front desk would make them.</summary>
internal static class AppointmentFixtures
{
    public static async Task<CustomerView> CustomerAsync(HttpClient client) =>
        await (await client.PostAsync("/api/v1/customers", TestData.Customer(assets: [TestData.Vehicle()]))).ReadAsync<CustomerView>(HttpStatusCode.Created);

    /// <summary>Slot number <paramref name="index"/> of the store's working day <paramref name="days"/> days after today (store time).</summary>
    public static async Task<DateTimeOffset> SlotAsync(TestApp app, string storeCode, int days, int index, int slotMinutes = StoreCapacity.DefaultSlotMinutes)
    {
        var store = await app.WithDbAsync(db => db.Stores.IgnoreQueryFilters().SingleAsync(s => s.Code == storeCode));
        var calendar = store.Calendar();
        var date = SlotPlanner.LocalDate(calendar, app.Clock.GetUtcNow()).AddDays(days);
        while (!calendar.IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return SlotPlanner.SlotsOn(calendar, date, slotMinutes)[index];
    }

    public static BookAppointmentRequest Booking(
        CustomerView customer,
        DateTimeOffset slot,
        WorkshopSkill skill = WorkshopSkill.Mechanical,
        decimal hours = 1m,
        bool urgent = false,
        string? parts = null) =>
        new(customer.Id, customer.Assets[0].Id, slot, "刹车时有异响，方向盘抖动", [new RequestedService("检查刹车系统", skill, hours)],
            AppointmentChannel.Phone, MileageKm: 42_000, PriceFrom: 300m, PriceTo: 800m, Bring: ThingsToBring.Registration | ThingsToBring.WheelLockKey,
            IsUrgent: urgent, PartsNeeded: parts);

    public static async Task<AppointmentView> BookAsync(HttpClient client, BookAppointmentRequest request) =>
        await (await client.PostAsync("/api/v1/appointments", request)).ReadAsync<AppointmentView>(HttpStatusCode.Created);

    public static async Task<AppointmentView> MoveAsync(HttpClient client, AppointmentView appointment, string action, string? reason = null) =>
        await (await client.PostAsync($"/api/v1/appointments/{appointment.Id}/{action}", new AppointmentActionRequest(appointment.Version, reason))).ReadAsync<AppointmentView>();
}
