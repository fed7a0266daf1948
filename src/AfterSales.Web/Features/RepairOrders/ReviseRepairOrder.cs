using AfterSales.Domain.Labour;
using AfterSales.Domain.Parts;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Domain.ThreeGuarantees;
using AfterSales.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.RepairOrders;

/// <summary>
/// A part line. With <see cref="PartId"/> the number, name and price come from the parts catalogue (what is sent
/// for them is ignored); without it the line is written by hand, for a customer's own part or outside work.
/// <see cref="MainComponentOf"/> marks the part a main component of that system for the 三包 ledger, <see cref="WholeAssembly"/> the whole assembly.
/// </summary>
public sealed record PartLineRequest(string PartNumber, string Name, decimal Quantity, decimal UnitPrice, Guid? PartId = null, FaultSystem? MainComponentOf = null, bool WholeAssembly = false);

/// <summary>
/// A job: an operation of the store's catalogue, the hours charged (its standard hours unless given), who pays, and its parts;
/// <see cref="Fault"/> what it repairs, for the 三包 ledger (null for a service or an accessory).
/// </summary>
public sealed record JobRequest(Guid LabourOperationId, PayType PayType, decimal? Hours = null, string? Note = null, IReadOnlyList<PartLineRequest>? Parts = null, Guid? Id = null, JobFault? Fault = null);

/// <summary>The whole editable order as the editor holds it; <see cref="Version"/> is the version the editor started from.</summary>
public sealed record ReviseRepairOrderRequest(
    int Version,
    string CustomerWords,
    IReadOnlyList<JobRequest> Jobs,
    decimal DiscountPercent = 0m,
    string? DiscountReason = null,
    DateTimeOffset? PromisedAt = null,
    PaymentMethod PaymentMethod = PaymentMethod.WeChatPay,
    OldPartsHandling OldParts = OldPartsHandling.CustomerTakes,
    bool FreeWash = false,
    decimal? ExtraWorkPreApprovedLimit = null);

internal sealed class ReviseRepairOrderValidator : AbstractValidator<ReviseRepairOrderRequest>
{
    public ReviseRepairOrderValidator()
    {
        RuleFor(x => x.CustomerWords).NotEmpty().WithErrorCode("repair_order.customer_words_required").MaximumLength(RepairOrder.CustomerWordsMaxLength);
        RuleFor(x => x.Jobs).NotNull().Must(j => j is null || j.Count <= RepairOrder.MaxJobs).WithErrorCode("repair_order.too_many_jobs");
        RuleForEach(x => x.Jobs).ChildRules(job =>
        {
            job.RuleFor(j => j.LabourOperationId).NotEmpty().WithErrorCode("repair_order.operation_required");
            job.RuleFor(j => j.PayType).IsInEnum();
            job.RuleFor(j => j.Hours).InclusiveBetween(LabourOperation.MinHours, LabourOperation.MaxHours).WithErrorCode("labour.hours_invalid");
            job.RuleFor(j => j.Note).MaximumLength(RepairOrder.JobNoteMaxLength);
            job.RuleFor(j => j.Fault!.System).IsInEnum().When(j => j.Fault is not null);
            job.RuleFor(j => j.Fault!.EarlyFault).IsInEnum().When(j => j.Fault is not null);
            job.RuleFor(j => j.Fault!.FaultCode).NotEmpty().WithErrorCode(JobFault.CodeRequired).MaximumLength(JobFault.FaultCodeMaxLength).When(j => j.Fault is not null);
            job.RuleFor(j => j.Parts).Must(p => p is null || p.Count <= RepairOrder.MaxPartsPerJob).WithErrorCode("repair_order.too_many_parts");
            job.RuleForEach(j => j.Parts).ChildRules(part =>
            {
                part.RuleFor(p => p.PartNumber).NotEmpty().WithErrorCode("repair_order.part_number_required").MaximumLength(RepairOrder.PartNumberMaxLength);
                part.RuleFor(p => p.Name).NotEmpty().WithErrorCode("repair_order.part_name_required").MaximumLength(RepairOrder.PartNameMaxLength);
                part.RuleFor(p => p.Quantity).GreaterThan(0).WithErrorCode("repair_order.quantity_invalid").LessThanOrEqualTo(RepairOrder.MaxQuantity).WithErrorCode("repair_order.quantity_invalid");
                part.RuleFor(p => p.UnitPrice).InclusiveBetween(0, RepairOrder.MaxUnitPrice).WithErrorCode("repair_order.unit_price_invalid");
                part.RuleFor(p => p.MainComponentOf).IsInEnum();
            });
        });
        RuleFor(x => x.DiscountPercent).InclusiveBetween(0, 100).WithErrorCode("repair_order.discount_invalid");
        RuleFor(x => x.DiscountReason).NotEmpty().WithErrorCode("repair_order.discount_reason_required").When(x => x.DiscountPercent > 0);
        RuleFor(x => x.DiscountReason).MaximumLength(RepairOrder.ReasonMaxLength);
        RuleFor(x => x.PaymentMethod).IsInEnum();
        RuleFor(x => x.OldParts).IsInEnum();
        RuleFor(x => x.ExtraWorkPreApprovedLimit).InclusiveBetween(0, RepairOrder.MaxUnitPrice).WithErrorCode("repair_order.extra_work_limit_invalid");
    }
}

