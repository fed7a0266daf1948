using System.Globalization;
using AfterSales.Web.Infrastructure;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace AfterSales.Web.Features.Complaints.Overview;

/// <summary>The same figures as the overview, one sheet per table, headers in the reader's language.</summary>
public sealed class ExportComplaintOverview(ComplaintOverview overview, IStringLocalizer<SharedResource> L)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<Outcome<byte[]>> HandleAsync(ComplaintOverviewRequest request, CancellationToken ct)
    {
        var outcome = await overview.HandleAsync(request, ct);
        if (outcome.Value is not { } o)
        {
            return outcome.As<byte[]>();
        }

        string Text(string key) => L[key].Value;
        var summary = new List<Dictionary<string, object?>>
        {
            Row(Text("overview.period"), $"{o.From:yyyy-MM-dd} – {o.To:yyyy-MM-dd}"),
            Row(Text("overview.received"), o.Received),
            Row(Text("overview.open"), o.OpenTotal),
            Row(Text("overview.sla_compliance"), o.Sla.CompliancePercent),
            Row(Text("overview.sla_clocks"), o.Sla.Clocks),
            Row(Text("overview.breaches"), o.Sla.Breached),
            Row(Text("overview.repeat"), o.Repeat),
            Row(Text("overview.repeat_percent"), o.RepeatPercent),
            Row(Text("overview.closed"), o.Closed),
            Row(Text("overview.hours_to_close"), o.AverageCalendarHoursToClose),
            Row(Text("overview.customer_answers"), o.CustomerAnswers),
            Row(Text("overview.acceptance"), o.AcceptancePercent),
        };
        summary.AddRange(o.Sla.ByClock.Select(b => Row($"{Text("overview.breaches")} · {Text($"enum.SlaClockKind.{b.Clock}")}", b.Breached)));

        var sheets = new Dictionary<string, object>
        {
            [Text("overview.sheet_summary")] = summary,
            [Text("overview.open_by_state")] = o.OpenByStateAndUrgency.Select(r => new Dictionary<string, object?>
            {
                [Text("complaints.status")] = Text($"enum.ComplaintStatus.{r.Status}"),
                [Text("field.Urgency")] = Text($"enum.ComplaintUrgency.{r.Urgency}"),
                [Text("overview.count")] = r.Count,
            }).ToList(),
            [Text("overview.categories")] = Pareto(o.Categories.Select(c => c with { Label = Text($"enum.ComplaintCategory.{c.Key}") }), Text("field.Category")),
            [Text("overview.sub_categories")] = Pareto(o.SubCategories.Select(c => c.Key == ComplaintOverview.NoSubCategory ? c with { Label = Text("overview.no_sub_category") } : c), Text("field.SubCategory")),
            [Text("overview.by_store")] = Counts(o.ByStore, Text("complaints.store")),
            [Text("overview.by_technician")] = Counts(o.ByTechnician, Text("field.TechnicianId")),
            [Text("overview.by_model")] = Counts(o.ByModel, Text("field.Model")),
        };

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        return stream.ToArray();

        Dictionary<string, object?> Row(string figure, object? value) => new() { [Text("overview.figure")] = figure, [Text("overview.value")] = value };

        List<Dictionary<string, object?>> Pareto(IEnumerable<ParetoRow> rows, string label) => rows.Select(r => new Dictionary<string, object?>
        {
            [label] = r.Label,
            [Text("overview.count")] = r.Count,
            [Text("overview.percent")] = r.Percent,
            [Text("overview.cumulative_percent")] = r.CumulativePercent,
        }).ToList();

        List<Dictionary<string, object?>> Counts(IEnumerable<GroupCount> rows, string label) => rows.Select(r => new Dictionary<string, object?>
        {
            [label] = r.Label,
            [Text("overview.count")] = r.Count,
        }).ToList();
    }

    public static string FileName(ComplaintOverviewRequest request, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"complaints-overview-{request.From?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "30d"}-{now:yyyyMMddHHmm}.xlsx");
}

public static class ComplaintOverviewEndpoints
{
    public static IServiceCollection AddComplaintOverview(this IServiceCollection services) => services
        .AddScoped<ComplaintOverview>()
        .AddScoped<ExportComplaintOverview>();

    public static void MapComplaintOverview(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/complaints/overview").WithTags("Complaints");

        group.MapGet("/", async ([AsParameters] ComplaintOverviewRequest request, ComplaintOverview handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems))
            .WithName("GetComplaintOverview")
            .WithSummary("Complaint statistics for a period (local dates, both included) and optionally one store: open by state and urgency, SLA compliance, "
                + "breaches, Pareto of categories and sub-categories, by store, technician and model, repeats, average calendar hours to close, acceptance rate.")
            .Produces<ComplaintOverviewView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/export", async ([AsParameters] ComplaintOverviewRequest request, ExportComplaintOverview handler, Problems problems, TimeProvider clock, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems, bytes => TypedResults.File(bytes, ExportComplaintOverview.ContentType, ExportComplaintOverview.FileName(request, clock.GetUtcNow()))))
            .WithName("ExportComplaintOverview")
            .WithSummary("The same figures as an Excel workbook, one sheet per table.")
            .Produces(StatusCodes.Status200OK, contentType: ExportComplaintOverview.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
