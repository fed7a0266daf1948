using AfterSales.Web.Features.Complaints.Capa;
using AfterSales.Web.Features.Complaints.Handling;
using AfterSales.Web.Features.Complaints.Public;
using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Complaints;

public static class ComplaintEndpoints
{
    public static IServiceCollection AddComplaints(this IServiceCollection services) => services
        .AddScoped<RecordComplaint>()
        .AddScoped<ComplaintIntakeDesk>()
        .AddScoped<FindDuplicates>()
        .AddScoped<GetComplaint>()
        .AddScoped<GetComplaintHistory>()
        .AddScoped<SearchComplaints>()
        .AddScoped<ComplaintGate>()
        .AddScoped<AcknowledgeComplaint>()
        .AddScoped<StartInvestigation>()
        .AddScoped<ReclassifyComplaint>()
        .AddScoped<MergeComplaint>()
        .AddScoped<ListSpecialists>()
        .AddScoped<ListTechnicians>()
        .AddComplaintHandling()
        .AddComplaintCapas();

    public static void MapComplaints(this RouteGroupBuilder api)
    {
        api.MapComplaintHandling();
        api.MapComplaintCapas();
        var group = api.MapGroup("/complaints").WithTags("Complaints");

        group.MapGet("/", async ([AsParameters] SearchComplaintsRequest request, SearchComplaints handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .WithName("SearchComplaints")
            .WithSummary("The complaint list, newest first; filters by status, urgency, category, store, and text on the number or the customer; paged.");

        group.MapPost("/", async (RecordComplaintRequest request, RecordComplaint handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems, r => TypedResults.Created($"/api/v1/complaints/{r.Complaint.Id}", r)))
            .WithName("RecordComplaint")
            .WithSummary("Records a complaint; the answer lists open complaints of the same customer, asset or repair order.")
            .Produces<RecordedComplaint>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/duplicates", async ([AsParameters] FindDuplicatesRequest request, FindDuplicates handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .WithName("FindDuplicateComplaints")
            .WithSummary("Open complaints of a customer, an asset or a repair order, to check before recording a new one.");

        group.MapGet("/specialists", async (Guid storeId, ListSpecialists handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(storeId, ct)))
            .WithName("ListComplaintSpecialists")
            .WithSummary("Who can take a complaint of a store.");

        group.MapGet("/technicians", async (Guid storeId, ListTechnicians handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(storeId, ct)))
            .WithName("ListComplaintTechnicians")
            .WithSummary("The store's technicians and team leads, to name whose work a complaint is about.");

        group.MapGet("/{id:guid}", async (Guid id, GetComplaint handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetComplaint")
            .Produces<ComplaintView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/history", async (Guid id, GetComplaintHistory handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetComplaintHistory")
            .WithSummary("Every status change and reclassification: who, when, from, to, why.")
            .Produces<IReadOnlyList<ComplaintStatusChangeView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/acknowledge", async (Guid id, AcknowledgeComplaintRequest request, AcknowledgeComplaint handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("AcknowledgeComplaint")
            .Produces<ComplaintView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/classification", async (Guid id, ReclassifyComplaintRequest request, ReclassifyComplaint handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("ReclassifyComplaint")
            .WithSummary("Changes the category, sub-category or urgency with a reason; the SLA clocks not yet met follow the new urgency's policy from their original start.")
            .Produces<ComplaintView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/merge", async (Guid id, MergeComplaintRequest request, MergeComplaint handler, HttpContext http, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, http.Request.PublicBase(), ct)).ToHttp(problems))
            .WithName("MergeDuplicateComplaint")
            .WithSummary("Closes the complaint as a duplicate of another open complaint of the same customer, which handles both; the customer is told once, on the surviving case.")
            .Produces<ComplaintView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/investigation", async (Guid id, StartInvestigationRequest request, StartInvestigation handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("StartComplaintInvestigation")
            .WithSummary("Assigns a specialist and starts the investigation.")
            .Produces<ComplaintView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
