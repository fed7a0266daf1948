using AfterSales.Domain.Assets;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Domain.ThreeGuarantees;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Features.Labour;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Features.Warranty;

namespace AfterSales.Web.Components.Pages.RepairOrders;

/// <summary>A job as the editor holds it until it is saved.</summary>
public sealed class JobForm
{
    public Guid? Id { get; init; }

    public Guid LabourOperationId { get; init; }

    public string Code { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public WorkshopSkill Skill { get; init; }

    public decimal Hours { get; set; }

    public PayType PayType { get; set; } = PayType.Customer;

    /// <summary>The saved job's state; a job added in the editor is work the customer is asked to agree to.</summary>
    public RepairJobStatus Status { get; init; } = RepairJobStatus.Pending;

    public string? Note { get; set; }

    /// <summary>The system the job repairs, for the 三包 ledger; none for a service or an accessory (nothing else of the fault is sent then).</summary>
    public FaultSystem? FaultSystem { get; set; }

    public string? FaultCode { get; set; }

    public bool QualityProblem { get; set; }

    public bool SeriousSafetyFault { get; set; }

    public EarlySeriousFault? EarlyFault { get; set; }

    /// <summary>The fault as the editor sends it; the domain checks it (the early failure's system, the code).</summary>
    public JobFault? Fault => FaultSystem is { } system
        ? new JobFault(system, FaultCode ?? string.Empty, QualityProblem, SeriousSafetyFault, EarlyFault)
        : null;

    /// <summary>Picking one of the five early failures picks its system and marks it a serious safety fault, as the regulation classes it.</summary>
    public void PickEarlyFault(EarlySeriousFault? fault)
    {
        EarlyFault = fault;
        if (fault is { } early)
        {
            FaultSystem = JobFault.SystemOf(early);
            SeriousSafetyFault = true;
        }
    }

    public IEnumerable<MainComponentMark> Marks => Parts.Select(p => new MainComponentMark(p.MainComponentOf, p.MainComponentOf is not null && p.WholeAssembly));

    public List<PartForm> Parts { get; } = [];

    /// <summary>The warranty group the job touches; proposals and decisions are for this group.</summary>
    public ComponentGroup? Group { get; set; }

    public PayType? ProposedPayType { get; set; }

    public string? ProposedReason { get; set; }

    /// <summary>The pay type last recorded as a warranty decision for this job.</summary>
    public PayType? Decided { get; set; }

    public string? OverrideReason { get; set; }

    public bool IsOverride => ProposedPayType is { } proposed && PayType != proposed;

    /// <summary>A proposal was shown and what the advisor chose is not on record yet.</summary>
    public bool NeedsDecision => ProposedPayType is not null && Group is not null && Decided != PayType;

    public bool MissesReason => NeedsDecision && IsOverride && string.IsNullOrWhiteSpace(OverrideReason);

    public void Show(ProposalView proposal)
    {
        Group = proposal.ComponentGroup;
        ProposedPayType = proposal.PayType;
        ProposedReason = proposal.Reason;
        Decided = null;
        OverrideReason = null;
        PayType = proposal.PayType;
    }

    public void Show(DecisionView decision)
    {
        Group = decision.ComponentGroup;
        ProposedPayType = decision.Proposed;
        ProposedReason = decision.ProposedReason;
        Decided = decision.Chosen;
        OverrideReason = decision.Reason;
    }

    /// <summary>The systems a fault of this kind of asset is recorded on: a car's systems as the regulation names them, an appliance's or phone's main unit.</summary>
    public static IReadOnlyList<FaultSystem> SystemsFor(AssetKind kind) => kind switch
    {
        AssetKind.Vehicle => [.. Enum.GetValues<FaultSystem>().Where(s => s != Domain.ThreeGuarantees.FaultSystem.MainUnit)],
        AssetKind.Appliance or AssetKind.Phone => [Domain.ThreeGuarantees.FaultSystem.MainUnit, Domain.ThreeGuarantees.FaultSystem.Electrical, Domain.ThreeGuarantees.FaultSystem.Other],
    };

    public static JobForm From(RepairJobView job)
    {
        var form = new JobForm
        {
            Id = job.Id,
            Status = job.Status,
            LabourOperationId = job.LabourOperationId ?? Guid.Empty,
            Code = job.OperationCode,
            Name = job.Name,
            Skill = job.Skill,
            Hours = job.Hours,
            PayType = job.PayType,
            Note = job.Note,
            FaultSystem = job.Fault?.System,
            FaultCode = job.Fault?.FaultCode,
            QualityProblem = job.Fault?.QualityProblem ?? false,
            SeriousSafetyFault = job.Fault?.SeriousSafetyFault ?? false,
            EarlyFault = job.Fault?.EarlyFault,
        };
        form.Parts.AddRange(job.Parts.Select(p => new PartForm { PartId = p.PartId, PartNumber = p.PartNumber, Name = p.Name, Quantity = p.Quantity, UnitPrice = p.UnitPrice, MainComponentOf = p.MainComponentOf, WholeAssembly = p.WholeAssembly }));
        return form;
    }

    public static JobForm From(LabourOperationView operation) =>
        new() { LabourOperationId = operation.Id, Code = operation.Code, Name = operation.Name, Skill = operation.Skill, Hours = operation.StandardHours };

    public JobRequest ToRequest() =>
        new(LabourOperationId, PayType, Hours, Note, Parts.Select(p => new PartLineRequest(p.PartNumber, p.Name, p.Quantity, p.UnitPrice, p.PartId, p.MainComponentOf, p.WholeAssembly)).ToList(), Id, Fault);

    /// <summary>The editor's totals, by the order's one calculation: declined and proposed jobs are not counted.</summary>
    public static RepairOrderTotals TotalsOf(IEnumerable<JobForm> jobs, decimal labourRate, decimal discountPercent, decimal taxRate) =>
        RepairOrderTotals.Of(jobs.Select(j => (j.Status, j.PayType, j.LabourAmount(labourRate), j.PartsAmount)), discountPercent, taxRate);

    public decimal LabourAmount(decimal rate) => RepairOrderTotals.LabourAmount(Hours, rate);

    public decimal PartsAmount => Parts.Sum(p => RepairOrderTotals.PartAmount(p.Quantity, p.UnitPrice));
}

public sealed class PartForm
{
    public Guid? PartId { get; init; }

    public string PartNumber { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public decimal Quantity { get; set; } = 1m;

    public decimal UnitPrice { get; set; }

    public FaultSystem? MainComponentOf { get; set; }

    public bool WholeAssembly { get; set; }
}
