using AfterSales.Web.Persistence;
using Microsoft.AspNetCore.Identity;

namespace AfterSales.Web.Features;

public static class AccountEndpoints
{
    public static void MapAccount(this IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).ExcludeFromDescription();
}
