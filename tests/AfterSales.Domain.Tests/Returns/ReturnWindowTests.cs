using AfterSales.Domain.Returns;

namespace AfterSales.Domain.Tests.Returns;

public sealed class ReturnWindowTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo Urumqi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Urumqi");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly ReturnTerms Terms = new();

    [Fact]
    public void A_sale_late_in_the_evening_in_shanghai_counts_from_that_local_day()
    {
        // 23:30 on 1 November in Shanghai: 15:30 UTC.
        var completed = new DateTimeOffset(2026, 11, 1, 15, 30, 0, TimeSpan.Zero);

        var deadline = ReturnWindow.Deadline(completed, Shanghai, 15);

        // Open through the whole of 16 November, Shanghai time: until 17 November 00:00 +08:00.
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 16, 0, 0, TimeSpan.Zero), deadline);
        Assert.Null(ReturnWindow.Check(completed, deadline.AddTicks(-1), Shanghai, SaleChannel.OverTheCounter, ReturnReason.QualityFault, Terms));
        Assert.Equal(ReturnWindow.Expired, ReturnWindow.Check(completed, deadline, Shanghai, SaleChannel.OverTheCounter, ReturnReason.QualityFault, Terms));
    }

    [Fact]
    public void The_same_instant_falls_on_different_local_days_in_different_stores()
    {
        // 17:30 UTC on 1 November: 2 November 01:30 in Shanghai, but 1 November 23:30 in Urumqi.
        var completed = new DateTimeOffset(2026, 11, 1, 17, 30, 0, TimeSpan.Zero);
        // Shanghai's window runs to 17 Nov 16:00 UTC (end of 17 Nov local), Urumqi's to 16 Nov 18:00 UTC (end of 16 Nov local).
        var at = new DateTimeOffset(2026, 11, 17, 12, 0, 0, TimeSpan.Zero);

        Assert.Null(ReturnWindow.Check(completed, at, Shanghai, SaleChannel.Online, ReturnReason.NotAsDescribed, Terms));
        Assert.Equal(ReturnWindow.Expired, ReturnWindow.Check(completed, at, Urumqi, SaleChannel.Online, ReturnReason.NotAsDescribed, Terms));
    }

    [Fact]
    public void A_window_across_a_daylight_saving_change_ends_at_local_midnight()
    {
        // Sold 20 March 2026 in Berlin (CET, +01:00); 15 days later ends at 5 April 00:00 CEST (+02:00).
        var completed = new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2026, 4, 5, 0, 0, 0, TimeSpan.FromHours(2)), ReturnWindow.Deadline(completed, Berlin, 15));
    }

    [Theory]
    [InlineData(SaleChannel.Online, 7, null)]
    [InlineData(SaleChannel.Online, 8, ReturnWindow.NoReasonExpired)]
    [InlineData(SaleChannel.OverTheCounter, 1, ReturnWindow.ChangedMindNotAccepted)]
    public void A_change_of_mind_is_allowed_only_online_within_seven_days(SaleChannel channel, int daysLater, string? expected)
    {
        var completed = new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero); // 10:00 Shanghai
        var at = completed.AddDays(daysLater);

        Assert.Equal(expected, ReturnWindow.Check(completed, at, Shanghai, channel, ReturnReason.ChangedMind, Terms));
    }

    [Fact]
    public void A_store_that_takes_counter_sales_back_for_a_change_of_mind_uses_its_claim_window()
    {
        var completed = new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);
        var terms = new ReturnTerms(ClaimWindowDays: 30, AcceptsChangedMindOverTheCounter: true);

        Assert.Null(ReturnWindow.Check(completed, completed.AddDays(20), Shanghai, SaleChannel.OverTheCounter, ReturnReason.ChangedMind, terms));
        Assert.Null(ReturnWindow.Check(completed, completed.AddDays(29), Shanghai, SaleChannel.OverTheCounter, ReturnReason.QualityFault, terms));
        Assert.Equal(ReturnWindow.Expired, ReturnWindow.Check(completed, completed.AddDays(31), Shanghai, SaleChannel.OverTheCounter, ReturnReason.QualityFault, terms));
    }

    [Fact]
    public void A_claim_before_the_sale_completed_is_refused()
    {
        var completed = new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);

        Assert.Equal(ReturnWindow.BeforeSale, ReturnWindow.Check(completed, completed.AddMinutes(-1), Shanghai, SaleChannel.Online, ReturnReason.QualityFault, Terms));
    }
}
