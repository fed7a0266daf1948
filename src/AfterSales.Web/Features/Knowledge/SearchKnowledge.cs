using AfterSales.Domain.Complaints;
using AfterSales.Domain.Knowledge;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Knowledge;

/// <summary>
/// The knowledge-base list. Text in Chinese or English: every key of the query must be in the article
/// (a Chinese phrase by its bigrams, a single character or an English word as the start of a key).
/// Staff who do not write the knowledge base see published articles only.
/// </summary>
public sealed record SearchKnowledgeRequest(
    string? Query = null,
    KnowledgeArticleStatus? Status = null,
    ComplaintCategory? Category = null,
    Guid? SourceComplaintId = null,
    int? Page = null,
    int? PageSize = null);

/// <summary>The new complaint's words (core problem, expectation…), and its category to prefer among equal matches.</summary>
public sealed record SuggestKnowledgeRequest(string Text, ComplaintCategory? Category = null, int? Max = null);

internal sealed class SuggestKnowledgeValidator : AbstractValidator<SuggestKnowledgeRequest>
{
    public SuggestKnowledgeValidator()
    {
        RuleFor(x => x.Text).MaximumLength(Complaint.CoreProblemMaxLength + Complaint.ExpectationMaxLength);
        RuleFor(x => x.Category).IsInEnum();
        RuleFor(x => x.Max).InclusiveBetween(1, SuggestKnowledge.MaxSuggestions);
    }
}

public sealed class SearchKnowledge(AfterSalesDb db, ICurrentUser user)
{
    public const int PreviewLength = 120;

    public async Task<Page<KnowledgeArticleListItem>> HandleAsync(SearchKnowledgeRequest request, CancellationToken ct)
    {
        var (page, size) = Paging.Clamp(request.Page, request.PageSize);
        var articles = db.Set<KnowledgeArticle>().AsNoTracking();
        if (!WriteKnowledgeArticle.MayWrite(user))
        {
            articles = articles.Where(a => a.Status == KnowledgeArticleStatus.Published);
        }

        if (request.Status is { } status)
        {
            articles = articles.Where(a => a.Status == status);
        }

        if (request.Category is { } category)
        {
            articles = articles.Where(a => a.Category == category);
        }

        if (request.SourceComplaintId is { } source)
        {
            articles = articles.Where(a => a.SourceComplaintId == source);
        }

        var keys = db.Set<KnowledgeKey>();
        foreach (var key in KnowledgeText.QueryKeys(request.Query))
        {
            var k = key.Key;
            if (key.IsPrefix)
            {
                var upper = SearchIndex.UpperBound(k);
                articles = articles.Where(a => keys.Any(x => x.ArticleId == a.Id && string.Compare(x.Key, k) >= 0 && string.Compare(x.Key, upper) < 0));
            }
            else
            {
                articles = articles.Where(a => keys.Any(x => x.ArticleId == a.Id && x.Key == k));
            }
        }

        var total = await articles.CountAsync(ct);
        var rows = await articles.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(a => new { a.Id, a.Title, a.Problem, a.Tags, a.Category, a.Status, a.SourceComplaintNumber, a.UpdatedAt })
            .ToListAsync(ct);
        var items = rows.Select(a => new KnowledgeArticleListItem(a.Id, a.Title, Preview(a.Problem), a.Tags, a.Category, a.Status, a.SourceComplaintNumber, a.UpdatedAt)).ToList();
        return new Page<KnowledgeArticleListItem>(items, page, size, total);
    }

    internal static string Preview(string text) => text.Length > PreviewLength ? text[..PreviewLength] + "…" : text;
}

/// <summary>
/// Published articles that match a new complaint's text, best first: ranked by how many of the text's keys
/// (Chinese bigrams, English words) each article has, counted in the database; at least two must match.
/// </summary>
public sealed class SuggestKnowledge(AfterSalesDb db, RequestValidation validation)
{
    public const int MaxSuggestions = 10;
    public const int DefaultSuggestions = 5;
    public const int MinMatches = 2;

    public async Task<Outcome<IReadOnlyList<KnowledgeSuggestion>>> HandleAsync(SuggestKnowledgeRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<IReadOnlyList<KnowledgeSuggestion>>.Invalid(errors);
        }

        var queryKeys = KnowledgeText.MatchKeys(request.Text);
        var needed = Math.Min(MinMatches, queryKeys.Count);
        if (needed == 0)
        {
            return Outcome<IReadOnlyList<KnowledgeSuggestion>>.Ok([]);
        }

        var published = db.Set<KnowledgeArticle>().Where(a => a.Status == KnowledgeArticleStatus.Published);
        var matches = await db.Set<KnowledgeKey>()
            .Where(k => queryKeys.Contains(k.Key) && published.Any(a => a.Id == k.ArticleId))
            .GroupBy(k => k.ArticleId)
            .Select(g => new { ArticleId = g.Key, Matched = g.Count() })
            .Where(g => g.Matched >= needed)
            .OrderByDescending(g => g.Matched)
            .Take(MaxSuggestions * 3)
            .ToListAsync(ct);
        var ids = matches.Select(m => m.ArticleId).ToList();
        var articles = await db.Set<KnowledgeArticle>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var best = matches
            .OrderByDescending(m => m.Matched)
            .ThenByDescending(m => request.Category is { } c && articles[m.ArticleId].Category == c)
            .ThenByDescending(m => articles[m.ArticleId].PublishedAt)
            .Take(request.Max ?? DefaultSuggestions)
            .Select(m => articles[m.ArticleId])
            .Select(a => new KnowledgeSuggestion(a.Id, a.Title, SearchKnowledge.Preview(a.Cause), SearchKnowledge.Preview(a.Resolution), a.Tags, a.Category,
                matches.First(m => m.ArticleId == a.Id).Matched, queryKeys.Count))
            .ToList();
        return best;
    }
}
