using AfterSales.Domain.Complaints;
using AfterSales.Domain.Knowledge;

namespace AfterSales.Web.Features.Knowledge;

public sealed record KnowledgeArticleView(
    Guid Id,
    int Version,
    string Title,
    string Problem,
    string Cause,
    string Resolution,
    IReadOnlyList<string> Tags,
    ComplaintCategory? Category,
    Guid? SourceComplaintId,
    string? SourceComplaintNumber,
    KnowledgeArticleStatus Status,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    DateTimeOffset? PublishedAt,
    bool MayEdit,
    IReadOnlyList<KnowledgeArticleTrigger> PermittedTriggers)
{
    internal static KnowledgeArticleView Of(KnowledgeArticle a, bool mayEdit) => new(
        a.Id, a.Version, a.Title, a.Problem, a.Cause, a.Resolution, a.Tags, a.Category, a.SourceComplaintId, a.SourceComplaintNumber,
        a.Status, a.CreatedAt, a.CreatedBy, a.UpdatedAt, a.UpdatedBy, a.PublishedAt, mayEdit, mayEdit ? a.PermittedTriggers : []);
}

public sealed record KnowledgeArticleListItem(
    Guid Id,
    string Title,
    string Problem,
    IReadOnlyList<string> Tags,
    ComplaintCategory? Category,
    KnowledgeArticleStatus Status,
    string? SourceComplaintNumber,
    DateTimeOffset UpdatedAt);

/// <summary>An article that matches a new complaint: <see cref="MatchedKeys"/> of the complaint's <see cref="QueryKeys"/> keys are in the article.</summary>
public sealed record KnowledgeSuggestion(
    Guid Id,
    string Title,
    string Cause,
    string Resolution,
    IReadOnlyList<string> Tags,
    ComplaintCategory? Category,
    int MatchedKeys,
    int QueryKeys);
