using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Complaints.Handling;

public static class ComplaintHandlingEndpoints
{
    public static IServiceCollection AddComplaintHandling(this IServiceCollection services) => services
        .AddScoped<ComplaintAccess>()
        .AddScoped<ComplaintAssigner>()
        .AddScoped<HandleComplaint>()
        .AddScoped<GetComplaintHandling>()
        .AddScoped<ComplaintHandlingSettings>();

    public static void MapComplaintHandling(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/complaints/{id:guid}").WithTags("Complaint handling");

        group.MapGet("/handling", async (Guid id, GetComplaintHandling handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetComplaintHandling")
            .WithSummary("Assignment, investigation log, analysis, resolution plan and the customer's answer, with what the caller may do.")
            .Produces<ComplaintHandlingView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        Move<ReassignComplaintRequest>(group, "/assignment", "ReassignComplaint", "Gives the complaint to another specialist or team; the reason is recorded.", (h, id, r, ct) => h.ReassignAsync(id, r, ct));
        Move<AddLogEntryRequest>(group, "/log", "AddComplaintLogEntry", "Adds a note, a customer contact with its outcome, an on-site check or a reference to a repair order, part or QC record.", (h, id, r, ct) => h.AddLogEntryAsync(id, r, ct));
        Move<RecordAnalysisRequest>(group, "/analysis", "RecordComplaintAnalysis", "Records the 5-whys root cause, the responsibility and whether it is systemic.", (h, id, r, ct) => h.RecordAnalysisAsync(id, r, ct));
        Move<ProposeResolutionRequest>(group, "/resolution", "ProposeComplaintResolution", "Proposes a plan of one or more actions with amounts.", (h, id, r, ct) => h.ProposeAsync(id, r, ct));
        Move<ComplaintNoteRequest>(group, "/resolution/revise", "ReviseComplaintResolution", "Takes the proposed plan back to change it.", (h, id, r, ct) => h.ReviseAsync(id, r, ct));
        Move<ComplaintNoteRequest>(group, "/resolution/submit", "SubmitComplaintResolution", "Submits a plan above the handler's limit for approval.", (h, id, r, ct) => h.SubmitAsync(id, r, ct));
        Move<ComplaintNoteRequest>(group, "/resolution/approve", "ApproveComplaintResolution", "Approves the plan (within the approver's limit); it goes to the customer.", (h, id, r, ct) => h.ApproveAsync(id, r, ct));
        Move<ComplaintReasonRequest>(group, "/resolution/reject", "RejectComplaintResolution", "Rejects the plan with the approver's comment; back to investigation.", (h, id, r, ct) => h.RejectAsync(id, r, ct));
        Move<ComplaintNoteRequest>(group, "/resolution/present", "PresentComplaintResolution", "Presents a plan within the handler's limit (or approved) to the customer.", (h, id, r, ct) => h.PresentAsync(id, r, ct));
        Move<CustomerResponseRequest>(group, "/customer-response", "RecordCustomerResponse", "The customer accepts or declines (with the reason), or a manager records a final decision.", (h, id, r, ct) => h.CustomerRespondsAsync(id, r, ct));
        Move<ComplaintReasonRequest>(group, "/close", "CloseComplaint", "A service manager's review closes the complaint once every action is done and the customer's answer is recorded.", (h, id, r, ct) => h.CloseAsync(id, r, ct));
        Move<ComplaintReasonRequest>(group, "/reopen", "ReopenComplaint", "Starts a new round of handling on a closed complaint.", (h, id, r, ct) => h.ReopenAsync(id, r, ct));

        group.MapPost("/resolution/actions/{actionId:guid}/done", async (Guid id, Guid actionId, ActionDoneRequest request, HandleComplaint handler, Problems problems, CancellationToken ct) =>
                (await handler.MarkActionDoneAsync(id, actionId, request, ct)).ToHttp(problems))
            .WithName("MarkComplaintActionDone")
            .WithSummary("Marks an action of the agreed plan as carried out; a re-repair opens a draft repair order linked to the complaint.")
            .Produces<ComplaintView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var settings = api.MapGroup("/complaint-settings").WithTags("Complaint settings")
            .RequireAuthorization(Policies.Administrator).ProducesProblem(StatusCodes.Status403Forbidden);

        settings.MapGet("/rules", async (ComplaintHandlingSettings handler, CancellationToken ct) => TypedResults.Ok(await handler.ListRulesAsync(ct)))
            .WithName("ListComplaintAssignmentRules");
        settings.MapPost("/rules", async (AddAssignmentRuleRequest request, ComplaintHandlingSettings handler, Problems problems, CancellationToken ct) =>
                (await handler.AddRuleAsync(request, ct)).ToHttp(problems, r => TypedResults.Created($"/api/v1/complaint-settings/rules/{r.Id}", r)))
            .WithName("AddComplaintAssignmentRule")
            .Produces<AssignmentRuleView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        settings.MapDelete("/rules/{ruleId:guid}", async (Guid ruleId, ComplaintHandlingSettings handler, Problems problems, CancellationToken ct) =>
                (await handler.DeleteRuleAsync(ruleId, ct)).ToHttp(problems, _ => TypedResults.NoContent()))
            .WithName("DeleteComplaintAssignmentRule")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        settings.MapGet("/teams", async (Guid? storeId, ComplaintHandlingSettings handler, CancellationToken ct) => TypedResults.Ok(await handler.ListTeamsAsync(storeId, ct)))
            .WithName("ListComplaintTeams");
        settings.MapPost("/teams", async (CreateTeamRequest request, ComplaintHandlingSettings handler, Problems problems, CancellationToken ct) =>
                (await handler.CreateTeamAsync(request, ct)).ToHttp(problems, t => TypedResults.Created($"/api/v1/complaint-settings/teams/{t.Id}", t)))
            .WithName("CreateComplaintTeam")
            .Produces<ComplaintTeamView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        settings.MapPut("/teams/{teamId:guid}", async (Guid teamId, UpdateTeamRequest request, ComplaintHandlingSettings handler, Problems problems, CancellationToken ct) =>
                (await handler.UpdateTeamAsync(teamId, request, ct)).ToHttp(problems))
            .WithName("UpdateComplaintTeam")
            .WithSummary("Renames a team and replaces its members (specialists and service managers of its store).")
            .Produces<ComplaintTeamView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        settings.MapDelete("/teams/{teamId:guid}", async (Guid teamId, ComplaintHandlingSettings handler, Problems problems, CancellationToken ct) =>
                (await handler.DeleteTeamAsync(teamId, ct)).ToHttp(problems))
            .WithName("DeleteComplaintTeam")
            .WithSummary("Deletes a team; refused while assignment rules name it or open complaints are with it; a team only closed complaints name is retired.")
            .Produces<TeamDeletion>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        settings.MapGet("/approval-limits", async (ComplaintHandlingSettings handler, CancellationToken ct) => TypedResults.Ok(await handler.ListLimitsAsync(ct)))
            .WithName("ListComplaintApprovalLimits")
            .WithSummary("How much compensation (CNY) each role may grant without approval.");
        settings.MapPut("/approval-limits", async (SetApprovalLimitRequest request, ComplaintHandlingSettings handler, Problems problems, CancellationToken ct) =>
                (await handler.SetLimitAsync(request, ct)).ToHttp(problems))
            .WithName("SetComplaintApprovalLimit")
            .Produces<ApprovalLimitView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void Move<TRequest>(RouteGroupBuilder group, string path, string name, string summary, Func<HandleComplaint, Guid, TRequest, CancellationToken, Task<Outcome<ComplaintView>>> handle) =>
        group.MapPost(path, async (Guid id, TRequest request, HandleComplaint handler, Problems problems, CancellationToken ct) =>
                (await handle(handler, id, request, ct)).ToHttp(problems))
            .WithName(name)
            .WithSummary(summary)
            .Produces<ComplaintView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
