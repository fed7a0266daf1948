using AfterSales.Domain.Appointments;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.FollowUps;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Stores;
using AfterSales.Web.Features.ComplaintSla;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Today;

public sealed record TodayAppointments(int Booked, int Expected, int Arrived, int NoShow);

/// <summary><paramref name="DueToday"/> counts orders promised for later today and not yet ready; those already past their promise are <paramref name="Overdue"/>.</summary>
public sealed record TodayRepairOrders(int Open, int AwaitingSignature, int InWork, int FinalInspection, int ReadyForDelivery, int DueToday, int Overdue, int CustomersWaiting);

public sealed record TodayJobs(int Unassigned, int Assigned, int InProgress, int Paused, int AwaitingCustomer, int Rework);

public sealed record TodayComplaints(int Open, int Warning, int Breached, int Critical);

public sealed record TodayFollowUps(int DueToday, int Overdue);

/// <summary>The store's day at a glance (今日看板): each figure is one grouped count in the reader's stores.</summary>
public sealed record TodayBoardView(
    DateOnly Date,
    TodayAppointments Appointments,
    TodayRepairOrders RepairOrders,
    TodayJobs Jobs,
    TodayComplaints Complaints,
    TodayFollowUps FollowUps);

/// <summary>
/// The home page's figures for every role: today's appointments, the orders on the floor and what is late, the
/// workshop's job queue, complaints near or past their SLA and the follow-up calls due. "Today" is the group's local
/// day (Asia/Shanghai); the store scope comes from the query filters, so a reader only counts their own stores.
/// </summary>
public sealed class TodayBoard(AfterSalesDb db, TimeProvider clock)
{
    private static readonly TimeZoneInfo GroupZone = TimeZoneInfo.FindSystemTimeZoneById(Store.DefaultTimeZone);

    private static readonly RepairOrderStatus[] NotYetReady =
    [
        RepairOrderStatus.Draft, RepairOrderStatus.AwaitingSignature, RepairOrderStatus.Signed, RepairOrderStatus.InWorkshop,
        RepairOrderStatus.FinalInspection, RepairOrderStatus.Inspected,
    ];

    private static readonly RepairOrderStatus[] InWork = [RepairOrderStatus.Signed, RepairOrderStatus.InWorkshop, RepairOrderStatus.FinalInspection];

