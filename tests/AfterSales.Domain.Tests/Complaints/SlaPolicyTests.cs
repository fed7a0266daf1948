using AfterSales.Domain.Complaints;

namespace AfterSales.Domain.Tests.Complaints;

public sealed class SlaPolicyTests
{
    [Fact]
    public void Online_complaints_are_acknowledged_within_one_working_hour_by_default()
    {
        var online = SlaDefaults.Resolve([], ComplaintUrgency.Normal, ComplaintChannel.OnlineApp);

        Assert.Equal(60, online.Acknowledge.BreachMinutes);
        Assert.Null(online.Channel);
    }

    [Fact]
    public void A_caller_on_the_hotline_is_acknowledged_faster_by_default()
    {
        var hotline = SlaDefaults.Resolve([], ComplaintUrgency.Normal, ComplaintChannel.Hotline);

        Assert.Equal(ComplaintChannel.Hotline, hotline.Channel);
        Assert.Equal(15, hotline.Acknowledge.BreachMinutes);
    }

    [Fact]
    public void Every_default_is_valid_and_more_urgent_means_sooner()
    {
        Assert.All(SlaDefaults.All, p => Assert.Empty(p.Check()));
        var close = Enum.GetValues<ComplaintUrgency>().Select(u => SlaDefaults.Resolve([], u, ComplaintChannel.Email).Close.BreachMinutes).ToList();
        Assert.Equal(close.Order(), close);
    }

    [Fact]
    public void A_channel_rule_beats_the_rule_for_every_channel_and_a_saved_rule_beats_the_default()
    {
        var general = SlaDefaults.Resolve([], ComplaintUrgency.High, ComplaintChannel.WeChat) with { Close = SlaTarget.Hours(10, 20) };
        var weChat = general with { Channel = ComplaintChannel.WeChat, Acknowledge = new SlaTarget(5, 10) };

        Assert.Same(weChat, SlaDefaults.Resolve([general, weChat], ComplaintUrgency.High, ComplaintChannel.WeChat));
        Assert.Same(general, SlaDefaults.Resolve([general, weChat], ComplaintUrgency.High, ComplaintChannel.Email));
        Assert.Equal(ComplaintUrgency.Low, SlaDefaults.Resolve([general], ComplaintUrgency.Low, ComplaintChannel.Email).Urgency);
    }

    [Fact]
    public void A_warning_after_the_breach_a_zero_limit_or_milestones_out_of_order_are_refused()
    {
        var policy = SlaDefaults.Resolve([], ComplaintUrgency.Normal, ComplaintChannel.Email);

        Assert.Equal("sla.target_invalid", Assert.Single((policy with { Acknowledge = new SlaTarget(90, 60) }).Check()).Code);
        Assert.Equal("FirstContact", Assert.Single((policy with { FirstContact = new SlaTarget(0, 60) }).Check()).Field);
        Assert.Equal("sla.progress_interval_invalid", Assert.Single((policy with { ProgressUpdateMinutes = 0 }).Check()).Code);
        Assert.Equal("sla.targets_out_of_order", Assert.Single((policy with { Close = new SlaTarget(10, 20) }).Check()).Code);
    }
}
