using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Staff;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints;

/// <summary>The acknowledgement to the customer (受理确认); <see cref="Version"/> is the version the user saw.</summary>
public sealed record AcknowledgeComplaintRequest(int Version, string? Note = null);

/// <summary>Hands the complaint to a specialist, who starts investigating.</summary>
public sealed record StartInvestigationRequest(int Version, Guid SpecialistId, string? Note = null);

internal sealed class AcknowledgeComplaintValidator : AbstractValidator<AcknowledgeComplaintRequest>
{
    public AcknowledgeComplaintValidator() => RuleFor(x => x.Note).MaximumLength(Complaint.ReasonMaxLength);
}

internal sealed class StartInvestigationValidator : AbstractValidator<StartInvestigationRequest>
{
    public StartInvestigationValidator()
    {
        RuleFor(x => x.SpecialistId).NotEmpty().WithErrorCode("complaint.specialist_required");
        RuleFor(x => x.Note).MaximumLength(Complaint.ReasonMaxLength);
    }
}

/// <summary>
/// The one gate for status moves: loads the complaint in the user's stores, applies the move with the
/// editor's version, and maps a refused move and a concurrent save to 409 with their codes.
/// </summary>
public sealed class ComplaintGate(AfterSalesDb db, ICurrentUser user, AccessGuard guard, TimeProvider clock)
{
    public const string ChangedBySomeoneElse = "complaint.changed_by_someone_else";

    internal Actor Actor => new(user.UserId, user.UserName);

    internal DateTimeOffset Now => clock.GetUtcNow();

    internal async Task<Outcome<ComplaintView>> MoveAsync(Guid id, int version, Func<Complaint, Task<Outcome<ComplaintView>?>>? check, Func<Complaint, FieldError?> move, CancellationToken ct)
    {
        var complaint = await db.Set<Complaint>().Include(c => c.Actions).Include(c => c.Capas).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null)
        {
            return await guard.NotFoundAsync<Complaint, ComplaintView>(id, ct);
        }

        if (check is not null && await check(complaint) is { } refused)
        {
            return refused;
        }

        if (complaint.Version != version)
        {
            return Outcome<ComplaintView>.Conflict(ChangedBySomeoneElse);
        }

        if (move(complaint) is { } refusal)
        {
            // A refusal about a field is bad input (400); one about the complaint's state is a conflict (409).
            return refusal.Field is null ? Outcome<ComplaintView>.Conflict(refusal.Code) : Outcome<ComplaintView>.Invalid(refusal.Code, refusal.Field);
        }

        db.Entry(complaint).Property(c => c.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ComplaintView>.Conflict(ChangedBySomeoneElse);
        }

        return await ComplaintViews.ViewAsync(db, complaint, user.SeesFullContact, ct);
    }
}

public sealed class AcknowledgeComplaint(ComplaintGate gate, RequestValidation validation, Handling.ComplaintAssigner assigner)
{
    public async Task<Outcome<ComplaintView>> HandleAsync(Guid id, AcknowledgeComplaintRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ComplaintView>.Invalid(errors);
        }

        // Rules an administrator added after the intake still apply when the complaint is acknowledged.
        Handling.RuleAssignment? assignment = null;
        return await gate.MoveAsync(
            id,
            request.Version,
            async c =>
            {
                assignment = await assigner.ForAsync(c.StoreId, c.Category, ct);
                return null;
            },
            c =>
            {
                var refusal = c.Acknowledge(gate.Actor, request.Note, gate.Now);
                if (refusal is null)
                {
                    assignment?.ApplyTo(c, gate.Actor, gate.Now);
                }

                return refusal;
            },
            ct);
    }
}

public sealed class StartInvestigation(ComplaintGate gate, RequestValidation validation, ICurrentUser user, ListSpecialists specialists)
{
    /// <summary>Who may hand a complaint to a specialist.</summary>
    public static bool MayAssign(ICurrentUser user) =>
        user.IsInRole(StaffRole.ComplaintSpecialist) || user.IsInRole(StaffRole.ServiceManager) || user.IsInRole(StaffRole.Administrator);

    public async Task<Outcome<ComplaintView>> HandleAsync(Guid id, StartInvestigationRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ComplaintView>.Invalid(errors);
        }

        return await gate.MoveAsync(
            id,
            request.Version,
            async complaint =>
            {
                if (!MayAssign(user))
                {
                    return Outcome<ComplaintView>.Forbidden("complaint.assign_forbidden");
                }

                var candidates = await specialists.HandleAsync(complaint.StoreId, ct);
                return candidates.Any(s => s.Id == request.SpecialistId)
                    ? null
                    : Outcome<ComplaintView>.Invalid("complaint.specialist_invalid", nameof(request.SpecialistId));
            },
            c => c.StartInvestigation(request.SpecialistId, gate.Actor, request.Note, gate.Now),
            ct);
    }
}

public sealed record SpecialistView(Guid Id, string DisplayName);

/// <summary>Active complaint specialists and service managers of a store: who can take a complaint there.</summary>
public sealed class ListSpecialists(AfterSalesDb db, ICurrentUser user)
{
    private static readonly string[] Roles = [nameof(StaffRole.ComplaintSpecialist), nameof(StaffRole.ServiceManager)];

    public async Task<IReadOnlyList<SpecialistView>> HandleAsync(Guid storeId, CancellationToken ct)
    {
        if (!user.Scope.Includes(storeId))
        {
            return [];
        }

        var roleIds = db.Roles.Where(r => Roles.Contains(r.Name!)).Select(r => r.Id);
        var userIds = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return await db.Users
            .Where(u => u.IsActive && userIds.Contains(u.Id) && db.UserStores.Any(s => s.UserId == u.Id && s.StoreId == storeId))
            .OrderBy(u => u.DisplayName)
            .Select(u => new SpecialistView(u.Id, u.DisplayName))
            .ToListAsync(ct);
    }
}

/// <summary>The store's technicians, to name the one whose work a complaint is about.</summary>
public sealed class ListTechnicians(AfterSalesDb db, ICurrentUser user)
{
    private static readonly string[] Roles = [nameof(StaffRole.Technician), nameof(StaffRole.TeamLead)];

    public async Task<IReadOnlyList<SpecialistView>> HandleAsync(Guid storeId, CancellationToken ct)
    {
        if (!user.Scope.Includes(storeId))
        {
            return [];
        }

        var roleIds = db.Roles.Where(r => Roles.Contains(r.Name!)).Select(r => r.Id);
        var userIds = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return await db.Users
            .Where(u => u.IsActive && userIds.Contains(u.Id) && db.UserStores.Any(s => s.UserId == u.Id && s.StoreId == storeId))
            .OrderBy(u => u.DisplayName)
            .Select(u => new SpecialistView(u.Id, u.DisplayName))
            .ToListAsync(ct);
    }
}
