namespace AfterSales.Domain.Surveys;

/// <summary>How a question is answered: yes/no, a satisfaction score 1–5, likelihood to recommend 0–10, or free text.</summary>
public enum SurveyQuestionKind
{
    YesNo,
    Score5,
    Recommend10,
    Text,
}

/// <summary>What a question measures; analytics and the complaint's category guess read it, whatever the wording.</summary>
public enum SurveyTopic
{
    FixedFirstTime,
    Work,
    Advisor,
    Time,
    PriceExplanation,
    Recommend,
    Comment,
    Other,
}

/// <summary>
/// A survey question an administrator maintains. Changing its wording raises <see cref="Revision"/>; answers copy the
/// text and revision they were given, so old answers keep the question they answered.
/// </summary>
public sealed class SurveyQuestion
{
    public const int TextMaxLength = 200;

    private SurveyQuestion()
    {
    }

    public Guid Id { get; private set; }

    public SurveyTopic Topic { get; private set; }

    public SurveyQuestionKind Kind { get; private set; }

    public string TextZh { get; private set; } = string.Empty;

    public string TextEn { get; private set; } = string.Empty;

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>1 for the first wording, +1 for every change of wording.</summary>
    public int Revision { get; private set; }

    public int Version { get; private set; }

    public static SurveyQuestion Create(SurveyTopic topic, SurveyQuestionKind kind, string textZh, string textEn, int sortOrder) =>
        new() { Id = Guid.CreateVersion7(), Topic = topic, Kind = kind, TextZh = textZh.Trim(), TextEn = textEn.Trim(), SortOrder = sortOrder, IsActive = true, Revision = 1 };

    /// <summary>The kind of an answered question never changes (old answers would not fit); wording, order and activity do.</summary>
    public void Update(string textZh, string textEn, int sortOrder, bool isActive)
    {
        textZh = textZh.Trim();
        textEn = textEn.Trim();
        if (textZh != TextZh || textEn != TextEn)
        {
            Revision++;
        }

        TextZh = textZh;
        TextEn = textEn;
        SortOrder = sortOrder;
        IsActive = isActive;
    }

    public string TextIn(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? TextEn : TextZh;
}

/// <summary>When an answer counts as unhappy; one row for the whole group, edited by an administrator.</summary>
public sealed class SurveyPolicy
{
    public static readonly Guid SingletonId = new("5a1c5e00-0000-7000-8000-000000000001");

    private SurveyPolicy()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>A 1–5 score at or below this is low (default 2).</summary>
    public int LowScoreAtMost { get; private set; }

    /// <summary>A 0–10 recommendation at or below this is low (default 6, a detractor).</summary>
    public int LowRecommendAtMost { get; private set; }

    /// <summary>How long a survey link sent to the customer stays valid.</summary>
    public int LinkValidDays { get; private set; }

    public int Version { get; private set; }

    public static SurveyPolicy Defaults() => new() { Id = SingletonId, LowScoreAtMost = 2, LowRecommendAtMost = 6, LinkValidDays = 14 };

    public static IReadOnlyList<Common.FieldError> Check(int lowScoreAtMost, int lowRecommendAtMost, int linkValidDays)
    {
        var errors = new List<Common.FieldError>();
        if (lowScoreAtMost is < 1 or > 4)
        {
            errors.Add(new Common.FieldError("survey.threshold_score_range", nameof(LowScoreAtMost)));
        }

        if (lowRecommendAtMost is < 0 or > 9)
        {
            errors.Add(new Common.FieldError("survey.threshold_recommend_range", nameof(LowRecommendAtMost)));
        }

        if (linkValidDays is < 1 or > 90)
        {
            errors.Add(new Common.FieldError("survey.link_days_range", nameof(LinkValidDays)));
        }

        return errors;
    }

    public void Update(int lowScoreAtMost, int lowRecommendAtMost, int linkValidDays)
    {
        LowScoreAtMost = lowScoreAtMost;
        LowRecommendAtMost = lowRecommendAtMost;
        LinkValidDays = linkValidDays;
    }
}
