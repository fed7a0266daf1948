using AfterSales.Domain.Appointments;
using AfterSales.Domain.Common;
using AfterSales.Domain.Service;
using AfterSales.Domain.Stores;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Appointments;

/// <summary>A free arrival slot and how many reception seats are left in it.</summary>
public sealed record FreeSlot(DateTimeOffset Start, DateTimeOffset End, int SeatsLeft);

/// <summary>A store with its calendar and capacity, as one booking or board reads them.</summary>
public sealed record StorePlan(Store Store, StoreCalendar Calendar, StoreCapacity Capacity)
{
    public Guid StoreId => Store.Id;

    public int SlotMinutes => Capacity.SlotMinutes;

    public DateOnly LocalDate(DateTimeOffset instant) => SlotPlanner.LocalDate(Calendar, instant);

    public int AdvisorsOn(DateOnly date) => Calendar.RegularWeekdayOn(date) is { } day ? Capacity.AdvisorsOn(day) : 0;

    public decimal HoursOn(DateOnly date, WorkshopSkill skill) => Calendar.RegularWeekdayOn(date) is { } day ? Capacity.HoursOn(day, skill) : 0m;

    /// <summary>The UTC instants a local date spans, to query a day's rows.</summary>
    public (DateTimeOffset From, DateTimeOffset To) DayRange(DateOnly date) =>
        (SlotPlanner.ToUtc(Calendar, date, TimeOnly.MinValue), SlotPlanner.ToUtc(Calendar, date.AddDays(1), TimeOnly.MinValue));
}

/// <summary>What a day already holds: seats taken per slot and workshop hours booked per trade.</summary>
public sealed record DayLoad(DateOnly Date, IReadOnlyDictionary<DateTimeOffset, int> SeatsTaken, IReadOnlyDictionary<WorkshopSkill, decimal> HoursBooked)
{
    public int Taken(DateTimeOffset slot) => SeatsTaken.GetValueOrDefault(slot);

    public decimal Hours(WorkshopSkill skill) => HoursBooked.GetValueOrDefault(skill);
}

/// <summary>
/// Capacity arithmetic over the database: slots from the store calendar, seats from the seat table, workshop hours
/// from the day's appointments that still hold their slot. The seat insert itself is what arbitrates a race.
/// </summary>
public sealed class CapacityPlanner(AfterSalesDb db, TimeProvider clock)
{
    public const string SlotFull = "appointment.slot_full";
    public const string WorkshopFull = "appointment.workshop_full";
    public const string SkillNotOffered = "appointment.skill_not_offered";
    public const int FreeSlotsOffered = 5;
    public const int SearchDays = 21;

    public async Task<StorePlan?> LoadAsync(Guid storeId, CancellationToken ct)
    {
        var store = await db.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, ct);
        if (store is null)
        {
            return null;
        }

