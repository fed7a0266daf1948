using AfterSales.Domain.Common;
using AfterSales.Domain.ThreeGuarantees;

namespace AfterSales.Domain.RepairOrders;

public sealed partial class RepairOrder
{
    /// <summary>
    /// This order as one repair of the asset's 三包 ledger, or null when it has no quality job (or was cancelled).
    /// One order is one repair: its days in the workshop count once, from reception (the check-in, else the opening)
    /// to delivery, as calendar days in the store's time zone. The fault that stands for the order is the most serious
    /// of its quality jobs (an early serious failure, then a serious safety fault, then the first with a fault recorded);
    /// the main components replaced are those of all its quality jobs. A quality job without a recorded fault is matched
    /// by its labour operation.
    /// </summary>
    public QualityRepair? ToQualityRepair(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (Status == RepairOrderStatus.Cancelled)
        {
            return null;
        }

        var quality = _jobs.Where(j => j.IsQualityRepair).OrderBy(j => j.Position).ToList();
        if (quality.Count == 0)
        {
            return null;
        }

        var main = quality.FirstOrDefault(j => j.EarlyFault is not null)
            ?? quality.FirstOrDefault(j => j.SeriousSafetyFault)
            ?? quality.FirstOrDefault(j => j.FaultSystem is not null)
            ?? quality[0];
        var replaced = quality
            .SelectMany(j => j.Parts.OrderBy(p => p.Position))
            .Where(p => p.MainComponentOf is not null)
            .Select(p => new ReplacedComponent(p.MainComponentOf!.Value, p.PartNumber, p.WholeAssembly))
            .ToList();
        return new QualityRepair(
            Id,
            Number,
            LocalDay(CheckedInAt ?? OpenedAt, zone),
            DeliveredAt is { } delivered ? LocalDay(delivered, zone) : null,
            MileageKm,
            main.FaultSystem ?? FaultSystem.Other,
            main.FaultCode ?? main.OperationCode,
            quality.Any(j => j.SeriousSafetyFault),
            replaced,
            EarlyFault: main.EarlyFault);
    }

    /// <summary>
    /// Records what a job repairs once the order is signed: the technician finds the cause in the workshop. The fault and the
    /// main-component marks (one per part line, in order) change no price, so what the customer signed stays valid. Not on a
    /// delivered or cancelled order: the customer's 三包 record of that repair is what it was at delivery.
    /// </summary>
    public FieldError? RecordJobFault(Guid jobId, JobFault? fault, IReadOnlyList<MainComponentMark> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        if (Status is RepairOrderStatus.Delivered or RepairOrderStatus.Cancelled)
        {
            return new FieldError(Status == RepairOrderStatus.Delivered ? RepairOrderLifecycle.Delivered : RepairOrderLifecycle.Cancelled);
        }

        if (_jobs.FirstOrDefault(j => j.Id == jobId) is not { } job)
        {
            return new FieldError("common.not_found");
        }

        if (marks.Count != job.Parts.Count)
        {
            return new FieldError(JobFault.PartsChanged, "Parts");
        }

        var parts = job.Parts.OrderBy(p => p.Position)
            .Select((p, k) => new PartLineInput(p.PartId, p.PartNumber, p.Name, p.Quantity, p.UnitPrice, marks[k].MainComponentOf, marks[k].WholeAssembly))
            .ToList();
        if (JobFault.Check(fault, parts, "Job") is { } refused)
        {
            return refused with { Field = refused.Field?["Job.".Length..] };
        }

        job.RecordFault(fault, marks);
        return null;
    }

    private static DateOnly LocalDay(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}
