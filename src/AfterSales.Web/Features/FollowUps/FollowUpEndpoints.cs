using AfterSales.Web.Infrastructure;
using AfterSales.Web.Jobs;

namespace AfterSales.Web.Features.FollowUps;

public static class FollowUpEndpoints
{
    public static IServiceCollection AddFollowUps(this IServiceCollection services)
    {
        services.AddOptions<FollowUpOptions>()
            .BindConfiguration(FollowUpOptions.Section)
            .Validate(o => o.Interval > TimeSpan.Zero && o.BatchSize > 0, "FollowUps:Generator needs a positive Interval and BatchSize.")
            .ValidateOnStart();
        services.AddScoped<GetFollowUpPolicy>()
            .AddScoped<SaveFollowUpPolicy>()
            .AddScoped<GenerateFollowUpTasks>()
            .AddScoped<ListFollowUpCalls>()
            .AddScoped<GetFollowUpCall>()
            .AddScoped<RecordFollowUpOutcome>()
            .AddScoped<GetFollowUpCoverage>()
            .AddScoped<GetFollowUpReach>()
            .AddScoped<SetCustomerDoNotCall>();
        services.AddHostedService<FollowUpGenerator>();
        return services;
    }

    public static void MapFollowUps(this RouteGroupBuilder api)
    {
        var policies = api.MapGroup("/follow-up-policies").WithTags("Follow-ups");

        policies.MapGet("/{storeId:guid}", async (Guid storeId, GetFollowUpPolicy handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(storeId, ct)).ToHttp(problems))
            .WithName("GetFollowUpPolicy")
            .WithSummary("The store's follow-up policy: calls per order type, coverage target, attempts and retry schedule, blocked hours (defaults until saved).")
            .Produces<FollowUpPolicyView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        policies.MapPut("/{storeId:guid}", async (Guid storeId, SaveFollowUpPolicyRequest request, SaveFollowUpPolicy handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(storeId, request, ct)).ToHttp(problems))
            .RequireAuthorization(Policies.Administrator)
            .WithName("SaveFollowUpPolicy")
            .WithSummary("Replaces the store's follow-up policy (administrators); 409 when someone saved first. Applies to deliveries decided from now on.")
            .Produces<FollowUpPolicyView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var followUps = api.MapGroup("/follow-ups").WithTags("Follow-ups");

        followUps.MapGet("/calls", async ([AsParameters] ListFollowUpCallsRequest request, ListFollowUpCalls handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .WithName("ListFollowUpCalls")
            .WithSummary("The agent's follow-up calls, soonest first: by default those due now (open, customer may be called, not another agent's call-back); dueOnly=false adds the coming ones.");

        followUps.MapGet("/calls/{id:guid}", async (Guid id, GetFollowUpCall handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetFollowUpCall")
            .WithSummary("One follow-up call with the order (jobs, advisor, technicians), the customer's preferred time, history, open complaints and attempts.")
            .Produces<FollowUpCallView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        followUps.MapPost("/calls/{id:guid}/outcomes", async (Guid id, RecordFollowUpOutcomeRequest request, RecordFollowUpOutcome handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("RecordFollowUpOutcome")
            .WithSummary("Records a call: reached, no answer (retried on the policy's schedule up to its maximum), wrong number, call back at a time, refused; doNotCall records the customer's wish and cancels their open calls.")
            .Produces<FollowUpCallView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPut("/customers/{id:guid}/do-not-call", async (Guid id, SetDoNotCallRequest request, SetCustomerDoNotCall handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithTags("Follow-ups")
            .WithName("SetCustomerDoNotCall")
            .WithSummary("Records that the customer does (true) or again may (false) be called, however they asked; true cancels their open follow-up calls at once.")
            .Produces<CustomerDoNotCallView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        followUps.MapGet("/coverage", async ([AsParameters] FollowUpCoverageRequest request, GetFollowUpCoverage handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems))
            .WithName("GetFollowUpCoverage")
            .WithSummary("Follow-up coverage per store over store-local dates (default: this month): deliveries, sampled, reached, against the coverage target.")
            .Produces<IReadOnlyList<FollowUpCoverageView>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
