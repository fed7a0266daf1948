using AfterSales.Web.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;

namespace AfterSales.Web.Components.Admin;

/// <summary>
/// Runs a slice handler in a fresh DI scope (and so a fresh DbContext) per operation, acting as the circuit's
/// signed-in user. A circuit lives for hours; its own DbContext would keep stale or half-saved entities after a
/// refused save.
/// </summary>
public sealed class ScopedHandlers(IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
{
    public async Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> call)
        where THandler : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        var state = await authentication.GetAuthenticationStateAsync();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(state.User);
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }
}
