namespace AfterSales.Domain.Reminders;

/// <summary>An odometer reading recorded at a visit (or when the asset was registered).</summary>
public sealed record MileageReading(DateOnly On, int Km);

/// <summary>The last maintenance visit: when, and the odometer then if it was recorded.</summary>
public sealed record ServiceVisit(DateOnly On, int? Km);

/// <summary>Which limit brings the service due first.</summary>
public enum DueBasis
{
    Date,
    Mileage,
}

/// <summary>
/// The next service of an asset: <see cref="DueOn"/> is the earlier of the date by the plan's months and the day
/// the projected odometer reaches <see cref="DueKm"/>. <see cref="Key"/> names the due service so that it is
/// reminded once: it changes only when a new service is recorded, not when the projection moves.
/// </summary>
public sealed record ServiceDue(DateOnly DueOn, DueBasis Basis, DateOnly? DueByDate, int? DueKm, DateOnly? DueByMileageOn, int? ProjectedKm, bool IsFirst, string Key);

/// <summary>
/// How far an asset is driven per day, from the odometer readings of its visits. Two readings or more: the average
/// between the earliest and the latest. One reading and a sale date: the reading over the days since the sale (the
/// odometer starts near zero). Nothing usable: <see cref="DefaultKmPerDay"/>, about 12,000 km a year, the usual
/// figure for a private car in China.
/// </summary>
public static class MileageProjection
{
    public const double DefaultKmPerDay = 33;

    /// <summary>Readings closer together than this say more about the trip than about the habit.</summary>
    public const int MinSpanDays = 14;

    /// <summary>A higher figure is a typing error, not a driver (about 365,000 km a year).</summary>
    public const double MaxKmPerDay = 1_000;

    public static double KmPerDay(IReadOnlyList<MileageReading> readings, DateOnly? soldOn)
    {
        var ordered = Ordered(readings);
        if (ordered.Count >= 2)
        {
            var first = ordered[0];
            var last = ordered[^1];
            var days = last.On.DayNumber - first.On.DayNumber;
            if (days >= MinSpanDays && last.Km > first.Km)
            {
                return Math.Min(MaxKmPerDay, (double)(last.Km - first.Km) / days);
            }
        }

        if (ordered.Count >= 1 && soldOn is { } sold)
        {
            var latest = ordered[^1];
            var days = latest.On.DayNumber - sold.DayNumber;
            if (days >= MinSpanDays && latest.Km > 0)
            {
                return Math.Min(MaxKmPerDay, (double)latest.Km / days);
            }
        }

        return DefaultKmPerDay;
    }

    /// <summary>The odometer on a day, projected from the latest reading; null without any reading.</summary>
    public static int? EstimateOn(IReadOnlyList<MileageReading> readings, double kmPerDay, DateOnly on)
    {
        var ordered = Ordered(readings);
        if (ordered.Count == 0)
        {
            return null;
        }

        var latest = ordered.LastOrDefault(r => r.On <= on) ?? ordered[0];
        return latest.Km + (int)Math.Round(kmPerDay * Math.Max(0, on.DayNumber - latest.On.DayNumber));
    }

    /// <summary>The day the odometer reaches <paramref name="km"/>: a past reading if one already shows it, else projected from the latest.</summary>
    public static DateOnly? DayReaching(IReadOnlyList<MileageReading> readings, double kmPerDay, int km, DateOnly? soldOn)
    {
        var ordered = Ordered(readings);
        if (ordered.FirstOrDefault(r => r.Km >= km) is { } reached)
        {
            return reached.On;
        }

        var from = ordered.Count > 0 ? ordered[^1] : soldOn is { } sold ? new MileageReading(sold, 0) : null;
        if (from is null || kmPerDay <= 0)
        {
            return null;
        }

        return from.On.AddDays((int)Math.Ceiling((km - from.Km) / kmPerDay));
    }

    private static List<MileageReading> Ordered(IReadOnlyList<MileageReading> readings) =>
        readings.GroupBy(r => r.On).Select(g => new MileageReading(g.Key, g.Max(r => r.Km))).OrderBy(r => r.On).ToList();
}

/// <summary>The next service due of an asset by its plan, whichever of date and mileage comes first.</summary>
public static class ServiceDueCalculator
{
    public const string FirstKey = "first";

    /// <param name="lastService">The latest maintenance visit; null before the first service.</param>
    /// <param name="soldOn">The sale date: where the first interval counts from.</param>
    /// <returns>Null when nothing says where to count from (no service and no sale date) or the plan has no limit that applies.</returns>
    public static ServiceDue? Next(ServicePlanTerms plan, ServiceVisit? lastService, DateOnly? soldOn, IReadOnlyList<MileageReading> readings, DateOnly today)
    {
        var first = lastService is null;
        var startOn = lastService?.On ?? soldOn;
        var kmPerDay = MileageProjection.KmPerDay(readings, soldOn);
        int? startKm = lastService is null ? (soldOn is null ? null : 0) : lastService.Km ?? MileageProjection.EstimateOn(readings, kmPerDay, lastService.On);
        if (startOn is null && startKm is null)
        {
            return null;
        }

        DateOnly? byDate = plan.MonthsFor(first) is { } months && startOn is { } from ? from.AddMonths(months) : null;
        int? dueKm = plan.KmFor(first) is { } km && startKm is { } baseKm ? baseKm + km : null;
        DateOnly? byMileage = dueKm is { } target ? MileageProjection.DayReaching(readings, kmPerDay, target, soldOn) : null;
        if (byMileage is { } m && startOn is { } s && m < s)
        {
            byMileage = s;
        }

        if (byDate is null && byMileage is null)
        {
            return null;
        }

        var basis = byMileage is { } bm && (byDate is null || bm < byDate) ? DueBasis.Mileage : DueBasis.Date;
        var dueOn = basis == DueBasis.Mileage ? byMileage!.Value : byDate!.Value;
        var key = first ? FirstKey : $"after:{lastService!.On:yyyy-MM-dd}";
        return new ServiceDue(dueOn, basis, byDate, dueKm, byMileage, MileageProjection.EstimateOn(readings, kmPerDay, today), first, key);
    }
}

/// <summary>When cover ends: on its last day or when the projected odometer passes its mileage limit, whichever first.</summary>
public static class CoverExpiry
{
    public static (DateOnly EndsOn, DueBasis Basis) Ends(DateOnly lastDay, int? mileageLimitKm, IReadOnlyList<MileageReading> readings, DateOnly? soldOn)
    {
        if (mileageLimitKm is { } limit)
        {
            var kmPerDay = MileageProjection.KmPerDay(readings, soldOn);
            if (MileageProjection.DayReaching(readings, kmPerDay, limit, soldOn) is { } reached && reached < lastDay)
            {
                return (reached, DueBasis.Mileage);
            }
        }

        return (lastDay, DueBasis.Date);
    }
}
