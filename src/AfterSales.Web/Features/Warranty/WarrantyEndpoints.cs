using AfterSales.Domain.Assets;
using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Warranty;

public static class WarrantyEndpoints
{
    public static IServiceCollection AddWarranty(this IServiceCollection services) => services
        .AddScoped<ListPolicies>()
        .AddScoped<SavePolicy>()
        .AddScoped<ProposePayType>()
        .AddScoped<RecordDecision>()
        .AddScoped<ListDecisions>()
        .AddScoped<ListContracts>()
        .AddScoped<SellContract>()
        .AddScoped<CancelContract>()
        .AddScoped<DraftClaim>()
        .AddScoped<GetClaim>()
        .AddScoped<SearchClaims>()
        .AddScoped<ClaimGate>();

    public static void MapWarranty(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/warranty").WithTags("Warranty");

        group.MapGet("/policies", async (AssetKind? kind, ListPolicies handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(kind, ct)))
            .WithName("ListWarrantyPolicies")
            .WithSummary("Warranty policies (保修政策 / 三包): by kind, make, model word and component group, with months, mileage and exclusions.");

        group.MapPost("/policies", async (PolicyRequest request, SavePolicy handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(null, request, ct)).ToHttp(problems, p => TypedResults.Created($"/api/v1/warranty/policies/{p.Id}", p)))
            .WithName("CreateWarrantyPolicy")
            .Produces<PolicyView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/policies/{id:guid}", async (Guid id, PolicyRequest request, SavePolicy handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("UpdateWarrantyPolicy")
            .Produces<PolicyView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/proposals", async (ProposalRequest request, ProposePayType handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems))
            .WithName("ProposePayType")
            .WithSummary("Proposes who pays for a job on a component group of an asset at a mileage, and says why (which policy or contract, or why none applies). Nothing is saved.")
            .Produces<ProposalView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/decisions", async (RecordDecisionRequest request, RecordDecision handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems, d => TypedResults.Created($"/api/v1/warranty/decisions?assetId={d.AssetId}", d)))
            .WithName("RecordPayTypeDecision")
            .WithSummary("Records the pay type chosen for a job against the proposal; a choice other than the proposal needs a reason. 409 warranty.proposal_changed if the proposal is no longer what was shown.")
            .Produces<DecisionView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/decisions", async ([AsParameters] DecisionQuery query, ListDecisions handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(query, ct)))
            .WithName("ListPayTypeDecisions")
            .WithSummary("Decisions of an asset or a job, newest first: the first for a job is its current pay type.");

        api.MapGet("/assets/{id:guid}/warranty-contracts", async (Guid id, ListContracts handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithTags("Warranty")
            .WithName("ListExtendedWarrantyContracts")
            .Produces<IReadOnlyList<ContractView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/assets/{id:guid}/warranty-contracts", async (Guid id, SellContractRequest request, SellContract handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems, c => TypedResults.Created($"/api/v1/assets/{id}/warranty-contracts", c)))
            .WithTags("Warranty")
            .WithName("SellExtendedWarrantyContract")
            .Produces<ContractView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/contracts/{id:guid}/cancellation", async (Guid id, CancelContractRequest request, CancelContract handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("CancelExtendedWarrantyContract")
            .Produces<ContractView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/claims", async ([AsParameters] SearchClaimsRequest request, SearchClaims handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .WithName("SearchWarrantyClaims");

        group.MapPost("/claims", async (DraftClaimRequest request, DraftClaim handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems, c => TypedResults.Created($"/api/v1/warranty/claims/{c.Id}", c)))
            .WithName("DraftWarrantyClaim")
            .WithSummary("Drafts a claim to the manufacturer (索赔) for a warranty job, named by kind, id and number.")
            .Produces<ClaimView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/claims/{id:guid}", async (Guid id, GetClaim handler, Problems problems, CancellationToken ct) => (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetWarrantyClaim")
            .Produces<ClaimView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/claims/{id:guid}", async (Guid id, EditClaimRequest request, ClaimGate gate, Problems problems, CancellationToken ct) =>
                (await gate.EditAsync(id, request, ct)).ToHttp(problems))
            .WithName("EditWarrantyClaim")
            .Produces<ClaimView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        MapMove(group, "submission", "SubmitWarrantyClaim", (gate, id, r, ct) => gate.SubmitAsync(id, r, ct));
        MapMove(group, "approval", "ApproveWarrantyClaim", (gate, id, r, ct) => gate.ApproveAsync(id, r, ct));
        MapMove(group, "rejection", "RejectWarrantyClaim", (gate, id, r, ct) => gate.RejectAsync(id, r, ct));
        MapMove(group, "payment", "RecordWarrantyClaimPayment", (gate, id, r, ct) => gate.RecordPaymentAsync(id, r, ct));
        MapMove(group, "revision", "ReviseWarrantyClaim", (gate, id, r, ct) => gate.ReviseAsync(id, r, ct));

        group.MapPost("/claims/{id:guid}/follow-up-decision", async (Guid id, ClaimFollowUpRequest request, ClaimGate gate, Problems problems, CancellationToken ct) =>
                (await gate.DecideAfterRejectionAsync(id, request, ct)).ToHttp(problems))
            .WithName("DecideAfterClaimRejection")
            .WithSummary("After a rejection: records goodwill or customer pay for the job, with a reason, and closes the claim.")
            .Produces<ClaimView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/claims/{id:guid}/shipment", async (Guid id, ClaimShipmentRequest request, ClaimGate gate, Problems problems, CancellationToken ct) =>
                (await gate.RecordShipmentAsync(id, request, ct)).ToHttp(problems))
            .WithName("RecordOldPartShipment")
            .WithSummary("Records the shipment of the tagged old part back to the manufacturer (旧件回运).")
            .Produces<ClaimView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapMove(RouteGroupBuilder group, string action, string name, Func<ClaimGate, Guid, ClaimMoveRequest, CancellationToken, Task<Outcome<ClaimView>>> move) =>
        group.MapPost($"/claims/{{id:guid}}/{action}", async (Guid id, ClaimMoveRequest request, ClaimGate gate, Problems problems, CancellationToken ct) =>
                (await move(gate, id, request, ct)).ToHttp(problems))
            .WithName(name)
            .Produces<ClaimView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
