using AfterSales.Domain.Service;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Quality;

public static class QualityEndpoints
{
    public static IServiceCollection AddQuality(this IServiceCollection services) => services
        .AddScoped<SearchChecklists>()
        .AddScoped<GetChecklist>()
        .AddScoped<CreateChecklist>()
        .AddScoped<UpdateChecklist>()
        .AddScoped<SelfCheckJob>()
        .AddScoped<TeamLeadCheckJob>()
        .AddScoped<InspectOrder>()
        .AddScoped<GetJobQuality>()
        .AddScoped<GetOrderQuality>()
        .AddScoped<GetQualityQueue>()
        .AddScoped<GetReworkStats>()
        .AddScoped<UnfixedIssues>();

    public static void MapQuality(this RouteGroupBuilder api)
    {
        var checklists = api.MapGroup("/quality-checklists").WithTags("Quality control");
        checklists.MapGet("/", async (WorkshopSkill? skill, bool? includeRetired, SearchChecklists handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(skill, includeRetired ?? false, ct)))
            .WithName("SearchQualityChecklists")
            .WithSummary("The quality checklists per trade and labour operation, with their items and safety items.");

        checklists.MapGet("/{id:guid}", async (Guid id, GetChecklist handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetQualityChecklist")
            .Produces<ChecklistView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        checklists.MapPost("/", async (ChecklistRequest request, CreateChecklist handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems, c => TypedResults.Created($"/api/v1/quality-checklists/{c.Id}", c)))
            .RequireAuthorization(Policies.Administrator)
            .WithName("CreateQualityChecklist")
            .WithSummary("Adds the checklist of a trade, or of one labour operation by its code (administrators).")
            .Produces<ChecklistView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        checklists.MapPut("/{id:guid}", async (Guid id, UpdateChecklistRequest request, UpdateChecklist handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .RequireAuthorization(Policies.Administrator)
            .WithName("UpdateQualityChecklist")
            .WithSummary("Changes or retires a checklist (administrators); checks already recorded keep the items they were made with; 409 when someone saved first.")
            .Produces<ChecklistView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var quality = api.MapGroup("/quality").WithTags("Quality control");
        quality.MapGet("/queue", async (Guid? storeId, GetQualityQueue handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(storeId, ct)))
            .WithName("GetQualityQueue")
            .WithSummary("Jobs finished and waiting for the team lead's check, and orders waiting for final inspection, oldest first.");

        quality.MapGet("/rework", async (DateTimeOffset? from, DateTimeOffset? to, Guid? storeId, GetReworkStats handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(from, to, storeId, ct)))
            .WithName("GetReworkStats")
            .WithSummary("Rework counts in a period (default: the last 30 days) per technician and per responsible party.");

        quality.MapGet("/jobs/{jobId:guid}", async (Guid jobId, GetJobQuality handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(jobId, ct)).ToHttp(problems))
            .WithName("GetJobQuality")
            .WithSummary("A job with its order, the checklist it is checked against, its checks and its rework.")
            .Produces<JobQualityView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var orders = api.MapGroup("/repair-orders/{id:guid}").WithTags("Quality control");
        orders.MapGet("/quality", async (Guid id, GetOrderQuality handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetRepairOrderQuality")
            .WithSummary("The order's jobs with their checklists, every check at every level, the rework, whether a road test is needed and the unfixed issues.")
            .Produces<OrderQualityView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapPost("/jobs/{jobId:guid}/self-check", async (Guid id, Guid jobId, SelfCheckRequest request, SelfCheckJob handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, jobId, request, ct)).ToHttp(problems))
            .WithName("SelfCheckRepairJob")
            .WithSummary("The technician's self-check of a job in progress: every item answered and passed; records the check and finishes the job in one save. A failed item refuses with the item named.")
            .Produces<RepairOrderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        orders.MapPost("/jobs/{jobId:guid}/team-lead-check", async (Guid id, Guid jobId, TeamLeadCheckRequest request, TeamLeadCheckJob handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, jobId, request, ct)).ToHttp(problems))
            .WithName("TeamLeadCheckRepairJob")
            .WithSummary("The team lead's check of a finished job: a pass checks it (the last one sends the order to final inspection); a failure sends it back as rework with the reason and the responsible party.")
            .Produces<RepairOrderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        orders.MapPost("/final-inspection", async (Guid id, FinalInspectionRequest request, InspectOrder handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("InspectRepairOrder")
            .WithSummary("QC's final inspection of an order waiting for it: each checked job's checklist and the road test where needed. A pass moves the order to Inspected; a failure sends the failed jobs back as rework and the order back to the workshop.")
            .Produces<RepairOrderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        orders.MapGet("/unfixed-issues", async (Guid id, UnfixedIssues handler, Problems problems, CancellationToken ct) =>
                (await handler.ListAsync(id, ct)).ToHttp(problems))
            .WithName("ListUnfixedIssues")
            .WithSummary("Issues found on this order but not fixed.")
            .Produces<IReadOnlyList<UnfixedIssueView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapPost("/unfixed-issues", async (Guid id, UnfixedIssueRequest request, UnfixedIssues handler, Problems problems, CancellationToken ct) =>
                (await handler.RecordAsync(id, request, ct)).ToHttp(problems, i => TypedResults.Created($"/api/v1/repair-orders/{id}/unfixed-issues", i)))
            .WithName("RecordUnfixedIssue")
            .WithSummary("Writes an issue found but not fixed on a signed, undelivered order: the customer hears of it at delivery and the next booking of the asset shows it.")
            .Produces<UnfixedIssueView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        orders.MapDelete("/unfixed-issues/{issueId:guid}", async (Guid id, Guid issueId, int version, UnfixedIssues handler, Problems problems, CancellationToken ct) =>
                (await handler.WithdrawAsync(id, issueId, version, ct)).ToHttp(problems, _ => TypedResults.NoContent()))
            .WithName("WithdrawUnfixedIssue")
            .WithSummary("Withdraws an issue written by mistake, before delivery; 409 when it changed since it was read.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
