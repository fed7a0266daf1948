using AfterSales.Domain.Complaints;

namespace AfterSales.Domain.Tests.Complaints;

public sealed class ComplaintUrgencyRulesTests
{
    [Theory]
    [InlineData("刹车失灵，很危险", ComplaintUrgencyRules.SafetySystemFailure)]
    [InlineData("方向盘突然锁死", ComplaintUrgencyRules.SafetySystemFailure)]
    [InlineData("The airbag warning came on and the steering failed", ComplaintUrgencyRules.SafetySystemFailure)]
    [InlineData("洗衣机插头处冒烟", ComplaintUrgencyRules.SafetyHazard)]
    [InlineData("Phone battery swelling after the repair", ComplaintUrgencyRules.SafetyHazard)]
    public void A_safety_risk_is_critical_with_its_rule_and_words(string text, string rule)
    {
        var assessed = ComplaintUrgencyRules.Assess(text, null);

        Assert.Equal((ComplaintUrgency.Critical, rule), (assessed.Urgency, assessed.RuleCode));
        Assert.NotEmpty(assessed.Matched);
    }

    [Theory]
    [InlineData("更换刹车片后有异响", null, ComplaintUrgency.Normal)]
    [InlineData("发票开错了", ComplaintUrgency.Low, ComplaintUrgency.Low)]
    [InlineData("刹车失灵", ComplaintUrgency.Critical, ComplaintUrgency.Critical)]
    public void Without_a_risk_or_when_already_as_urgent_the_rules_raise_nothing(string text, ComplaintUrgency? chosen, ComplaintUrgency expected)
    {
        var assessed = ComplaintUrgencyRules.Assess(text, chosen);

        Assert.Equal((expected, (string?)null, false), (assessed.Urgency, assessed.RuleCode, assessed.Raised));
    }
}
