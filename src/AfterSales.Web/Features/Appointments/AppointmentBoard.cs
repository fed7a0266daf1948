using AfterSales.Domain.Appointments;
using AfterSales.Domain.Service;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Appointments;

/// <summary>A day or week of a store: who is coming when, by advisor, with load against capacity.</summary>
public sealed record GetBoardRequest(Guid StoreId, DateOnly? From = null, int? Days = null);

public sealed record BoardSlot(DateTimeOffset Start, DateTimeOffset End, int Capacity, int Booked, int Urgent);

public sealed record SkillLoad(WorkshopSkill Skill, decimal Booked, decimal Capacity);

public sealed record AdvisorLoad(Guid? AdvisorId, string? AdvisorName, int Appointments);

public sealed record BoardDay(
    DateOnly Date,
    bool IsWorkingDay,
    int Advisors,
    IReadOnlyList<BoardSlot> Slots,
    IReadOnlyList<SkillLoad> Workshop,
    IReadOnlyList<AdvisorLoad> ByAdvisor,
    IReadOnlyList<AppointmentListItem> Appointments);

public sealed record AppointmentBoard(Guid StoreId, string StoreName, int SlotMinutes, IReadOnlyList<BoardDay> Days);

public sealed class GetAppointmentBoard(AfterSalesDb db, ICurrentUser user, TimeProvider clock, CapacityPlanner planner)
{
    public const int MaxDays = 14;

    public async Task<Outcome<AppointmentBoard>> HandleAsync(GetBoardRequest request, CancellationToken ct)
    {
        var plan = user.Scope.Includes(request.StoreId) ? await planner.LoadAsync(request.StoreId, ct) : null;
        if (plan is null)
        {
            return Outcome<AppointmentBoard>.NotFound();
        }

        var days = Math.Clamp(request.Days ?? 1, 1, MaxDays);
        var from = request.From ?? plan.LocalDate(clock.GetUtcNow());
        var result = new List<BoardDay>();
        for (var date = from; date < from.AddDays(days); date = date.AddDays(1))
        {
            result.Add(await DayAsync(plan, date, ct));
        }

        return new AppointmentBoard(plan.StoreId, plan.Store.Name, plan.SlotMinutes, result);
    }

    internal async Task<BoardDay> DayAsync(StorePlan plan, DateOnly date, CancellationToken ct)
    {
        var rows = await planner.DayAppointmentsAsync(plan, date, ct);
        var holding = rows.Where(a => AppointmentLifecycle.HoldsSlot(a.Status)).ToList();
        var load = await planner.DayLoadAsync(plan, date, null, ct);
        var advisors = plan.AdvisorsOn(date);
        var slots = SlotPlanner.SlotsOn(plan.Calendar, date, plan.SlotMinutes)
            .Select(s => new BoardSlot(s, s.AddMinutes(plan.SlotMinutes), advisors, load.Taken(s), holding.Count(a => a.IsUrgent && a.SlotStart == s)))
            .ToList();
        var skills = Enum.GetValues<WorkshopSkill>()
            .Select(s => new SkillLoad(s, load.Hours(s), plan.HoursOn(date, s)))
            .Where(s => s.Booked > 0 || s.Capacity > 0)
            .ToList();
        var items = await AppointmentViews.ListAsync(db, rows, ct);
        var byAdvisor = items.Where(i => AppointmentLifecycle.HoldsSlot(i.Status))
            .GroupBy(i => (i.AdvisorId, i.AdvisorName))
            .Select(g => new AdvisorLoad(g.Key.AdvisorId, g.Key.AdvisorName, g.Count()))
            .OrderBy(a => a.AdvisorName is null).ThenBy(a => a.AdvisorName, StringComparer.Ordinal)
            .ToList();
        return new BoardDay(date, plan.Calendar.IsWorkingDay(date), advisors, slots, skills, byAdvisor, items);
    }
}

/// <summary>The free slots of a store from a time on, for the services asked for.</summary>
public sealed record FindFreeSlotsRequest(Guid StoreId, DateTimeOffset? After = null, WorkshopSkill? Skill = null, decimal? Hours = null);

public sealed class FindFreeSlots(ICurrentUser user, TimeProvider clock, CapacityPlanner planner)
{
    public async Task<Outcome<IReadOnlyList<FreeSlot>>> HandleAsync(FindFreeSlotsRequest request, CancellationToken ct)
    {
        var plan = user.Scope.Includes(request.StoreId) ? await planner.LoadAsync(request.StoreId, ct) : null;
        if (plan is null)
        {
            return Outcome<IReadOnlyList<FreeSlot>>.NotFound();
        }

        var services = request.Skill is { } skill ? new[] { new RequestedService("-", skill, Math.Clamp(request.Hours ?? 1m, 0.1m, Appointment.MaxServiceHours)) } : [];
        return Outcome<IReadOnlyList<FreeSlot>>.Ok(await planner.NextFreeAsync(plan, request.After ?? clock.GetUtcNow(), services, null, ct));
    }
}

