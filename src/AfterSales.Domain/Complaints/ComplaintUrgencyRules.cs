namespace AfterSales.Domain.Complaints;

/// <summary>What the urgency rules made of a complaint's words: the urgency, and the rule and words that raised it (none when nothing did).</summary>
public sealed record UrgencyAssessment(ComplaintUrgency Urgency, string? RuleCode, IReadOnlyList<string> Matched)
{
    public bool Raised => RuleCode is not null;
}

/// <summary>
/// The urgency rules every intake applies, whatever the channel. A rule only raises: what staff chose stands when it is
/// at least as urgent, and a complaint nobody judged (a customer's own) starts at <see cref="Unjudged"/>. A safety risk is
/// Critical (see <see cref="ComplaintUrgency"/>): a hazard named outright (fire, smoke, electric shock, gas leak, a
/// swelling battery), or a safety system (brakes, steering, airbag, seat belt) with a word of failure or danger, such as
/// "刹车失灵，很危险". A safety system alone ("noise from the brakes") is left to the handler's judgement.
/// </summary>
public static class ComplaintUrgencyRules
{
    public const string SafetyHazard = "complaint.urgency_rule.safety_hazard";
    public const string SafetySystemFailure = "complaint.urgency_rule.safety_system";

    /// <summary>What a complaint nobody judged starts at before the rules.</summary>
    public const ComplaintUrgency Unjudged = ComplaintUrgency.Normal;

    private static readonly string[] Hazards =
    [
        "起火", "着火", "失火", "冒烟", "自燃", "烧焦", "爆炸", "漏电", "触电", "燃气泄漏", "煤气泄漏", "鼓包", "电池过热", "电池发烫",
        "fire", "smoke", "burning", "explod", "electric shock", "gas leak", "swollen battery", "battery swell", "battery overheat",
    ];

    private static readonly string[] SafetySystems =
    [
        "刹车", "制动", "转向", "方向盘", "气囊", "安全带",
        "brake", "steering", "airbag", "air bag", "seat belt", "seatbelt",
    ];

    private static readonly string[] FailureOrDanger =
    [
        "失灵", "失效", "不灵", "危险", "事故", "受伤", "差点", "撞", "锁死", "没反应",
        "fail", "danger", "unsafe", "accident", "injur", "crash", "not working", "locked up",
    ];

    /// <summary>The urgency for a complaint with these words, starting from what staff chose (null: nobody judged).</summary>
    public static UrgencyAssessment Assess(string text, ComplaintUrgency? chosen)
    {
        var start = chosen ?? Unjudged;
        var words = text.ToLowerInvariant();
        var hazards = Found(words, Hazards);
        if (hazards.Count > 0)
        {
            return Raise(start, ComplaintUrgency.Critical, SafetyHazard, hazards);
        }

        var systems = Found(words, SafetySystems);
        var failures = systems.Count > 0 ? Found(words, FailureOrDanger) : [];
        return failures.Count > 0
            ? Raise(start, ComplaintUrgency.Critical, SafetySystemFailure, [.. systems, .. failures])
            : new UrgencyAssessment(start, null, []);
    }

    /// <summary>True when <paramref name="a"/> is more urgent than <paramref name="b"/> (the enum runs from Critical down).</summary>
    public static bool MoreUrgent(ComplaintUrgency a, ComplaintUrgency b) => a < b;

    private static UrgencyAssessment Raise(ComplaintUrgency start, ComplaintUrgency to, string rule, IReadOnlyList<string> matched) =>
        MoreUrgent(to, start) ? new UrgencyAssessment(to, rule, matched) : new UrgencyAssessment(start, null, []);

    private static List<string> Found(string words, string[] terms) => terms.Where(t => words.Contains(t, StringComparison.Ordinal)).ToList();
}
