using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Audit;

public static class HistoryEndpoints
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddScoped<GetHistory>();

    public static void MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/customers/{id:guid}/audit", async (Guid id, int? page, int? pageSize, GetHistory handler, Problems problems, CancellationToken ct) =>
                (await handler.CustomerAuditAsync(id, page, pageSize, ct)).ToHttp(problems))
            .WithTags("Customers").WithName("GetCustomerAuditLog").Produces<Page<AuditEntryView>>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/customers/{id:guid}/timeline", async (Guid id, GetHistory handler, Problems problems, CancellationToken ct) =>
                (await handler.CustomerTimelineAsync(id, ct)).ToHttp(problems))
            .WithTags("Customers").WithName("GetCustomerTimeline").Produces<IReadOnlyList<TimelineEvent>>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/assets/{id:guid}/audit", async (Guid id, int? page, int? pageSize, GetHistory handler, Problems problems, CancellationToken ct) =>
                (await handler.AssetAuditAsync(id, page, pageSize, ct)).ToHttp(problems))
            .WithTags("Assets").WithName("GetAssetAuditLog").Produces<Page<AuditEntryView>>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/assets/{id:guid}/timeline", async (Guid id, GetHistory handler, Problems problems, CancellationToken ct) =>
                (await handler.AssetTimelineAsync(id, ct)).ToHttp(problems))
            .WithTags("Assets").WithName("GetAssetTimeline").Produces<IReadOnlyList<TimelineEvent>>().ProducesProblem(StatusCodes.Status404NotFound);
    }
}
