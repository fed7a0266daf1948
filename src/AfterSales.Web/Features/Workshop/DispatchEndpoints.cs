using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Workshop;

public static class DispatchEndpoints
{
    public static IServiceCollection AddDispatch(this IServiceCollection services) => services
        .AddScoped<GetWorkshopStaff>()
        .AddScoped<AddTechnician>()
        .AddScoped<SaveTechnician>()
        .AddScoped<AddWorkshopTeam>()
        .AddScoped<SaveWorkshopTeam>()
        .AddScoped<GetDispatchBoard>()
        .AddScoped<AssignRepairJob>()
        .AddScoped<SetCustomerWaiting>()
        .AddScoped<SuggestDispatch>()
        .AddScoped<AcceptDispatch>();

    public static void MapDispatch(this RouteGroupBuilder api)
    {
        var workshop = api.MapGroup("/workshop").WithTags("Workshop dispatch");

        workshop.MapGet("/staff", async (Guid storeId, GetWorkshopStaff handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(storeId, ct)).ToHttp(problems))
            .WithName("GetWorkshopStaff")
            .WithSummary("A store's technicians (skills, team, shift) and teams (with their lead), and the workshop staff without a technician profile.")
            .Produces<WorkshopStaffView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        workshop.MapPost("/technicians", async (AddTechnicianRequest request, AddTechnician handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems, t => TypedResults.Created($"/api/v1/workshop/technicians/{t.Id}", t)))
            .WithName("AddTechnician")
            .WithSummary("Makes a technician or team lead of the store a dispatchable technician with skills, team and shift (workshop managers, service managers, administrators).")
            .Produces<TechnicianView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        workshop.MapPut("/technicians/{id:guid}", async (Guid id, SaveTechnicianRequest request, SaveTechnician handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("SaveTechnician")
            .WithSummary("Changes a technician's skills, team, shift (within the store's opening hours) and active state; 409 on a stale version.")
            .Produces<TechnicianView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        workshop.MapPost("/teams", async (AddTeamRequest request, AddWorkshopTeam handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems, t => TypedResults.Created($"/api/v1/workshop/teams/{t.Id}", t)))
            .WithName("AddWorkshopTeam")
            .WithSummary("Adds a workshop team (班组) with its team lead.")
            .Produces<WorkshopTeamView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        workshop.MapPut("/teams/{id:guid}", async (Guid id, SaveTeamRequest request, SaveWorkshopTeam handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("SaveWorkshopTeam")
            .WithSummary("Renames a team or changes its lead; 409 on a stale version.")
            .Produces<WorkshopTeamView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        workshop.MapGet("/dispatch-board", async (Guid storeId, GetDispatchBoard handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(storeId, ct)).ToHttp(problems))
            .WithName("GetDispatchBoard")
            .WithSummary("Every open job of the store's orders in work, by priority (urgent appointment, waiting customer, promised time), and the technicians with their load against their hours on the working day.")
            .Produces<DispatchBoardView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        workshop.MapPost("/dispatch-suggestions", async (SuggestDispatchRequest request, SuggestDispatch handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems))
            .WithName("SuggestDispatch")
            .WithSummary("Proposes a technician and a time for every unassigned job: skills and working hours respected, promised times first, load balanced (CP-SAT assignment model, 1.5 s limit). Saves nothing.")
            .Produces<DispatchSuggestionView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        workshop.MapPost("/dispatch-suggestions/accept", async (AcceptDispatchRequest request, AcceptDispatch handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems))
            .WithName("AcceptDispatch")
            .WithSummary("Assigns the accepted (possibly edited) rows in one save; 409 and nothing saved if any order changed since the plan or any row is refused.")
            .Produces<AcceptDispatchResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var orders = api.MapGroup("/repair-orders").WithTags("Workshop dispatch");

        orders.MapPost("/{id:guid}/jobs/{jobId:guid}/assignment", async (Guid id, Guid jobId, AssignJobRequest request, AssignRepairJob handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, jobId, request, ct)).ToHttp(problems))
            .WithName("AssignRepairJob")
            .WithSummary("Assigns a job to a technician of the store with the job's skill; reassigning an assigned or paused job needs a reason. 409 on a wrong state, a skill mismatch or a stale version.")
            .Produces<RepairOrderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        orders.MapPost("/{id:guid}/customer-waiting", async (Guid id, CustomerWaitingRequest request, SetCustomerWaiting handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("SetCustomerWaiting")
            .WithSummary("Records whether the customer waits in the store (等修), which gives the order's jobs priority on the dispatch board.")
            .Produces<RepairOrderView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