    public async Task<TodayBoardView> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, GroupZone).DateTime);
        var start = StartOf(today);
        var end = StartOf(today.AddDays(1));

        return new TodayBoardView(
            today,
            await AppointmentsAsync(start, end, ct),
            await RepairOrdersAsync(now, start, end, ct),
            await JobsAsync(ct),
            await ComplaintsAsync(ct),
            await FollowUpsAsync(now, end, ct));
    }

    private async Task<TodayAppointments> AppointmentsAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var byStatus = await db.Set<Appointment>().AsNoTracking()
            .Where(a => a.SlotStart >= start && a.SlotStart < end)
            .GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, ct);
        int Count(params AppointmentStatus[] statuses) => statuses.Sum(s => byStatus.GetValueOrDefault(s));

        return new TodayAppointments(
            Booked: Count(AppointmentStatus.Requested, AppointmentStatus.Confirmed, AppointmentStatus.Ready, AppointmentStatus.Arrived, AppointmentStatus.Converted, AppointmentStatus.NoShow),
            Expected: Count(AppointmentStatus.Requested, AppointmentStatus.Confirmed, AppointmentStatus.Ready),
            Arrived: Count(AppointmentStatus.Arrived, AppointmentStatus.Converted),
            NoShow: Count(AppointmentStatus.NoShow));
    }

    private async Task<TodayRepairOrders> RepairOrdersAsync(DateTimeOffset now, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var open = db.Set<RepairOrder>().AsNoTracking()
            .Where(o => o.Status != RepairOrderStatus.Delivered && o.Status != RepairOrderStatus.Cancelled);
        var byStatus = await open
            .GroupBy(o => o.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Waiting = g.Count(o => o.CustomerWaiting) })
            .ToListAsync(ct);
        int Count(params RepairOrderStatus[] statuses) => byStatus.Where(g => statuses.Contains(g.Status)).Sum(g => g.Count);

        var notReady = open.Where(o => NotYetReady.Contains(o.Status) && o.PromisedAt != null);
        var overdue = await notReady.CountAsync(o => o.PromisedAt < now, ct);
        var dueLaterToday = await notReady.CountAsync(o => o.PromisedAt >= now && o.PromisedAt >= start && o.PromisedAt < end, ct);

        return new TodayRepairOrders(
            Open: byStatus.Sum(g => g.Count),
            AwaitingSignature: Count(RepairOrderStatus.Draft, RepairOrderStatus.AwaitingSignature),
            InWork: Count(RepairOrderStatus.Signed, RepairOrderStatus.InWorkshop),
            FinalInspection: Count(RepairOrderStatus.FinalInspection, RepairOrderStatus.Inspected),
            ReadyForDelivery: Count(RepairOrderStatus.ReadyForDelivery),
            DueToday: dueLaterToday,
            Overdue: overdue,
            CustomersWaiting: byStatus.Sum(g => g.Waiting));
    }

    private async Task<TodayJobs> JobsAsync(CancellationToken ct)
    {
        var jobs = db.Set<RepairOrder>().AsNoTracking()
            .Where(o => InWork.Contains(o.Status))
            .SelectMany(o => o.Jobs);
        var byStatus = await jobs
            .GroupBy(j => j.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Rework = g.Count(j => j.ReworkCount > 0) })
            .ToListAsync(ct);
        int Count(RepairJobStatus status) => byStatus.Where(g => g.Status == status).Sum(g => g.Count);

        return new TodayJobs(
            Unassigned: Count(RepairJobStatus.Pending),
            Assigned: Count(RepairJobStatus.Assigned),
            InProgress: Count(RepairJobStatus.InProgress),
            Paused: Count(RepairJobStatus.Paused),
            AwaitingCustomer: Count(RepairJobStatus.Proposed),
            Rework: byStatus.Where(g => g.Status is not (RepairJobStatus.Done or RepairJobStatus.Checked or RepairJobStatus.Declined)).Sum(g => g.Rework));
    }

    private async Task<TodayComplaints> ComplaintsAsync(CancellationToken ct)
    {
        var open = db.Set<Complaint>().AsNoTracking().Where(c => c.Status != ComplaintStatus.Closed);
        var byUrgency = await open
            .GroupBy(c => c.Urgency)
            .Select(g => new { Urgency = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var byClock = await open
            .Join(db.Set<ComplaintSlaTracking>(), c => c.Id, t => t.ComplaintId, (c, t) => t.State)
            .Where(s => s == SlaClockState.Warning || s == SlaClockState.Breached)
            .GroupBy(s => s)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToListAsync(ct);

        return new TodayComplaints(
            Open: byUrgency.Sum(g => g.Count),
            Warning: byClock.Where(g => g.State == SlaClockState.Warning).Sum(g => g.Count),
            Breached: byClock.Where(g => g.State == SlaClockState.Breached).Sum(g => g.Count),
            Critical: byUrgency.Where(g => g.Urgency == ComplaintUrgency.Critical).Sum(g => g.Count));
    }

    private async Task<TodayFollowUps> FollowUpsAsync(DateTimeOffset now, DateTimeOffset end, CancellationToken ct)
    {
        var open = db.Set<FollowUpTask>().AsNoTracking().Where(t => t.Status == FollowUpTaskStatus.Open);
        return new TodayFollowUps(DueToday: await open.CountAsync(t => t.DueAt < end, ct), Overdue: await open.CountAsync(t => t.DueAt < now, ct));
    }

    private static DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, GroupZone.GetUtcOffset(local)).ToUniversalTime();
    }
}

public static class TodayBoardSetup
{
    public static IServiceCollection AddTodayBoard(this IServiceCollection services) => services.AddScoped<TodayBoard>();

    public static void MapTodayBoard(this RouteGroupBuilder api) =>
        api.MapGet("/today", async (TodayBoard handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithTags("Today")
            .WithName("GetTodayBoard")
            .WithSummary("The store's day at a glance in the caller's stores: today's appointments, open repair orders (due today, overdue, "
                + "customers waiting), the workshop's jobs by state, open complaints near or past their SLA, follow-up calls due.");
}
