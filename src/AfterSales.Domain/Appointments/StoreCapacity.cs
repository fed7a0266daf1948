using AfterSales.Domain.Common;
using AfterSales.Domain.Service;
using AfterSales.Domain.Stores;

namespace AfterSales.Domain.Appointments;

/// <summary>How many advisors receive customers on a weekday: each takes one arrival per slot.</summary>
public sealed record AdvisorShift(DayOfWeek Day, int Advisors);

/// <summary>Bookable workshop hours of one trade on a weekday.</summary>
public sealed record SkillHours(DayOfWeek Day, WorkshopSkill Skill, decimal Hours);

/// <summary>
/// A store's appointment capacity (预约产能): slot length, advisors on duty and workshop hours by trade per weekday,
/// and the window in which a second visit for the same concern counts as a repeat repair. One row per store;
/// a store without one plans with <see cref="Default"/>.
/// </summary>
public sealed class StoreCapacity
{
    public const int DefaultSlotMinutes = 30;
    public const int DefaultRepeatRepairDays = 30;
    public const int MaxAdvisors = 50;
    public const decimal MaxSkillHours = 1000m;
    public static readonly int[] SlotLengths = [15, 20, 30, 45, 60, 90, 120];

    private readonly List<AdvisorShift> _advisors = [];
    private readonly List<SkillHours> _skillHours = [];

    private StoreCapacity()
    {
    }

    public Guid StoreId { get; private set; }

    public int SlotMinutes { get; private set; }

    public int RepeatRepairDays { get; private set; }

    public IReadOnlyList<AdvisorShift> AdvisorShifts => _advisors;

    public IReadOnlyList<SkillHours> WorkshopHours => _skillHours;

    public int Version { get; private set; }

    /// <summary>Two advisors every day and eight bookable hours per vehicle trade; appliance and phone repair off until set.</summary>
    public static StoreCapacity Default(Guid storeId)
    {
        var capacity = new StoreCapacity { StoreId = storeId };
        var days = Enum.GetValues<DayOfWeek>();
        capacity.Update(
            DefaultSlotMinutes,
            DefaultRepeatRepairDays,
            days.Select(d => new AdvisorShift(d, 2)),
            days.SelectMany(d => Enum.GetValues<WorkshopSkill>()
                .Where(s => s is not (WorkshopSkill.Appliance or WorkshopSkill.Phone))
                .Select(s => new SkillHours(d, s, s == WorkshopSkill.Maintenance ? 24m : 8m))));
        return capacity;
    }

    public void Update(int slotMinutes, int repeatRepairDays, IEnumerable<AdvisorShift> advisors, IEnumerable<SkillHours> workshopHours)
    {
        SlotMinutes = slotMinutes;
        RepeatRepairDays = repeatRepairDays;
        _advisors.Clear();
        _advisors.AddRange(advisors.Where(a => a.Advisors > 0).OrderBy(a => a.Day));
        _skillHours.Clear();
        _skillHours.AddRange(workshopHours.Where(h => h.Hours > 0).OrderBy(h => h.Day).ThenBy(h => h.Skill));
    }

    public int AdvisorsOn(DayOfWeek day) => _advisors.Where(a => a.Day == day).Sum(a => a.Advisors);

    public decimal HoursOn(DayOfWeek day, WorkshopSkill skill) => _skillHours.Where(h => h.Day == day && h.Skill == skill).Sum(h => h.Hours);

    public static IReadOnlyList<FieldError> Check(int slotMinutes, int repeatRepairDays, IEnumerable<AdvisorShift> advisors, IEnumerable<SkillHours> workshopHours)
    {
        var errors = new List<FieldError>();
        if (!SlotLengths.Contains(slotMinutes))
        {
            errors.Add(new FieldError("capacity.slot_length_invalid", "SlotMinutes"));
        }

        if (repeatRepairDays is < 1 or > 365)
        {
            errors.Add(new FieldError("capacity.repeat_days_invalid", "RepeatRepairDays"));
        }

        var shifts = advisors.ToList();
        if (shifts.GroupBy(a => a.Day).Any(g => g.Count() > 1))
        {
            errors.Add(new FieldError("capacity.duplicate_weekday", "AdvisorShifts"));
        }

        if (shifts.Any(a => a.Advisors is < 0 or > MaxAdvisors || !Enum.IsDefined(a.Day)))
        {
            errors.Add(new FieldError("capacity.advisors_invalid", "AdvisorShifts"));
        }

        var hours = workshopHours.ToList();
        if (hours.GroupBy(h => (h.Day, h.Skill)).Any(g => g.Count() > 1))
        {
            errors.Add(new FieldError("capacity.duplicate_skill_day", "WorkshopHours"));
        }

        if (hours.Any(h => h.Hours is < 0 or > MaxSkillHours || !Enum.IsDefined(h.Day) || !Enum.IsDefined(h.Skill)))
        {
            errors.Add(new FieldError("capacity.hours_invalid", "WorkshopHours"));
        }

        return errors;
    }
}

/// <summary>Arrival slots of a store's working days, in UTC, from its calendar (hours, holidays, 调休) and slot length.</summary>
public static class SlotPlanner
{
    /// <summary>Every slot start of a local date; none on a closed day. The last slot ends by closing time.</summary>
    public static IReadOnlyList<DateTimeOffset> SlotsOn(StoreCalendar calendar, DateOnly date, int slotMinutes)
    {
        if (calendar.HoursOn(date) is not { } hours)
        {
            return [];
        }

        var slots = new List<DateTimeOffset>();
        var opens = (int)hours.Opens.ToTimeSpan().TotalMinutes;
        var closes = (int)hours.Closes.ToTimeSpan().TotalMinutes;
        for (var minute = opens; minute + slotMinutes <= closes; minute += slotMinutes)
        {
            slots.Add(ToUtc(calendar, date, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute))));
        }

        return slots;
    }

    /// <summary>Whether an instant is exactly the start of one of the date's slots.</summary>
    public static bool IsSlotStart(StoreCalendar calendar, DateTimeOffset instant, int slotMinutes) =>
        SlotsOn(calendar, LocalDate(calendar, instant), slotMinutes).Contains(instant);

    public static DateOnly LocalDate(StoreCalendar calendar, DateTimeOffset instant) => DateOnly.FromDateTime(calendar.ToLocal(instant).DateTime);

    public static DateTimeOffset ToUtc(StoreCalendar calendar, DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, calendar.TimeZone), TimeSpan.Zero);
    }
}
