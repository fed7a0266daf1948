using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Stores;
using AfterSales.Domain.Surveys;
using AfterSales.Web.Features.FollowUps;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Surveys;

/// <summary>A period of answer dates (the store's local dates, both ends included) and optionally one store.</summary>
public sealed record SurveyAnalyticsRequest(DateOnly? From = null, DateOnly? To = null, Guid? StoreId = null);

/// <summary>Figures of one group of responses: average of the 1–5 answers, NPS, share fixed on the first visit.</summary>
public sealed record SurveyFigures(int Responses, int ScoreAnswers, decimal? AverageScore, int RecommendAnswers, int Promoters, int Detractors, decimal? Nps, int FixAnswers, int FixedFirstTime, decimal? FirstTimeFixRate);

public sealed record SurveyQuestionFigures(Guid QuestionId, SurveyTopic Topic, SurveyQuestionKind Kind, string TextZh, string TextEn, int Answers, decimal? Average, decimal? YesRate)
{
    public string TextIn(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? TextEn : TextZh;
}

public sealed record SurveyGroupFigures(string Name, Guid? Id, SurveyFigures Figures);

public sealed record SurveyTrendPoint(DateOnly Start, SurveyFigures Figures);

public sealed record SurveyCommentView(Guid ResponseId, DateOnly AnsweredOn, string StoreName, string RepairOrderNumber, SurveyChannel Channel, decimal? AverageScore, int? Recommend, bool IsUnhappy, string? ComplaintNumber, string Comment);

/// <summary>
/// Reach computed from surveys alone: delivered orders in the period and store, and how many have an answer. Follow-up
/// call coverage (sampled, calls attempted, reached against the policy's target) is <see cref="SurveyAnalyticsView.Coverage"/>.
/// </summary>
public sealed record SurveyReach(int DeliveredOrders, int AnsweredOrders, decimal? AnsweredRate, int ByCall, int ByLink);

public sealed record SurveyAnalyticsView(
    DateOnly From,
    DateOnly To,
    Guid? StoreId,
    SurveyFigures Overall,
    SurveyReach Reach,
    int Unhappy,
    int ComplaintsRaised,
    int Praise,
    IReadOnlyList<SurveyQuestionFigures> ByQuestion,
    IReadOnlyList<SurveyGroupFigures> ByStore,
    IReadOnlyList<SurveyGroupFigures> ByAdvisor,
    IReadOnlyList<SurveyGroupFigures> ByTechnician,
    IReadOnlyList<SurveyGroupFigures> PraiseByStaff,
    IReadOnlyList<SurveyTrendPoint> ByWeek,
    IReadOnlyList<SurveyTrendPoint> ByMonth,
    IReadOnlyList<SurveyCommentView> Comments,
    FollowUpReachView Coverage);

/// <summary>
/// Managers' survey analytics. Every figure is a GROUP BY in the database (a fixed number of queries, whatever the
/// number of responses); averages are exact sums over counts.
/// </summary>
public sealed class GetSurveyAnalytics(AfterSalesDb db, ICurrentUser user, TimeProvider clock, GetFollowUpReach followUpReach)
{
    public const int CommentLimit = 100;

    public async Task<Outcome<SurveyAnalyticsView>> HandleAsync(SurveyAnalyticsRequest request, CancellationToken ct)
    {
        if (request.StoreId is { } storeId && (!user.Scope.Includes(storeId) || !await db.Stores.AnyAsync(s => s.Id == storeId, ct)))
        {
            return Outcome<SurveyAnalyticsView>.NotFound();
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(Store.DefaultTimeZone)).DateTime);
        var to = request.To ?? today;
        var from = request.From ?? to.AddDays(-89);
        if (from > to)
        {
            return Outcome<SurveyAnalyticsView>.Invalid("survey.period_invalid", nameof(request.From));
        }

        var responses = db.Set<SurveyResponse>().Where(r => r.AnsweredOn >= from && r.AnsweredOn <= to);
        if (request.StoreId is { } only)
        {
            responses = responses.Where(r => r.StoreId == only);
        }

        var scores = from a in db.Set<SurveyAnswer>()
                     join r in responses on a.ResponseId equals r.Id
                     where a.Kind == SurveyQuestionKind.Score5
                     select new { r.Id, r.StoreId, r.AnsweredWeek, r.AnsweredMonth, Score = a.Score ?? 0 };

        // Whole period: one row.
        var overallRows = await Figures(responses.GroupBy(r => 1)).ToListAsync(ct);
        var overallScores = await scores.GroupBy(s => 1).Select(g => new ScoreRow<int>(g.Key, g.Count(), g.Sum(s => s.Score))).ToListAsync(ct);
        var overall = Combine(overallRows.FirstOrDefault(), overallScores.FirstOrDefault());

