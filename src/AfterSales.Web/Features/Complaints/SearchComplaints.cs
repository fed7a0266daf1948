using AfterSales.Domain.Complaints;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints;

/// <summary>
/// The complaint list, newest first. Text matches the number by prefix ("TS-2026-0001") or the customer by
/// anything the customer search knows (name, phone, plate, VIN…), both over indexes.
/// </summary>
public sealed record SearchComplaintsRequest(
    string? Query = null,
    ComplaintStatus? Status = null,
    ComplaintUrgency? Urgency = null,
    ComplaintCategory? Category = null,
    Guid? StoreId = null,
    int? Page = null,
    int? PageSize = null,
    ComplaintSort? Sort = null);

public enum ComplaintSort
{
    /// <summary>Newest first (the default).</summary>
    Newest,

    /// <summary>What breaches soonest first: complaints the escalation job has not looked at yet, then by the soonest breach, then those without one.</summary>
    BreachesSoonest,
}

public sealed class SearchComplaints(AfterSalesDb db, ComplaintSla.ComplaintSlaReader sla)
{
    public async Task<Page<ComplaintListItem>> HandleAsync(SearchComplaintsRequest request, CancellationToken ct)
    {
        var (page, size) = Paging.Clamp(request.Page, request.PageSize);
        var complaints = db.Set<Complaint>().AsNoTracking();
        if (request.Status is { } status)
        {
            complaints = complaints.Where(c => c.Status == status);
        }

        if (request.Urgency is { } urgency)
        {
            complaints = complaints.Where(c => c.Urgency == urgency);
        }

        if (request.Category is { } category)
        {
            complaints = complaints.Where(c => c.Category == category);
        }

        if (request.StoreId is { } storeId)
        {
            complaints = complaints.Where(c => c.StoreId == storeId);
        }

        var number = (request.Query ?? string.Empty).Trim().ToUpperInvariant();
        var term = SearchIndex.Normalize(request.Query);
        if (term.Length > 0)
        {
            var upperNumber = number.Length > 0 ? SearchIndex.UpperBound(number) : number;
            var upperTerm = SearchIndex.UpperBound(term);
            var customers = db.SearchTerms
                .Where(t => string.Compare(t.Term, term) >= 0 && string.Compare(t.Term, upperTerm) < 0)
                .Select(t => t.CustomerId);
            complaints = complaints.Where(c =>
                (string.Compare(c.Number, number) >= 0 && string.Compare(c.Number, upperNumber) < 0) || customers.Contains(c.CustomerId));
        }

        var ordered = request.Sort == ComplaintSort.BreachesSoonest
            ? ComplaintSla.SlaOrdering.BreachesSoonest(db, complaints)
            : complaints.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Number);
        var total = await ordered.CountAsync(ct);
        var rows = await ordered.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var items = await sla.AttachAsync(rows, await ComplaintViews.ListAsync(db, rows, ct), ct);
        return new Page<ComplaintListItem>(items, page, size, total);
    }
}
