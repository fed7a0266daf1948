using AfterSales.Domain.Complaints;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints.Handling;

/// <summary>One action of a plan; a carried-out re-repair names the repair order it opened.</summary>
public sealed record ResolutionActionView(
    Guid Id,
    int Round,
    int Revision,
    ResolutionActionKind Kind,
    string Description,
    decimal? Amount,
    bool IsDone,
    DateTimeOffset? DoneAt,
    string? DoneBy,
    string? DoneNote,
    Guid? RepairOrderId = null,
    string? RepairOrderNumber = null);

/// <summary>A line of the log; <see cref="FromComplaint"/> names the merged duplicate it was written on, null for the complaint's own.</summary>
public sealed record ComplaintLogEntryView(Guid Id, int Round, ComplaintLogKind Kind, string Text, ContactOutcome? Outcome, string? Reference, DateTimeOffset At, string UserName, string? FromComplaint = null);

/// <summary>
/// Everything about the handling of a complaint, and what the reader may do with it: the assignment, the log
/// (newest first), the analysis, the current plan with its approval and the earlier plans, the customer's answer.
/// </summary>
public sealed record ComplaintHandlingView(
    Guid Id,
    int Version,
    ComplaintStatus Status,
    int Round,
    Guid? AssignedSpecialistId,
    string? AssignedSpecialistName,
    Guid? AssignedTeamId,
    string? AssignedTeamName,
    IReadOnlyList<string> RootCauseWhys,
    Responsibility? Responsibility,
    bool? IsSystemic,
    DateTimeOffset? AnalysedAt,
    int PlanRevision,
    decimal PlanTotal,
    string? PlanApprovedBy,
    DateTimeOffset? PlanApprovedAt,
    IReadOnlyList<ResolutionActionView> Plan,
    IReadOnlyList<ResolutionActionView> EarlierActions,
    CustomerResponse? CustomerResponse,
    string? CustomerResponseReason,
    string? ReviewedBy,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<ComplaintLogEntryView> Log,
    decimal MyLimit,
    bool MayHandle,
    bool MayReview,
    bool MayAssign);

public sealed class GetComplaintHandling(AfterSalesDb db, AccessGuard guard, ComplaintAccess access)
{
    public async Task<Outcome<ComplaintHandlingView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Set<Complaint>().AsNoTracking().Include(x => x.Actions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return await guard.NotFoundAsync<Complaint, ComplaintHandlingView>(id, ct);
        }

        // The log of duplicates merged into this complaint is part of its story: shown here, marked with their numbers.
        var merged = await db.Set<Complaint>().IgnoreQueryFilters().AsNoTracking().Where(x => x.DuplicateOfId == id).ToDictionaryAsync(x => x.Id, x => x.Number, ct);
        var ids = merged.Keys.Append(id).ToList();
        var log = (await db.Set<ComplaintLogEntry>().AsNoTracking().Where(l => ids.Contains(l.ComplaintId))
            .OrderByDescending(l => l.At).ThenByDescending(l => l.Id)
            .ToListAsync(ct))
            .Select(l => new ComplaintLogEntryView(l.Id, l.Round, l.Kind, l.Text, l.Outcome, l.Reference, l.At, l.UserName, merged.GetValueOrDefault(l.ComplaintId)))
            .ToList();
        Guid?[] userIds = [c.AssignedSpecialistId, c.PlanApprovedById, c.ReviewedById];
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string? Name(Guid? user) => user is { } key ? names.GetValueOrDefault(key) : null;
        var team = c.AssignedTeamId is { } t ? await db.Set<ComplaintTeam>().Where(x => x.Id == t).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var current = c.CurrentPlan.Select(a => a.Id).ToHashSet();
        var mayHandle = await access.MayHandleAsync(c, ct);
        return new ComplaintHandlingView(
            c.Id,
            c.Version,
            c.Status,
            c.Round,
            c.AssignedSpecialistId,
            Name(c.AssignedSpecialistId),
            c.AssignedTeamId,
            team,
            c.RootCauseWhys,
            c.Responsibility,
            c.IsSystemic,
            c.AnalysedAt,
            c.PlanRevision,
            c.PlanTotal,
            Name(c.PlanApprovedById),
            c.PlanApprovedAt,
            c.Actions.Where(a => current.Contains(a.Id)).OrderBy(a => a.Id).Select(View).ToList(),
            c.Actions.Where(a => !current.Contains(a.Id)).OrderByDescending(a => a.Revision).ThenBy(a => a.Id).Select(View).ToList(),
            c.CustomerResponse,
            c.CustomerResponseReason,
            Name(c.ReviewedById),
            c.ClosedAt,
            log,
            await access.LimitAsync(ct),
            mayHandle,
            access.IsReviewer,
            mayHandle && StartInvestigation.MayAssign(access.User));
    }

    private static ResolutionActionView View(ResolutionAction a) =>
        new(a.Id, a.Round, a.Revision, a.Kind, a.Description, a.Amount, a.IsDone, a.DoneAt, a.DoneBy, a.DoneNote, a.RepairOrderId, a.RepairOrderNumber);
}
