using AfterSales.Domain.Service;
using AfterSales.Domain.Staff;
using AfterSales.Domain.Workshop;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Workshop;

public sealed record TechnicianView(
    Guid Id,
    Guid StoreId,
    Guid UserId,
    string Name,
    IReadOnlyList<WorkshopSkill> Skills,
    Guid? TeamId,
    string? TeamName,
    TimeOnly? ShiftStart,
    TimeOnly? ShiftEnd,
    bool IsActive,
    int Version);

public sealed record WorkshopTeamView(Guid Id, Guid StoreId, string Name, Guid? LeadUserId, string? LeadName, int Version);

/// <summary>A store's technicians and teams, and the staff with a workshop role who have no technician profile yet.</summary>
public sealed record WorkshopStaffView(
    Guid StoreId,
    IReadOnlyList<TechnicianView> Technicians,
    IReadOnlyList<WorkshopTeamView> Teams,
    IReadOnlyList<StaffCandidate> Candidates);

public sealed record StaffCandidate(Guid UserId, string Name);

public sealed record SaveTechnicianRequest(
    IReadOnlyList<WorkshopSkill> Skills,
    Guid? TeamId,
    TimeOnly? ShiftStart,
    TimeOnly? ShiftEnd,
    bool IsActive = true,
    int Version = 0);

public sealed record AddTechnicianRequest(Guid StoreId, Guid UserId, IReadOnlyList<WorkshopSkill> Skills, Guid? TeamId, TimeOnly? ShiftStart, TimeOnly? ShiftEnd);

public sealed record SaveTeamRequest(string Name, Guid? LeadUserId, int Version = 0);

public sealed record AddTeamRequest(Guid StoreId, string Name, Guid? LeadUserId);

internal sealed class SaveTechnicianValidator : AbstractValidator<SaveTechnicianRequest>
{
    public SaveTechnicianValidator()
    {
        RuleForEach(x => x.Skills).IsInEnum();
        RuleFor(x => x.Skills).NotEmpty().WithErrorCode(Technician.SkillsRequired);
    }
}

internal sealed class AddTechnicianValidator : AbstractValidator<AddTechnicianRequest>
{
    public AddTechnicianValidator()
    {
        RuleForEach(x => x.Skills).IsInEnum();
        RuleFor(x => x.Skills).NotEmpty().WithErrorCode(Technician.SkillsRequired);
    }
}

internal sealed class SaveTeamValidator : AbstractValidator<SaveTeamRequest>
{
    public SaveTeamValidator() => RuleFor(x => x.Name).NotEmpty().WithErrorCode("workshop.team_name_required").MaximumLength(WorkshopTeam.NameMaxLength);
}

internal sealed class AddTeamValidator : AbstractValidator<AddTeamRequest>
{
    public AddTeamValidator() => RuleFor(x => x.Name).NotEmpty().WithErrorCode("workshop.team_name_required").MaximumLength(WorkshopTeam.NameMaxLength);
}

/// <summary>Who maintains technicians and teams, and who dispatches.</summary>
public static class WorkshopRoles
{
    public static bool ManagesStaff(ICurrentUser user) =>
        user.IsInRole(StaffRole.Administrator) || user.IsInRole(StaffRole.WorkshopManager) || user.IsInRole(StaffRole.ServiceManager);

    public static bool Dispatches(ICurrentUser user) =>
        ManagesStaff(user) || user.IsInRole(StaffRole.TeamLead);

    internal static readonly string[] WorkshopRoleNames = [nameof(StaffRole.Technician), nameof(StaffRole.TeamLead)];
}

internal static class WorkshopStaff
{
    public static async Task<List<TechnicianView>> TechniciansAsync(AfterSalesDb db, Guid storeId, CancellationToken ct)
    {
        var teams = await db.Set<WorkshopTeam>().AsNoTracking().Where(t => t.StoreId == storeId).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var technicians = await db.Set<Technician>().AsNoTracking().Where(t => t.StoreId == storeId).ToListAsync(ct);
        return technicians
            .OrderBy(t => t.TeamId is { } id ? teams.GetValueOrDefault(id) : null, StringComparer.Ordinal)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => View(t, t.TeamId is { } id ? teams.GetValueOrDefault(id) : null))
            .ToList();
    }

    public static TechnicianView View(Technician t, string? teamName) =>
        new(t.Id, t.StoreId, t.UserId, t.Name, t.Skills, t.TeamId, teamName, t.ShiftStart, t.ShiftEnd, t.IsActive, t.Version);

    public static WorkshopTeamView View(WorkshopTeam t) => new(t.Id, t.StoreId, t.Name, t.LeadUserId, t.LeadName, t.Version);

    /// <summary>A staff member of the store with a workshop role (technician or team lead), by user id.</summary>
    public static async Task<AppUser?> WorkshopUserAsync(AfterSalesDb db, Guid storeId, Guid userId, CancellationToken ct)
    {
        var roleIds = db.Roles.Where(r => WorkshopRoles.WorkshopRoleNames.Contains(r.Name!)).Select(r => r.Id);
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.Stores.Any(s => s.StoreId == storeId) && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .FirstOrDefaultAsync(ct);
    }
}

