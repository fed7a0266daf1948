using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Web.Features.Labour;
using AfterSales.Web.Features.RepairOrders;

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

    public string? Note { get; set; }

    public List<PartForm> Parts { get; } = [];

    public static JobForm From(RepairJobView job)
    {
        var form = new JobForm { Id = job.Id, LabourOperationId = job.LabourOperationId ?? Guid.Empty, Code = job.OperationCode, Name = job.Name, Skill = job.Skill, Hours = job.Hours, PayType = job.PayType, Note = job.Note };
        form.Parts.AddRange(job.Parts.Select(p => new PartForm { PartId = p.PartId, PartNumber = p.PartNumber, Name = p.Name, Quantity = p.Quantity, UnitPrice = p.UnitPrice }));
        return form;
    }

    public static JobForm From(LabourOperationView operation) =>
        new() { LabourOperationId = operation.Id, Code = operation.Code, Name = operation.Name, Skill = operation.Skill, Hours = operation.StandardHours };

    public JobRequest ToRequest() =>
        new(LabourOperationId, PayType, Hours, Note, Parts.Select(p => new PartLineRequest(p.PartNumber, p.Name, p.Quantity, p.UnitPrice, p.PartId)).ToList(), Id);

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
}