        var counts = await responses.GroupBy(r => 1).Select(g => new
        {
            Unhappy = g.Count(r => r.IsUnhappy),
            ByCall = g.Count(r => r.Channel == SurveyChannel.Call),
            ByLink = g.Count(r => r.Channel == SurveyChannel.Link),
        }).FirstOrDefaultAsync(ct);
        var complaintsRaised = await db.Set<SurveyComplaint>().CountAsync(c => responses.Any(r => r.Id == c.ResponseId), ct);
        var praise = await db.Set<StaffPraise>().CountAsync(p => responses.Any(r => r.Id == p.ResponseId), ct);

        // Reach: delivered orders of the same period (store-local delivery date approximated by the group's zone bounds).
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Store.DefaultTimeZone);
        var fromUtc = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(from.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
        var toUtc = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
        var delivered = db.Set<RepairOrder>().Where(o => o.DeliveredAt != null && o.DeliveredAt >= fromUtc && o.DeliveredAt < toUtc);
        if (request.StoreId is { } deliveredStore)
        {
            delivered = delivered.Where(o => o.StoreId == deliveredStore);
        }

        var deliveredCount = await delivered.CountAsync(ct);
        var answeredDelivered = await delivered.CountAsync(o => db.Set<SurveyResponse>().Any(r => r.RepairOrderId == o.Id), ct);
        var reach = new SurveyReach(deliveredCount, answeredDelivered, Rate(answeredDelivered, deliveredCount), counts?.ByCall ?? 0, counts?.ByLink ?? 0);

        // By question (answers keep their own wording; the question's current wording names the row).
        var byQuestionRows = await (from a in db.Set<SurveyAnswer>()
                                    join r in responses on a.ResponseId equals r.Id
                                    group a by new { a.QuestionId, a.Kind } into g
                                    select new
                                    {
                                        g.Key.QuestionId,
                                        g.Key.Kind,
                                        Count = g.Count(),
                                        Sum = g.Sum(a => a.Score ?? 0),
                                        Yes = g.Count(a => a.Yes == true),
                                    }).ToListAsync(ct);
        var questions = await db.Set<SurveyQuestion>().AsNoTracking().ToDictionaryAsync(q => q.Id, ct);
        var byQuestion = byQuestionRows
            .Where(r => questions.ContainsKey(r.QuestionId))
            .Select(r =>
            {
                var q = questions[r.QuestionId];
                return new SurveyQuestionFigures(q.Id, q.Topic, r.Kind, q.TextZh, q.TextEn, r.Count,
                    r.Kind is SurveyQuestionKind.Score5 or SurveyQuestionKind.Recommend10 ? Average(r.Sum, r.Count) : null,
                    r.Kind == SurveyQuestionKind.YesNo ? Rate(r.Yes, r.Count) : null);
            })
            .OrderBy(r => questions[r.QuestionId].SortOrder)
            .ToList();

        // By store.
        var storeRows = await Figures(responses.GroupBy(r => r.StoreId)).ToListAsync(ct);
        var storeScores = await scores.GroupBy(s => s.StoreId).Select(g => new ScoreRow<Guid>(g.Key, g.Count(), g.Sum(s => s.Score))).ToListAsync(ct);
        var storeNames = await db.Stores.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var byStore = storeRows.Select(r => new SurveyGroupFigures(storeNames.GetValueOrDefault(r.Key, "?"), r.Key, Combine(r, storeScores.FirstOrDefault(s => s.Key == r.Key))))
            .OrderBy(g => g.Name, StringComparer.Ordinal).ToList();

        var byAdvisor = await ByStaffAsync(responses, SurveyStaffRole.Advisor, ct);
        var byTechnician = await ByStaffAsync(responses, SurveyStaffRole.Technician, ct);
        var praiseRows = await db.Set<StaffPraise>().Where(p => responses.Any(r => r.Id == p.ResponseId))
            .GroupBy(p => p.StaffName).Select(g => new { Name = g.Key, Count = g.Count() }).ToListAsync(ct);
        var praiseByStaff = praiseRows.OrderByDescending(p => p.Count).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new SurveyGroupFigures(p.Name, null, new SurveyFigures(p.Count, 0, null, 0, 0, 0, null, 0, 0, null))).ToList();

        // Trends.
        var weekRows = await Figures(responses.GroupBy(r => r.AnsweredWeek)).ToListAsync(ct);
        var weekScores = await scores.GroupBy(s => s.AnsweredWeek).Select(g => new ScoreRow<DateOnly>(g.Key, g.Count(), g.Sum(s => s.Score))).ToListAsync(ct);
        var byWeek = weekRows.OrderBy(r => r.Key).Select(r => new SurveyTrendPoint(r.Key, Combine(r, weekScores.FirstOrDefault(s => s.Key == r.Key)))).ToList();
        var monthRows = await Figures(responses.GroupBy(r => r.AnsweredMonth)).ToListAsync(ct);
        var monthScores = await scores.GroupBy(s => s.AnsweredMonth).Select(g => new ScoreRow<DateOnly>(g.Key, g.Count(), g.Sum(s => s.Score))).ToListAsync(ct);
        var byMonth = monthRows.OrderBy(r => r.Key).Select(r => new SurveyTrendPoint(r.Key, Combine(r, monthScores.FirstOrDefault(s => s.Key == r.Key)))).ToList();

