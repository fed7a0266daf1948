using AfterSales.Web.Infrastructure;
using AfterSales.Web.Jobs;

namespace AfterSales.Web.Features.Complaints.Capa;

/// <summary>The "Complaints:Capa" configuration section.</summary>
public sealed class CapaOptions
{
    public const string Section = "Complaints:Capa";

    public CapaCheckerOptions Checker { get; set; } = new();
}

public sealed class CapaCheckerOptions
{
    /// <summary>Off in tests, which call <see cref="CheckCapaEffectiveness"/> themselves.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    public int BatchSize { get; set; } = 200;
}

public static class CapaEndpoints
{
    public static IServiceCollection AddComplaintCapas(this IServiceCollection services)
    {
        services.AddOptions<CapaOptions>()
            .BindConfiguration(CapaOptions.Section)
            .Validate(o => o.Checker.Interval > TimeSpan.Zero && o.Checker.BatchSize > 0, "Complaints:Capa:Checker needs a positive Interval and BatchSize.")
            .ValidateOnStart();
        services.AddScoped<ComplaintCapas>().AddScoped<CheckCapaEffectiveness>();
        services.AddHostedService<CapaEffectivenessChecker>();
        return services;
    }

    public static void MapComplaintCapas(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/complaints").WithTags("Complaint CAPA");

        group.MapGet("/capa-owners", async (Guid storeId, ComplaintCapas handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.OwnersAsync(storeId, ct)))
            .WithName("ListCapaOwners")
            .WithSummary("The store's active staff, who can own a corrective or preventive action there.");

        group.MapGet("/{id:guid}/capas", async (Guid id, ComplaintCapas handler, Problems problems, CancellationToken ct) =>
                (await handler.ListAsync(id, ct)).ToHttp(problems))
            .WithName("ListComplaintCapas")
            .WithSummary("The complaint's corrective and preventive actions with their status and effectiveness check.")
            .Produces<CapaListView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/capas", async (Guid id, AddCapaRequest request, ComplaintCapas handler, Problems problems, CancellationToken ct) =>
                (await handler.AddAsync(id, request, ct)).ToHttp(problems, c => TypedResults.Created($"/api/v1/complaints/{id}/capas/{c.Id}", c)))
            .WithName("AddComplaintCapa")
            .WithSummary("Adds a corrective or preventive action after the root-cause analysis: owner, due date, check date and measure.")
            .Produces<CapaView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/capas/{capaId:guid}/done", async (Guid id, Guid capaId, CapaDoneRequest request, ComplaintCapas handler, Problems problems, CancellationToken ct) =>
                (await handler.MarkDoneAsync(id, capaId, request, ct)).ToHttp(problems))
            .WithName("MarkComplaintCapaDone")
            .WithSummary("Marks the action carried out (its owner or a handler); a counted measure is then checked automatically at its check date.")
            .Produces<CapaView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/capas/{capaId:guid}/judgement", async (Guid id, Guid capaId, CapaJudgementRequest request, ComplaintCapas handler, Problems problems, CancellationToken ct) =>
                (await handler.JudgeAsync(id, capaId, request, ct)).ToHttp(problems))
            .WithName("JudgeComplaintCapa")
            .WithSummary("Records whether a manual measure was effective, on or after its check date; not by the person who carried the action out.")
            .Produces<CapaView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
