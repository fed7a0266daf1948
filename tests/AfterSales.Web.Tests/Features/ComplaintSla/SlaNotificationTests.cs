using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.ComplaintSla;
using AfterSales.Web.Features.Notifications;

namespace AfterSales.Web.Tests.Features.ComplaintSla;

public sealed class SlaNotificationTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in SlaNotifications.All)
        {
            data.Add(template.Key, "zh-CN");
            data.Add(template.Key, "en");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_sla_message_reads_in_both_languages_with_every_placeholder_filled(string key, string culture)
    {
        var template = SlaNotifications.All.Single(t => t.Key == key);
        var values = template.Placeholders.ToDictionary(p => p, p => $"<{p}>");

        var (subject, body) = NotificationTemplates.Render(template, culture, values);

        Assert.Contains("<number>", subject + body, StringComparison.Ordinal);
        Assert.All(template.Placeholders, p => Assert.Contains($"<{p}>", subject + body, StringComparison.Ordinal));
        Assert.Equal(NotificationPurpose.Service, template.Purpose);
    }

    [Fact]
    public void Clock_and_level_names_follow_the_recipients_language()
    {
        Assert.Equal("受理确认", SlaNotifications.Label(SlaClockKind.Acknowledge, "zh-CN"));
        Assert.Equal("Service manager", SlaNotifications.Label(EscalationLevel.ServiceManager, "en-US"));
    }
}
