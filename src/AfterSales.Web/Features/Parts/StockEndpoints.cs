using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Parts;

public static class StockEndpoints
{
    public static IServiceCollection AddStock(this IServiceCollection services)
    {
        services.AddOptions<PartsOptions>()
            .BindConfiguration(PartsOptions.Section)
            .Validate(o => o.ReservationLifetime > TimeSpan.Zero && o.ExpiryInterval > TimeSpan.Zero && o.CountApprovalLimit >= 0 && o.SlowMovingDays > 0, "Parts: lifetimes, intervals and day counts must be positive.")
            .ValidateOnStart();
        services.AddHostedService<Jobs.ReservationExpiry>();
        return services
            .AddScoped<StockBook>()
            .AddScoped<SearchStock>()
            .AddScoped<GetStockLedger>()
            .AddScoped<PostStock>()
            .AddScoped<SetStockLevels>()
            .AddScoped<ReservePart>()
            .AddScoped<ReleaseReservation>()
            .AddScoped<ExpireReservations>()
            .AddScoped<GetReservedShelf>()
            .AddScoped<IssuePart>()
            .AddScoped<ConfirmPartReceipt>()
            .AddScoped<ReturnPart>()
            .AddScoped<GetJobParts>();
    }

    public static void MapStock(this RouteGroupBuilder api)
    {
        var stock = api.MapGroup("/stock").WithTags("Parts stock");
        stock.MapGet("/", async ([AsParameters] SearchStockRequest request, SearchStock handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .WithName("SearchStock")
            .WithSummary("Stock per store and bin: on hand, reserved, available; filter by store, bin prefix, part text, below reorder point.");

        stock.MapGet("/{id:guid}", async (Guid id, GetStockLedger handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetStockLedger")
            .WithSummary("A stock row with its ledger; the sum of the movements equals on hand.")
            .Produces<StockLedgerView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        stock.MapPut("/{id:guid}/levels", async (Guid id, SetStockLevelsRequest request, SetStockLevels handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("SetStockLevels")
            .WithSummary("Sets the bin and the min/max reorder levels of a stock row.")
            .Produces<StockRow>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        stock.MapPost("/receipts", async (StockQuantityRequest request, PostStock handler, Problems problems, CancellationToken ct) =>
                (await handler.ReceiveAsync(request, ct)).ToHttp(problems))
            .WithName("ReceiveStock")
            .WithSummary("Receives parts without a purchase order (delivery note, opening stock).")
            .Produces<StockRow>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        stock.MapPost("/scrap", async (StockQuantityRequest request, PostStock handler, Problems problems, CancellationToken ct) =>
                (await handler.ScrapAsync(request, ct)).ToHttp(problems))
            .WithName("ScrapStock")
            .WithSummary("Scraps damaged or obsolete stock; the note gives the reason.")
            .Produces<StockRow>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var reservations = api.MapGroup("/part-reservations").WithTags("Parts stock");
        reservations.MapPost("/", async (ReservePartRequest request, ReservePart handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems, r => TypedResults.Created($"/api/v1/part-reservations/{r.Id}", r)))
            .WithName("ReservePart")
            .WithSummary("Reserves parts for an appointment or a repair-order job (referenceKind Appointment or RepairOrderJob).")
            .Produces<ReservationView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        reservations.MapPost("/{id:guid}/release", async (Guid id, ReleaseReservationRequest request, ReleaseReservation handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("ReleaseReservation")
            .Produces<ReservationView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        reservations.MapPost("/release", async (string referenceKind, Guid referenceId, string? reason, ReleaseReservation handler, Problems problems, CancellationToken ct) =>
                (await handler.ForReferenceAsync(referenceKind, referenceId, reason, ct)).ToHttp(problems, n => TypedResults.Ok(new { released = n })))
            .WithName("ReleaseReservationsOfReference")
            .WithSummary("Releases every active reservation of a cancelled appointment or job.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        reservations.MapGet("/shelf", async ([AsParameters] ReservedShelfRequest request, GetReservedShelf handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems))
            .WithName("GetReservedShelf")
            .WithSummary("What is reserved in a store for a day (tomorrow by default), by bin.")
            .Produces<ReservedShelfView>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        var issues = api.MapGroup("/part-issues").WithTags("Parts stock");
        issues.MapPost("/", async (IssuePartRequest request, IssuePart handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems, i => TypedResults.Created($"/api/v1/part-issues/{i.Id}", i)))
            .WithName("IssuePart")
            .WithSummary("Issues parts to a job, optionally against its reservation; refused when stock is short.")
            .Produces<PartIssueView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        issues.MapPost("/{id:guid}/confirm", async (Guid id, ConfirmPartReceipt handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("ConfirmPartReceipt")
            .WithSummary("The technician confirms receipt of issued parts.")
            .Produces<PartIssueView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        issues.MapPost("/{id:guid}/returns", async (Guid id, ReturnPartRequest request, ReturnPart handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("ReturnPart")
            .WithSummary("Returns unused parts of an issue to stock.")
            .Produces<PartIssueView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        issues.MapGet("/jobs/{referenceKind}/{referenceId:guid}", async (string referenceKind, Guid referenceId, GetJobParts handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(referenceKind, referenceId, ct)))
            .WithName("GetJobParts")
            .WithSummary("A job's issued, returned and reserved parts with its parts cost and price.");
    }
}
