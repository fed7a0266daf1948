using AfterSales.Domain.Common;
using AfterSales.Domain.Service;
using AfterSales.Domain.Stores;

namespace AfterSales.Domain.Workshop;

/// <summary>
/// A staff member working as a technician (维修技师) in one store: the trades they may be given, their team (班组)
/// and their shift. Without a shift of their own they work the store's opening hours; a shift never reaches
/// outside them, so holidays and make-up working days (调休) come from the store calendar.
/// </summary>
public sealed class Technician
{
    public const int NameMaxLength = 100;
    public const string SkillsRequired = "technician.skills_required";
    public const string ShiftInvalid = "technician.shift_invalid";

    private Technician()
    {
    }

    public Guid Id { get; private set; }

    public Guid StoreId { get; private set; }

    /// <summary>The login of the technician (an AppUser).</summary>
    public Guid UserId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public List<WorkshopSkill> Skills { get; private set; } = [];

    public Guid? TeamId { get; private set; }

    public TimeOnly? ShiftStart { get; private set; }

    public TimeOnly? ShiftEnd { get; private set; }

    public bool IsActive { get; private set; } = true;

    public int Version { get; private set; }

    public static Technician Create(Guid storeId, Guid userId, string name, IEnumerable<WorkshopSkill> skills, Guid? teamId, TimeOnly? shiftStart, TimeOnly? shiftEnd)
    {
        var technician = new Technician { Id = Guid.CreateVersion7(), StoreId = storeId, UserId = userId, Name = name.Trim() };
        technician.Update(skills, teamId, shiftStart, shiftEnd, true);
        return technician;
    }

    /// <summary>Checks a profile before it is saved: at least one skill, and a shift that starts before it ends.</summary>
    public static IReadOnlyList<FieldError> Check(IEnumerable<WorkshopSkill> skills, TimeOnly? shiftStart, TimeOnly? shiftEnd)
    {
        var errors = new List<FieldError>();
        if (!skills.Any())
        {
            errors.Add(new FieldError(SkillsRequired, "Skills"));
        }

        if (shiftStart is null != shiftEnd is null || (shiftStart is { } start && shiftEnd is { } end && start >= end))
        {
            errors.Add(new FieldError(ShiftInvalid, "ShiftEnd"));
        }

        return errors;
    }

    public void Update(IEnumerable<WorkshopSkill> skills, Guid? teamId, TimeOnly? shiftStart, TimeOnly? shiftEnd, bool isActive)
    {
        Skills = skills.Distinct().Order().ToList();
        TeamId = teamId;
        ShiftStart = shiftStart;
        ShiftEnd = shiftEnd;
        IsActive = isActive;
    }

    public void Rename(string name) => Name = name.Trim();

    public bool Has(WorkshopSkill skill) => Skills.Contains(skill);

    /// <summary>The technician's working hours on a local date: the shift within the store's opening hours, or null when off.</summary>
    public (TimeOnly From, TimeOnly To)? HoursOn(StoreCalendar calendar, DateOnly date)
    {
        if (!IsActive || calendar.HoursOn(date) is not { } open)
        {
            return null;
        }

        var from = ShiftStart is { } s && s > open.Opens ? s : open.Opens;
        var to = ShiftEnd is { } e && e < open.Closes ? e : open.Closes;
        return from < to ? (from, to) : null;
    }
}

/// <summary>A workshop team (班组) of one store, with its team lead who does the second-level check.</summary>
public sealed class WorkshopTeam
{
    public const int NameMaxLength = 50;

    private WorkshopTeam()
    {
    }

    public Guid Id { get; private set; }

    public Guid StoreId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>The team lead's login (an AppUser with the TeamLead role), if any.</summary>
    public Guid? LeadUserId { get; private set; }

    public string? LeadName { get; private set; }

    public int Version { get; private set; }

    public static WorkshopTeam Create(Guid storeId, string name, Guid? leadUserId, string? leadName)
    {
        var team = new WorkshopTeam { Id = Guid.CreateVersion7(), StoreId = storeId };
        team.Update(name, leadUserId, leadName);
        return team;
    }

    public void Update(string name, Guid? leadUserId, string? leadName)
    {
        Name = name.Trim();
        LeadUserId = leadUserId;
        LeadName = leadUserId is null ? null : leadName?.Trim();
    }
}

/// <summary>
/// The working day a dispatch plans for: today from now until closing, or, once the store has closed (or on a
/// holiday), the whole of the next working day. Times in the plan are minutes from <see cref="Origin"/>.
/// </summary>
public sealed record WorkingDay(DateOnly Date, DateTimeOffset Origin, StoreCalendar Calendar)
{
    public static WorkingDay? Next(StoreCalendar calendar, DateTimeOffset now) => Find(calendar, now, firstOffset: 0);

    /// <summary>The whole of the first working day after today: near closing the workshop plans tomorrow morning.</summary>
    public static WorkingDay? Following(StoreCalendar calendar, DateTimeOffset now) => Find(calendar, now, firstOffset: 1);

    private static WorkingDay? Find(StoreCalendar calendar, DateTimeOffset now, int firstOffset)
    {
        var local = calendar.ToLocal(now);
        var today = DateOnly.FromDateTime(local.DateTime);
        for (var offset = firstOffset; offset < 30 + firstOffset; offset++)
        {
            var date = today.AddDays(offset);
            if (calendar.HoursOn(date) is not { } hours)
            {
                continue;
            }

            var opens = At(calendar, date, hours.Opens);
            var closes = At(calendar, date, hours.Closes);
            if (offset == 0 && now >= closes)
            {
                continue;
            }

            return new WorkingDay(date, now > opens ? now : opens, calendar);
        }

        return null;
    }

    /// <summary>The minutes (from the origin) a technician works on this day, or null when they do not.</summary>
    public (int From, int To)? Window(Technician technician)
    {
        if (technician.HoursOn(Calendar, Date) is not { } hours)
        {
            return null;
        }

        var from = Math.Max(0, Minutes(At(Calendar, Date, hours.From)));
        var to = Minutes(At(Calendar, Date, hours.To));
        return to > from ? (from, to) : null;
    }

    /// <summary>Hours the technician works on this day in all (the shift within opening hours).</summary>
    public decimal ShiftHours(Technician technician) =>
        technician.HoursOn(Calendar, Date) is { } h ? (decimal)(h.To - h.From).TotalHours : 0m;

    public int Minutes(DateTimeOffset instant) => (int)Math.Floor((instant - Origin).TotalMinutes);

    public DateTimeOffset At(int minutes) => Origin.AddMinutes(minutes);

    private static DateTimeOffset At(StoreCalendar calendar, DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local));
    }
}
