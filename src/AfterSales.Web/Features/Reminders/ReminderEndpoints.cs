using AfterSales.Domain.Assets;
using AfterSales.Web.Features.Complaints.Public;
using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Reminders;

public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Off in tests, which prepare the due list themselves.</summary>
    public bool DueListEnabled { get; set; } = true;

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);
}

public static class ReminderEndpoints
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>()
            .BindConfiguration(ReminderOptions.Section)
            .Validate(o => o.CheckInterval > TimeSpan.Zero, "Reminders:CheckInterval must be positive.")
            .ValidateOnStart();
        services.AddScoped<ListServicePlans>()
            .AddScoped<SaveServicePlan>()
            .AddScoped<PrepareDueList>()
            .AddScoped<DueList>()
            .AddScoped<SendReminder>()
            .AddScoped<ReminderStats>()
            .AddScoped<GetAssetReminders>();
        services.AddHostedService<Jobs.DueListPreparer>();
        return services;
    }

    public static void MapReminders(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/service-plans").WithTags("Reminders");
        plans.MapGet("/", async (AssetKind? kind, ListServicePlans handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(kind, ct)))
            .WithName("ListServicePlans")
            .WithSummary("Maintenance plans (保养计划) by kind, make and model word: every so many months or km, whichever first, with a first interval that may differ.");

        plans.MapPost("/", async (ServicePlanRequest request, SaveServicePlan handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(null, request, ct)).ToHttp(problems, p => TypedResults.Created($"/api/v1/service-plans/{p.Id}", p)))
            .WithName("CreateServicePlan")
            .Produces<ServicePlanView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        plans.MapPut("/{id:guid}", async (Guid id, ServicePlanRequest request, SaveServicePlan handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("UpdateServicePlan")
            .Produces<ServicePlanView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var reminders = api.MapGroup("/reminders").WithTags("Reminders");
        reminders.MapGet("/due", async ([AsParameters] DueListQuery query, DueList handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(query, ct)).ToHttp(problems))
            .WithName("ListDueReminders")
            .WithSummary("Customers whose asset falls due (service, warranty end, extended-warranty end) within `within` days, by store; without those already booked or not to be contacted.")
            .Produces<Page<DueCustomerView>>()
            .ProducesValidationProblem();

        reminders.MapPost("/due/preparation", async (PrepareDueList handler, ICurrentUser user, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(user.Scope.AllStores ? null : user.Scope.StoreIds, ct)))
            .WithName("PrepareDueList")
            .WithSummary("Recomputes the due list of the user's stores now (the daily job does it once a day).");

        reminders.MapPost("/", async (SendReminderRequest request, SendReminder handler, HttpContext http, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, http.Request.PublicBase(), ct)).ToHttp(problems, r => TypedResults.Created($"/api/v1/reminders/{r.Id}", r)))
            .WithName("SendReminder")
            .WithSummary("Sends the reminder message with a booking link, or records a call. 409 reminder.already_sent when the message for this due item went out already.")
            .Produces<ReminderView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/assets/{id:guid}/reminders", async (Guid id, GetAssetReminders handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithTags("Reminders")
            .WithName("GetAssetReminders")
            .WithSummary("What is due for the asset (next service, warranty ends) and the reminders it was given.")
            .Produces<AssetRemindersView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        reminders.MapGet("/stats", async ([AsParameters] ReminderStatsQuery query, ReminderStats handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(query, ct)))
            .WithName("ReminderStats")
            .WithSummary("Reminders of a period, calls reached and bookings made from them (the conversion).");
    }
}
