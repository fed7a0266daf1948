using AfterSales.Web.Features.Complaints.Public;
using AfterSales.Web.Infrastructure;
using QRCoder;

namespace AfterSales.Web.Features.Settlement;

public static class DeliveryEndpoints
{
    public static IServiceCollection AddDelivery(this IServiceCollection services) => services
        .AddScoped<DeliveryGate>()
        .AddScoped<GetDelivery>()
        .AddScoped<CompleteHandover>()
        .AddScoped<SetSettlementDiscount>()
        .AddScoped<ApproveSettlementDifference>()
        .AddScoped<SetInvoiceDetails>()
        .AddScoped<RecordPayment>()
        .AddScoped<DeliverOrder>()
        .AddScoped<CheckGatePass>()
        .AddScoped<SendProgressLink>()
        .AddScoped<PublicProgress>()
        .AddScoped<AssetServiceHistory>();

    /// <summary>A QR code (PNG) of a text: the gate pass's signed token.</summary>
    public static byte[] QrPng(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(4);
    }

    public static void MapDelivery(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/repair-orders/{id:guid}").WithTags("Delivery and settlement");

        group.MapGet("/delivery", async (Guid id, GetDelivery handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetDelivery")
            .WithSummary("Handover, settlement statement per pay type against the signed estimate, payments, walk-through and gate pass of an order.")
            .Produces<DeliveryView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/handover", async (Guid id, HandoverRequest request, CompleteHandover handler, HttpContext http, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, http.Request.PublicBase(), ct)).ToHttp(problems))
            .WithName("CompleteHandover")
            .WithSummary("The internal handover of an inspected order (wash, parking spot, checklist): marks it ready and sends the customer the \"ready\" message with the progress link.")
            .Produces<DeliveryView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/settlement/discount", async (Guid id, SettlementDiscountRequest request, SetSettlementDiscount handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("SetSettlementDiscount")
            .WithSummary("Sets the settlement's discount on customer-paid work, within the user's role limit, before any payment.")
            .Produces<DeliveryView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/settlement/approval", async (Guid id, ApproveDifferenceRequest request, ApproveSettlementDifference handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("ApproveSettlementDifference")
            .WithSummary("Records the customer's approval of a final amount above the signed estimate plus the store's tolerance.")
            .Produces<DeliveryView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/settlement/invoice-details", async (Guid id, InvoiceDetailsRequest request, SetInvoiceDetails handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("SetSettlementInvoiceDetails")
            .WithSummary("Records the buyer's invoice details: name, taxpayer id (15, 18 or 20 digits and capitals), e-mail for the e-invoice, 普票 (Ordinary) or 专票 (Special, with address, phone and bank account).")
            .Produces<DeliveryView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/settlement/payments", async (Guid id, PaymentRequest request, RecordPayment handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("RecordSettlementPayment")
            .WithSummary("Takes a payment (cash with change, card, WeChat Pay, Alipay, transfer, or a company's account); part payments allowed; paid in full closes the settlement with an invoice number.")
            .Produces<DeliveryView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/deliver", async (Guid id, DeliverRequest request, DeliverOrder handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("DeliverRepairOrder")
            .WithSummary("Ends the walk-through: settled, declined safety items acknowledged by signature, next service and follow-up time recorded; issues the gate pass.")
            .Produces<DeliveryView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/gate-pass/qr", async (Guid id, GetDelivery handler, Problems problems, CancellationToken ct) =>
            {
                var outcome = await handler.HandleAsync(id, ct);
                return outcome.Value?.GatePass is { } pass
                    ? TypedResults.File(QrPng(pass.Token), "image/png")
                    : outcome.IsOk ? Outcome<DeliveryView>.NotFound().ToHttp(problems) : outcome.ToHttp(problems);
            })
            .WithName("GetGatePassCode")
            .WithSummary("The gate pass's QR code (PNG) with its signed token.")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/progress-link", async (Guid id, string? culture, SendProgressLink handler, HttpContext http, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, http.Request.PublicBase(), culture, ct)).ToHttp(problems))
            .WithName("SendProgressLink")
            .WithSummary("Sends the customer the \"received\" message with the link to the public progress page, and returns the link.")
            .Produces<ProgressLinkView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/assets/{id:guid}/service-history", async (Guid id, AssetServiceHistory handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithTags("Assets")
            .WithName("GetAssetServiceHistory")
            .WithSummary("The asset's repair orders in every store, newest first, with jobs, parts, standard and actual hours, checks, payments and documents.")
            .Produces<IReadOnlyList<HistoryOrderView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/gate-passes/check", async (GateCheckRequest request, CheckGatePass handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems))
            .WithTags("Delivery and settlement")
            .WithName("CheckGatePass")
            .WithSummary("The gate scans a gate pass: Valid the first time (recorded), then AlreadyUsed; a forged, unknown or other store's code is Invalid.")
            .Produces<GateCheckView>();
    }

    public static void MapPublicProgress(this RouteGroupBuilder publicApi) =>
        publicApi.MapGet("/repairs/{token}", async (string token, PublicProgress handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(token, ct)).ToHttp(problems))
            .WithTags("Public")
            .WithName("GetRepairProgress")
            .WithSummary("The customer's view of their repair's progress, by the token in the link they were sent.")
            .Produces<ProgressView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
