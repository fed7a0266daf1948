using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Labour;

public static class LabourEndpoints
{
    public static IServiceCollection AddLabour(this IServiceCollection services) => services
        .AddScoped<SearchLabourOperations>()
        .AddScoped<GetLabourOperation>()
        .AddScoped<CreateLabourOperation>()
        .AddScoped<UpdateLabourOperation>()
        .AddScoped<GetServiceSettings>()
        .AddScoped<UpdateServiceSettings>();

    public static void MapLabour(this RouteGroupBuilder api)
    {
        var stores = api.MapGroup("/stores/{storeId:guid}").WithTags("Labour operations");
        var operations = api.MapGroup("/labour-operations").WithTags("Labour operations");

        stores.MapGet("/labour-operations", async (Guid storeId, [AsParameters] SearchLabourOperationsRequest request, SearchLabourOperations handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(storeId, request, ct)))
            .WithName("SearchLabourOperations")
            .WithSummary("The store's labour operation catalogue by code; text matches the code's start or either name; paged.");

        stores.MapPost("/labour-operations", async (Guid storeId, LabourOperationRequest request, CreateLabourOperation handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(storeId, request, ct)).ToHttp(problems, o => TypedResults.Created($"/api/v1/labour-operations/{o.Id}", o)))
            .RequireAuthorization(Policies.Administrator)
            .WithName("CreateLabourOperation")
            .WithSummary("Adds an operation to the store's catalogue (administrators).")
            .Produces<LabourOperationView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        stores.MapGet("/service-settings", async (Guid storeId, GetServiceSettings handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(storeId, ct)).ToHttp(problems))
            .WithName("GetServiceSettings")
            .WithSummary("The store's labour rate, tax rate and discount limits per role (defaults until set).")
            .Produces<ServiceSettingsView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        stores.MapPut("/service-settings", async (Guid storeId, UpdateServiceSettingsRequest request, UpdateServiceSettings handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(storeId, request, ct)).ToHttp(problems))
            .RequireAuthorization(Policies.Administrator)
            .WithName("UpdateServiceSettings")
            .WithSummary("Sets the store's labour rate, tax rate and discount limits (administrators); 409 when someone saved first.")
            .Produces<ServiceSettingsView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        operations.MapGet("/{id:guid}", async (Guid id, GetLabourOperation handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetLabourOperation")
            .Produces<LabourOperationView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        operations.MapPut("/{id:guid}", async (Guid id, UpdateLabourOperationRequest request, UpdateLabourOperation handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .RequireAuthorization(Policies.Administrator)
            .WithName("UpdateLabourOperation")
            .WithSummary("Changes or retires an operation (administrators); 409 when someone saved first.")
            .Produces<LabourOperationView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
