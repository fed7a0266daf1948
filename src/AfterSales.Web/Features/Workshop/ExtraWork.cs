using AfterSales.Domain.Labour;
using AfterSales.Domain.Parts;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Features.Files;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Workshop;

/// <summary>Something found while working; <see cref="JobId"/> is the job it was found on, if any.</summary>
public sealed record ReportFindingRequest(int Version, string Text, bool SafetyCritical = false, Guid? JobId = null);

/// <summary>The advisor prices extra work (from a finding, or on its own) as a proposed job: an operation of the catalogue and its parts.</summary>
public sealed record ProposeExtraWorkRequest(int Version, JobRequest Job, bool SafetyCritical = false, Guid? FindingId = null);

/// <summary>The customer's answer in person, signed on screen.</summary>
public sealed record DecideExtraWorkRequest(int Version, ExtraWorkDecision Decision, string SignerName, string SignaturePng);

/// <summary>What happened to an old part of the job.</summary>
public sealed record RecordOldPartRequest(int Version, string Description, decimal Quantity, OldPartDisposition Disposition, Guid? WarrantyClaimId = null, string? Note = null);

internal sealed class ReportFindingValidator : AbstractValidator<ReportFindingRequest>
{
    public ReportFindingValidator() =>
        RuleFor(x => x.Text).NotEmpty().WithErrorCode("repair_job.finding_text_required").MaximumLength(RepairOrder.FindingTextMaxLength);
}

internal sealed class ProposeExtraWorkValidator : AbstractValidator<ProposeExtraWorkRequest>
{
    public ProposeExtraWorkValidator() =>
        RuleFor(x => x.Job).NotNull().Must(j => j is null || j.Id is null)
            .WithErrorCode("repair_order.operation_required");
}

internal sealed class DecideExtraWorkValidator : AbstractValidator<DecideExtraWorkRequest>
{
    public DecideExtraWorkValidator()
    {
        RuleFor(x => x.Decision).IsInEnum();
        RuleFor(x => x.SignerName).NotEmpty().WithErrorCode("repair_order.signer_required").MaximumLength(RepairOrder.SignerNameMaxLength);
        RuleFor(x => x.SignaturePng).Must(s => SignatureImages.Decode(s) is not null).WithErrorCode("repair_order.signature_invalid");
    }
}

internal sealed class RecordOldPartValidator : AbstractValidator<RecordOldPartRequest>
{
    public RecordOldPartValidator()
    {
        RuleFor(x => x.Description).NotEmpty().WithErrorCode("repair_job.old_part_description_required").MaximumLength(RepairOrder.PartNameMaxLength);
        RuleFor(x => x.Quantity).GreaterThan(0).WithErrorCode(RepairOrder.OldPartQuantityInvalid).LessThanOrEqualTo(RepairOrder.MaxQuantity).WithErrorCode(RepairOrder.OldPartQuantityInvalid);
        RuleFor(x => x.Disposition).IsInEnum();
        RuleFor(x => x.Note).MaximumLength(RepairOrder.ReasonMaxLength);
    }
}

/// <summary>
/// Extra work (增项): findings, proposals with price, the customer's answer in person, old parts. The same handler
/// serves the API and the pages.
/// </summary>
public sealed class ExtraWork(RepairOrderGate gate, AfterSalesDb db, AccessGuard guard, RequestValidation validation)
{
    public async Task<Outcome<ExtraWorkView>> GetAsync(Guid orderId, CancellationToken ct)
    {
        var order = await RepairOrderViews.LoadAsync(db, orderId, tracking: false, ct);
        return order is null ? await guard.NotFoundAsync<RepairOrder, ExtraWorkView>(orderId, ct) : await TechnicianViews.ExtraWorkAsync(db, order, ct);
    }

    public async Task<Outcome<JobFindingView>> ReportFindingAsync(Guid orderId, ReportFindingRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<JobFindingView>.Invalid(errors);
        }

