using AfterSales.Domain.Complaints;

namespace AfterSales.Domain.Surveys;

/// <summary>The survey's rules in one place: valid answers, unhappy answers, the complaint's category guess, praise and NPS.</summary>
public static class SurveyRules
{
    /// <summary>The refusal code for an answer that does not fit its question, or null when it fits (text is optional).</summary>
    public static string? CheckAnswer(SurveyQuestion question, SurveyAnswerInput? input) => question.Kind switch
    {
        SurveyQuestionKind.YesNo when input?.Yes is null => "survey.answer_required",
        SurveyQuestionKind.Score5 when input?.Score is null => "survey.answer_required",
        SurveyQuestionKind.Score5 when input.Score is < 1 or > 5 => "survey.score_range",
        SurveyQuestionKind.Recommend10 when input?.Score is null => "survey.answer_required",
        SurveyQuestionKind.Recommend10 when input.Score is < 0 or > 10 => "survey.recommend_range",
        SurveyQuestionKind.Text when input?.Text?.Trim().Length > SurveyAnswer.TextMaxLength => "survey.comment_too_long",
        _ => null,
    };

    /// <summary>The answers that make the survey unhappy: a 1–5 score or a recommendation at or below the policy's limit, or "not fixed".</summary>
    public static IReadOnlyList<SurveyAnswer> UnhappyAnswers(IEnumerable<SurveyAnswer> answers, SurveyPolicy policy) =>
        answers.Where(a => a.Kind switch
        {
            SurveyQuestionKind.Score5 => a.Score <= policy.LowScoreAtMost,
            SurveyQuestionKind.Recommend10 => a.Score <= policy.LowRecommendAtMost,
            SurveyQuestionKind.YesNo => a.Topic == SurveyTopic.FixedFirstTime && a.Yes == false,
            _ => false,
        }).ToList();

    /// <summary>
    /// A first guess at the complaint's category from what the customer was unhappy about: not fixed or poor work →
    /// repair quality; price → fees; advisor → staff attitude; time → service process; otherwise other.
    /// </summary>
    public static ComplaintCategory GuessCategory(IReadOnlyCollection<SurveyAnswer> unhappy)
    {
        bool Has(SurveyTopic topic) => unhappy.Any(a => a.Topic == topic);
        return Has(SurveyTopic.FixedFirstTime) || Has(SurveyTopic.Work) ? ComplaintCategory.RepairQuality
            : Has(SurveyTopic.PriceExplanation) ? ComplaintCategory.Fees
            : Has(SurveyTopic.Advisor) ? ComplaintCategory.StaffAttitude
            : Has(SurveyTopic.Time) ? ComplaintCategory.ServiceProcess
            : ComplaintCategory.Other;
    }

    /// <summary>Not fixed, or any score at the lowest point, is urgent enough to be handled first.</summary>
    public static ComplaintUrgency GuessUrgency(IReadOnlyCollection<SurveyAnswer> unhappy) =>
        unhappy.Any(a => (a.Topic == SurveyTopic.FixedFirstTime && a.Yes == false) || (a.Kind == SurveyQuestionKind.Score5 && a.Score == 1))
            ? ComplaintUrgency.High
            : ComplaintUrgency.Normal;

    /// <summary>
    /// The order's staff a positive comment names: the whole name, or for Chinese names of three or more characters the
    /// given name, or the surname with 师傅 / 老师 / 经理 / 顾问. Unhappy surveys give no praise by name.
    /// </summary>
    public static IReadOnlyList<SurveyResponseStaff> NamedInComment(string? comment, IEnumerable<SurveyResponseStaff> staff)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            return [];
        }

        return staff.Where(s => Names(s.Name).Any(n => comment.Contains(n, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    private static IEnumerable<string> Names(string name)
    {
        name = name.Trim();
        if (name.Length == 0)
        {
            yield break;
        }

        yield return name;
        if (name.All(IsHan) && name.Length >= 2)
        {
            if (name.Length >= 3)
            {
                yield return name[1..];
            }

            foreach (var title in (string[])["师傅", "老师", "经理", "顾问"])
            {
                yield return name[..1] + title;
            }
        }
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    /// <summary>Net promoter score: % promoters (9–10) minus % detractors (0–6), rounded to one decimal; null without answers.</summary>
    public static decimal? NetPromoterScore(int promoters, int detractors, int answered) =>
        answered == 0 ? null : Math.Round(100m * (promoters - detractors) / answered, 1);
}
