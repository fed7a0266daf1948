using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace AfterSales.Web.Infrastructure;

/// <summary>
/// Behind nginx every request comes from the proxy's address: the client's address (per-address limits, audit) and
/// scheme (secure cookies, links) arrive in X-Forwarded-For/-Proto, which are believed only from the configured proxies.
/// Without <c>ReverseProxy:KnownProxies</c> the headers are ignored, so a client cannot claim another address.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "ReverseProxy:KnownProxies";

    public static IServiceCollection AddReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(Section).Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address)
                    ? address
                    : throw new InvalidOperationException($"{Section} holds '{proxy}', which is not an IP address."));
            }
        });
        return services;
    }

    public static IApplicationBuilder UseReverseProxy(this IApplicationBuilder app, IConfiguration configuration) =>
        configuration.GetSection(Section).Get<string[]>() is { Length: > 0 } ? app.UseForwardedHeaders() : app;
}
