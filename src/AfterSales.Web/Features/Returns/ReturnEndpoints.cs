using AfterSales.Web.Features.Files;
using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Returns;

public static class ReturnEndpoints
{
    public static IServiceCollection AddReturns(this IServiceCollection services) => services.AddScoped<ReturnDesk>().AddFileOwner<ReturnFileOwner>();

    public static void MapReturns(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/returns").WithTags("Returns");

        group.MapPost("/sales", async (RecordSaleRequest request, ReturnDesk desk, Problems problems, CancellationToken ct) =>
                (await desk.RecordSaleAsync(request, ct)).ToHttp(problems, s => TypedResults.Created($"/api/v1/returns/sales/{s.Id}", s)))
            .WithName("RecordProductSale")
            .WithSummary("Records a completed product sale (over the counter or online), the start of its return window.")
            .Produces<SaleView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        group.MapGet("/sales", async (Guid? customerId, ReturnDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.RecentSalesAsync(customerId, ct)))
            .WithName("ListProductSales");

        group.MapGet("/sales/{id:guid}", async (Guid id, ReturnDesk desk, Problems problems, CancellationToken ct) => (await desk.GetSaleAsync(id, ct)).ToHttp(problems))
            .WithName("GetProductSale")
            .Produces<SaleView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/terms/{storeId:guid}", async (Guid storeId, ReturnDesk desk, Problems problems, CancellationToken ct) => (await desk.GetTermsAsync(storeId, ct)).ToHttp(problems))
            .WithName("GetReturnTerms")
            .Produces<ReturnTermsView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/terms/{storeId:guid}", async (Guid storeId, ReturnTermsRequest request, ReturnDesk desk, Problems problems, CancellationToken ct) =>
                (await desk.SetTermsAsync(storeId, request, ct)).ToHttp(problems))
            .WithName("SetReturnTerms")
            .WithSummary("A store's claim window (default 15 days) and no-reason window for online sales (default 7 days).")
            .Produces<ReturnTermsView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/", async ([AsParameters] SearchReturnsRequest request, ReturnDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.SearchAsync(request, ct)))
            .WithName("SearchReturns");

        group.MapPost("/", async (OpenReturnRequest request, ReturnDesk desk, Problems problems, CancellationToken ct) =>
                (await desk.OpenAsync(request, ct)).ToHttp(problems, r => TypedResults.Created($"/api/v1/returns/{r.Id}", r)))
            .WithName("OpenReturn")
            .WithSummary("Opens a return or exchange request (退换货) within the store's claim window, computed in the store's time zone.")
            .Produces<ReturnView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:guid}", async (Guid id, ReturnDesk desk, Problems problems, CancellationToken ct) => (await desk.GetAsync(id, ct)).ToHttp(problems))
            .WithName("GetReturn")
            .Produces<ReturnView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/inspection", async (Guid id, InspectReturnRequest request, ReturnDesk desk, Problems problems, CancellationToken ct) =>
                (await desk.InspectAsync(id, request, ct)).ToHttp(problems))
            .WithName("InspectReturn").Produces<ReturnView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/resolution", async (Guid id, ResolveReturnRequest request, ReturnDesk desk, Problems problems, CancellationToken ct) =>
                (await desk.ResolveAsync(id, request, ct)).ToHttp(problems))
            .WithName("ResolveReturn").Produces<ReturnView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/refusal", async (Guid id, RefuseReturnRequest request, ReturnDesk desk, Problems problems, CancellationToken ct) =>
                (await desk.RefuseAsync(id, request, ct)).ToHttp(problems))
            .WithName("RefuseReturn").Produces<ReturnView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/escalation", async (Guid id, EscalateReturnRequest request, ReturnDesk desk, Problems problems, CancellationToken ct) =>
                (await desk.EscalateAsync(id, request, ct)).ToHttp(problems))
            .WithName("EscalateReturn")
            .WithSummary("Escalates to the platform or a manager: once per sale (售后维权机会只有一次), enforced by the database.")
            .Produces<ReturnView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
