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

    /// <summary>What the job repairs, for the 三包 ledger; kept as saved so a save from the editor does not drop it.</summary>
    public JobFault? Fault { get; set; }

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

    public static JobForm From(RepairJobView job)
    {
        var form = new JobForm { Id = job.Id, Status = job.Status, LabourOperationId = job.LabourOperationId ?? Guid.Empty, Code = job.OperationCode, Name = job.Name, Skill = job.Skill, Hours = job.Hours, PayType = job.PayType, Note = job.Note, Fault = job.Fault };
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
