using AfterSales.Domain.Assets;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Features.Warranty;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.RepairOrders;

/// <summary>Asks who pays for a job of an order: the group defaults from the job's skill, the mileage is the order's check-in.</summary>
public sealed record JobPayTypeProposalRequest(WorkshopSkill Skill, ComponentGroup? ComponentGroup = null);

/// <summary>The advisor's pay type for a saved job; anything but <see cref="ProposedPayType"/> needs <see cref="Reason"/>.</summary>
public sealed record JobPayTypeDecisionRequest(ComponentGroup ComponentGroup, PayType ProposedPayType, PayType ChosenPayType, string? Reason = null);

public static class JobComponentGroups
{
    public const string JobKind = "RepairOrderJob";

    /// <summary>
    /// The warranty group most jobs of a skill touch: servicing is wear parts, EV high-voltage work the traction
    /// battery, electrical work the electronic control; mechanical and body work span the car, so the whole-vehicle
    /// terms apply until the advisor names the group the job really touches.
    /// </summary>
    public static ComponentGroup Default(WorkshopSkill skill, AssetKind kind) => kind switch
    {
        AssetKind.Vehicle => skill switch
        {
            WorkshopSkill.Maintenance => ComponentGroup.WearParts,
            WorkshopSkill.Electrical => ComponentGroup.ElectronicControl,
            WorkshopSkill.EvHighVoltage => ComponentGroup.TractionBattery,
            _ => ComponentGroup.WholeVehicle,
        },
        _ => ComponentGroups.WholeGroup(kind),
    };

    public static string JobNumber(string orderNumber, int position) => $"{orderNumber}/{position}";

    /// <summary>The odometer at check-in counts for vehicles; other assets have none.</summary>
    internal static int? Mileage(RepairOrder order, AssetKind kind) => kind == AssetKind.Vehicle ? order.MileageKm : null;
}

public sealed class ProposeJobPayType(AfterSalesDb db, ProposePayType propose, AccessGuard guard)
{
    public async Task<Outcome<ProposalView>> HandleAsync(Guid orderId, JobPayTypeProposalRequest request, CancellationToken ct)
    {
        var order = await db.Set<RepairOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return await guard.NotFoundAsync<RepairOrder, ProposalView>(orderId, ct);
        }

        var kind = await db.Assets.Where(a => a.Id == order.AssetId).Select(a => a.Kind).FirstAsync(ct);
        var group = request.ComponentGroup ?? JobComponentGroups.Default(request.Skill, kind);
        return await propose.HandleAsync(new ProposalRequest(order.AssetId, group, JobComponentGroups.Mileage(order, kind)), ct);
    }
}

/// <summary>Records the pay type of a saved job through the warranty decisions, naming the job as "RO-…/n".</summary>
public sealed class DecideJobPayType(AfterSalesDb db, RecordDecision record, AccessGuard guard)
{
    public async Task<Outcome<DecisionView>> HandleAsync(Guid orderId, Guid jobId, JobPayTypeDecisionRequest request, CancellationToken ct)
    {
        var order = await db.Set<RepairOrder>().AsNoTracking().Include(o => o.Jobs).FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return await guard.NotFoundAsync<RepairOrder, DecisionView>(orderId, ct);
        }

        if (order.Jobs.FirstOrDefault(j => j.Id == jobId) is not { } job)
        {
            return Outcome<DecisionView>.NotFound();
        }

        var kind = await db.Assets.Where(a => a.Id == order.AssetId).Select(a => a.Kind).FirstAsync(ct);
        var reference = new JobReferenceInput(JobComponentGroups.JobKind, job.Id, JobComponentGroups.JobNumber(order.Number, job.Position));
        return await record.HandleAsync(
            new RecordDecisionRequest(order.AssetId, request.ComponentGroup, JobComponentGroups.Mileage(order, kind), request.ProposedPayType, request.ChosenPayType, request.Reason, reference), ct);
    }
}
