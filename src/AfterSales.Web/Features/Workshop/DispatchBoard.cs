using System.Globalization;
using AfterSales.Domain.Appointments;
using AfterSales.Domain.Labour;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Domain.Stores;
using AfterSales.Domain.Workshop;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Workshop;

/// <summary>An open job on the board, with what makes it urgent.</summary>
public sealed record DispatchJobView(
    Guid OrderId,
    string OrderNumber,
    int OrderVersion,
    RepairOrderStatus OrderStatus,
    string AssetName,
    Guid JobId,
    int Position,
    string Name,
    WorkshopSkill Skill,
    decimal Hours,
    RepairJobStatus Status,
    Guid? TechnicianId,
    string? TechnicianName,
    int ReworkCount,
    string? StatusReason,
    bool IsExtraWork,
    bool Urgent,
    bool CustomerWaiting,
    DateTimeOffset? PromisedAt,
    bool CanAssign,
    int Priority);

/// <summary>A technician's day: skills, team, working hours and the hours of work already theirs.</summary>
public sealed record TechnicianLoadView(
    Guid TechnicianId,
    Guid ProfileId,
    string Name,
    IReadOnlyList<WorkshopSkill> Skills,
    Guid? TeamId,
    string? TeamName,
    bool IsTeamLead,
    TimeOnly? WorksFrom,
    TimeOnly? WorksTo,
    decimal AvailableHours,
    decimal LoadHours,
    int Jobs);

public sealed record DispatchBoardView(
    Guid StoreId,
    string StoreName,
    DateOnly? WorkingDate,
    IReadOnlyList<DispatchJobView> Jobs,
    IReadOnlyList<TechnicianLoadView> Technicians,
    IReadOnlyList<WorkshopTeamView> Teams);

/// <summary>What the board and the planner read: the store's open jobs and technicians for its next working day.</summary>
internal sealed record DispatchSnapshot(
    Store Store,
    WorkingDay? Day,
    List<RepairOrder> Orders,
    HashSet<Guid> UrgentAppointments,
    Dictionary<Guid, string> AssetNames,
    List<Technician> Technicians,
    List<WorkshopTeam> Teams)
{
    private static readonly RepairJobStatus[] Open =
        [RepairJobStatus.Pending, RepairJobStatus.Assigned, RepairJobStatus.InProgress, RepairJobStatus.Paused, RepairJobStatus.Done];

    public static bool Holds(RepairJobStatus status) =>
        status is RepairJobStatus.Assigned or RepairJobStatus.InProgress or RepairJobStatus.Paused;

    public IEnumerable<(RepairOrder Order, RepairJob Job)> OpenJobs() =>
        Orders.SelectMany(o => o.Jobs.Where(j => Open.Contains(j.Status)).Select(j => (o, j)));

    public bool IsUrgent(RepairOrder order) => order.AppointmentId is { } id && UrgentAppointments.Contains(id);

    /// <summary>1 for an ordinary job; an urgent appointment adds 2, a waiting customer 1.</summary>
    public int Priority(RepairOrder order) => 1 + (IsUrgent(order) ? 2 : 0) + (order.CustomerWaiting ? 1 : 0);

    /// <summary>Minutes of work already given to a technician (by user id): assigned, in progress or paused.</summary>
    public int BookedMinutes(Guid userId) =>
        OpenJobs().Where(x => x.Job.TechnicianId == userId && Holds(x.Job.Status)).Sum(x => Minutes(x.Job.Hours));

    public static int Minutes(decimal hours) => Math.Max(1, (int)Math.Ceiling(hours * 60m));

    public static async Task<DispatchSnapshot?> LoadAsync(AfterSalesDb db, Guid storeId, DateTimeOffset now, bool tracking, CancellationToken ct)
    {
        var store = await db.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, ct);
        if (store is null)
        {
            return null;
        }

        RepairOrderStatus[] inWork = [RepairOrderStatus.Signed, RepairOrderStatus.InWorkshop, RepairOrderStatus.FinalInspection];
        var query = db.Set<RepairOrder>().Include(o => o.Jobs).Where(o => o.StoreId == storeId && inWork.Contains(o.Status)).AsSplitQuery();
        var orders = await (tracking ? query : query.AsNoTracking()).ToListAsync(ct);
        var appointmentIds = orders.Where(o => o.AppointmentId is not null).Select(o => o.AppointmentId!.Value).ToList();
        var urgent = (await db.Set<Appointment>().AsNoTracking().Where(a => appointmentIds.Contains(a.Id) && a.IsUrgent).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        var assetIds = orders.Select(o => o.AssetId).Distinct().ToList();
        var assets = await db.Assets.AsNoTracking().Where(a => assetIds.Contains(a.Id)).ToListAsync(ct);
        var technicians = await db.Set<Technician>().AsNoTracking().Where(t => t.StoreId == storeId).ToListAsync(ct);
        var teams = await db.Set<WorkshopTeam>().AsNoTracking().Where(t => t.StoreId == storeId).ToListAsync(ct);
        return new DispatchSnapshot(
            store,
            WorkingDay.Next(store.Calendar(), now),
            orders,
            urgent,
            assets.ToDictionary(a => a.Id, a => a.DisplayName),
            technicians,
            teams);
    }
}

