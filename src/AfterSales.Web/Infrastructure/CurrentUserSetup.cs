using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace AfterSales.Web.Infrastructure;

public static class CurrentUserSetup
{
    public static IServiceCollection AddCurrentUser(this IServiceCollection services)
    {
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        return services;
    }

    /// <summary>HTTP requests (API, static pages): the request's principal.</summary>
    public static IApplicationBuilder UseCurrentUser(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.RequestServices.GetRequiredService<CurrentUser>().Set(context.User);
            await next(context);
        });
}

/// <summary>Blazor circuits have their own DI scope: set the circuit's user there and follow sign-in changes.</summary>
internal sealed class CurrentUserCircuitHandler(AuthenticationStateProvider authentication, CurrentUser currentUser) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnChanged;
        currentUser.Set((await authentication.GetAuthenticationStateAsync()).User);
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;

    private void OnChanged(Task<AuthenticationState> task) =>
        _ = task.ContinueWith(t => currentUser.Set(t.Result.User), TaskScheduler.Default);
}
