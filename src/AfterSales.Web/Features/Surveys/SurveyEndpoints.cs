using AfterSales.Domain.Staff;
using AfterSales.Web.Features.Complaints.Public;
using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Surveys;

public static class SurveyEndpoints
{
    /// <summary>Roles that see the managers' analytics.</summary>
    public static readonly StaffRole[] AnalyticsRoles = [StaffRole.ServiceManager, StaffRole.WorkshopManager, StaffRole.Administrator];

    public static IServiceCollection AddSurveys(this IServiceCollection services) =>
        services.AddScoped<SurveyLinks>()
            .AddScoped<GetOrderSurvey>()
            .AddScoped<RecordSurvey>()
            .AddScoped<RaiseSurveyComplaint>()
            .AddScoped<SendSurveyLink>()
            .AddScoped<PublicSurveys>()
            .AddScoped<GetSurveySettings>()
            .AddScoped<SaveSurveyQuestion>()
            .AddScoped<UpdateSurveyPolicy>()
            .AddScoped<GetSurveyAnalytics>()
            .AddScoped<ExportSurveyAnalytics>();

    public static bool SeesAnalytics(this ICurrentUser user) => AnalyticsRoles.Any(user.IsInRole);

    public static void MapSurveys(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/repair-orders/{id:guid}").WithTags("Surveys");

        orders.MapGet("/survey", async (Guid id, GetOrderSurvey handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetOrderSurvey")
            .WithSummary("The satisfaction survey of a repair order: the order and its staff, the questions in force, and the answer once recorded (with the complaint it raised and the praise it gave).")
            .Produces<OrderSurveyView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapPost("/survey", async (Guid id, RecordSurveyRequest request, RecordSurvey handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems, r => TypedResults.Created($"/api/v1/repair-orders/{id}/survey", r)))
            .WithName("RecordSurvey")
            .WithSummary("Records the survey the agent asked on the follow-up call (optionally with the call's id). One answer per delivered order: a second is refused with 409 survey.already_answered. A low score or \"not fixed\" opens exactly one complaint linked to the order; praised staff must be the order's advisor or technicians.")
            .Produces<SurveyResponseView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        orders.MapPost("/survey-link", async (Guid id, SendSurveyLinkRequest request, HttpRequest http, SendSurveyLink handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, http.PublicBase(), ct)).ToHttp(problems))
            .WithName("SendSurveyLink")
            .WithSummary("Texts the customer a link to answer the survey themselves (outbox message in zh-CN or en). The link is signed, for this order only, and expires after the policy's days.")
            .Produces<SurveyLinkView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/survey-responses/{id:guid}/complaint", async (Guid id, RaiseSurveyComplaint handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithTags("Surveys")
            .WithName("RaiseSurveyComplaint")
            .WithSummary("Opens the complaint of an unhappy survey if it is not open yet (a retry after a failure); answers the one complaint the survey raised, never a second.")
            .Produces<SurveyComplaintView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var analytics = api.MapGroup("/follow-ups/analytics").WithTags("Surveys").ProducesProblem(StatusCodes.Status403Forbidden);

        analytics.MapGet("/", async ([AsParameters] SurveyAnalyticsRequest request, ICurrentUser user, GetSurveyAnalytics handler, Problems problems, CancellationToken ct) =>
                user.SeesAnalytics() ? (await handler.HandleAsync(request, ct)).ToHttp(problems) : problems.Forbidden(new Domain.Common.FieldError("survey.analytics_forbidden")))
            .WithName("GetSurveyAnalytics")
            .WithSummary("Managers' survey analytics for a period (store-local dates, both included; default the last 90 days) and optionally one store: responses, averages by question, store, advisor and technician, NPS, first-time-fix rate, reach, trends by week and month, latest comments.")
            .Produces<SurveyAnalyticsView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        analytics.MapGet("/export", async ([AsParameters] SurveyAnalyticsRequest request, ICurrentUser user, ExportSurveyAnalytics handler, Problems problems, CancellationToken ct) =>
                user.SeesAnalytics()
                    ? (await handler.HandleAsync(request, ct)).ToHttp(problems, bytes => TypedResults.File(bytes, ExportSurveyAnalytics.ContentType, "follow-up-analytics.xlsx"))
                    : problems.Forbidden(new Domain.Common.FieldError("survey.analytics_forbidden")))
            .WithName("ExportSurveyAnalytics")
            .WithSummary("The same analytics as an Excel workbook, one sheet per table.")
            .Produces(StatusCodes.Status200OK, contentType: ExportSurveyAnalytics.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var settings = api.MapGroup("/survey").WithTags("Surveys").RequireAuthorization(Policies.Administrator).ProducesProblem(StatusCodes.Status403Forbidden);

        settings.MapGet("/settings", async (GetSurveySettings handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithName("GetSurveySettings")
            .WithSummary("The survey's questions (active and retired, with their revision) and the unhappy-answer thresholds (administrators).");

        settings.MapPost("/questions", async (SaveSurveyQuestionRequest request, SaveSurveyQuestion handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(null, request, ct)).ToHttp(problems, q => TypedResults.Created($"/api/v1/survey/questions/{q.Id}", q)))
            .WithName("CreateSurveyQuestion")
            .WithSummary("Adds a question in zh-CN and en (administrators).")
            .Produces<SurveyQuestionView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        settings.MapPut("/questions/{id:guid}", async (Guid id, SaveSurveyQuestionRequest request, SaveSurveyQuestion handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("UpdateSurveyQuestion")
            .WithSummary("Rewords, reorders, retires or reactivates a question; new wording raises its revision while old answers keep the wording they answered (administrators).")
            .Produces<SurveyQuestionView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        settings.MapPut("/policy", async (UpdateSurveyPolicyRequest request, UpdateSurveyPolicy handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems))
            .WithName("UpdateSurveyPolicy")
            .WithSummary("Sets when an answer is unhappy (1–5 score at most, recommendation at most) and how long survey links stay valid (administrators).")
            .Produces<SurveyPolicyView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static void MapPublicSurveys(this RouteGroupBuilder publicApi)
    {
        var group = publicApi.MapGroup("/surveys/{token}").WithTags("Public surveys");

        group.MapGet("/", async (string token, PublicSurveys handler, Problems problems, CancellationToken ct) =>
                (await handler.GetAsync(token, ct)).ToHttp(problems))
            .WithName("GetPublicSurvey")
            .WithSummary("The survey a customer opens from the link in their message: store, order, vehicle and questions. 404 for a forged, expired or other-purpose token.")
            .Produces<PublicSurveyView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async (string token, PublicSurveyRequest request, PublicSurveys handler, Problems problems, CancellationToken ct) =>
                (await handler.SubmitAsync(token, request, ct)).ToHttp(problems))
            .WithName("AnswerPublicSurvey")
            .WithSummary("The customer answers the survey. One answer per order: a second is refused with 409 survey.already_answered. An unhappy answer opens a complaint the store follows up.")
            .Produces<PublicSurveyReceipt>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
