using AfterSales.Domain.Customers;
using AfterSales.Domain.FollowUps;

namespace AfterSales.Domain.Tests.FollowUps;

public sealed class FollowUpSamplingTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly Guid[] Advisors = [Guid.Parse("0196c000-0000-7000-8000-000000000001"), Guid.Parse("0196c000-0000-7000-8000-000000000002")];

    /// <summary>A month of deliveries spread over customer kinds, order types, advisors and spend bands, ids fixed by their index.</summary>
    private static List<SampleCandidate> Deliveries(int count, Func<int, bool>? mustInclude = null) =>
        [.. Enumerable.Range(0, count).Select(i => new SampleCandidate(
            new Guid($"0196c000-0000-7000-9000-{i:D12}"),
            Start.AddMinutes(37 * i),
            new FollowUpStratum(
                i % 5 == 0 ? CustomerKind.Company : CustomerKind.Person,
                (FollowUpOrderType)(i % 3),
                Advisors[i % 2],
                FollowUpSampling.BandOf(i % 7 * 900m)),
            mustInclude?.Invoke(i) ?? false))];

    [Theory]
    [InlineData(50)]
    [InlineData(30)]
    [InlineData(80)]
    public void The_sample_reaches_the_coverage_target_overall_and_in_every_stratum(int target)
    {
        var candidates = Deliveries(600);

        var decisions = FollowUpSampling.Draw(candidates, target, new Dictionary<string, StratumTally>());

        Assert.True(decisions.Count(d => d.Selected) * 100 >= target * candidates.Count);
        foreach (var stratum in decisions.GroupBy(d => d.StratumKey))
        {
            Assert.True(stratum.Count(d => d.Selected) * 100 >= target * stratum.Count(), $"stratum {stratum.Key} under target");
            Assert.Contains(stratum, d => d.Selected);
        }
    }

    [Fact]
    public void A_sample_of_half_does_not_call_everybody()
    {
        var decisions = FollowUpSampling.Draw(Deliveries(600), 50, new Dictionary<string, StratumTally>());

        Assert.True(decisions.Count(d => d.Selected) < 600 * 0.6, $"{decisions.Count(d => d.Selected)} of 600 chosen");
    }

    [Fact]
    public void Every_stratum_is_represented_even_when_it_has_one_order()
    {
        var lone = new SampleCandidate(Guid.Parse("0196c000-0000-7000-9999-000000000001"), Start,
            new FollowUpStratum(CustomerKind.Company, FollowUpOrderType.Body, null, SpendBand.Over10000), false);

        var decisions = FollowUpSampling.Draw([.. Deliveries(40), lone], 10, new Dictionary<string, StratumTally>());

        Assert.True(decisions.Single(d => d.OrderId == lone.OrderId).Selected);
    }

    [Fact]
    public void Orders_after_a_complaint_or_with_rework_are_always_chosen()
    {
        var candidates = Deliveries(200, i => i % 11 == 0);

        var decisions = FollowUpSampling.Draw(candidates, 20, new Dictionary<string, StratumTally>());

        foreach (var required in candidates.Where(c => c.MustInclude))
        {
            var decision = decisions.Single(d => d.OrderId == required.OrderId);
            Assert.True(decision.Selected);
            Assert.Equal(SampleReason.Required, decision.Reason);
        }
    }

    [Fact]
    public void The_same_deliveries_draw_the_same_sample_in_any_input_order_and_across_rounds()
    {
        var candidates = Deliveries(300);
        var once = FollowUpSampling.Draw(candidates, 50, new Dictionary<string, StratumTally>());
        var shuffled = FollowUpSampling.Draw(candidates.OrderBy(c => FollowUpSampling.Seed(c.OrderId)).ToList(), 50, new Dictionary<string, StratumTally>());

        // Drawn in two rounds (a restart in the middle) with the counts of the first round carried over.
        var tallies = new Dictionary<string, StratumTally>();
        var first = FollowUpSampling.Draw(candidates.Take(120), 50, tallies);
        var second = FollowUpSampling.Draw(candidates.Skip(120), 50, tallies);

        var chosen = once.Where(d => d.Selected).Select(d => d.OrderId).Order().ToList();
        Assert.Equal(chosen, shuffled.Where(d => d.Selected).Select(d => d.OrderId).Order());
        Assert.Equal(chosen, first.Concat(second).Where(d => d.Selected).Select(d => d.OrderId).Order());
    }

    [Fact]
    public void Simultaneous_deliveries_are_ordered_by_a_hash_of_the_order_id()
    {
        var a = Guid.Parse("0196c000-0000-7000-9000-000000000001");
        var b = Guid.Parse("0196c000-0000-7000-9000-000000000002");
        var stratum = new FollowUpStratum(CustomerKind.Person, FollowUpOrderType.Repair, null, SpendBand.Under500);

        var decisions = FollowUpSampling.Draw([new(a, Start, stratum, false), new(b, Start, stratum, false)], 50, new Dictionary<string, StratumTally>());

        var first = FollowUpSampling.Seed(a) < FollowUpSampling.Seed(b) ? a : b;
        Assert.Equal(first, decisions[0].OrderId);
        Assert.True(decisions[0].Selected);
        Assert.False(decisions[1].Selected);
        Assert.Equal(FollowUpSampling.Seed(a), FollowUpSampling.Seed(a));
    }

    [Theory]
    [InlineData(0, SpendBand.Under500)]
    [InlineData(499.99, SpendBand.Under500)]
    [InlineData(500, SpendBand.From500To2000)]
    [InlineData(2000, SpendBand.From2000To10000)]
    [InlineData(10000, SpendBand.Over10000)]
    public void Spend_bands_split_at_500_2000_and_10000(decimal total, SpendBand band)
    {
        Assert.Equal(band, FollowUpSampling.BandOf(total));
    }
}
