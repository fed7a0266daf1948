using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;
using FluentValidation;

namespace AfterSales.Web.Features.ThreeGuarantees;

/// <summary>
/// What a saved job repairs, recorded after the signature (the technician's diagnosis): the fault, null to clear it, and one
/// mark per part line in the job's order; <see cref="Version"/> is the order's version the editor started from.
/// </summary>
public sealed record RecordJobFaultRequest(int Version, JobFault? Fault, IReadOnlyList<MainComponentMark>? Parts = null);

internal sealed class RecordJobFaultValidator : AbstractValidator<RecordJobFaultRequest>
{
    public RecordJobFaultValidator()
    {
        RuleFor(x => x.Fault!.System).IsInEnum().When(x => x.Fault is not null);
        RuleFor(x => x.Fault!.EarlyFault).IsInEnum().When(x => x.Fault is not null);
        RuleFor(x => x.Fault!.FaultCode).NotEmpty().WithErrorCode(JobFault.CodeRequired).MaximumLength(JobFault.FaultCodeMaxLength).WithErrorCode(JobFault.CodeRequired)
            .When(x => x.Fault is not null);
        RuleForEach(x => x.Parts).ChildRules(part => part.RuleFor(p => p.MainComponentOf).IsInEnum());
    }
}

/// <summary>Records a job's fault on an order in the workshop; the domain checks it as it does in the draft editor.</summary>
public sealed class RecordJobFault(RepairOrderGate gate, RequestValidation validation)
{
    public async Task<Outcome<RepairOrderView>> HandleAsync(Guid orderId, Guid jobId, RecordJobFaultRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<RepairOrderView>.Invalid(errors);
        }

        return await gate.ChangeAsync(orderId, request.Version, (order, _) =>
        {
            if (order.Jobs.All(j => j.Id != jobId))
            {
                return Task.FromResult<Outcome<RepairOrderView>?>(Outcome<RepairOrderView>.NotFound());
            }

            var refusal = order.RecordJobFault(jobId, request.Fault, request.Parts ?? []);
            return Task.FromResult(refusal is null ? null : RepairOrderGate.Refused(refusal));
        }, ct);
    }
}