/// <summary>
/// The day-before readiness check (预约准备): tomorrow's (or a given day's) upcoming appointments with what each
/// needs, and the day's technician hours by trade against capacity.
/// </summary>
public sealed record GetReadinessRequest(Guid StoreId, DateOnly? Date = null);

public sealed record ReadinessCheck(Guid StoreId, string StoreName, DateOnly Date, IReadOnlyList<SkillLoad> Workshop, IReadOnlyList<AppointmentView> Appointments)
{
    public bool WorkshopOverbooked => Workshop.Any(s => s.Booked > s.Capacity);
}

public sealed class GetReadinessCheck(AfterSalesDb db, ICurrentUser user, TimeProvider clock, CapacityPlanner planner)
{
    public async Task<Outcome<ReadinessCheck>> HandleAsync(GetReadinessRequest request, CancellationToken ct)
    {
        var plan = user.Scope.Includes(request.StoreId) ? await planner.LoadAsync(request.StoreId, ct) : null;
        if (plan is null)
        {
            return Outcome<ReadinessCheck>.NotFound();
        }

        var date = request.Date ?? plan.LocalDate(clock.GetUtcNow()).AddDays(1);
        var load = await planner.DayLoadAsync(plan, date, null, ct);
        var rows = (await planner.DayAppointmentsAsync(plan, date, ct)).Where(a => AppointmentLifecycle.IsUpcoming(a.Status)).ToList();
        var views = new List<AppointmentView>();
        foreach (var row in rows)
        {
            views.Add(await AppointmentViews.ViewAsync(db, row, user.SeesFullContact, ct));
        }

        var skills = Enum.GetValues<WorkshopSkill>()
            .Select(s => new SkillLoad(s, load.Hours(s), plan.HoursOn(date, s)))
            .Where(s => s.Booked > 0)
            .ToList();
        return new ReadinessCheck(plan.StoreId, plan.Store.Name, date, skills, views);
    }
}

public sealed class GetAppointment(AfterSalesDb db, ICurrentUser user, AccessGuard guard)
{
    public async Task<Outcome<AppointmentView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var appointment = await db.Set<Appointment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return appointment is null
            ? await guard.NotFoundAsync<Appointment, AppointmentView>(id, ct)
            : await AppointmentViews.ViewAsync(db, appointment, user.SeesFullContact, ct);
    }
}

/// <summary>Every status change of an appointment, oldest first: who, when, from, to, why, and the slot.</summary>
public sealed class GetAppointmentHistory(AfterSalesDb db, AccessGuard guard)
{
    public async Task<Outcome<IReadOnlyList<AppointmentStatusChangeView>>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Set<Appointment>().AnyAsync(a => a.Id == id, ct))
        {
            return await guard.NotFoundAsync<Appointment, IReadOnlyList<AppointmentStatusChangeView>>(id, ct);
        }

        var rows = await db.Set<AppointmentStatusChange>().AsNoTracking()
            .Where(h => h.AppointmentId == id)
            .OrderBy(h => h.AppointmentVersion).ThenBy(h => h.At)
            .Select(h => new AppointmentStatusChangeView(h.At, h.UserName, h.From, h.To, h.Trigger, h.SlotStart, h.Reason))
            .ToListAsync(ct);
        return rows;
    }
}

/// <summary>The visit summary for an asset while booking: last visit, repeat repair, issues left unfixed.</summary>
public sealed record GetVisitSummaryRequest(Guid AssetId, Guid? StoreId = null, WorkshopSkill[]? Skills = null);

public sealed class GetVisitSummary(AfterSalesDb db, VisitHistory history, AccessGuard guard)
{
    public async Task<Outcome<VisitSummary>> HandleAsync(GetVisitSummaryRequest request, CancellationToken ct)
    {
        var asset = await db.Assets.AsNoTracking().Where(a => a.Id == request.AssetId).Select(a => new { a.Id, a.StoreId }).FirstOrDefaultAsync(ct);
        if (asset is null)
        {
            return await guard.NotFoundAsync<Domain.Assets.Asset, VisitSummary>(request.AssetId, ct);
        }

        return await history.ForAssetAsync(asset.Id, request.StoreId ?? asset.StoreId, request.Skills ?? [], null, ct);
    }
}
