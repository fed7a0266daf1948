namespace AfterSales.Domain.Knowledge;

/// <summary>A draft is written and checked; a published article is what staff find and intake suggests; a retired one is kept but no longer offered.</summary>
public enum KnowledgeArticleStatus
{
    Draft,
    Published,
    Retired,
}

public enum KnowledgeArticleTrigger
{
    Edit,
    Publish,
    Retire,
}

public readonly record struct KnowledgeArticleMove(KnowledgeArticleStatus? To, string? RefusalCode)
{
    public bool IsAllowed => To is not null;

    internal static KnowledgeArticleMove Allow(KnowledgeArticleStatus to) => new(to, null);

    internal static KnowledgeArticleMove Refuse(string code) => new(null, code);
}

/// <summary>The one transition table of a knowledge-base article (知识库文章); no discard arm, so a new state must decide every trigger.</summary>
public static class KnowledgeArticleLifecycle
{
    public const string AlreadyPublished = "knowledge.already_published";
    public const string AlreadyRetired = "knowledge.already_retired";
    public const string RetiredReadOnly = "knowledge.retired_read_only";

    public static KnowledgeArticleMove Decide(KnowledgeArticleStatus state, KnowledgeArticleTrigger trigger) => state switch
    {
        KnowledgeArticleStatus.Draft => trigger switch
        {
            KnowledgeArticleTrigger.Edit => KnowledgeArticleMove.Allow(KnowledgeArticleStatus.Draft),
            KnowledgeArticleTrigger.Publish => KnowledgeArticleMove.Allow(KnowledgeArticleStatus.Published),
            KnowledgeArticleTrigger.Retire => KnowledgeArticleMove.Allow(KnowledgeArticleStatus.Retired),
        },
        KnowledgeArticleStatus.Published => trigger switch
        {
            KnowledgeArticleTrigger.Edit => KnowledgeArticleMove.Allow(KnowledgeArticleStatus.Published),
            KnowledgeArticleTrigger.Publish => KnowledgeArticleMove.Refuse(AlreadyPublished),
            KnowledgeArticleTrigger.Retire => KnowledgeArticleMove.Allow(KnowledgeArticleStatus.Retired),
        },

        // Retired articles are history: to change one, publish it again first.
        KnowledgeArticleStatus.Retired => trigger switch
        {
            KnowledgeArticleTrigger.Edit => KnowledgeArticleMove.Refuse(RetiredReadOnly),
            KnowledgeArticleTrigger.Publish => KnowledgeArticleMove.Allow(KnowledgeArticleStatus.Published),
            KnowledgeArticleTrigger.Retire => KnowledgeArticleMove.Refuse(AlreadyRetired),
        },
    };

    public static IReadOnlyList<KnowledgeArticleTrigger> PermittedTriggers(KnowledgeArticleStatus state) =>
        Enum.GetValues<KnowledgeArticleTrigger>().Where(t => Decide(state, t).IsAllowed).ToList();
}
