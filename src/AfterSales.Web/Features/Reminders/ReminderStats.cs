using AfterSales.Domain.Appointments;
using AfterSales.Domain.Reminders;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Reminders;

public sealed record ReminderStatsQuery(DateTimeOffset? From = null, DateTimeOffset? To = null, Guid? StoreId = null);

/// <summary>
/// Reminders given in a period and what came of them: <see cref="Booked"/> reminders led to a booking (the
/// conversion); <see cref="ReminderBookings"/> counts every store-initiated booking of the period (channel Reminder).
/// </summary>
public sealed record ReminderStatsView(int Reminded, int Messages, int Calls, int Reached, int Booked, decimal ConversionRate, int ReminderBookings);

public sealed class ReminderStats(AfterSalesDb db, TimeProvider clock)
{
    public const int DefaultDays = 30;

    public async Task<ReminderStatsView> HandleAsync(ReminderStatsQuery query, CancellationToken ct)
    {
        var to = query.To ?? clock.GetUtcNow();
        var from = query.From ?? to.AddDays(-DefaultDays);
        var reminders = db.Set<Reminder>().AsNoTracking().Where(r => r.CreatedAt >= from && r.CreatedAt <= to);
        var bookings = db.Set<Appointment>().AsNoTracking().Where(a => a.Channel == AppointmentChannel.Reminder && a.CreatedAt >= from && a.CreatedAt <= to);
        if (query.StoreId is { } storeId)
        {
            reminders = reminders.Where(r => r.StoreId == storeId);
            bookings = bookings.Where(a => a.StoreId == storeId);
        }

        var counts = await reminders
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Reminded = g.Count(),
                Messages = g.Count(r => r.SentAt != null),
                Calls = g.Count(r => r.CalledAt != null),
                Reached = g.Count(r => r.CallOutcome == ReminderCallOutcome.Reached),
                Booked = g.Count(r => r.AppointmentId != null),
            })
            .FirstOrDefaultAsync(ct);
        var reminderBookings = await bookings.CountAsync(ct);
        if (counts is null)
        {
            return new ReminderStatsView(0, 0, 0, 0, 0, 0m, reminderBookings);
        }

        return new ReminderStatsView(
            counts.Reminded, counts.Messages, counts.Calls, counts.Reached, counts.Booked, Math.Round((decimal)counts.Booked / counts.Reminded, 4), reminderBookings);
    }
}
