using System.Buffers.Binary;
using System.Security.Cryptography;
using AfterSales.Domain.Customers;

namespace AfterSales.Domain.FollowUps;

/// <summary>Spend bands of an order's total, in the store's currency.</summary>
public enum SpendBand
{
    Under500,
    From500To2000,
    From2000To10000,
    Over10000,
}

/// <summary>The cell of the sample an order falls in: customer type, order type, advisor and spend band.</summary>
public sealed record FollowUpStratum(CustomerKind CustomerKind, FollowUpOrderType OrderType, Guid? AdvisorId, SpendBand Spend)
{
    /// <summary>A stable text key, stored with each decision so later rounds count the cell's earlier decisions.</summary>
    public string Key => $"{CustomerKind}|{OrderType}|{AdvisorId?.ToString("N") ?? "-"}|{Spend}";
}

/// <summary>A delivered order waiting for the sampling decision.</summary>
public sealed record SampleCandidate(Guid OrderId, DateTimeOffset DeliveredAt, FollowUpStratum Stratum, bool MustInclude);

/// <summary>How many orders of a stratum were decided already in the period, and how many of them were chosen.</summary>
public sealed record StratumTally(int Decided, int Selected);

public enum SampleReason
{
    /// <summary>Drawn to keep the stratum at the coverage target.</summary>
    Sampled,

    /// <summary>After a complaint or with rework: always followed up.</summary>
    Required,

    /// <summary>The stratum already meets the target.</summary>
    NotSampled,

    /// <summary>The customer asked not to be called.</summary>
    DoNotCall,
}

public sealed record SampleDecision(Guid OrderId, string StratumKey, bool Selected, SampleReason Reason);

/// <summary>
/// Stratified sampling of deliveries for follow-up (回访抽样). Each stratum (customer type × order type × advisor ×
/// spend band) is kept at or above the coverage target on its own: an order is chosen when the stratum's chosen count
/// would otherwise fall below ⌈target × decided⌉, so the first order of every stratum is chosen (each is represented),
/// and the whole period reaches the target because the sum of the strata's ceilings is at least the period's.
/// Orders after a complaint or with rework are always chosen and count towards their stratum. Orders are decided in a
/// fixed order — delivery time, then a hash of the order id — so the same deliveries always give the same sample,
/// whether drawn in one round or across restarts.
/// </summary>
public static class FollowUpSampling
{
    public static SpendBand BandOf(decimal total) => total switch
    {
        < 500m => SpendBand.Under500,
        < 2000m => SpendBand.From500To2000,
        < 10000m => SpendBand.From2000To10000,
        _ => SpendBand.Over10000,
    };

    /// <summary>A number drawn from the order id alone: the same id gives the same number on every machine and run.</summary>
    public static ulong Seed(Guid orderId) => BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(orderId.ToByteArray()));

    /// <summary>Decides the candidates; <paramref name="tallies"/> are the strata's counts so far in the period (updated as it goes).</summary>
    public static IReadOnlyList<SampleDecision> Draw(IEnumerable<SampleCandidate> candidates, int coverageTargetPercent, IDictionary<string, StratumTally> tallies)
    {
        var decisions = new List<SampleDecision>();
        foreach (var c in candidates.OrderBy(c => c.DeliveredAt).ThenBy(c => Seed(c.OrderId)).ThenBy(c => c.OrderId))
        {
            var key = c.Stratum.Key;
            var tally = tallies.TryGetValue(key, out var t) ? t : new StratumTally(0, 0);
            var decided = tally.Decided + 1;
            var needed = (int)Math.Ceiling(decided * coverageTargetPercent / 100m);
            var (selected, reason) = c.MustInclude ? (true, SampleReason.Required)
                : tally.Selected < needed ? (true, SampleReason.Sampled)
                : (false, SampleReason.NotSampled);
            tallies[key] = new StratumTally(decided, tally.Selected + (selected ? 1 : 0));
            decisions.Add(new SampleDecision(c.OrderId, key, selected, reason));
        }

        return decisions;
    }
}
