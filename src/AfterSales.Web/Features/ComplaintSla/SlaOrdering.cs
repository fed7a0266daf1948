using AfterSales.Domain.Complaints;
using AfterSales.Web.Persistence;

namespace AfterSales.Web.Features.ComplaintSla;

internal static class SlaOrdering
{
    /// <summary>
    /// Sorts in the database by the soonest breach the escalation job recorded. A complaint it has not seen yet is new,
    /// and its acknowledgement is the tightest clock there is, so it comes first; complaints without a coming breach last.
    /// </summary>
    public static IOrderedQueryable<Complaint> BreachesSoonest(AfterSalesDb db, IQueryable<Complaint> complaints)
    {
        var tracking = db.Set<ComplaintSlaTracking>();
        return complaints
            .OrderBy(c => !tracking.Any(t => t.ComplaintId == c.Id) ? 0 : tracking.Any(t => t.ComplaintId == c.Id && t.NextBreachAt != null) ? 1 : 2)
            .ThenBy(c => tracking.Where(t => t.ComplaintId == c.Id).Select(t => t.NextBreachAt).FirstOrDefault())
            .ThenBy(c => c.ReceivedAt)
            .ThenBy(c => c.Number);
    }
}
