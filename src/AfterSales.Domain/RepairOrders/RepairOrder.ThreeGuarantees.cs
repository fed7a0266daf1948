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

    private static DateOnly LocalDay(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}
