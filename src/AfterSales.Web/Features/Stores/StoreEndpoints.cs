using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Stores;

public static class StoreEndpoints
{
    public static IServiceCollection AddStores(this IServiceCollection services) => services
        .AddScoped<ListStores>()
        .AddScoped<GetStore>()
        .AddScoped<CreateStore>()
        .AddScoped<UpdateStore>()
        .AddScoped<ReplaceHolidays>()
        .AddScoped<SetStoreActive>();

    public static void MapStores(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/stores").WithTags("Stores");
        var admin = group.MapGroup("/").RequireAuthorization(Policies.Administrator).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", async ([AsParameters] ListStoresRequest request, ListStores handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .WithName("ListStores")
            .WithSummary("The stores the caller works in; administrators and group-wide roles see all.");

        group.MapGet("/{id:guid}", async (Guid id, GetStore handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetStore")
            .Produces<StoreView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        admin.MapPost("/", async (CreateStoreRequest request, CreateStore handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems, s => TypedResults.Created($"/api/v1/stores/{s.Id}", s)))
            .WithName("CreateStore")
            .WithSummary("Opens a store (administrators).")
            .Produces<StoreView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        admin.MapPut("/{id:guid}", async (Guid id, UpdateStoreRequest request, UpdateStore handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("UpdateStore")
            .WithSummary("Changes a store's details and opening hours (administrators); 409 when someone saved first.")
            .Produces<StoreView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        admin.MapPut("/{id:guid}/holidays", async (Guid id, ReplaceHolidaysRequest request, ReplaceHolidays handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("ReplaceStoreHolidays")
            .WithSummary("Replaces the store's holidays and make-up working days (administrators).")
            .Produces<StoreView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        admin.MapPost("/{id:guid}/deactivate", async (Guid id, SetStoreActive handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, false, ct)).ToHttp(problems))
            .WithName("DeactivateStore")
            .Produces<StoreView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        admin.MapPost("/{id:guid}/activate", async (Guid id, SetStoreActive handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, true, ct)).ToHttp(problems))
            .WithName("ActivateStore")
            .Produces<StoreView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
