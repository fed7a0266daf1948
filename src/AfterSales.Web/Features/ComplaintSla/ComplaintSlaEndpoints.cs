using AfterSales.Domain.Complaints;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Jobs;

namespace AfterSales.Web.Features.ComplaintSla;

public static class ComplaintSlaEndpoints
{
    public static IServiceCollection AddComplaintSla(this IServiceCollection services)
    {
        services.AddOptions<SlaOptions>()
            .BindConfiguration(SlaOptions.Section)
            .Validate(o => o.Escalator.Interval > TimeSpan.Zero && o.Escalator.BatchSize > 0, "Complaints:Sla:Escalator needs a positive Interval and BatchSize.")
            .ValidateOnStart();
        services.AddScoped<ComplaintSlaReader>()
            .AddScoped<GetComplaintSla>()
            .AddScoped<RecordProgressUpdate>()
            .AddScoped<EscalateDueComplaints>()
            .AddScoped<ListSubCategories>()
            .AddScoped<CreateSubCategory>()
            .AddScoped<UpdateSubCategory>()
            .AddScoped<ListSlaPolicies>()
            .AddScoped<SaveSlaPolicy>()
            .AddScoped<ResetSlaPolicy>();
        services.AddHostedService<SlaEscalator>();
        return services;
    }

    public static void MapComplaintSla(this RouteGroupBuilder api)
    {
        var complaints = api.MapGroup("/complaints").WithTags("Complaint SLA");

        complaints.MapGet("/{id:guid}/sla", async (Guid id, GetComplaintSla handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetComplaintSla")
            .WithSummary("The complaint's SLA clocks in the store's working hours (started, paused, met, warning and breach times, time left), its escalations and progress updates.")
            .Produces<ComplaintSlaView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        complaints.MapPost("/{id:guid}/progress-updates", async (Guid id, RecordProgressUpdateRequest request, RecordProgressUpdate handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("RecordComplaintProgressUpdate")
            .WithSummary("Records a progress update or contact with the customer; with sendToCustomer the text goes out by SMS. Restarts the progress-update interval.")
            .Produces<ProgressUpdateView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var subCategories = api.MapGroup("/complaint-subcategories").WithTags("Complaint SLA");
        var adminSub = subCategories.MapGroup("/").RequireAuthorization(Policies.Administrator).ProducesProblem(StatusCodes.Status403Forbidden);

        subCategories.MapGet("/", async ([AsParameters] ListSubCategoriesRequest request, ListSubCategories handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .WithName("ListComplaintSubCategories")
            .WithSummary("Sub-categories of complaint categories, in order; the active ones unless includeInactive.");

        adminSub.MapPost("/", async (CreateSubCategoryRequest request, CreateSubCategory handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems, s => TypedResults.Created($"/api/v1/complaint-subcategories/{s.Id}", s)))
            .WithName("CreateComplaintSubCategory")
            .WithSummary("Adds a sub-category (administrators).")
            .Produces<SubCategoryView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        adminSub.MapPut("/{id:guid}", async (Guid id, UpdateSubCategoryRequest request, UpdateSubCategory handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("UpdateComplaintSubCategory")
            .WithSummary("Renames, reorders, deactivates or reactivates a sub-category (administrators); 409 when someone saved first.")
            .Produces<SubCategoryView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var policies = api.MapGroup("/complaint-sla-policies").WithTags("Complaint SLA").RequireAuthorization(Policies.Administrator)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        policies.MapGet("/", async (ListSlaPolicies handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithName("ListComplaintSlaPolicies")
            .WithSummary("Every SLA rule in force, by urgency and channel: saved ones and untouched defaults (administrators).");

        policies.MapPut("/", async (SaveSlaPolicyRequest request, SaveSlaPolicy handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems))
            .WithName("SaveComplaintSlaPolicy")
            .WithSummary("Saves the rule for an urgency and a channel (channel null: every channel without its own rule); limits in working minutes.")
            .Produces<SlaPolicyView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        policies.MapDelete("/", async (ComplaintUrgency urgency, ComplaintChannel? channel, ResetSlaPolicy handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(urgency, channel, ct)).ToHttp(problems))
            .WithName("ResetComplaintSlaPolicy")
            .WithSummary("Drops a saved rule so the default applies again; answers with the rule now in force.")
            .Produces<SlaPolicyView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
