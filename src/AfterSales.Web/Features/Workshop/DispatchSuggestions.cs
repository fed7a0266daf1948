using System.Globalization;
using AfterSales.Domain.Labour;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Domain.Workshop;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Workshop;

/// <summary>What to plan: the rest of today (or the next working day once closed), or with <see cref="NextWorkingDay"/> the whole next working day.</summary>
public sealed record SuggestDispatchRequest(Guid StoreId, bool NextWorkingDay = false);

/// <summary>One proposed assignment; <see cref="OrderVersion"/> is the order's version the plan was made from.</summary>
public sealed record SuggestionRow(
    Guid OrderId,
    string OrderNumber,
    int OrderVersion,
    Guid JobId,
    string JobName,
    WorkshopSkill Skill,
    decimal Hours,
    int Priority,
    DateTimeOffset? PromisedAt,
    Guid TechnicianId,
    string TechnicianName,
    DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd,
    bool Late);

/// <summary>A job the plan could not place, and why (no technician with the skill, or no time left).</summary>
public sealed record UnplacedJob(Guid OrderId, string OrderNumber, Guid JobId, string JobName, WorkshopSkill Skill, decimal Hours, string Reason);

public sealed record DispatchSuggestionView(
    Guid StoreId,
    DateOnly? WorkingDate,
    DispatchMethod Method,
    int SolveMilliseconds,
    IReadOnlyList<SuggestionRow> Rows,
    IReadOnlyList<UnplacedJob> Unplaced,
    DispatchQuality Quality);

public sealed record AcceptRow(Guid OrderId, Guid JobId, Guid TechnicianId, int OrderVersion);

public sealed record AcceptDispatchRequest(Guid StoreId, IReadOnlyList<AcceptRow> Rows);

public sealed record AcceptDispatchResult(int Assigned);

internal sealed class AcceptDispatchValidator : AbstractValidator<AcceptDispatchRequest>
{
    public AcceptDispatchValidator()
    {
        RuleFor(x => x.Rows).NotEmpty().WithErrorCode("dispatch.nothing_to_accept");
        RuleFor(x => x.Rows).Must(r => r.Select(x => x.JobId).Distinct().Count() == r.Count).WithErrorCode("dispatch.job_twice");
        RuleFor(x => x.Rows.Count).LessThanOrEqualTo(DispatchLimits.MaxRows);
    }
}

internal static class DispatchLimits
{
    public const int MaxRows = 1000;

    public static readonly TimeSpan SolveTime = TimeSpan.FromSeconds(1.5);
}

/// <summary>Proposes technicians for every unassigned (pending) job of the store; nothing is saved.</summary>
public sealed class SuggestDispatch(AfterSalesDb db, ICurrentUser user, TimeProvider clock)
{
    public const string NoSkilledTechnician = "dispatch.no_skilled_technician";
    public const string NoTimeLeft = "dispatch.no_time_left";

    public async Task<Outcome<DispatchSuggestionView>> HandleAsync(SuggestDispatchRequest request, CancellationToken ct)
    {
        if (!WorkshopRoles.Dispatches(user))
        {
            return Outcome<DispatchSuggestionView>.Forbidden(DispatchRules.Forbidden);
        }

        var snapshot = user.Scope.Includes(request.StoreId) ? await DispatchSnapshot.LoadAsync(db, request.StoreId, clock.GetUtcNow(), tracking: false, ct) : null;
        if (snapshot is null)
        {
            return Outcome<DispatchSuggestionView>.NotFound();
        }

        var culture = CultureInfo.CurrentUICulture.Name;
        var open = snapshot.OpenJobs().Where(x => x.Job.Status == RepairJobStatus.Pending).ToList();
        var day = request.NextWorkingDay ? WorkingDay.Following(snapshot.Store.Calendar(), clock.GetUtcNow()) : snapshot.Day;
        var technicians = day is null
            ? []
            : snapshot.Technicians.Where(t => t.IsActive)
                .Select(t => (Technician: t, Window: day.Window(t)))
                .Where(x => x.Window is not null)
                .Select(x => new DispatchTechnician(x.Technician.UserId, x.Technician.Skills.ToHashSet(), x.Window!.Value.From, x.Window.Value.To, snapshot.BookedMinutes(x.Technician.UserId)))
                .ToList();
        var jobs = open
            .Select(x => new DispatchJob(x.Job.Id, x.Job.Skill, DispatchSnapshot.Minutes(x.Job.Hours), x.Order.PromisedAt is { } p && day is not null ? day.Minutes(p) : null, snapshot.Priority(x.Order)))
            .ToList();
        var plan = DispatchPlanner.Suggest(jobs, technicians, DispatchLimits.SolveTime);
        var byJob = open.ToDictionary(x => x.Job.Id);
        var names = snapshot.Technicians.ToDictionary(t => t.UserId, t => t.Name);
        var jobsById = jobs.ToDictionary(j => j.JobId);
        var rows = plan.Assignments
            .Select(a =>
            {
                var (order, job) = byJob[a.JobId];
                var due = jobsById[a.JobId].DueMinute;
                return new SuggestionRow(
                    order.Id, order.Number, order.Version, job.Id, LabourOperation.Name(job.NameZh, job.NameEn, culture), job.Skill, job.Hours, snapshot.Priority(order),
                    order.PromisedAt, a.TechnicianId, names[a.TechnicianId], day!.At(a.StartMinute), day.At(a.EndMinute), due is { } d && a.EndMinute > d);
            })
            .OrderByDescending(r => r.Priority).ThenBy(r => r.PromisedAt ?? DateTimeOffset.MaxValue).ThenBy(r => r.OrderNumber, StringComparer.Ordinal).ThenBy(r => r.PlannedStart)
            .ToList();
        var unplaced = plan.Unassigned
            .Select(id =>
            {
                var (order, job) = byJob[id];
                var reason = technicians.Any(t => t.Skills.Contains(job.Skill)) ? NoTimeLeft : NoSkilledTechnician;
                return new UnplacedJob(order.Id, order.Number, job.Id, LabourOperation.Name(job.NameZh, job.NameEn, culture), job.Skill, job.Hours, reason);
            })
            .ToList();
        return new DispatchSuggestionView(
            request.StoreId, day?.Date, plan.Method, (int)plan.SolveTime.TotalMilliseconds, rows, unplaced, plan.Measure(jobs, technicians));
    }
}

