using AfterSales.Domain.Appointments;
using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Features.RepairOrders;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.Appointments.AppointmentFixtures;
using static AfterSales.Web.Tests.Features.RepairOrders.RepairOrderFixtures;

namespace AfterSales.Web.Tests.Features.Appointments;

/// <summary>Times sent with a local offset ("…T10:00:00+08:00") are taken as the same instant in UTC on both databases.</summary>
public abstract class LocalOffsetTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_booking_with_a_local_offset_is_stored_and_answered_as_the_same_instant_in_utc()
    {
        var advisor = await app.ClientForAsync("advisor");
        var customer = await AppointmentFixtures.CustomerAsync(advisor);
        var slot = await SlotAsync(app, DemoData.BeijingStore, 3, 1);

        var booked = await BookAsync(advisor, Booking(customer, slot.ToOffset(Beijing)));

        Assert.Equal(slot, booked.SlotStart);
        Assert.Equal(TimeSpan.Zero, booked.SlotStart.Offset);
        var stored = await app.WithDbAsync(db => db.Set<Appointment>().Where(a => a.Id == booked.Id).Select(a => a.SlotStart).SingleAsync(Ct));
        Assert.Equal(slot, stored);
    }

    [Fact]
    public async Task A_promised_time_with_a_local_offset_is_stored_in_utc()
    {
        var advisor = await app.ClientForAsync("advisor");
        var order = await OpenAsync(advisor, await RepairOrderFixtures.CustomerAsync(advisor), WalkAround);
        var promised = new DateTimeOffset(order.OpenedAt.UtcDateTime.Date.AddDays(1).AddHours(10), TimeSpan.Zero);

        var revised = await ReviseAsync(advisor, order, Revision(order, await TwoJobsAsync(advisor, order.StoreId)) with { PromisedAt = promised.ToOffset(Beijing) });

        Assert.Equal(promised, revised.PromisedAt);
        var stored = await app.WithDbAsync(db => db.Set<RepairOrder>().Where(o => o.Id == order.Id).Select(o => o.PromisedAt).SingleAsync(Ct));
        Assert.Equal(promised, stored);
    }
}

public sealed class SqliteLocalOffsetTests(SqliteApp app) : LocalOffsetTests<SqliteApp>(app);

public sealed class PostgresLocalOffsetTests(PostgresApp app) : LocalOffsetTests<PostgresApp>(app);
