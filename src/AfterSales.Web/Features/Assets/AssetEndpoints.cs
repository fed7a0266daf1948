using AfterSales.Web.Features.ThreeGuarantees;
using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Assets;

public static class AssetEndpoints
{
    public static IServiceCollection AddAssets(this IServiceCollection services) => services
        .AddScoped<RegisterAsset>()
        .AddScoped<UpdateAsset>()
        .AddScoped<GetAsset>()
        .AddThreeGuarantees();

    public static void MapAssets(this RouteGroupBuilder api)
    {
        api.MapThreeGuarantees();
        api.MapGet("/customers/{customerId:guid}/assets", async (Guid customerId, GetAsset handler, Problems problems, CancellationToken ct) =>
                (await handler.ListForCustomerAsync(customerId, ct)).ToHttp(problems))
            .WithTags("Assets")
            .WithName("ListCustomerAssets")
            .Produces<IReadOnlyList<AssetView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/customers/{customerId:guid}/assets", async (Guid customerId, AssetInput request, RegisterAsset handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(customerId, request, ct)).ToHttp(problems, a => TypedResults.Created($"/api/v1/assets/{a.Id}", a)))
            .WithTags("Assets")
            .WithName("RegisterAsset")
            .Produces<AssetView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var group = api.MapGroup("/assets").WithTags("Assets");
        group.MapGet("/{id:guid}", async (Guid id, GetAsset handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetAsset")
            .Produces<AssetView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:guid}", async (Guid id, UpdateAssetRequest request, UpdateAsset handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("UpdateAsset")
            .Produces<AssetView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
