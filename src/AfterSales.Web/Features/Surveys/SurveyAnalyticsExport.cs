using System.Globalization;
using AfterSales.Web.Features.FollowUps;
using AfterSales.Web.Infrastructure;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace AfterSales.Web.Features.Surveys;

/// <summary>The analytics as an Excel workbook, one sheet per table, headers in the user's language.</summary>
public sealed class ExportSurveyAnalytics(GetSurveyAnalytics analytics, IStringLocalizer<SharedResource> l)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<Outcome<byte[]>> HandleAsync(SurveyAnalyticsRequest request, CancellationToken ct)
    {
        var outcome = await analytics.HandleAsync(request, ct);
        if (!outcome.IsOk)
        {
            return outcome.As<byte[]>();
        }

        var v = outcome.Value!;
        var culture = CultureInfo.CurrentUICulture.Name;
        var sheets = new Dictionary<string, object>
        {
            [Sheet("survey.analytics.summary")] = new[]
            {
                Row(("survey.analytics.period", $"{v.From:yyyy-MM-dd} – {v.To:yyyy-MM-dd}"), ("survey.analytics.responses", v.Overall.Responses),
                    ("survey.analytics.average", v.Overall.AverageScore), ("survey.analytics.nps", v.Overall.Nps), ("survey.analytics.ftf", v.Overall.FirstTimeFixRate),
                    ("survey.analytics.delivered", v.Reach.DeliveredOrders), ("survey.analytics.answered_rate", v.Reach.AnsweredRate),
                    ("survey.analytics.by_call", v.Reach.ByCall), ("survey.analytics.by_link", v.Reach.ByLink),
                    ("survey.analytics.unhappy", v.Unhappy), ("survey.analytics.complaints", v.ComplaintsRaised), ("survey.analytics.praise", v.Praise)),
            },
            [Sheet("survey.analytics.by_question")] = v.ByQuestion.Select(q => Row(
                ("survey.analytics.question", q.TextIn(culture)), ("survey.analytics.answers", q.Answers), ("survey.analytics.average", q.Average), ("survey.analytics.yes_rate", q.YesRate))).ToArray(),
            [Sheet("survey.analytics.by_store")] = Groups(v.ByStore),
            [Sheet("survey.analytics.by_advisor")] = Groups(v.ByAdvisor),
            [Sheet("survey.analytics.by_technician")] = Groups(v.ByTechnician),
            [Sheet("survey.analytics.by_week")] = Trend(v.ByWeek),
            [Sheet("survey.analytics.by_month")] = Trend(v.ByMonth),
            [Sheet("survey.analytics.comments")] = v.Comments.Select(c => Row(
                ("survey.analytics.date", c.AnsweredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("survey.analytics.store", c.StoreName),
                ("survey.analytics.order", c.RepairOrderNumber), ("survey.analytics.average", c.AverageScore), ("survey.analytics.recommend", c.Recommend),
                ("survey.analytics.complaint", c.ComplaintNumber), ("survey.analytics.comment", c.Comment))).ToArray(),
            [Sheet("follow_up_reach.by_store")] = Reach([new FollowUpReachRow(null, null, null, v.Coverage.Overall), .. v.Coverage.ByStore]),
            [Sheet("follow_up_reach.by_week")] = Reach([.. v.Coverage.ByWeek, .. v.Coverage.ByStoreAndWeek]),
            [Sheet("follow_up_reach.by_month")] = Reach([.. v.Coverage.ByMonth, .. v.Coverage.ByStoreAndMonth]),
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        return stream.ToArray();
    }

    private string Sheet(string key) => l[key].Value;

    private Dictionary<string, object?> Row(params (string Key, object? Value)[] cells) =>
        cells.ToDictionary(c => l[c.Key].Value, c => c.Value);

    private Dictionary<string, object?>[] Groups(IReadOnlyList<SurveyGroupFigures> groups) => groups.Select(g => Row(
        ("survey.analytics.name", g.Name), ("survey.analytics.responses", g.Figures.Responses), ("survey.analytics.average", g.Figures.AverageScore),
        ("survey.analytics.nps", g.Figures.Nps), ("survey.analytics.ftf", g.Figures.FirstTimeFixRate))).ToArray();

    private Dictionary<string, object?>[] Reach(IReadOnlyList<FollowUpReachRow> rows) => rows.Select(r => Row(
        ("follow_up_reach.period", r.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("follow_up_reach.store", r.StoreName ?? l["follow_up_reach.all_stores"].Value),
        ("follow_up_reach.deliveries", r.Figures.Deliveries), ("follow_up_reach.do_not_call", r.Figures.DoNotCall), ("follow_up_reach.sampled", r.Figures.Sampled),
        ("follow_up_reach.sampled_percent", r.Figures.SampledPercent), ("follow_up_reach.reached_orders", r.Figures.OrdersReached),
        ("follow_up_reach.coverage", r.Figures.CoveragePercent), ("follow_up_reach.target", r.Figures.TargetPercent),
        ("follow_up_reach.status", l[r.Figures.BelowTarget ? "follow_up_reach.below_target" : r.Figures.Callable == 0 ? "follow_up_reach.no_deliveries" : "follow_up_reach.on_target"].Value),
        ("follow_up_reach.calls", r.Figures.Calls), ("follow_up_reach.attempted", r.Figures.CallsAttempted), ("follow_up_reach.reached", r.Figures.CallsReached),
        ("follow_up_reach.reach_rate", r.Figures.ReachRate), ("follow_up_reach.open", r.Figures.OpenCalls), ("follow_up_reach.attempts", r.Figures.Attempts),
        ("follow_up_reach.no_answer", r.Figures.NoAnswer), ("follow_up_reach.refused", r.Figures.Refused), ("follow_up_reach.wrong_number", r.Figures.WrongNumber),
        ("follow_up_reach.call_back", r.Figures.CallBack))).ToArray();

    private Dictionary<string, object?>[] Trend(IReadOnlyList<SurveyTrendPoint> points) => points.Select(p => Row(
        ("survey.analytics.from", p.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("survey.analytics.responses", p.Figures.Responses),
        ("survey.analytics.average", p.Figures.AverageScore), ("survey.analytics.nps", p.Figures.Nps), ("survey.analytics.ftf", p.Figures.FirstTimeFixRate))).ToArray();
}
