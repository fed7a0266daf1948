using AfterSales.Domain.Knowledge;

namespace AfterSales.Domain.Tests.Knowledge;

public sealed class KnowledgeTextTests
{
    [Fact]
    public void Chinese_runs_give_their_bigrams_and_last_character_and_english_words_upper_case()
    {
        var keys = KnowledgeText.IndexKeys(["刹车异响，A/C not cooling"]);

        // Single Latin letters ("A", "C") are too short to be keys.
        Assert.Equal(["刹车", "车异", "异响", "响", "NOT", "COOLING"], keys);
    }

    [Fact]
    public void Particles_and_english_stop_words_are_no_keys()
    {
        var keys = KnowledgeText.IndexKeys(["客户的车 is in the workshop"]);

        Assert.Equal(["客户", "车", "WORKSHOP"], keys);
    }

    [Fact]
    public void A_query_matches_a_phrase_by_its_bigrams_and_a_single_character_or_word_by_prefix()
    {
        Assert.Equal(
            [new KnowledgeQueryKey("风噪", false), new KnowledgeQueryKey("天", true), new KnowledgeQueryKey("SUNR", true)],
            KnowledgeText.QueryKeys("风噪 天 sunr"));
    }

    [Fact]
    public void Every_occurrence_of_a_character_is_the_start_of_some_key()
    {
        // "漏" occurs at the end of 渗漏 and the start of 漏水: both are found by the prefix 漏.
        var keys = KnowledgeText.IndexKeys(["渗漏", "漏水"]);

        Assert.Equal(2, keys.Count(k => k.StartsWith('漏')));
    }

    [Fact]
    public void Matching_a_new_complaint_uses_bigrams_and_words_but_not_lone_characters()
    {
        Assert.Equal(["中控", "控屏", "屏黑", "黑屏", "SCREEN"], KnowledgeText.MatchKeys("中控屏黑屏 screen"));
    }
}

public sealed class KnowledgeArticleLifecycleTests
{
    private static readonly Dictionary<(KnowledgeArticleStatus, KnowledgeArticleTrigger), KnowledgeArticleStatus> Allowed = new()
    {
        [(KnowledgeArticleStatus.Draft, KnowledgeArticleTrigger.Edit)] = KnowledgeArticleStatus.Draft,
        [(KnowledgeArticleStatus.Draft, KnowledgeArticleTrigger.Publish)] = KnowledgeArticleStatus.Published,
        [(KnowledgeArticleStatus.Draft, KnowledgeArticleTrigger.Retire)] = KnowledgeArticleStatus.Retired,
        [(KnowledgeArticleStatus.Published, KnowledgeArticleTrigger.Edit)] = KnowledgeArticleStatus.Published,
        [(KnowledgeArticleStatus.Published, KnowledgeArticleTrigger.Retire)] = KnowledgeArticleStatus.Retired,
        [(KnowledgeArticleStatus.Retired, KnowledgeArticleTrigger.Publish)] = KnowledgeArticleStatus.Published,
    };

    public static TheoryData<KnowledgeArticleStatus, KnowledgeArticleTrigger> EveryPair()
    {
        var data = new TheoryData<KnowledgeArticleStatus, KnowledgeArticleTrigger>();
        foreach (var state in Enum.GetValues<KnowledgeArticleStatus>())
        {
            foreach (var trigger in Enum.GetValues<KnowledgeArticleTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_state_decides_every_trigger(KnowledgeArticleStatus state, KnowledgeArticleTrigger trigger)
    {
        var move = KnowledgeArticleLifecycle.Decide(state, trigger);

        if (Allowed.TryGetValue((state, trigger), out var to))
        {
            Assert.Equal((to, null), (move.To, move.RefusalCode));
        }
        else
        {
            Assert.Null(move.To);
            Assert.StartsWith("knowledge.", move.RefusalCode, StringComparison.Ordinal);
        }
    }
}