public sealed class GetWorkshopStaff(AfterSalesDb db, ICurrentUser user)
{
    public async Task<Outcome<WorkshopStaffView>> HandleAsync(Guid storeId, CancellationToken ct)
    {
        if (!user.Scope.Includes(storeId) || !await db.Stores.AnyAsync(s => s.Id == storeId, ct))
        {
            return Outcome<WorkshopStaffView>.NotFound();
        }

        var technicians = await WorkshopStaff.TechniciansAsync(db, storeId, ct);
        var teams = await db.Set<WorkshopTeam>().AsNoTracking().Where(t => t.StoreId == storeId).OrderBy(t => t.Name).ToListAsync(ct);
        var roleIds = db.Roles.Where(r => WorkshopRoles.WorkshopRoleNames.Contains(r.Name!)).Select(r => r.Id);
        var taken = technicians.Select(t => t.UserId).ToHashSet();
        var candidates = (await db.Users.AsNoTracking()
                .Where(u => u.IsActive && u.Stores.Any(s => s.StoreId == storeId) && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
                .Select(u => new StaffCandidate(u.Id, u.DisplayName))
                .ToListAsync(ct))
            .Where(c => !taken.Contains(c.UserId))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        return new WorkshopStaffView(storeId, technicians, teams.Select(WorkshopStaff.View).ToList(), candidates);
    }
}

public sealed class AddTechnician(AfterSalesDb db, ICurrentUser user, RequestValidation validation)
{
    public const string NotWorkshopStaff = "technician.not_workshop_staff";
    public const string AlreadyTechnician = "technician.already_exists";

    public async Task<Outcome<TechnicianView>> HandleAsync(AddTechnicianRequest request, CancellationToken ct)
    {
        if (!WorkshopRoles.ManagesStaff(user))
        {
            return Outcome<TechnicianView>.Forbidden();
        }

        var errors = await validation.CheckAsync(request, ct);
        errors = [.. errors, .. Technician.Check(request.Skills, request.ShiftStart, request.ShiftEnd)];
        if (errors.Count > 0)
        {
            return Outcome<TechnicianView>.Invalid(errors.DistinctBy(e => e.Code).ToList());
        }

        if (!user.Scope.Includes(request.StoreId) || !await db.Stores.AnyAsync(s => s.Id == request.StoreId, ct))
        {
            return Outcome<TechnicianView>.NotFound();
        }

        if (await WorkshopStaff.WorkshopUserAsync(db, request.StoreId, request.UserId, ct) is not { } staff)
        {
            return Outcome<TechnicianView>.Invalid(NotWorkshopStaff, nameof(request.UserId));
        }

        if (await db.Set<Technician>().AnyAsync(t => t.StoreId == request.StoreId && t.UserId == request.UserId, ct))
        {
            return Outcome<TechnicianView>.Conflict(AlreadyTechnician);
        }

        var team = request.TeamId is { } teamId ? await db.Set<WorkshopTeam>().FirstOrDefaultAsync(t => t.Id == teamId && t.StoreId == request.StoreId, ct) : null;
        if (request.TeamId is not null && team is null)
        {
            return Outcome<TechnicianView>.Invalid("workshop.team_not_found", nameof(request.TeamId));
        }

        var technician = Technician.Create(request.StoreId, staff.Id, staff.DisplayName, request.Skills, team?.Id, request.ShiftStart, request.ShiftEnd);
        db.Add(technician);
        await db.SaveChangesAsync(ct);
        return WorkshopStaff.View(technician, team?.Name);
    }
}

public sealed class SaveTechnician(AfterSalesDb db, ICurrentUser user, RequestValidation validation, AccessGuard guard)
{
    public async Task<Outcome<TechnicianView>> HandleAsync(Guid id, SaveTechnicianRequest request, CancellationToken ct)
    {
        if (!WorkshopRoles.ManagesStaff(user))
        {
            return Outcome<TechnicianView>.Forbidden();
        }

        var technician = await db.Set<Technician>().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (technician is null)
        {
            return await guard.NotFoundAsync<Technician, TechnicianView>(id, ct);
        }

        var errors = await validation.CheckAsync(request, ct);
        errors = [.. errors, .. Technician.Check(request.Skills, request.ShiftStart, request.ShiftEnd)];
        if (errors.Count > 0)
        {
            return Outcome<TechnicianView>.Invalid(errors.DistinctBy(e => e.Code).ToList());
        }

        var team = request.TeamId is { } teamId ? await db.Set<WorkshopTeam>().FirstOrDefaultAsync(t => t.Id == teamId && t.StoreId == technician.StoreId, ct) : null;
        if (request.TeamId is not null && team is null)
        {
            return Outcome<TechnicianView>.Invalid("workshop.team_not_found", nameof(request.TeamId));
        }

        if (technician.Version != request.Version)
        {
            return Outcome<TechnicianView>.Conflict();
        }

        technician.Update(request.Skills, team?.Id, request.ShiftStart, request.ShiftEnd, request.IsActive);
        db.Entry(technician).Property(t => t.Version).OriginalValue = request.Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<TechnicianView>.Conflict();
        }

