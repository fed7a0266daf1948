using AfterSales.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace AfterSales.Web.Features.Users;

public static class UserEndpoints
{
    public static IServiceCollection AddUsers(this IServiceCollection services) => services
        .AddScoped<ListUsers>()
        .AddScoped<GetUser>()
        .AddScoped<CreateUser>()
        .AddScoped<UpdateUser>()
        .AddScoped<ResetPassword>()
        .AddScoped<UnlockUser>()
        .AddScoped<SetUserActive>()
        .AddScoped<UserTokenCache>()
        .Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

    public static void MapUsers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users")
            .RequireAuthorization(Policies.Administrator)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", async ([AsParameters] ListUsersRequest request, ListUsers handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .WithName("ListUsers")
            .WithSummary("Staff logins filtered by text, role, store and active state; paged (administrators).");

        group.MapGet("/{id:guid}", async (Guid id, GetUser handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("GetUser")
            .Produces<UserView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async (CreateUserRequest request, CreateUser handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(problems, u => TypedResults.Created($"/api/v1/users/{u.Id}", u)))
            .WithName("CreateUser")
            .Produces<UserView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        group.MapPut("/{id:guid}", async (Guid id, UpdateUserRequest request, UpdateUser handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("UpdateUser")
            .WithSummary("Changes details, roles, stores and active state; 409 when the concurrency stamp is stale.")
            .Produces<UserView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/password", async (Guid id, ResetPasswordRequest request, ResetPassword handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(problems))
            .WithName("ResetUserPassword")
            .Produces<UserView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/unlock", async (Guid id, UnlockUser handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(problems))
            .WithName("UnlockUser")
            .WithSummary("Clears the sign-in counters of a login, so its owner can sign in at once although someone is guessing its password; audited.")
            .Produces<UserView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/disable", async (Guid id, SetUserActive handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, false, ct)).ToHttp(problems))
            .WithName("DisableUser")
            .WithSummary("Stops the user signing in and their API tokens working.")
            .Produces<UserView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/enable", async (Guid id, SetUserActive handler, Problems problems, CancellationToken ct) =>
                (await handler.HandleAsync(id, true, ct)).ToHttp(problems))
            .WithName("EnableUser")
            .Produces<UserView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
