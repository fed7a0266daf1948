using AfterSales.Web.Features.Notifications;

namespace AfterSales.Web.Tests.Features.Notifications;

public sealed class NotificationTemplateTests
{
    private static readonly Dictionary<string, string> Welcome = new() { ["name"] = "王小明", ["store"] = "北京朝阳旗舰店" };

    [Fact]
    public void Placeholders_are_filled_by_name_and_doubled_braces_stay_literal()
    {
        var text = NotificationTemplates.Fill("{name}，{{不是占位符}}，欢迎来到{store}。{name}", Welcome);

        Assert.Equal("王小明，{不是占位符}，欢迎来到北京朝阳旗舰店。王小明", text);
    }

    [Theory]
    [InlineData("Hello {nobody}")]
    [InlineData("Hello {name")]
    [InlineData("Hello name}")]
    public void A_placeholder_without_a_value_or_a_stray_brace_is_a_bug_not_a_silent_gap(string text)
    {
        Assert.Throws<FormatException>(() => NotificationTemplates.Fill(text, Welcome));
    }

    [Fact]
    public void Rendering_without_every_value_the_template_declares_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            NotificationTemplates.Render(NotificationTemplates.Welcome, "zh-CN", new Dictionary<string, string> { ["name"] = "王小明" }));

        Assert.Contains("store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_welcome_message_reads_in_chinese_and_in_english()
    {
        var (zhSubject, zhBody) = NotificationTemplates.Render(NotificationTemplates.Welcome, "zh-CN", Welcome);
        var (enSubject, enBody) = NotificationTemplates.Render(NotificationTemplates.Welcome, "en", Welcome);

        Assert.Equal("欢迎成为北京朝阳旗舰店的客户", zhSubject);
        Assert.StartsWith("王小明，欢迎您！您已成为北京朝阳旗舰店的客户", zhBody, StringComparison.Ordinal);
        Assert.Contains("回复TD退订", zhBody, StringComparison.Ordinal);
        Assert.Equal("Welcome to 北京朝阳旗舰店", enSubject);
        Assert.StartsWith("Welcome, 王小明! You are now a customer of 北京朝阳旗舰店.", enBody, StringComparison.Ordinal);
        Assert.NotEqual(zhBody, enBody);
    }

    [Theory]
    [InlineData(null, "zh-CN")]
    [InlineData("", "zh-CN")]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh-Hans", "zh-CN")]
    [InlineData("fr", "zh-CN")]
    [InlineData("en", "en")]
    [InlineData("en-US", "en")]
    public void A_customer_language_is_one_of_the_two_the_product_speaks_defaulting_to_chinese(string? asked, string used)
    {
        Assert.Equal(used, NotificationTemplates.NormalizeCulture(asked));
    }

    [Fact]
    public void Every_template_has_a_subject_and_body_in_both_languages_using_exactly_its_declared_placeholders()
    {
        foreach (var template in NotificationTemplates.All)
        {
            var values = template.Placeholders.ToDictionary(p => p, p => $"<{p}>");
            foreach (var culture in new[] { "zh-CN", "en" })
            {
                var (subject, body) = NotificationTemplates.Render(template, culture, values);
                Assert.False(string.IsNullOrWhiteSpace(body), $"{template.Key} has no {culture} body");
                Assert.False(string.IsNullOrWhiteSpace(subject), $"{template.Key} has no {culture} subject");
                Assert.All(template.Placeholders, p => Assert.Contains($"<{p}>", subject + body, StringComparison.Ordinal));
            }
        }
    }

    /// <summary>
    /// Phones take everything up to the next space into a link: "{link}（14 天内有效）" opened a page that does not exist.
    /// </summary>
    [Fact]
    public void Every_link_ends_its_message_or_is_followed_by_a_space_in_both_languages()
    {
        const string Link = "https://aftersales.test/p/AbC123";
        var withLinks = NotificationTemplates.All.Where(t => t.Placeholders.Contains("link")).ToList();
        Assert.NotEmpty(withLinks);
        foreach (var template in withLinks)
        {
            var values = template.Placeholders.ToDictionary(p => p, p => p == "link" ? Link : $"<{p}>");
            foreach (var culture in new[] { "zh-CN", "en" })
            {
                var (_, body) = NotificationTemplates.Render(template, culture, values);
                var end = body.IndexOf(Link, StringComparison.Ordinal) + Link.Length;
                Assert.True(end == body.Length || char.IsWhiteSpace(body[end]), $"{template.Key} ({culture}): \"{body}\"");
            }
        }
    }

    [Fact]
    public void Chinese_messages_use_full_width_punctuation()
    {
        foreach (var template in NotificationTemplates.All)
        {
            var values = template.Placeholders.ToDictionary(p => p, _ => string.Empty);
            var (subject, body) = NotificationTemplates.Render(template, "zh-CN", values);
            Assert.True(subject.IndexOfAny([',', ':', ';', '!', '?', '(', ')']) < 0, $"{template.Key} subject: \"{subject}\"");
            Assert.True(body.IndexOfAny([',', ':', ';', '!', '?', '(', ')']) < 0, $"{template.Key} body: \"{body}\"");
        }
    }
}

public sealed class BackoffTests
{
    [Fact]
    public void Retries_wait_30_seconds_then_double_each_time_up_to_the_cap()
    {
        var delays = Enumerable.Range(1, 10).Select(n => Backoff.Delay(n, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1))).ToList();

        Assert.Equal(
            [
                TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8),
                TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(32), TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.FromHours(1),
            ],
            delays);
    }

    [Fact]
    public void A_very_long_run_of_failures_stays_at_the_cap_without_overflowing()
    {
        Assert.Equal(TimeSpan.FromHours(1), Backoff.Delay(int.MaxValue, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void There_is_no_delay_before_a_first_failure()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Delay(0, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1)));
    }
}
