using System.Net;
using AfterSales.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Web.Tests.Infrastructure;

/// <summary>
/// A node of the app behind nginx, on the same database and clock: requests arrive from the proxy and name the
/// client's address in X-Forwarded-For, so a test can speak as many clients. Extra settings override the app's.
/// </summary>
public static class ProxiedNode
{
    public const string Proxy = "10.9.9.9";

    public static WebApplicationFactory<Program> BehindProxy(this TestApp app, params (string Key, string Value)[] settings) => app.WithWebHostBuilder(b =>
    {
        b.UseSetting(ReverseProxy.Section + ":0", Proxy);
        foreach (var (key, value) in settings)
        {
            b.UseSetting(key, value);
        }

        b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new ConnectedFromProxy()));
    });

    /// <summary>A client of the node that speaks from <paramref name="clientAddress"/>.</summary>
    public static HttpClient ClientFrom(this WebApplicationFactory<Program> node, string clientAddress, string? culture = null)
    {
        var client = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        if (culture is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue(culture));
        }

        return client;
    }

    // The test server has no socket: every connection comes from the proxy, set before anything else runs.
    private sealed class ConnectedFromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(Proxy);
                return following(context);
            });
            next(app);
        };
    }
}
