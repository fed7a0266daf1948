using AfterSales.Domain.Parts;
using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Parts;

public static class PurchasingEndpoints
{
    public static IServiceCollection AddPurchasing(this IServiceCollection services) => services
        .AddScoped<Suppliers>()
        .AddScoped<PurchaseOrders>()
        .AddScoped<GetReorderSuggestions>()
        .AddScoped<Transfers>()
        .AddScoped<CycleCounts>()
        .AddScoped<GetSlowMovingStock>();

    public static void MapPurchasing(this RouteGroupBuilder api)
    {
        var suppliers = api.MapGroup("/suppliers").WithTags("Parts purchasing");
        suppliers.MapGet("/", async (Suppliers handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct))).WithName("ListSuppliers");
        suppliers.MapPost("/", async (SaveSupplierRequest request, Suppliers handler, Problems problems, CancellationToken ct) =>
                (await handler.SaveAsync(null, request, ct)).ToHttp(problems, s => TypedResults.Created($"/api/v1/suppliers/{s.Id}", s)))
            .WithName("CreateSupplier").Produces<SupplierView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        suppliers.MapPut("/{id:guid}", async (Guid id, SaveSupplierRequest request, Suppliers handler, Problems problems, CancellationToken ct) =>
                (await handler.SaveAsync(id, request, ct)).ToHttp(problems))
            .WithName("UpdateSupplier").Produces<SupplierView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var orders = api.MapGroup("/purchase-orders").WithTags("Parts purchasing");
        orders.MapGet("/", async ([AsParameters] SearchPurchaseOrdersRequest request, PurchaseOrders handler, CancellationToken ct) => TypedResults.Ok(await handler.SearchAsync(request, ct)))
            .WithName("SearchPurchaseOrders");
        orders.MapGet("/{id:guid}", async (Guid id, PurchaseOrders handler, Problems problems, CancellationToken ct) => (await handler.GetAsync(id, ct)).ToHttp(problems))
            .WithName("GetPurchaseOrder").Produces<PurchaseOrderView>().ProducesProblem(StatusCodes.Status404NotFound);
        orders.MapPost("/", async (PlacePurchaseOrderRequest request, PurchaseOrders handler, Problems problems, CancellationToken ct) =>
                (await handler.PlaceAsync(request, ct)).ToHttp(problems, o => TypedResults.Created($"/api/v1/purchase-orders/{o.Id}", o)))
            .WithName("PlacePurchaseOrder").Produces<PurchaseOrderView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        orders.MapPost("/{id:guid}/receipts", async (Guid id, ReceivePurchaseOrderRequest request, PurchaseOrders handler, Problems problems, CancellationToken ct) =>
                (await handler.ReceiveAsync(id, request, ct)).ToHttp(problems))
            .WithName("ReceivePurchaseOrder").WithSummary("Receives some or all outstanding quantities; each line received is a ledger receipt.")
            .Produces<PurchaseOrderView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        orders.MapPost("/{id:guid}/cancel", async (Guid id, PurchaseOrders handler, Problems problems, CancellationToken ct) =>
                (await handler.CancelAsync(id, ct)).ToHttp(problems))
            .WithName("CancelPurchaseOrder").Produces<PurchaseOrderView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/stock/reorder-suggestions", async (Guid storeId, int? leadTimeDays, GetReorderSuggestions handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(storeId, leadTimeDays, ct)).ToHttp(problems))
            .WithTags("Parts purchasing").WithName("GetReorderSuggestions")
            .WithSummary("What to order for a store: min/max levels, open orders and the last 30 days' demand over the lead time.")
            .Produces<IReadOnlyList<ReorderSuggestion>>().ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/stock/slow-moving", async (Guid storeId, int? days, GetSlowMovingStock handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(storeId, days, ct)).ToHttp(problems))
            .WithTags("Parts stock").WithName("GetSlowMovingStock")
            .WithSummary("Stock without movement for N days, its value, and a suggestion: transfer, return to supplier or scrap.")
            .Produces<SlowMovingReport>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        var transfers = api.MapGroup("/stock-transfers").WithTags("Parts stock");
        transfers.MapGet("/", async (Guid? storeId, TransferStatus? status, Transfers handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(storeId, status, ct)))
            .WithName("ListStockTransfers");
        transfers.MapGet("/{id:guid}", async (Guid id, Transfers handler, Problems problems, CancellationToken ct) => (await handler.GetAsync(id, ct)).ToHttp(problems))
            .WithName("GetStockTransfer").Produces<TransferView>().ProducesProblem(StatusCodes.Status404NotFound);
        transfers.MapPost("/", async (SendTransferRequest request, Transfers handler, Problems problems, CancellationToken ct) =>
                (await handler.SendAsync(request, ct)).ToHttp(problems, t => TypedResults.Created($"/api/v1/stock-transfers/{t.Id}", t)))
            .WithName("SendStockTransfer").Produces<TransferView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        transfers.MapPost("/{id:guid}/receipt", async (Guid id, ReceiveTransferRequest request, Transfers handler, Problems problems, CancellationToken ct) =>
                (await handler.ReceiveAsync(id, request, ct)).ToHttp(problems))
            .WithName("ReceiveStockTransfer").WithSummary("The receiving store books what arrived; lines not named arrived in full; differences are recorded.")
            .Produces<TransferView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var counts = api.MapGroup("/count-sheets").WithTags("Parts stock");
        counts.MapGet("/", async (Guid? storeId, CountSheetStatus? status, CycleCounts handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(storeId, status, ct)))
            .WithName("ListCountSheets");
        counts.MapGet("/{id:guid}", async (Guid id, CycleCounts handler, Problems problems, CancellationToken ct) => (await handler.GetAsync(id, ct)).ToHttp(problems))
            .WithName("GetCountSheet").Produces<CountSheetView>().ProducesProblem(StatusCodes.Status404NotFound);
        counts.MapPost("/", async (StartCountRequest request, CycleCounts handler, Problems problems, CancellationToken ct) =>
                (await handler.StartAsync(request, ct)).ToHttp(problems, c => TypedResults.Created($"/api/v1/count-sheets/{c.Id}", c)))
            .WithName("StartCount").Produces<CountSheetView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        counts.MapPost("/{id:guid}/submit", async (Guid id, SubmitCountRequest request, CycleCounts handler, Problems problems, CancellationToken ct) =>
                (await handler.SubmitAsync(id, request, ct)).ToHttp(problems))
            .WithName("SubmitCount").WithSummary("Enters the counted quantities; variances within the approval limit are posted at once.")
            .Produces<CountSheetView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        counts.MapPost("/{id:guid}/approve", async (Guid id, CycleCounts handler, Problems problems, CancellationToken ct) =>
                (await handler.ApproveAsync(id, ct)).ToHttp(problems))
            .WithName("ApproveCount").WithSummary("A manager approves the variances of a count above the limit; the adjustments are posted.")
            .Produces<CountSheetView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
