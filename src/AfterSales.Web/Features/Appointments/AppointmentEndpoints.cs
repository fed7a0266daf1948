using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Appointments;

public static class AppointmentEndpoints
{
    public static IServiceCollection AddAppointments(this IServiceCollection services) => services
        .AddScoped<CapacityPlanner>()
        .AddScoped<VisitHistory>()
        .AddScoped<GetCapacity>()
        .AddScoped<SaveCapacity>()
        .AddScoped<BookAppointment>()
        .AddScoped<ListAdvisors>()
        .AddScoped<AppointmentGate>()
        .AddScoped<RescheduleAppointment>()
        .AddScoped<GetAppointment>()
        .AddScoped<GetAppointmentHistory>()
        .AddScoped<GetAppointmentBoard>()
        .AddScoped<FindFreeSlots>()
        .AddScoped<GetReadinessCheck>()
        .AddScoped<GetVisitSummary>();

    /// <summary>A full slot answers 409 with the next free slots in the problem's <c>nextFreeSlots</c>.</summary>
    public static IResult ToHttp(this BookingResult result, Problems problems, Func<AppointmentView, IResult> ok)
    {
        if (result.Outcome.IsOk || result.Outcome.Kind != OutcomeKind.Conflict || result.NextFreeSlots.Count == 0 && !IsCapacityRefusal(result))
        {
            return result.Outcome.ToHttp(problems, ok);
        }

        var problem = problems.Problem(StatusCodes.Status409Conflict, result.Outcome.Errors[0]);
        problem.Extensions["nextFreeSlots"] = result.NextFreeSlots;
        return TypedResults.Problem(problem);
    }

    private static bool IsCapacityRefusal(BookingResult result) =>
        result.Outcome.Errors[0].Code is CapacityPlanner.SlotFull or CapacityPlanner.WorkshopFull or CapacityPlanner.SkillNotOffered;

    public static void MapAppointments(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/appointments").WithTags("Appointments");

        group.MapGet("/board", async ([AsParameters] GetBoardRequest request, GetAppointmentBoard handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems))
            .WithName("GetAppointmentBoard")
            .WithSummary("A store's day (days=1) or week (days=7): slots with load against capacity, workshop hours by trade, appointments by advisor.")
            .Produces<AppointmentBoard>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/free-slots", async ([AsParameters] FindFreeSlotsRequest request, FindFreeSlots handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems))
            .WithName("FindFreeAppointmentSlots")
            .WithSummary("The next free arrival slots of a store, optionally for a trade and its hours.")
            .Produces<IReadOnlyList<FreeSlot>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/readiness", async ([AsParameters] GetReadinessRequest request, GetReadinessCheck handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems))
            .WithName("GetAppointmentReadiness")
            .WithSummary("The day-before check: a day's upcoming appointments (tomorrow by default) with parts, tools, documents and technician hours by trade.")
            .Produces<ReadinessCheck>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/advisors", async (Guid storeId, ListAdvisors handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(storeId, ct)))
            .WithName("ListAppointmentAdvisors")
            .WithSummary("The service advisors of a store.");

        group.MapGet("/visit-summary", async ([AsParameters] GetVisitSummaryRequest request, GetVisitSummary handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems))
            .WithName("GetVisitSummary")
            .WithSummary("An asset's last visit, whether a booking for these trades is a repeat repair, and issues left unfixed last time.")
            .Produces<VisitSummary>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async (BookAppointmentRequest request, BookAppointment handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems, a => TypedResults.Created($"/api/v1/appointments/{a.Id}", a)))
            .WithName("BookAppointment")
            .WithSummary("Books an appointment; a full slot is 409 with the next free slots (nextFreeSlots). Urgent bookings bypass slot limits.")
            .Produces<AppointmentView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:guid}", async (Guid id, GetAppointment handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetAppointment")
            .Produces<AppointmentView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/history", async (Guid id, GetAppointmentHistory handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetAppointmentHistory")
            .WithSummary("Every status change: who, when, from, to, why, and the slot.")
            .Produces<IReadOnlyList<AppointmentStatusChangeView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapMove(group, "confirm", "ConfirmAppointment", (g, id, r, ct) => g.ConfirmAsync(id, r, ct));
        MapMove(group, "ready", "MarkAppointmentReady", (g, id, r, ct) => g.MarkReadyAsync(id, r, ct));
        MapMove(group, "arrive", "MarkAppointmentArrived", (g, id, r, ct) => g.ArriveAsync(id, r, ct));
        MapMove(group, "cancel", "CancelAppointment", (g, id, r, ct) => g.CancelAsync(id, r, ct));
        MapMove(group, "no-show", "MarkAppointmentNoShow", (g, id, r, ct) => g.MarkNoShowAsync(id, r, ct));

        group.MapPost("/{id:guid}/reschedule", async (Guid id, RescheduleAppointmentRequest request, RescheduleAppointment handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems, a => TypedResults.Ok(a)))
            .WithName("RescheduleAppointment")
            .WithSummary("Moves the arrival slot and tells the customer the new time by SMS; a full slot is 409 with the next free slots.")
            .Produces<AppointmentView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:guid}/preparation", async (Guid id, PrepareAppointmentRequest request, AppointmentGate gate, Problems problems, CancellationToken ct) =>
                (await gate.PrepareAsync(id, request, ct)).ToHttp(problems))
            .WithName("PrepareAppointment")
            .WithSummary("Sets the parts, special tools and documents to have ready.")
            .Produces<AppointmentView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/readiness", async (Guid id, ResolveReadinessRequest request, AppointmentGate gate, Problems problems, CancellationToken ct) =>
                (await gate.ResolveAsync(id, request, ct)).ToHttp(problems))
            .WithName("ResolveAppointmentReadinessItem")
            .WithSummary("Marks one preparation item (Parts, SpecialTools, Documents) as in hand.")
            .Produces<AppointmentView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:guid}/open-issues", async (Guid id, RecordOpenIssuesRequest request, AppointmentGate gate, Problems problems, CancellationToken ct) =>
                (await gate.RecordOpenIssuesAsync(id, request, ct)).ToHttp(problems))
            .WithName("RecordAppointmentOpenIssues")
            .WithSummary("Issues found at this visit but not fixed; the asset's next booking shows them.")
            .Produces<AppointmentView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var capacity = api.MapGroup("/stores/{storeId:guid}/capacity").WithTags("Appointments");
        capacity.MapGet("/", async (Guid storeId, GetCapacity handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(storeId, ct)).ToHttp(problems))
            .WithName("GetStoreCapacity")
            .WithSummary("A store's slot length, advisors on duty and workshop hours by trade per weekday, and its repeat-repair window.")
            .Produces<CapacityView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        capacity.MapPut("/", async (Guid storeId, SaveCapacityRequest request, SaveCapacity handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(storeId, request, ct)).ToHttp(problems))
            .RequireAuthorization(Policies.Administrator)
            .WithName("SaveStoreCapacity")
            .WithSummary("Replaces a store's capacity settings (administrators); version 0 while the store still plans with the defaults.")
            .Produces<CapacityView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapMove(RouteGroupBuilder group, string path, string name, Func<AppointmentGate, Guid, AppointmentActionRequest, CancellationToken, Task<Outcome<AppointmentView>>> move) =>
        group.MapPost($"/{{id:guid}}/{path}", async (Guid id, AppointmentActionRequest request, AppointmentGate gate, Problems problems, CancellationToken ct) =>
                (await move(gate, id, request, ct)).ToHttp(problems))
            .WithName(name)
            .Produces<AppointmentView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