        JobFinding? finding = null;
        var saved = await gate.ChangeAsync(orderId, request.Version, (order, actor) =>
            Task.FromResult(order.ReportFinding(request.JobId, request.Text, request.SafetyCritical, actor, gate.Now, out finding) is { } refusal
                ? refusal.Code == RepairOrder.JobNotFound ? Outcome<RepairOrderView>.Invalid(refusal.Code, nameof(request.JobId)) : RepairOrderGate.Refused(refusal)
                : null), ct);
        return saved.IsOk ? TechnicianViews.Finding(finding!) : saved.As<JobFindingView>();
    }

    public async Task<Outcome<ExtraWorkView>> ProposeAsync(Guid orderId, ProposeExtraWorkRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ExtraWorkView>.Invalid(errors);
        }

        var saved = await gate.ChangeAsync(orderId, request.Version, async (order, actor) =>
        {
            await db.Entry(order).Collection(o => o.Findings).LoadAsync(ct);
            await db.Entry(order).Collection(o => o.ExtraWorkApprovals).LoadAsync(ct);
            var job = request.Job;
            var operation = await db.Set<LabourOperation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == job.LabourOperationId && o.StoreId == order.StoreId && o.IsActive, ct);
            if (operation is null)
            {
                return Outcome<RepairOrderView>.Invalid("repair_order.operation_unknown", "Job.LabourOperationId");
            }

            var parts = new List<PartLineInput>();
            var lines = job.Parts ?? [];
            var partIds = lines.Select(p => p.PartId).OfType<Guid>().ToList();
            var catalogue = await db.Set<Part>().AsNoTracking().Where(p => partIds.Contains(p.Id) && p.IsActive).ToDictionaryAsync(p => p.Id, ct);
            for (var k = 0; k < lines.Count; k++)
            {
                var line = lines[k];
                if (line.Quantity <= 0 || line.Quantity > RepairOrder.MaxQuantity)
                {
                    return Outcome<RepairOrderView>.Invalid("repair_order.quantity_invalid", $"Job.Parts[{k}].Quantity");
                }

                if (line.PartId is not { } partId)
                {
                    if (string.IsNullOrWhiteSpace(line.PartNumber) || string.IsNullOrWhiteSpace(line.Name) || line.UnitPrice < 0 || line.UnitPrice > RepairOrder.MaxUnitPrice)
                    {
                        return Outcome<RepairOrderView>.Invalid("repair_order.part_name_required", $"Job.Parts[{k}]");
                    }

                    parts.Add(new PartLineInput(null, line.PartNumber, line.Name, line.Quantity, line.UnitPrice, line.MainComponentOf, line.WholeAssembly));
                    continue;
                }

                if (!catalogue.TryGetValue(partId, out var part))
                {
                    return Outcome<RepairOrderView>.Invalid("repair_order.part_unknown", $"Job.Parts[{k}].PartId");
                }

                parts.Add(new PartLineInput(part.Id, part.Number, part.NameZh, line.Quantity, part.ListPrice, line.MainComponentOf, line.WholeAssembly));
            }

            var hours = job.Hours ?? operation.StandardHours;
            if (hours < LabourOperation.MinHours || hours > LabourOperation.MaxHours)
            {
                return Outcome<RepairOrderView>.Invalid("labour.hours_invalid", "Job.Hours");
            }

            var input = new JobInput(null, operation.Id, operation.Code, operation.NameZh, operation.NameEn, operation.Skill, hours, job.PayType, job.Note, parts, job.Fault);
            var refusal = order.ProposeExtraWork(input, request.SafetyCritical, request.FindingId, actor, gate.Now, out _);
            return refusal switch
            {
                null => null,
                { Code: RepairOrder.FindingNotFound } => Outcome<RepairOrderView>.Invalid(refusal.Code, nameof(request.FindingId)),
                _ => RepairOrderGate.Refused(refusal),
            };
        }, ct);
        return saved.IsOk ? await GetAsync(orderId, ct) : saved.As<ExtraWorkView>();
    }

    /// <summary>The customer answers in person and signs; the text answered is kept with the signature.</summary>
    public async Task<Outcome<ExtraWorkView>> DecideInPersonAsync(Guid orderId, Guid jobId, DecideExtraWorkRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ExtraWorkView>.Invalid(errors);
        }

        var saved = await gate.MoveAsync(orderId, request.Version, (order, actor) => order.FindJob(jobId) is { } job
            ? order.DecideExtraWork(jobId, request.Decision, ExtraWorkChannel.InPerson, request.SignerName, SignatureImages.Decode(request.SignaturePng), order.ExtraWorkSnapshot(job), null, actor, gate.Now)
            : new Domain.Common.FieldError(RepairOrder.JobNotFound), ct);
        return saved.IsOk ? await GetAsync(orderId, ct) : saved.As<ExtraWorkView>();
    }

    public async Task<Outcome<ExtraWorkView>> RecordOldPartAsync(Guid orderId, Guid jobId, RecordOldPartRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ExtraWorkView>.Invalid(errors);
        }

        var saved = await gate.ChangeAsync(orderId, request.Version, async (order, actor) =>
        {
            if (request.Disposition == OldPartDisposition.ReturnedForWarranty && request.WarrantyClaimId is { } claimId
                && !await db.Set<WarrantyClaim>().AnyAsync(c => c.Id == claimId && c.StoreId == order.StoreId, ct))
            {
                return Outcome<RepairOrderView>.Invalid("repair_job.warranty_claim_unknown", nameof(request.WarrantyClaimId));
            }

            var refusal = order.RecordOldPart(jobId, request.Description, request.Quantity, request.Disposition, request.WarrantyClaimId, request.Note, actor, gate.Now);
            return refusal switch
            {
                null => null,
                { Code: RepairOrder.JobNotFound } => Outcome<RepairOrderView>.NotFound(),
                _ => RepairOrderGate.Refused(refusal),
            };
        }, ct);
        return saved.IsOk ? await GetAsync(orderId, ct) : saved.As<ExtraWorkView>();
    }
}

/// <summary>Findings carry photos; whoever can open the order can see and add them.</summary>
public sealed class JobFindingFileOwner(AfterSalesDb db, AccessGuard guard) : FileOwner<JobFinding>(guard)
{
    public const string OwnerKind = "job-finding";

    public override string Kind => OwnerKind;

    public override async Task<FileOwnerInfo?> FindAsync(Guid ownerId, CancellationToken ct)
    {
        var found = await (from f in db.Set<JobFinding>()
                           join o in db.Set<RepairOrder>() on f.RepairOrderId equals o.Id
                           where f.Id == ownerId
                           select new { o.StoreId, o.Status }).FirstOrDefaultAsync(ct);
        return found is null
            ? null
            : new FileOwnerInfo(found.StoreId, found.Status is RepairOrderStatus.Delivered or RepairOrderStatus.Cancelled ? "repair_order.closed_no_files" : null);
    }
}