        return WorkshopStaff.View(technician, team?.Name);
    }
}

public sealed class AddWorkshopTeam(AfterSalesDb db, ICurrentUser user, RequestValidation validation)
{
    public async Task<Outcome<WorkshopTeamView>> HandleAsync(AddTeamRequest request, CancellationToken ct)
    {
        if (!WorkshopRoles.ManagesStaff(user))
        {
            return Outcome<WorkshopTeamView>.Forbidden();
        }

        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<WorkshopTeamView>.Invalid(errors);
        }

        if (!user.Scope.Includes(request.StoreId) || !await db.Stores.AnyAsync(s => s.Id == request.StoreId, ct))
        {
            return Outcome<WorkshopTeamView>.NotFound();
        }

        var lead = request.LeadUserId is { } leadId ? await WorkshopStaff.WorkshopUserAsync(db, request.StoreId, leadId, ct) : null;
        if (request.LeadUserId is not null && lead is null)
        {
            return Outcome<WorkshopTeamView>.Invalid(AddTechnician.NotWorkshopStaff, nameof(request.LeadUserId));
        }

        var name = request.Name.Trim();
        if (await db.Set<WorkshopTeam>().AnyAsync(t => t.StoreId == request.StoreId && t.Name == name, ct))
        {
            return Outcome<WorkshopTeamView>.Invalid("workshop.team_name_taken", nameof(request.Name));
        }

        var team = WorkshopTeam.Create(request.StoreId, name, lead?.Id, lead?.DisplayName);
        db.Add(team);
        await db.SaveChangesAsync(ct);
        return WorkshopStaff.View(team);
    }
}

public sealed class SaveWorkshopTeam(AfterSalesDb db, ICurrentUser user, RequestValidation validation, AccessGuard guard)
{
    public async Task<Outcome<WorkshopTeamView>> HandleAsync(Guid id, SaveTeamRequest request, CancellationToken ct)
    {
        if (!WorkshopRoles.ManagesStaff(user))
        {
            return Outcome<WorkshopTeamView>.Forbidden();
        }

        var team = await db.Set<WorkshopTeam>().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null)
        {
            return await guard.NotFoundAsync<WorkshopTeam, WorkshopTeamView>(id, ct);
        }

        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<WorkshopTeamView>.Invalid(errors);
        }

        var lead = request.LeadUserId is { } leadId ? await WorkshopStaff.WorkshopUserAsync(db, team.StoreId, leadId, ct) : null;
        if (request.LeadUserId is not null && lead is null)
        {
            return Outcome<WorkshopTeamView>.Invalid(AddTechnician.NotWorkshopStaff, nameof(request.LeadUserId));
        }

        var name = request.Name.Trim();
        if (await db.Set<WorkshopTeam>().AnyAsync(t => t.StoreId == team.StoreId && t.Name == name && t.Id != id, ct))
        {
            return Outcome<WorkshopTeamView>.Invalid("workshop.team_name_taken", nameof(request.Name));
        }

        if (team.Version != request.Version)
        {
            return Outcome<WorkshopTeamView>.Conflict();
        }

        team.Update(name, lead?.Id, lead?.DisplayName);
        db.Entry(team).Property(t => t.Version).OriginalValue = request.Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<WorkshopTeamView>.Conflict();
        }

        return WorkshopStaff.View(team);
    }
}
