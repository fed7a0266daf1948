using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Parts;

public static class PartEndpoints
{
    public static IServiceCollection AddParts(this IServiceCollection services) => services
        .AddScoped<SearchParts>()
        .AddScoped<GetPart>()
        .AddScoped<SavePart>();

    public static void MapParts(this RouteGroupBuilder api)
    {
        var parts = api.MapGroup("/parts").WithTags("Parts");

        parts.MapGet("/", async ([AsParameters] SearchPartsRequest request, SearchParts handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .WithName("SearchParts")
            .WithSummary("The parts catalogue: q matches the part number or the Chinese or English name by prefix; filter by category; paged by number.");

        parts.MapGet("/{id:guid}", async (Guid id, GetPart handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetPart")
            .WithSummary("One part with its supersession: what replaces it and what it replaces.")
            .Produces<PartView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        parts.MapGet("/by-number/{number}", async (string number, GetPart handler, Problems problems, CancellationToken ct) =>
                (await handler.ByNumberAsync(number, ct)).ToHttp(problems))
            .WithName("GetPartByNumber")
            .Produces<PartView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        parts.MapPost("/", async (SavePartRequest request, SavePart handler, Problems problems, CancellationToken ct) =>
                (await handler.CreateAsync(request, ct)).ToHttp(problems, p => TypedResults.Created($"/api/v1/parts/{p.Id}", p)))
            .WithName("CreatePart")
            .Produces<PartView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        parts.MapPut("/{id:guid}", async (Guid id, SavePartRequest request, SavePart handler, Problems problems, CancellationToken ct) =>
                (await handler.UpdateAsync(id, request, ct)).ToHttp(problems))
            .WithName("UpdatePart")
            .WithSummary("Changes a part; send the version you started from.")
            .Produces<PartView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