/// <summary>
/// Applies an accepted (possibly edited) plan: every row is an assignment through <see cref="RepairOrder.AssignJob"/>
/// under the same rules as a single one, all saved at once. If any order changed since the plan was made
/// (its version), or any row is refused, nothing is saved.
/// </summary>
public sealed class AcceptDispatch(AfterSalesDb db, ICurrentUser user, RequestValidation validation, RepairOrderGate gate)
{
    public async Task<Outcome<AcceptDispatchResult>> HandleAsync(AcceptDispatchRequest request, CancellationToken ct)
    {
        if (!WorkshopRoles.Dispatches(user))
        {
            return Outcome<AcceptDispatchResult>.Forbidden(DispatchRules.Forbidden);
        }

        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<AcceptDispatchResult>.Invalid(errors);
        }

        if (!user.Scope.Includes(request.StoreId) || !await db.Stores.AnyAsync(s => s.Id == request.StoreId, ct))
        {
            return Outcome<AcceptDispatchResult>.NotFound();
        }

        var orderIds = request.Rows.Select(r => r.OrderId).Distinct().ToList();
        var orders = await db.Set<RepairOrder>().Include(o => o.Jobs).AsSplitQuery()
            .Where(o => orderIds.Contains(o.Id) && o.StoreId == request.StoreId)
            .ToDictionaryAsync(o => o.Id, ct);
        if (orders.Count != orderIds.Count)
        {
            return Outcome<AcceptDispatchResult>.NotFound();
        }

        var technicians = await db.Set<Technician>().AsNoTracking().Where(t => t.StoreId == request.StoreId).ToDictionaryAsync(t => t.UserId, ct);
        var actor = await gate.ActorAsync(request.StoreId, ct);
        foreach (var group in request.Rows.GroupBy(r => r.OrderId))
        {
            var order = orders[group.Key];
            var versions = group.Select(r => r.OrderVersion).Distinct().ToList();
            if (versions.Count != 1 || order.Version != versions[0])
            {
                return Outcome<AcceptDispatchResult>.Conflict(RepairOrderGate.ChangedBySomeoneElse);
            }

            foreach (var row in group)
            {
                if (order.FindJob(row.JobId) is { Status: not RepairJobStatus.Pending })
                {
                    // The plan only gives out unassigned jobs; one given out meanwhile is a change by someone else.
                    return Outcome<AcceptDispatchResult>.Conflict(RepairOrderGate.ChangedBySomeoneElse);
                }

                if (DispatchRules.Assign(order, row.JobId, technicians.GetValueOrDefault(row.TechnicianId), actor, null, gate.Now) is { } refusal)
                {
                    return refusal.Field is null ? Outcome<AcceptDispatchResult>.Conflict(refusal.Code) : Outcome<AcceptDispatchResult>.Invalid([refusal]);
                }
            }

            db.Entry(order).Property(o => o.Version).OriginalValue = versions[0];
            db.Entry(order).Property(o => o.Version).IsModified = true;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<AcceptDispatchResult>.Conflict(RepairOrderGate.ChangedBySomeoneElse);
        }

        return new AcceptDispatchResult(request.Rows.Count);
    }
}
