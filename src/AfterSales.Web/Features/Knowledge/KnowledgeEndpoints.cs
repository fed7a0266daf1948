using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Knowledge;

public static class KnowledgeEndpoints
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services) => services
        .AddScoped<WriteKnowledgeArticle>()
        .AddScoped<GetKnowledgeArticle>()
        .AddScoped<SearchKnowledge>()
        .AddScoped<SuggestKnowledge>();

    public static void MapKnowledge(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/knowledge-articles").WithTags("Knowledge base");

        group.MapGet("/", async ([AsParameters] SearchKnowledgeRequest request, SearchKnowledge handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .WithName("SearchKnowledgeArticles")
            .WithSummary("The knowledge base, newest first; text in Chinese or English matches anywhere in the title, problem, cause, resolution or tags; paged.");

        group.MapPost("/", async (KnowledgeArticleInput request, WriteKnowledgeArticle handler, Problems problems, CancellationToken ct) =>
                (await handler.CreateAsync(request, ct)).ToHttp(problems, a => TypedResults.Created($"/api/v1/knowledge-articles/{a.Id}", a)))
            .WithName("CreateKnowledgeArticle")
            .WithSummary("Writes a draft article not tied to a case.")
            .Produces<KnowledgeArticleView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/suggestions", async (SuggestKnowledgeRequest request, SuggestKnowledge handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems))
            .WithName("SuggestKnowledgeArticles")
            .WithSummary("Published articles matching a new complaint's text, ranked by the number of matching words and Chinese bigrams.")
            .Produces<IReadOnlyList<KnowledgeSuggestion>>()
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", async (Guid id, GetKnowledgeArticle handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetKnowledgeArticle")
            .Produces<KnowledgeArticleView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:guid}", async (Guid id, UpdateKnowledgeArticleRequest request, WriteKnowledgeArticle handler, Problems problems, CancellationToken ct) =>
                (await handler.UpdateAsync(id, request, ct)).ToHttp(problems))
            .WithName("UpdateKnowledgeArticle")
            .Produces<KnowledgeArticleView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/publish", async (Guid id, KnowledgeArticleMoveRequest request, WriteKnowledgeArticle handler, Problems problems, CancellationToken ct) =>
                (await handler.PublishAsync(id, request, ct)).ToHttp(problems))
            .WithName("PublishKnowledgeArticle")
            .WithSummary("Makes a draft (or a retired article) findable and suggested at intake.")
            .Produces<KnowledgeArticleView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/retire", async (Guid id, KnowledgeArticleMoveRequest request, WriteKnowledgeArticle handler, Problems problems, CancellationToken ct) =>
                (await handler.RetireAsync(id, request, ct)).ToHttp(problems))
            .WithName("RetireKnowledgeArticle")
            .WithSummary("Keeps the article but stops offering it to staff who do not write the knowledge base and to intake.")
            .Produces<KnowledgeArticleView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/complaints/{id:guid}/knowledge-article", async (Guid id, CreateArticleFromComplaintRequest request, WriteKnowledgeArticle handler, Problems problems, CancellationToken ct) =>
                (await handler.FromComplaintAsync(id, request, ct)).ToHttp(problems, a => TypedResults.Created($"/api/v1/knowledge-articles/{a.Id}", a)))
            .WithTags("Knowledge base")
            .WithName("CreateKnowledgeArticleFromComplaint")
            .WithSummary("Turns a closed case into a draft article; fields left out are prefilled from the complaint's problem, 5-whys and resolution plan.")
            .Produces<KnowledgeArticleView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