        var capacity = await db.Set<StoreCapacity>().AsNoTracking().FirstOrDefaultAsync(c => c.StoreId == storeId, ct) ?? StoreCapacity.Default(storeId);
        return new StorePlan(store, store.Calendar(), capacity);
    }

    public async Task<DayLoad> DayLoadAsync(StorePlan plan, DateOnly date, Guid? excluding, CancellationToken ct)
    {
        var (from, to) = plan.DayRange(date);
        var seats = await db.Set<AppointmentSlotSeat>().AsNoTracking()
            .Where(s => s.StoreId == plan.StoreId && s.SlotStart >= from && s.SlotStart < to && s.AppointmentId != excluding)
            .GroupBy(s => s.SlotStart)
            .Select(g => new { Slot = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var appointments = await DayAppointmentsAsync(plan, date, ct);
        var hours = appointments
            .Where(a => a.Id != excluding && AppointmentLifecycle.HoldsSlot(a.Status))
            .SelectMany(a => a.Services)
            .GroupBy(s => s.Skill)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.EstimatedHours));
        return new DayLoad(date, seats.ToDictionary(s => s.Slot, s => s.Count), hours);
    }

    public async Task<List<Appointment>> DayAppointmentsAsync(StorePlan plan, DateOnly date, CancellationToken ct)
    {
        var (from, to) = plan.DayRange(date);
        return await db.Set<Appointment>().IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.StoreId == plan.StoreId && a.SlotStart >= from && a.SlotStart < to)
            .OrderBy(a => a.SlotStart).ThenBy(a => a.CreatedAt)
            .ToListAsync(ct);
    }

    /// <summary>Why a slot cannot take these services, or null when it can. Urgent bookings skip this.</summary>
    public static FieldError? Refusal(StorePlan plan, DayLoad load, DateTimeOffset slot, IReadOnlyList<RequestedService> services)
    {
        foreach (var skill in services.Select(s => s.Skill).Distinct())
        {
            var capacity = plan.HoursOn(load.Date, skill);
            if (capacity <= 0)
            {
                return new FieldError(SkillNotOffered, "Services");
            }

            if (load.Hours(skill) + services.Where(s => s.Skill == skill).Sum(s => s.EstimatedHours) > capacity)
            {
                return new FieldError(WorkshopFull, "SlotStart");
            }
        }

        return load.Taken(slot) >= plan.AdvisorsOn(load.Date) ? new FieldError(SlotFull, "SlotStart") : null;
    }

    /// <summary>The next slots after <paramref name="after"/> (and after now) that can take these services.</summary>
    public async Task<IReadOnlyList<FreeSlot>> NextFreeAsync(StorePlan plan, DateTimeOffset after, IReadOnlyList<RequestedService> services, Guid? excluding, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var start = after < now ? now : after;
        var result = new List<FreeSlot>();
        var date = plan.LocalDate(start);
        for (var day = 0; day < SearchDays && result.Count < FreeSlotsOffered; day++, date = date.AddDays(1))
        {
            var slots = SlotPlanner.SlotsOn(plan.Calendar, date, plan.SlotMinutes).Where(s => s > start).ToList();
            if (slots.Count == 0)
            {
                continue;
            }

            var load = await DayLoadAsync(plan, date, excluding, ct);
            foreach (var slot in slots)
            {
                if (Refusal(plan, load, slot, services) is null)
                {
                    result.Add(new FreeSlot(slot, slot.AddMinutes(plan.SlotMinutes), plan.AdvisorsOn(date) - load.Taken(slot)));
                    if (result.Count == FreeSlotsOffered)
                    {
                        break;
                    }
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Adds the seat row for an appointment's slot: the lowest seat number nobody holds. Saved with the appointment;
    /// if someone else inserts the same seat first, the save fails with a unique violation (see <see cref="SaveWithSeatAsync"/>).
    /// </summary>
    public async Task<bool> ClaimSeatAsync(StorePlan plan, Appointment appointment, CancellationToken ct)
    {
        var taken = await db.Set<AppointmentSlotSeat>().AsNoTracking()
            .Where(s => s.StoreId == plan.StoreId && s.SlotStart == appointment.SlotStart && s.AppointmentId != appointment.Id)
            .Select(s => s.Seat)
            .ToListAsync(ct);
        var advisors = plan.AdvisorsOn(plan.LocalDate(appointment.SlotStart));
        var seat = Enumerable.Range(0, advisors).Cast<int?>().FirstOrDefault(n => !taken.Contains(n!.Value));
        if (seat is null)
        {
            return false;
        }

        db.Set<AppointmentSlotSeat>().Add(new AppointmentSlotSeat { StoreId = plan.StoreId, SlotStart = appointment.SlotStart, Seat = seat.Value, AppointmentId = appointment.Id });
        return true;
    }

    /// <summary>Gives up an appointment's seat (cancelled, no-show, moved, or now urgent) in the caller's next save.</summary>
    public async Task ReleaseSeatAsync(Guid appointmentId, CancellationToken ct)
    {
        var seats = await db.Set<AppointmentSlotSeat>().Where(s => s.AppointmentId == appointmentId).ToListAsync(ct);
        db.Set<AppointmentSlotSeat>().RemoveRange(seats);
    }

    /// <summary>
    /// Saves the pending changes with a seat for the appointment's slot (unless it needs none: urgent). A unique
    /// violation means another booking took that seat between our read and our insert: we look again for a free
    /// seat, and when none is left the whole save is refused as a full slot and nothing is kept.
    /// </summary>
    public async Task<FieldError?> SaveWithSeatAsync(StorePlan plan, Appointment appointment, bool needsSeat, CancellationToken ct)
    {
        const int Attempts = 3;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (needsSeat && !await ClaimSeatAsync(plan, appointment, ct))
            {
                break;
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return null;
            }
            catch (DbUpdateException e) when (needsSeat && e is not DbUpdateConcurrencyException && DbErrors.IsUniqueViolation(e))
            {
                foreach (var lost in db.ChangeTracker.Entries<AppointmentSlotSeat>().Where(s => s.State == EntityState.Added).ToList())
                {
                    lost.State = EntityState.Detached;
                }
            }
        }

        db.ChangeTracker.Clear();
        return new FieldError(SlotFull, "SlotStart");
    }
}
