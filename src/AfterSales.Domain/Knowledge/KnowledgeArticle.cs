using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;

namespace AfterSales.Domain.Knowledge;

/// <summary>What an article says: the problem, its cause, the resolution that worked, and tags to find it by.</summary>
public sealed record KnowledgeArticleContent(string Title, string Problem, string Cause, string Resolution, IReadOnlyList<string> Tags, ComplaintCategory? Category);

/// <summary>
/// A knowledge-base article (知识库文章), usually made from a closed complaint. It belongs to the dealer group,
/// not to a store: every store's staff search it. Its words are indexed by <see cref="KnowledgeText"/>.
/// </summary>
public sealed class KnowledgeArticle
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int TagMaxLength = 30;
    public const int MaxTags = 10;

    private KnowledgeArticle()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Problem { get; private set; } = string.Empty;

    public string Cause { get; private set; } = string.Empty;

    public string Resolution { get; private set; } = string.Empty;

    public string[] Tags { get; private set; } = [];

    public ComplaintCategory? Category { get; private set; }

    /// <summary>The case the article was made from, if any.</summary>
    public Guid? SourceComplaintId { get; private set; }

    public string? SourceComplaintNumber { get; private set; }

    public KnowledgeArticleStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    public DateTimeOffset? PublishedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<KnowledgeArticleTrigger> PermittedTriggers => KnowledgeArticleLifecycle.PermittedTriggers(Status);

    /// <summary>Every word of the article as its search keys.</summary>
    public IEnumerable<string> SearchKeys => KnowledgeText.IndexKeys([Title, Problem, Cause, Resolution, .. Tags]);

    public static KnowledgeArticle Draft(KnowledgeArticleContent content, Complaint? source, Actor by, DateTimeOffset now)
    {
        var article = new KnowledgeArticle
        {
            Id = Guid.CreateVersion7(now),
            SourceComplaintId = source?.Id,
            SourceComplaintNumber = source?.Number,
            Status = KnowledgeArticleStatus.Draft,
            CreatedAt = now,
            CreatedBy = by.UserName,
        };
        article.Apply(content, by, now);
        return article;
    }

    /// <summary>
    /// What a closed case says, for the handler to edit before publishing: the core problem, the 5-whys chain
    /// (the last answer is the root cause) and the steps of the plan that closed it. No customer data is copied.
    /// </summary>
    public static KnowledgeArticleContent Prefill(Complaint complaint, IReadOnlyList<string> tags)
    {
        var problem = complaint.CoreProblem.Trim();
        var title = FirstSentence(problem);
        var cause = string.Join("\n", complaint.RootCauseWhys.Select((why, i) => $"{i + 1}. {why}"));
        var resolution = string.Join("\n", complaint.CurrentPlan.Select((a, i) => $"{i + 1}. {a.Description}"));
        var tagList = tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => Clip(t.Trim(), TagMaxLength)).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxTags).ToList();
        return new KnowledgeArticleContent(title, Clip(problem, TextMaxLength), Clip(cause, TextMaxLength), Clip(resolution, TextMaxLength), tagList, complaint.Category);
    }

    public FieldError? Edit(KnowledgeArticleContent content, Actor by, DateTimeOffset now)
    {
        var move = KnowledgeArticleLifecycle.Decide(Status, KnowledgeArticleTrigger.Edit);
        if (!move.IsAllowed)
        {
            return new FieldError(move.RefusalCode!);
        }

        Apply(content, by, now);
        return null;
    }

    public FieldError? Publish(Actor by, DateTimeOffset now)
    {
        var refusal = Move(KnowledgeArticleTrigger.Publish, by, now);
        if (refusal is null)
        {
            PublishedAt = now;
        }

        return refusal;
    }

    public FieldError? Retire(Actor by, DateTimeOffset now) => Move(KnowledgeArticleTrigger.Retire, by, now);

    private FieldError? Move(KnowledgeArticleTrigger trigger, Actor by, DateTimeOffset now)
    {
        var move = KnowledgeArticleLifecycle.Decide(Status, trigger);
        if (move.To is not { } to)
        {
            return new FieldError(move.RefusalCode!);
        }

        Status = to;
        UpdatedAt = now;
        UpdatedBy = by.UserName;
        return null;
    }

    private void Apply(KnowledgeArticleContent content, Actor by, DateTimeOffset now)
    {
        Title = content.Title.Trim();
        Problem = content.Problem.Trim();
        Cause = content.Cause.Trim();
        Resolution = content.Resolution.Trim();
        Tags = content.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        Category = content.Category;
        UpdatedAt = now;
        UpdatedBy = by.UserName;
    }

    private static string FirstSentence(string text)
    {
        var end = text.IndexOfAny(['。', '！', '？', '.', '!', '?', '\n', '，', ',']);
        var sentence = end > 0 ? text[..end] : text;
        return Clip(sentence.Trim(), 60);
    }

    private static string Clip(string text, int max) => text.Length > max ? text[..max] : text;
}
