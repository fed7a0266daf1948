using AfterSales.Domain.Common;
using AfterSales.Web.Features.PublicAccess;
using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Appointments;

/// <summary>
/// The customer's own appointments under /api/v1/public/appointments: anonymous, but every call except the slot list
/// carries a token from the phone check (header X-Customer-Token, purpose "appointment"); without one it is 401.
/// </summary>
public static class PublicAppointmentEndpoints
{
    public const string Purpose = "appointment";

    public static void MapPublicAppointments(this RouteGroupBuilder publicApi)
    {
        var group = publicApi.MapGroup("/appointments").WithTags("Public");

        group.MapGet("/", async (HttpContext http, CustomerTokens tokens, PublicAppointments handler, Problems problems, CancellationToken ct) =>
                tokens.ReadPhone(http, Purpose) is { } phone ? Results.Ok(await handler.ListAsync(phone, ct)) : Unverified(problems))
            .WithName("ListMyAppointments")
            .WithSummary("The verified phone's appointments of the last 90 days and ahead, its vehicles and products, and the stores to book at.")
            .Produces<MyAppointments>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/slots", async (Guid storeId, DateOnly date, PublicAppointments handler, Problems problems, CancellationToken ct) =>
                (await handler.SlotsAsync(storeId, date, ct)).ToHttp(problems))
            .WithName("ListPublicSlots")
            .WithSummary("A store's arrival slots of a day with the seats left.")
            .Produces<IReadOnlyList<PublicSlot>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async (BookMyAppointmentRequest request, HttpContext http, CustomerTokens tokens, PublicAppointments handler, Problems problems, CancellationToken ct) =>
                tokens.ReadPhone(http, Purpose) is { } phone
                    ? (await handler.BookAsync(phone, request, ct)).ToHttp(problems, a => TypedResults.Created($"/api/v1/public/appointments/{a.Id}", a))
                    : Unverified(problems))
            .WithName("BookMyAppointment")
            .WithSummary("Books for one of the verified phone's own vehicles or products; a full slot is 409 with the next free slots.")
            .Produces<MyAppointmentView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/reschedule", async (Guid id, RescheduleMyAppointmentRequest request, HttpContext http, CustomerTokens tokens, PublicAppointments handler, Problems problems, CancellationToken ct) =>
                tokens.ReadPhone(http, Purpose) is { } phone ? (await handler.RescheduleAsync(phone, id, request, ct)).ToHttp(problems, a => TypedResults.Ok(a)) : Unverified(problems))
            .WithName("RescheduleMyAppointment")
            .Produces<MyAppointmentView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/cancel", async (Guid id, CancelMyAppointmentRequest request, HttpContext http, CustomerTokens tokens, PublicAppointments handler, Problems problems, CancellationToken ct) =>
                tokens.ReadPhone(http, Purpose) is { } phone ? (await handler.CancelAsync(phone, id, request, ct)).ToHttp(problems) : Unverified(problems))
            .WithName("CancelMyAppointment")
            .Produces<MyAppointmentView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unverified(Problems problems) =>
        TypedResults.Problem(problems.Problem(StatusCodes.Status401Unauthorized, new FieldError("appointment.phone_not_verified")));
}
