using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.ThreeGuarantees;

public static class ThreeGuaranteeEndpoints
{
    public static IServiceCollection AddThreeGuarantees(this IServiceCollection services) => services
        .AddScoped<GetThreeGuarantees>()
        .AddScoped<RecordJobFault>();

    public static void MapThreeGuarantees(this RouteGroupBuilder api)
    {
        api.MapGet("/assets/{id:guid}/three-guarantees", async (Guid id, GetThreeGuarantees handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithTags("Assets")
            .WithName("GetThreeGuarantees")
            .WithSummary("The asset's 三包 ledger from its repair orders, the entitlements reached and the warnings one event away")
            .Produces<ThreeGuaranteesView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/repair-orders/{id:guid}/jobs/{jobId:guid}/fault", async (Guid id, Guid jobId, RecordJobFaultRequest request, RecordJobFault handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, jobId, request, ct)).ToHttp(problems))
            .WithTags("Repair orders")
            .WithName("RecordJobFault")
            .WithSummary("Records what a job repairs once the order is signed (system, fault code, quality problem, serious safety fault, early failure) and which part lines are main components; not after delivery.")
            .Produces<RepairOrderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
