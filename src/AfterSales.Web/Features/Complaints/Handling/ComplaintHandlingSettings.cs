using AfterSales.Domain.Complaints;
using AfterSales.Domain.Staff;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints.Handling;

public sealed record AssignmentRuleView(Guid Id, Guid? StoreId, string? StoreName, ComplaintCategory? Category, Guid? SpecialistId, string? SpecialistName, Guid? TeamId, string? TeamName);

/// <summary>Complaints of the category (any when null) in the store (any when null) go to the specialist and/or the team.</summary>
public sealed record AddAssignmentRuleRequest(Guid? StoreId, ComplaintCategory? Category, Guid? SpecialistId, Guid? TeamId);

public sealed record TeamMemberView(Guid Id, string DisplayName);

public sealed record ComplaintTeamView(Guid Id, Guid StoreId, string StoreName, string Name, IReadOnlyList<TeamMemberView> Members, int Version = 0);

public sealed record CreateTeamRequest(Guid StoreId, string Name, IReadOnlyList<Guid> MemberIds);

/// <summary>A team's new name and members (its store stays); <see cref="Version"/> is the version edited.</summary>
public sealed record UpdateTeamRequest(int Version, string Name, IReadOnlyList<Guid> MemberIds);

/// <summary>What deleting a team did: removed it, or (it handled complaints before) retired it.</summary>
public sealed record TeamDeletion(Guid Id, bool Retired);

public sealed record ApprovalLimitView(StaffRole Role, decimal MaxAmount, bool IsDefault);

public sealed record SetApprovalLimitRequest(StaffRole Role, decimal MaxAmount);

internal sealed class AddAssignmentRuleValidator : AbstractValidator<AddAssignmentRuleRequest>
{
    public AddAssignmentRuleValidator()
    {
        RuleFor(x => x.Category).IsInEnum();
        RuleFor(x => x).Must(x => x.SpecialistId is not null || x.TeamId is not null).WithErrorCode("complaint.assignee_required").OverridePropertyName(nameof(AddAssignmentRuleRequest.SpecialistId));
    }
}

internal sealed class CreateTeamValidator : AbstractValidator<CreateTeamRequest>
{
    public CreateTeamValidator()
    {
        RuleFor(x => x.StoreId).NotEmpty().WithErrorCode("complaint.store_unknown");
        RuleFor(x => x.Name).NotEmpty().WithErrorCode("complaint.team_name_required").MaximumLength(ComplaintTeam.NameMaxLength);
        RuleFor(x => x.MemberIds).NotEmpty().WithErrorCode("complaint.team_members_required");
    }
}

internal sealed class UpdateTeamValidator : AbstractValidator<UpdateTeamRequest>
{
    public UpdateTeamValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithErrorCode("complaint.team_name_required").MaximumLength(ComplaintTeam.NameMaxLength);
        RuleFor(x => x.MemberIds).NotEmpty().WithErrorCode("complaint.team_members_required");
    }
}

internal sealed class SetApprovalLimitValidator : AbstractValidator<SetApprovalLimitRequest>
{
    public SetApprovalLimitValidator()
    {
        RuleFor(x => x.Role).IsInEnum();
        RuleFor(x => x.MaxAmount).InclusiveBetween(0m, Complaint.MaxAmount).WithErrorCode("complaint.amount_invalid");
    }
}

/// <summary>The administrator's complaint settings: assignment rules, teams and approval limits per role.</summary>
public sealed class ComplaintHandlingSettings(AfterSalesDb db, RequestValidation validation, ListSpecialists specialists, TimeProvider clock)
{
    public const string TeamNameTaken = "complaint.team_name_taken";
    public const string TeamUsedByRules = "complaint.team_used_by_rules";
    public const string TeamHasOpenComplaints = "complaint.team_has_open_complaints";

    public async Task<IReadOnlyList<AssignmentRuleView>> ListRulesAsync(CancellationToken ct)
    {
        var rules = await db.Set<ComplaintAssignmentRule>().AsNoTracking().ToListAsync(ct);
        var stores = await db.Stores.ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var users = await db.Users.ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var teams = await db.Set<ComplaintTeam>().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return rules
            .OrderByDescending(r => r.Specificity).ThenBy(r => r.Id)
            .Select(r => new AssignmentRuleView(
                r.Id,
                r.StoreId,
                r.StoreId is { } s ? stores.GetValueOrDefault(s) : null,
                r.Category,
                r.SpecialistId,
                r.SpecialistId is { } u ? users.GetValueOrDefault(u) : null,
                r.TeamId,
                r.TeamId is { } t ? teams.GetValueOrDefault(t) : null))
            .ToList();
    }

    public async Task<Outcome<AssignmentRuleView>> AddRuleAsync(AddAssignmentRuleRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<AssignmentRuleView>.Invalid(errors);
        }

