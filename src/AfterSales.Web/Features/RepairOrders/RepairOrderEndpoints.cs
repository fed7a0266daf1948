using AfterSales.Web.Features.Complaints.Public;
using AfterSales.Web.Features.Files;
using AfterSales.Web.Features.Warranty;
using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.RepairOrders;

public static class RepairOrderEndpoints
{
    public static IServiceCollection AddRepairOrders(this IServiceCollection services) => services
        .AddScoped<RepairOrderGate>()
        .AddScoped<OpenRepairOrder>()
        .AddScoped<GetRepairOrder>()
        .AddScoped<GetRepairOrderHistory>()
        .AddScoped<GetSignature>()
        .AddScoped<SearchRepairOrders>()
        .AddScoped<ReviseRepairOrder>()
        .AddScoped<RecordCheckIn>()
        .AddScoped<ApproveDiscount>()
        .AddScoped<SubmitRepairOrder>()
        .AddScoped<SignRepairOrder>()
        .AddScoped<ReopenRepairOrder>()
        .AddScoped<CancelRepairOrder>()
        .AddScoped<ProposeJobPayType>()
        .AddScoped<DecideJobPayType>()
        .AddFileOwner<RepairOrderFileOwner>();

    public static void MapRepairOrders(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/repair-orders").WithTags("Repair orders");

        group.MapGet("/", async ([AsParameters] SearchRepairOrdersRequest request, SearchRepairOrders handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .WithName("SearchRepairOrders")
            .WithSummary("The repair order list, newest first; filters by status and store, text on the number, plate, VIN or customer; paged.");

        group.MapPost("/", async (OpenRepairOrderRequest request, OpenRepairOrder handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems, o => TypedResults.Created($"/api/v1/repair-orders/{o.Id}", o)))
            .WithName("OpenRepairOrder")
            .WithSummary("Receives a walk-in: opens a draft repair order numbered RO-yyyyMMdd-NNNN, optionally with the walk-around inspection.")
            .Produces<RepairOrderView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id:guid}", async (Guid id, GetRepairOrder handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetRepairOrder")
            .Produces<RepairOrderView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:guid}", async (Guid id, ReviseRepairOrderRequest request, ReviseRepairOrder handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("ReviseRepairOrder")
            .WithSummary("Replaces the jobs, parts, pay types, discount and terms of a draft order; totals are computed by the server.")
            .Produces<RepairOrderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/pay-type-proposals", async (Guid id, JobPayTypeProposalRequest request, ProposeJobPayType handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("ProposeJobPayType")
            .WithSummary("Proposes the pay type of a job on this order from the asset's warranty terms and the check-in mileage, with the reason; the component group defaults from the job's skill.")
            .Produces<ProposalView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/jobs/{jobId:guid}/pay-type-decisions", async (Guid id, Guid jobId, JobPayTypeDecisionRequest request, DecideJobPayType handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, jobId, request, ct)).ToHttp(problems, d => TypedResults.Created($"/api/v1/warranty/decisions?jobId={jobId}", d)))
            .WithName("DecideJobPayType")
            .WithSummary("Records the advisor's pay type for a saved job as a warranty decision; choosing other than the proposal needs a reason.")
            .Produces<DecisionView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:guid}/check-in", async (Guid id, RecordCheckInRequest request, RecordCheckIn handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("RecordRepairOrderCheckIn")
            .WithSummary("Records the walk-around inspection of a draft order: damage marks, mileage, fuel or charge, valuables, spare tyre, tools, covers.")
            .Produces<RepairOrderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/discount-approval", async (Guid id, RepairOrderVersionRequest request, ApproveDiscount handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("ApproveRepairOrderDiscount")
            .WithSummary("Approves a discount above its author's limit; the approver's own limit must cover it.")
            .Produces<RepairOrderView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/submit", async (Guid id, RepairOrderMoveRequest request, SubmitRepairOrder handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("SubmitRepairOrderForSignature")
            .WithSummary("Puts a checked-in draft with at least one job and no pending discount before the customer.")
            .Produces<RepairOrderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/sign", async (Guid id, SignRepairOrderRequest request, SignRepairOrder handler, HttpContext http, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, http.Request.PublicBase(), ct)).ToHttp(problems))
            .WithName("SignRepairOrder")
            .WithSummary("The customer's on-screen signature: the PNG and the signed text (JSON with its SHA-256) are stored for good.")
            .Produces<RepairOrderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/reopen", async (Guid id, RepairOrderMoveRequest request, ReopenRepairOrder handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("ReopenRepairOrder")
            .WithSummary("Back to draft for a change; the change then needs a new signature (earlier signatures stay on file).")
            .Produces<RepairOrderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/cancel", async (Guid id, RepairOrderMoveRequest request, CancelRepairOrder handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("CancelRepairOrder")
            .WithSummary("Cancels the order with a reason.")
            .Produces<RepairOrderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:guid}/history", async (Guid id, GetRepairOrderHistory handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetRepairOrderHistory")
            .WithSummary("Every status change: who, when, from, to, why.")
            .Produces<IReadOnlyList<RepairOrderStatusChangeView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/signatures/{signatureId:guid}/image", async (Guid id, Guid signatureId, GetSignature handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, signatureId, ct)).ToHttp(problems, s => s.ImagePng is { } png ? TypedResults.File(png, "image/png") : problems.NotFound()))
            .WithName("GetRepairOrderSignatureImage")
            .WithSummary("The signature image as signed (PNG).")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/signatures/{signatureId:guid}/snapshot", async (Guid id, Guid signatureId, GetSignature handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, signatureId, ct)).ToHttp(problems, s => TypedResults.Ok(new SignedSnapshotView(s.Id, s.SignerName, s.SignedAt, s.Channel, s.SnapshotSha256, s.IsIntact, s.SnapshotJson))))
            .WithName("GetRepairOrderSignedSnapshot")
            .WithSummary("The exact text signed (JSON), its SHA-256, and whether it still matches.")
            .Produces<SignedSnapshotView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}

public sealed record SignedSnapshotView(Guid Id, string SignerName, DateTimeOffset SignedAt, Domain.RepairOrders.SignatureChannel Channel, string SnapshotSha256, bool IsIntact, string SnapshotJson);
