using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Workshop;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Workshop;

/// <summary>
/// Gives a job to a technician (by the technician's user id). A job that already has a technician and is assigned
/// or paused is reassigned, which needs a reason. <see cref="Version"/> is the order's version the dispatcher saw.
/// </summary>
public sealed record AssignJobRequest(Guid TechnicianId, string? Reason, int Version);

public sealed record CustomerWaitingRequest(bool Waiting, int Version);

internal sealed class AssignJobValidator : AbstractValidator<AssignJobRequest>
{
    public AssignJobValidator()
    {
        RuleFor(x => x.TechnicianId).NotEmpty().WithErrorCode(RepairOrder.TechnicianRequired);
        RuleFor(x => x.Reason).MaximumLength(RepairOrder.ReasonMaxLength);
    }
}

/// <summary>
/// The dispatch rules on top of <see cref="RepairOrder.AssignJob"/>: the technician must be an active technician of
/// the order's store and must have the job's skill. A skill mismatch is refused, not warned about: the skills are
/// the workshop's record of who is qualified (high-voltage work needs a certificate), so letting someone do work
/// outside them is decided by adding the skill to their profile, which is audited, rather than case by case.
/// </summary>
internal static class DispatchRules
{
    public const string TechnicianNotFound = "dispatch.technician_not_found";
    public const string SkillMismatch = "dispatch.skill_mismatch";
    public const string Forbidden = "dispatch.forbidden";

    public static Domain.Common.FieldError? Assign(RepairOrder order, Guid jobId, Technician? technician, RepairOrderActor actor, string? reason, DateTimeOffset now)
    {
        if (order.FindJob(jobId) is not { } job)
        {
            return new Domain.Common.FieldError(RepairOrder.JobNotFound);
        }

        if (technician is null || !technician.IsActive || technician.StoreId != order.StoreId)
        {
            return new Domain.Common.FieldError(TechnicianNotFound, "TechnicianId");
        }

        if (!technician.Has(job.Skill))
        {
            return new Domain.Common.FieldError(SkillMismatch);
        }

        return order.AssignJob(jobId, technician.UserId, technician.Name, actor, reason, now);
    }

    public static Task<Technician?> TechnicianAsync(AfterSalesDb db, Guid storeId, Guid userId, CancellationToken ct) =>
        db.Set<Technician>().AsNoTracking().FirstOrDefaultAsync(t => t.StoreId == storeId && t.UserId == userId, ct);
}

public sealed class AssignRepairJob(RepairOrderGate gate, RequestValidation validation, ICurrentUser user)
{
    public async Task<Outcome<RepairOrderView>> HandleAsync(Guid orderId, Guid jobId, AssignJobRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<RepairOrderView>.Invalid(errors);
        }

        // The order is looked up first, so that another store's id answers 404 whoever asks.
        return await gate.ChangeAsync(orderId, request.Version, async (order, actor) =>
        {
            if (!WorkshopRoles.Dispatches(user))
            {
                return Outcome<RepairOrderView>.Forbidden(DispatchRules.Forbidden);
            }

            if (order.FindJob(jobId) is null)
            {
                return Outcome<RepairOrderView>.NotFound();
            }

            var technician = await DispatchRules.TechnicianAsync(gate.Db, order.StoreId, request.TechnicianId, ct);
            return DispatchRules.Assign(order, jobId, technician, actor, request.Reason, gate.Now) is { } refusal ? RepairOrderGate.Refused(refusal) : null;
        }, ct);
    }
}

/// <summary>Marks that the customer waits in the store (等修), which puts the order's jobs ahead on the board.</summary>
public sealed class SetCustomerWaiting(RepairOrderGate gate, ICurrentUser user)
{
    public async Task<Outcome<RepairOrderView>> HandleAsync(Guid orderId, CustomerWaitingRequest request, CancellationToken ct)
    {
        var allowed = WorkshopRoles.Dispatches(user) || user.IsInRole(Domain.Staff.StaffRole.ServiceAdvisor);
        return await gate.ChangeAsync(orderId, request.Version, (order, _) => Task.FromResult<Outcome<RepairOrderView>?>(
            !allowed ? Outcome<RepairOrderView>.Forbidden(DispatchRules.Forbidden)
            : order.MarkCustomerWaiting(request.Waiting) is { } refusal ? RepairOrderGate.Refused(refusal) : null), ct);
    }
}
