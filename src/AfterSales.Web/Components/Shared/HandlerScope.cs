using AfterSales.Web.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;

namespace AfterSales.Web.Components.Shared;

/// <summary>
/// Runs one UI operation in its own DI scope, as an HTTP request would. A circuit lives for hours, so a
/// handler resolved from the circuit scope would keep one DbContext (and its tracked, stale entities)
/// for the whole session; a scope per operation gives every save a fresh context and a fresh version check.
/// </summary>
public sealed class HandlerScope(IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
{
    public Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> operation)
        where THandler : notnull =>
        RunAsync(services => operation(services.GetRequiredService<THandler>()));

    public async Task<TResult> RunAsync<TResult>(Func<IServiceProvider, Task<TResult>> operation)
    {
        // The user may sign out or change in another tab: read the circuit's principal each time.
        var principal = (await authentication.GetAuthenticationStateAsync()).User;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(principal);
        return await operation(scope.ServiceProvider);
    }
}
