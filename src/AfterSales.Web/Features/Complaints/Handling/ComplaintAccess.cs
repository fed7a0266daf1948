using AfterSales.Domain.Complaints;
using AfterSales.Domain.Staff;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints.Handling;

/// <summary>
/// Who may work a complaint they can see: the assigned specialist or team, the store's service managers and
/// group roles, and while nobody has it the store's specialists. Seeing it is the query filter's business
/// (AfterSalesDb); whoever recorded a complaint sees it but does not handle it.
/// </summary>
public sealed class ComplaintAccess(AfterSalesDb db, ICurrentUser user)
{
    public const string HandleForbidden = "complaint.handle_forbidden";
    public const string ReviewForbidden = "complaint.review_forbidden";

    public ICurrentUser User => user;

    public bool IsReviewer => user.IsInRole(StaffRole.ServiceManager) || user.IsInRole(StaffRole.Administrator);

    public async Task<bool> MayHandleAsync(Complaint complaint, CancellationToken ct)
    {
        if (user.IsInRole(StaffRole.Administrator))
        {
            return true;
        }

        if (!user.Scope.Includes(complaint.StoreId) || user.UserId is not { } me)
        {
            return false;
        }

        if (user.IsInRole(StaffRole.ServiceManager) || complaint.AssignedSpecialistId == me)
        {
            return true;
        }

        if (complaint.AssignedTeamId is { } team)
        {
            return await db.Set<ComplaintTeamMember>().AnyAsync(m => m.TeamId == team && m.UserId == me, ct);
        }

        return complaint.AssignedSpecialistId is null && user.IsInRole(StaffRole.ComplaintSpecialist);
    }

    /// <summary>The acting user's compensation limit: the highest of their roles', as configured or by default.</summary>
    public async Task<decimal> LimitAsync(CancellationToken ct)
    {
        var configured = await db.Set<ComplaintApprovalLimit>().AsNoTracking().ToDictionaryAsync(l => l.Role, l => l.MaxAmount, ct);
        return ComplaintApprovalLimit.LimitOf(user.Roles, configured);
    }

    internal async Task<Outcome<ComplaintView>?> HandlerCheckAsync(Complaint complaint, CancellationToken ct) =>
        await MayHandleAsync(complaint, ct) ? null : Outcome<ComplaintView>.Forbidden(HandleForbidden);

    internal Outcome<ComplaintView>? ReviewerCheck() => IsReviewer ? null : Outcome<ComplaintView>.Forbidden(ReviewForbidden);
}

/// <summary>Applies the administrator's assignment rules to a complaint nobody has yet.</summary>
public sealed class ComplaintAssigner(AfterSalesDb db)
{
    public const string ByRule = "complaint.assigned_by_rule";

    public async Task<ComplaintAssignmentRule?> PickAsync(Guid storeId, ComplaintCategory category, CancellationToken ct)
    {
        var rules = await db.Set<ComplaintAssignmentRule>().AsNoTracking()
            .Where(r => (r.StoreId == null || r.StoreId == storeId) && (r.Category == null || r.Category == category))
            .ToListAsync(ct);
        return ComplaintAssignmentRule.Pick(rules, storeId, category);
    }

    /// <summary>Names for the log line: the history says to whom a complaint went, in words.</summary>
    public async Task<(string? Specialist, string? Team)> NamesAsync(Guid? specialistId, Guid? teamId, CancellationToken ct)
    {
        var specialist = specialistId is { } s ? await db.Users.Where(u => u.Id == s).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var team = teamId is { } t ? await db.Set<ComplaintTeam>().Where(x => x.Id == t).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return (specialist, team);
    }

    public Task<bool> TeamOfStoreAsync(Guid teamId, Guid storeId, CancellationToken ct) =>
        db.Set<ComplaintTeam>().AnyAsync(t => t.Id == teamId && t.StoreId == storeId && !t.IsRetired, ct);

    /// <summary>The assignment the rules give a complaint of this store and category, names resolved; null when no rule matches.</summary>
    public async Task<RuleAssignment?> ForAsync(Guid storeId, ComplaintCategory category, CancellationToken ct)
    {
        if (await PickAsync(storeId, category, ct) is not { } rule)
        {
            return null;
        }

        var (specialist, team) = await NamesAsync(rule.SpecialistId, rule.TeamId, ct);
        return new RuleAssignment(rule.SpecialistId, rule.TeamId, specialist, team);
    }
}

public sealed record RuleAssignment(Guid? SpecialistId, Guid? TeamId, string? SpecialistName, string? TeamName)
{
    /// <summary>Assigns only a complaint nobody has; the log line names the rule as the reason.</summary>
    public void ApplyTo(Complaint complaint, Actor by, DateTimeOffset now)
    {
        if (complaint.AssignedSpecialistId is null && complaint.AssignedTeamId is null)
        {
            complaint.Assign(SpecialistId, TeamId, SpecialistName, TeamName, by, ComplaintAssigner.ByRule, now);
        }
    }
}