public sealed class ReviseRepairOrder(RepairOrderGate gate, RequestValidation validation)
{
    public async Task<Outcome<RepairOrderView>> HandleAsync(Guid id, ReviseRepairOrderRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<RepairOrderView>.Invalid(errors);
        }

        return await gate.ChangeAsync(id, request.Version, async (order, actor) =>
        {
            if (request.PromisedAt is { } promised && promised < order.OpenedAt)
            {
                return Outcome<RepairOrderView>.Invalid("repair_order.promised_before_opening", nameof(request.PromisedAt));
            }

            // Operations come from this order's store only; an operation retired since it was put on the order may stay on it.
            var operationIds = request.Jobs.Select(j => j.LabourOperationId).Distinct().ToList();
            var operations = await gate.Db.Set<LabourOperation>().AsNoTracking()
                .Where(o => o.StoreId == order.StoreId && operationIds.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, ct);
            var onOrder = order.Jobs.Select(j => j.LabourOperationId).ToHashSet();
            var partIds = request.Jobs.SelectMany(j => j.Parts ?? []).Select(p => p.PartId).OfType<Guid>().Distinct().ToList();
            var catalogue = await gate.Db.Set<Part>().AsNoTracking().Where(p => partIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            var partsOnOrder = order.Jobs.SelectMany(j => j.Parts).Select(p => p.PartId).ToHashSet();
            var jobs = new List<JobInput>();
            for (var i = 0; i < request.Jobs.Count; i++)
            {
                var job = request.Jobs[i];
                if (!operations.TryGetValue(job.LabourOperationId, out var operation) || (!operation.IsActive && !onOrder.Contains(operation.Id)))
                {
                    return Outcome<RepairOrderView>.Invalid("repair_order.operation_unknown", $"Jobs[{i}].LabourOperationId");
                }

                var parts = new List<PartLineInput>();
                for (var k = 0; k < (job.Parts ?? []).Count; k++)
                {
                    var line = job.Parts![k];
                    if (line.PartId is not { } partId)
                    {
                        parts.Add(new PartLineInput(null, line.PartNumber, line.Name, line.Quantity, line.UnitPrice, line.MainComponentOf, line.WholeAssembly));
                        continue;
                    }

                    // A part withdrawn from the catalogue since it was put on the order may stay; a new line needs an active part.
                    if (!catalogue.TryGetValue(partId, out var part) || (!part.IsActive && !partsOnOrder.Contains(partId)))
                    {
                        return Outcome<RepairOrderView>.Invalid("repair_order.part_unknown", $"Jobs[{i}].Parts[{k}].PartId");
                    }

                    parts.Add(new PartLineInput(part.Id, part.Number, part.NameZh, line.Quantity, part.ListPrice, line.MainComponentOf, line.WholeAssembly));
                }

                jobs.Add(new JobInput(job.Id, operation.Id, operation.Code, operation.NameZh, operation.NameEn, operation.Skill, job.Hours ?? operation.StandardHours, job.PayType, job.Note, parts, job.Fault));
            }

            var content = new RepairOrderContent(
                request.CustomerWords, jobs, request.DiscountPercent, request.DiscountReason, request.PromisedAt, request.PaymentMethod, request.OldParts,
                request.FreeWash, request.ExtraWorkPreApprovedLimit);
            return order.Revise(content, actor, gate.Now) is { } refusal ? RepairOrderGate.Refused(refusal) : null;
        }, ct);
    }
}

/// <summary>Records or corrects the walk-around of a draft order.</summary>
public sealed record RecordCheckInRequest(int Version, CheckInRequest CheckIn);

internal sealed class RecordCheckInValidator : AbstractValidator<RecordCheckInRequest>
{
    public RecordCheckInValidator() => RuleFor(x => x.CheckIn).NotNull().SetValidator(new CheckInRequestValidator());
}

public sealed class RecordCheckIn(RepairOrderGate gate, RequestValidation validation)
{
    public async Task<Outcome<RepairOrderView>> HandleAsync(Guid id, RecordCheckInRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        return errors.Count > 0
            ? Outcome<RepairOrderView>.Invalid(errors)
            : await gate.MoveAsync(id, request.Version, (order, actor) => order.RecordCheckIn(request.CheckIn.ToDetails(), actor, gate.Now), ct);
    }
}

public sealed record RepairOrderVersionRequest(int Version);

/// <summary>A manager (or anyone whose limit covers it) approves the pending discount.</summary>
public sealed class ApproveDiscount(RepairOrderGate gate)
{
    public async Task<Outcome<RepairOrderView>> HandleAsync(Guid id, RepairOrderVersionRequest request, CancellationToken ct) =>
        await gate.ChangeAsync(id, request.Version, (order, actor) =>
        {
            var refusal = order.ApproveDiscount(actor, gate.Now);
            return Task.FromResult(refusal switch
            {
                null => null,
                { Code: "repair_order.discount_above_your_limit" } => Outcome<RepairOrderView>.Forbidden(refusal.Code),
                _ => RepairOrderGate.Refused(refusal),
            });
        }, ct);
}
