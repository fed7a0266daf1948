namespace AfterSales.Domain.Knowledge;

/// <summary>One key of a search: matched whole, or as the start of longer keys.</summary>
public readonly record struct KnowledgeQueryKey(string Key, bool IsPrefix);

/// <summary>
/// Turns text into search keys for the knowledge base. Chinese has no spaces, so a run of Han characters gives
/// its overlapping bigrams (刹车异响 → 刹车, 车异, 异响) plus its last character alone; every other word
/// (English, model codes, numbers) is one upper-cased key. A text contains a phrase when it has all the
/// phrase's bigrams; a single Han character or an English word is found as the start of a key, which covers
/// every place it occurs. Common function words and particles are left out on both sides.
/// </summary>
public static class KnowledgeText
{
    public const int MaxKeyLength = 40;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "A", "AN", "THE", "AND", "OR", "BUT", "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "TO", "OF", "IN", "ON", "AT", "FOR",
        "WITH", "MY", "OUR", "YOUR", "IT", "ITS", "THIS", "THAT", "FROM", "BY", "AS", "HAS", "HAVE", "HAD", "WE", "YOU",
        "HE", "SHE", "THEY", "THEM", "ME", "SO", "THEN", "THAN", "INTO", "DO", "DID", "DOES", "CAN", "WILL", "WOULD",
    };

    // Particles and pronouns that say nothing about the problem; a bigram containing one is no key.
    private const string StopChars = "的了是在我你他她它们和与及或也都就很还又吗呢吧啊着过把被给让";

    public static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>The keys an article is stored under, distinct.</summary>
    public static IReadOnlyList<string> IndexKeys(IEnumerable<string?> texts)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (run, han) in texts.SelectMany(Runs))
        {
            if (han)
            {
                foreach (var bigram in Bigrams(run))
                {
                    keys.Add(bigram);
                }

                if (!StopChars.Contains(run[^1], StringComparison.Ordinal))
                {
                    keys.Add(run[^1].ToString());
                }
            }
            else if (Word(run) is { } word)
            {
                keys.Add(word);
            }
        }

        return keys.ToList();
    }

    /// <summary>What a staff search looks for: every key must match (bigrams exactly; single characters and words as prefixes).</summary>
    public static IReadOnlyList<KnowledgeQueryKey> QueryKeys(string? text, int max = 12)
    {
        var keys = new List<KnowledgeQueryKey>();
        foreach (var (run, han) in Runs(text))
        {
            if (han && run.Length == 1)
            {
                keys.Add(new KnowledgeQueryKey(run, IsPrefix: true));
            }
            else if (han)
            {
                keys.AddRange(Bigrams(run).Select(b => new KnowledgeQueryKey(b, IsPrefix: false)));
            }
            else if (Word(run) is { } word)
            {
                keys.Add(new KnowledgeQueryKey(word, IsPrefix: true));
            }
        }

        return keys.Distinct().Take(max).ToList();
    }

    /// <summary>What a new complaint's text offers to match: the same keys an article is stored under, counted exactly.</summary>
    public static IReadOnlyList<string> MatchKeys(string? text, int max = 200) => IndexKeys([text]).Where(k => k.Length > 1 || !IsHan(k[0])).Take(max).ToList();

    private static IEnumerable<string> Bigrams(string run)
    {
        for (var i = 0; i + 1 < run.Length; i++)
        {
            if (!StopChars.Contains(run[i], StringComparison.Ordinal) && !StopChars.Contains(run[i + 1], StringComparison.Ordinal))
            {
                yield return run.Substring(i, 2);
            }
        }
    }

    private static string? Word(string run)
    {
        var word = run.ToUpperInvariant();
        if (word.Length < 2 || StopWords.Contains(word))
        {
            return null;
        }

        return word.Length > MaxKeyLength ? word[..MaxKeyLength] : word;
    }

    /// <summary>Runs of Han characters and runs of other letters or digits; everything else separates.</summary>
    private static IEnumerable<(string Run, bool Han)> Runs(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var start = -1;
        var han = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var isHan = IsHan(c);
            var isWord = !isHan && char.IsLetterOrDigit(c);
            if (start >= 0 && ((han && !isHan) || (!han && !isWord)))
            {
                yield return (text[start..i], han);
                start = -1;
            }

            if (start < 0 && (isHan || isWord))
            {
                start = i;
                han = isHan;
            }
        }
    }
}