        if (request.StoreId is { } storeId && !await db.Stores.AnyAsync(s => s.Id == storeId && s.IsActive, ct))
        {
            return Outcome<AssignmentRuleView>.Invalid("complaint.store_unknown", nameof(request.StoreId));
        }

        if (request.SpecialistId is { } sid && !await TakesComplaintsAsync(sid, request.StoreId, ct))
        {
            return Outcome<AssignmentRuleView>.Invalid(HandleComplaint.SpecialistInvalid, nameof(request.SpecialistId));
        }

        if (request.TeamId is { } tid && !await db.Set<ComplaintTeam>().AnyAsync(t => t.Id == tid && !t.IsRetired && (request.StoreId == null || t.StoreId == request.StoreId), ct))
        {
            return Outcome<AssignmentRuleView>.Invalid(HandleComplaint.TeamInvalid, nameof(request.TeamId));
        }

        if (await db.Set<ComplaintAssignmentRule>().AnyAsync(r => r.StoreId == request.StoreId && r.Category == request.Category, ct))
        {
            return Outcome<AssignmentRuleView>.Conflict("complaint.rule_exists");
        }

        var rule = ComplaintAssignmentRule.Create(request.StoreId, request.Category, request.SpecialistId, request.TeamId, clock.GetUtcNow());
        db.Add(rule);
        await db.SaveChangesAsync(ct);
        return (await ListRulesAsync(ct)).Single(r => r.Id == rule.Id);
    }

    public async Task<Outcome<bool>> DeleteRuleAsync(Guid id, CancellationToken ct)
    {
        var rule = await db.Set<ComplaintAssignmentRule>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return Outcome<bool>.NotFound();
        }

        db.Remove(rule);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<ComplaintTeamView>> ListTeamsAsync(Guid? storeId, CancellationToken ct)
    {
        var teams = await db.Set<ComplaintTeam>().AsNoTracking().Where(t => !t.IsRetired && (storeId == null || t.StoreId == storeId)).OrderBy(t => t.Name).ToListAsync(ct);
        var ids = teams.Select(t => t.Id).ToList();
        var members = await db.Set<ComplaintTeamMember>().Where(m => ids.Contains(m.TeamId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.TeamId, u.Id, u.DisplayName })
            .ToListAsync(ct);
        var stores = await db.Stores.ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return teams.Select(t => new ComplaintTeamView(
            t.Id,
            t.StoreId,
            stores.GetValueOrDefault(t.StoreId, string.Empty),
            t.Name,
            members.Where(m => m.TeamId == t.Id).OrderBy(m => m.DisplayName).Select(m => new TeamMemberView(m.Id, m.DisplayName)).ToList(),
            t.Version)).ToList();
    }

    public async Task<Outcome<ComplaintTeamView>> CreateTeamAsync(CreateTeamRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ComplaintTeamView>.Invalid(errors);
        }

        if (!await db.Stores.AnyAsync(s => s.Id == request.StoreId && s.IsActive, ct))
        {
            return Outcome<ComplaintTeamView>.Invalid("complaint.store_unknown", nameof(request.StoreId));
        }

        var candidates = (await specialists.HandleAsync(request.StoreId, ct)).Select(s => s.Id).ToHashSet();
        if (request.MemberIds.Any(m => !candidates.Contains(m)))
        {
            return Outcome<ComplaintTeamView>.Invalid(HandleComplaint.SpecialistInvalid, nameof(request.MemberIds));
        }

        var name = request.Name.Trim();
        if (await db.Set<ComplaintTeam>().AnyAsync(t => t.StoreId == request.StoreId && t.Name == name, ct))
        {
            return Outcome<ComplaintTeamView>.Invalid(TeamNameTaken, nameof(request.Name));
        }

        var team = ComplaintTeam.Create(request.StoreId, name, clock.GetUtcNow());
        db.Add(team);
        db.AddRange(request.MemberIds.Distinct().Select(m => new ComplaintTeamMember { TeamId = team.Id, UserId = m }));
        await db.SaveChangesAsync(ct);
        return (await ListTeamsAsync(request.StoreId, ct)).Single(t => t.Id == team.Id);
    }

    /// <summary>Renames a team and replaces its members; the store stays, so the rules and complaints that name it stay valid.</summary>
    public async Task<Outcome<ComplaintTeamView>> UpdateTeamAsync(Guid id, UpdateTeamRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ComplaintTeamView>.Invalid(errors);
        }

        var team = await db.Set<ComplaintTeam>().FirstOrDefaultAsync(t => t.Id == id && !t.IsRetired, ct);
        if (team is null)
        {
            return Outcome<ComplaintTeamView>.NotFound();
        }

        if (team.Version != request.Version)
        {
            return Outcome<ComplaintTeamView>.Conflict();
        }

        var candidates = (await specialists.HandleAsync(team.StoreId, ct)).Select(s => s.Id).ToHashSet();
        if (request.MemberIds.Any(m => !candidates.Contains(m)))
        {
            return Outcome<ComplaintTeamView>.Invalid(HandleComplaint.SpecialistInvalid, nameof(request.MemberIds));
        }

        var name = request.Name.Trim();
        if (await db.Set<ComplaintTeam>().AnyAsync(t => t.StoreId == team.StoreId && t.Name == name && t.Id != id, ct))
        {
            return Outcome<ComplaintTeamView>.Invalid(TeamNameTaken, nameof(request.Name));
        }

        team.Change(name, clock.GetUtcNow());
        db.Entry(team).Property(t => t.Version).OriginalValue = request.Version;
        var wanted = request.MemberIds.Distinct().ToHashSet();
        var current = await db.Set<ComplaintTeamMember>().Where(m => m.TeamId == id).ToListAsync(ct);
        db.RemoveRange(current.Where(m => !wanted.Contains(m.UserId)));
        db.AddRange(wanted.Where(u => current.All(m => m.UserId != u)).Select(u => new ComplaintTeamMember { TeamId = id, UserId = u }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator changed the team (version) or took the name (unique index) meanwhile.
            return Outcome<ComplaintTeamView>.Conflict();
        }

        return (await ListTeamsAsync(team.StoreId, ct)).Single(t => t.Id == id);
    }

    /// <summary>
    /// Deletes a team nothing depends on. Refused while an assignment rule names it or an open complaint is with it
    /// (the rules or complaints must be changed first); a team that only closed complaints name is retired instead.
    /// </summary>
    public async Task<Outcome<TeamDeletion>> DeleteTeamAsync(Guid id, CancellationToken ct)
    {
        var team = await db.Set<ComplaintTeam>().FirstOrDefaultAsync(t => t.Id == id && !t.IsRetired, ct);
        if (team is null)
        {
            return Outcome<TeamDeletion>.NotFound();
        }

        if (await db.Set<ComplaintAssignmentRule>().AnyAsync(r => r.TeamId == id, ct))
        {
            return Outcome<TeamDeletion>.Conflict(TeamUsedByRules);
        }

        var complaints = db.Set<Complaint>().IgnoreQueryFilters().Where(c => c.AssignedTeamId == id);
        if (await complaints.AnyAsync(c => c.Status != ComplaintStatus.Closed, ct))
        {
            return Outcome<TeamDeletion>.Conflict(TeamHasOpenComplaints);
        }

        var retire = await complaints.AnyAsync(ct);
        if (retire)
        {
            team.Retire(clock.GetUtcNow());
        }
        else
        {
            db.RemoveRange(await db.Set<ComplaintTeamMember>().Where(m => m.TeamId == id).ToListAsync(ct));
            db.Remove(team);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A complaint or rule took the team meanwhile (foreign key), or another administrator changed it.
            return Outcome<TeamDeletion>.Conflict();
        }

        return new TeamDeletion(id, retire);
    }

    public async Task<IReadOnlyList<ApprovalLimitView>> ListLimitsAsync(CancellationToken ct)
    {
        var configured = await db.Set<ComplaintApprovalLimit>().AsNoTracking().ToDictionaryAsync(l => l.Role, l => l.MaxAmount, ct);
        return StaffRoles.All
            .Select(r => configured.TryGetValue(r, out var set) ? new ApprovalLimitView(r, set, false) : new ApprovalLimitView(r, ComplaintApprovalLimit.Default(r), true))
            .ToList();
    }

    public async Task<Outcome<ApprovalLimitView>> SetLimitAsync(SetApprovalLimitRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ApprovalLimitView>.Invalid(errors);
        }

        var limit = await db.Set<ComplaintApprovalLimit>().FirstOrDefaultAsync(l => l.Role == request.Role, ct);
        if (limit is null)
        {
            db.Add(ComplaintApprovalLimit.For(request.Role, request.MaxAmount));
        }
        else
        {
            limit.Change(request.MaxAmount);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two administrators setting the same role's first limit at once: the other one won.
            return Outcome<ApprovalLimitView>.Conflict();
        }

        return new ApprovalLimitView(request.Role, request.MaxAmount, false);
    }

    /// <summary>A specialist or service manager of the store (of any store for a rule that spans stores).</summary>
    private async Task<bool> TakesComplaintsAsync(Guid userId, Guid? storeId, CancellationToken ct)
    {
        if (storeId is { } s)
        {
            return (await specialists.HandleAsync(s, ct)).Any(x => x.Id == userId);
        }

        foreach (var store in await db.Stores.Select(x => x.Id).ToListAsync(ct))
        {
            if ((await specialists.HandleAsync(store, ct)).Any(x => x.Id == userId))
            {
                return true;
            }
        }

        return false;
    }
}
