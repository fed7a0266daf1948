using AfterSales.Web.Features.Login;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.AspNetCore.Identity;

namespace AfterSales.Web.Features;

public static class AccountEndpoints
{
    public static IServiceCollection AddAccount(this IServiceCollection services) => services.AddScoped<PasswordLogin>();

    public static void MapAccount(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).ExcludeFromDescription();

        // The same rule as the login page: the answer sets the login cookie.
        app.MapPost("/api/v1/account/login", async (LoginRequest request, PasswordLogin handler, SignInManager<AppUser> signIn, HttpContext http, Problems problems, CancellationToken ct) =>
            {
                var attempt = await handler.HandleAsync(request, http.Connection.RemoteIpAddress?.ToString(), ct);
                switch (attempt.Status)
                {
                    case LoginStatus.Succeeded:
                        await signIn.SignInAsync(attempt.User!, request.RememberMe);
                        return Results.NoContent();
                    case LoginStatus.Missing:
                        return problems.Validation([attempt.Error with { Field = nameof(LoginRequest.UserName) }]);
                    case LoginStatus.Disabled:
                        return problems.Forbidden(attempt.Error);
                    case LoginStatus.Throttled:
                        return problems.TooManyRequests(attempt.Error, attempt.RetryAfter);
                    default:
                        return TypedResults.Problem(problems.Problem(StatusCodes.Status401Unauthorized, attempt.Error));
                }
            })
            .AllowAnonymous()
            .WithTags("Account")
            .WithName("Login")
            .WithSummary("Signs in with user name and password and sets the login cookie; 401 when either is wrong, 429 with Retry-After after too many attempts for the name or from the address.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}