        // Latest comments, with the complaint they raised.
        var comments = await (from r in responses
                              where r.Comment != null
                              join c in db.Set<SurveyComplaint>() on r.Id equals c.ResponseId into raised
                              from c in raised.DefaultIfEmpty()
                              orderby r.AnsweredAt descending
                              select new { r.Id, r.AnsweredOn, r.StoreId, r.RepairOrderNumber, r.Channel, r.AverageScore, r.Recommend, r.IsUnhappy, Number = c == null ? null : c.ComplaintNumber, r.Comment })
            .Take(CommentLimit).ToListAsync(ct);

        // Follow-up coverage and reach of the deliveries in the same period.
        var coverage = await followUpReach.HandleAsync(new FollowUpReachRequest(from, to, request.StoreId), ct);
        if (!coverage.IsOk)
        {
            return coverage.As<SurveyAnalyticsView>();
        }

        return new SurveyAnalyticsView(
            from,
            to,
            request.StoreId,
            overall,
            reach,
            counts?.Unhappy ?? 0,
            complaintsRaised,
            praise,
            byQuestion,
            byStore,
            byAdvisor,
            byTechnician,
            praiseByStaff,
            byWeek,
            byMonth,
            comments.Select(c => new SurveyCommentView(c.Id, c.AnsweredOn, storeNames.GetValueOrDefault(c.StoreId, "?"), c.RepairOrderNumber, c.Channel, c.AverageScore, c.Recommend, c.IsUnhappy, c.Number, c.Comment!)).ToList(),
            coverage.Value!);
    }

    private async Task<IReadOnlyList<SurveyGroupFigures>> ByStaffAsync(IQueryable<SurveyResponse> responses, SurveyStaffRole role, CancellationToken ct)
    {
        var staff = db.Set<SurveyResponseStaff>().Where(s => s.Role == role);
        var rows = await (from s in staff
                          join r in responses on s.ResponseId equals r.Id
                          group r by s.Name into g
                          select new FigureRow<string>(
                              g.Key,
                              g.Count(),
                              g.Count(r => r.Recommend != null),
                              g.Count(r => r.Recommend >= 9),
                              g.Count(r => r.Recommend <= 6),
                              g.Count(r => r.FixedFirstTime != null),
                              g.Count(r => r.FixedFirstTime == true))).ToListAsync(ct);
        var scoreRows = await (from s in staff
                               join r in responses on s.ResponseId equals r.Id
                               join a in db.Set<SurveyAnswer>() on r.Id equals a.ResponseId
                               where a.Kind == SurveyQuestionKind.Score5
                               group a by s.Name into g
                               select new ScoreRow<string>(g.Key, g.Count(), g.Sum(a => a.Score ?? 0))).ToListAsync(ct);
        var ids = await staff.Where(s => s.StaffId != null && responses.Any(r => r.Id == s.ResponseId))
            .Select(s => new { s.Name, Id = s.StaffId }).Distinct().ToListAsync(ct);
        return rows.Select(r => new SurveyGroupFigures(r.Key, ids.FirstOrDefault(i => i.Name == r.Key)?.Id, Combine(r, scoreRows.FirstOrDefault(s => s.Key == r.Key))))
            .OrderByDescending(g => g.Figures.AverageScore ?? -1).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
    }

    private static IQueryable<FigureRow<TKey>> Figures<TKey>(IQueryable<IGrouping<TKey, SurveyResponse>> groups) =>
        groups.Select(g => new FigureRow<TKey>(
            g.Key,
            g.Count(),
            g.Count(r => r.Recommend != null),
            g.Count(r => r.Recommend >= 9),
            g.Count(r => r.Recommend <= 6),
            g.Count(r => r.FixedFirstTime != null),
            g.Count(r => r.FixedFirstTime == true)));

    private static SurveyFigures Combine<TKey>(FigureRow<TKey>? r, ScoreRow<TKey>? s) => r is null
        ? new SurveyFigures(0, 0, null, 0, 0, 0, null, 0, 0, null)
        : new SurveyFigures(
            r.Responses,
            s?.Count ?? 0,
            s is null ? null : Average(s.Sum, s.Count),
            r.RecommendAnswers,
            r.Promoters,
            r.Detractors,
            SurveyRules.NetPromoterScore(r.Promoters, r.Detractors, r.RecommendAnswers),
            r.FixAnswers,
            r.Fixed,
            Rate(r.Fixed, r.FixAnswers));

    private static decimal? Average(int sum, int count) => count == 0 ? null : Math.Round((decimal)sum / count, 2);

    private static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1);

    private sealed record FigureRow<TKey>(TKey Key, int Responses, int RecommendAnswers, int Promoters, int Detractors, int FixAnswers, int Fixed);

    private sealed record ScoreRow<TKey>(TKey Key, int Count, int Sum);
}
