using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Surveys;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Surveys;

/// <summary>Reads what surveys need about orders, questions and responses; <c>system</c> reads ignore the staff store filter (public pages).</summary>
internal static class SurveyOrders
{
    public static async Task<SurveyOrderView?> OrderAsync(AfterSalesDb db, Guid orderId, bool system, CancellationToken ct)
    {
        var orders = system ? db.Set<RepairOrder>().IgnoreQueryFilters() : db.Set<RepairOrder>();
        var order = await orders.AsNoTracking().Include(o => o.Jobs).AsSplitQuery().FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return null;
        }

        var store = await db.Stores.AsNoTracking().Where(s => s.Id == order.StoreId).Select(s => new { s.Name, s.TimeZoneId }).FirstAsync(ct);
        var customer = await db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == order.CustomerId).Select(c => c.ContactPerson ?? c.Name).FirstAsync(ct);
        var asset = await db.Assets.IgnoreQueryFilters().AsNoTracking().FirstAsync(a => a.Id == order.AssetId, ct);
        return new SurveyOrderView(order.Id, order.Number, order.StoreId, store.Name, store.TimeZoneId, order.CustomerId, customer, order.AssetId, asset.DisplayName, order.DeliveredAt, StaffOf(order));
    }

    /// <summary>The advisor and every technician who worked on an agreed job.</summary>
    public static IReadOnlyList<SurveyStaffView> StaffOf(RepairOrder order)
    {
        var staff = new List<SurveyStaffView>();
        if (!string.IsNullOrWhiteSpace(order.AdvisorName))
        {
            staff.Add(new SurveyStaffView(SurveyStaffRole.Advisor, order.AdvisorId, order.AdvisorName));
        }

        staff.AddRange(order.Jobs
            .Where(j => RepairJobLifecycle.IsAgreed(j.Status) && !string.IsNullOrWhiteSpace(j.TechnicianName))
            .OrderBy(j => j.Position)
            .Select(j => new SurveyStaffView(SurveyStaffRole.Technician, j.TechnicianId, j.TechnicianName!))
            .DistinctBy(s => s.Name));
        return staff;
    }

    public static async Task<IReadOnlyList<SurveyQuestion>> ActiveQuestionsAsync(AfterSalesDb db, CancellationToken ct) =>
        await db.Set<SurveyQuestion>().AsNoTracking().Where(q => q.IsActive).OrderBy(q => q.SortOrder).ToListAsync(ct);

    public static async Task<SurveyPolicy> PolicyAsync(AfterSalesDb db, CancellationToken ct) =>
        await db.Set<SurveyPolicy>().AsNoTracking().FirstOrDefaultAsync(ct) ?? SurveyPolicy.Defaults();

    public static async Task<SurveyResponseView?> ResponseOfOrderAsync(AfterSalesDb db, Guid orderId, CancellationToken ct)
    {
        var response = await db.Set<SurveyResponse>().IgnoreQueryFilters().AsNoTracking().Include(r => r.Answers).Include(r => r.Staff).AsSplitQuery()
            .FirstOrDefaultAsync(r => r.RepairOrderId == orderId, ct);
        return response is null ? null : await ViewAsync(db, response, ct);
    }

    public static async Task<SurveyResponseView> ViewAsync(AfterSalesDb db, SurveyResponse r, CancellationToken ct)
    {
        var link = await db.Set<SurveyComplaint>().AsNoTracking().FirstOrDefaultAsync(c => c.ResponseId == r.Id, ct);
        var praised = await db.Set<StaffPraise>().IgnoreQueryFilters().AsNoTracking().Where(p => p.ResponseId == r.Id).OrderBy(p => p.Role).ThenBy(p => p.StaffName)
            .Select(p => new SurveyStaffView(p.Role, p.StaffId, p.StaffName)).ToListAsync(ct);
        return new SurveyResponseView(
            r.Id,
            r.RepairOrderId,
            r.RepairOrderNumber,
            r.FollowUpCallId,
            r.Channel,
            r.AnsweredAt,
            r.RecordedByName,
            r.Comment,
            r.AgentNotes,
            r.FixedFirstTime,
            r.Recommend,
            r.AverageScore,
            r.IsUnhappy,
            link?.ComplaintId,
            link?.ComplaintNumber,
            r.Answers.OrderBy(a => a.SortOrder).Select(a => new SurveyAnswerView(a.QuestionId, a.QuestionRevision, a.Topic, a.Kind, a.QuestionZh, a.QuestionEn, a.Score, a.Yes, a.Text)).ToList(),
            praised);
    }
}