public sealed class GetDispatchBoard(AfterSalesDb db, ICurrentUser user, TimeProvider clock)
{
    public async Task<Outcome<DispatchBoardView>> HandleAsync(Guid storeId, CancellationToken ct)
    {
        var snapshot = user.Scope.Includes(storeId) ? await DispatchSnapshot.LoadAsync(db, storeId, clock.GetUtcNow(), tracking: false, ct) : null;
        return snapshot is null ? Outcome<DispatchBoardView>.NotFound() : View(snapshot);
    }

    internal static DispatchBoardView View(DispatchSnapshot s)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        var jobs = s.OpenJobs()
            .Select(x => new DispatchJobView(
                x.Order.Id, x.Order.Number, x.Order.Version, x.Order.Status, s.AssetNames.GetValueOrDefault(x.Order.AssetId, string.Empty),
                x.Job.Id, x.Job.Position, LabourOperation.Name(x.Job.NameZh, x.Job.NameEn, culture), x.Job.Skill, x.Job.Hours, x.Job.Status,
                x.Job.TechnicianId, x.Job.TechnicianName, x.Job.ReworkCount, x.Job.StatusReason, x.Job.IsExtraWork, s.IsUrgent(x.Order),
                x.Order.CustomerWaiting, x.Order.PromisedAt, RepairJobLifecycle.Decide(x.Job.Status, RepairJobTrigger.Assign).IsAllowed, s.Priority(x.Order)))
            .OrderByDescending(j => j.Priority)
            .ThenBy(j => j.PromisedAt ?? DateTimeOffset.MaxValue)
            .ThenBy(j => j.OrderNumber, StringComparer.Ordinal)
            .ThenBy(j => j.Position)
            .ToList();
        var teams = s.Teams.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var technicians = s.Technicians.Where(t => t.IsActive)
            .Select(t =>
            {
                var team = teams.FirstOrDefault(x => x.Id == t.TeamId);
                var hours = s.Day is { } day ? t.HoursOn(day.Calendar, day.Date) : null;
                var mine = jobs.Where(j => j.TechnicianId == t.UserId && DispatchSnapshot.Holds(j.Status)).ToList();
                return new TechnicianLoadView(
                    t.UserId, t.Id, t.Name, t.Skills, t.TeamId, team?.Name, team?.LeadUserId == t.UserId, hours?.From, hours?.To,
                    s.Day?.ShiftHours(t) ?? 0m, mine.Sum(j => j.Hours), mine.Count);
            })
            .OrderBy(t => t.TeamName is null).ThenBy(t => t.TeamName, StringComparer.Ordinal).ThenByDescending(t => t.IsTeamLead).ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        return new DispatchBoardView(s.Store.Id, s.Store.Name, s.Day?.Date, jobs, technicians, teams.Select(WorkshopStaff.View).ToList());
    }
}
