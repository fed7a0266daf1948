using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.ApiTokens;

public static class ApiTokenEndpoints
{
    public static IServiceCollection AddApiTokens(this IServiceCollection services) => services
        .AddScoped<ListApiTokens>()
        .AddScoped<IssueApiToken>()
        .AddScoped<RevokeApiToken>();

    public static void MapApiTokens(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/api-tokens").WithTags("API tokens")
            .RequireAuthorization(Policies.Administrator)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", async ([AsParameters] ListApiTokensRequest request, ListApiTokens handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .WithName("ListApiTokens")
            .WithSummary("Issued tokens with their prefix, user, creation, last use, expiry and revocation (administrators).");

        group.MapPost("/", async (IssueApiTokenRequest request, IssueApiToken handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems, t => TypedResults.Created($"/api/v1/api-tokens/{t.Details.Id}", t)))
            .WithName("IssueApiToken")
            .WithSummary("Issues a token for a user; the response carries the token once, only its hash is stored.")
            .Produces<IssuedApiToken>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        group.MapPost("/{id:guid}/revoke", async (Guid id, RevokeApiToken handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("RevokeApiToken")
            .Produces<ApiTokenView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
