using AfterSales.Domain.Parts;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Parts;

/// <summary>
/// The catalogue search at the parts counter: the text matches the part number by prefix ("04152" finds
/// "04152-YZZA6") or the Chinese or English name by prefix ("机油" or "oil filter"); paged, by number.
/// </summary>
public sealed record SearchPartsRequest(
    string? Q = null,
    PartCategory? Category = null,
    bool? IncludeInactive = null,
    int? Page = null,
    int? PageSize = null);

public sealed class SearchParts(AfterSalesDb db)
{
    public async Task<Page<PartSummary>> HandleAsync(SearchPartsRequest request, CancellationToken ct)
    {
        var (page, size) = Paging.Clamp(request.Page, request.PageSize);
        var parts = db.Set<Part>().AsNoTracking();
        if (request.IncludeInactive != true)
        {
            parts = parts.Where(p => p.IsActive);
        }

        if (request.Category is { } category)
        {
            parts = parts.Where(p => p.Category == category);
        }

        var text = (request.Q ?? string.Empty).Trim();
        if (text.Length > 0)
        {
            var number = Part.NormalizeNumber(text);
            var upperNumber = SearchIndex.UpperBound(number);
            var nameEn = text.ToUpperInvariant();
            var upperNameEn = SearchIndex.UpperBound(nameEn);
            var upperName = SearchIndex.UpperBound(text);
            parts = parts.Where(p =>
                (string.Compare(p.Number, number) >= 0 && string.Compare(p.Number, upperNumber) < 0)
                || (string.Compare(p.NameZh, text) >= 0 && string.Compare(p.NameZh, upperName) < 0)
                || (string.Compare(p.NameEnKey, nameEn) >= 0 && string.Compare(p.NameEnKey, upperNameEn) < 0));
        }

        var ordered = parts.OrderBy(p => p.Number);
        var total = await ordered.CountAsync(ct);
        var rows = await ordered.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<PartSummary>(rows.Select(PartSummary.From).ToList(), page, size, total);
    }
}
