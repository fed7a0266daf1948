using System.Net;
using AfterSales.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Web.Tests.Infrastructure;

/// <summary>Behind nginx, per-address limits count the client's address, and only the configured proxy may name it.</summary>
public abstract class ReverseProxyTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private const string Proxy = "10.9.9.9";

    [Fact]
    public async Task Behind_the_configured_proxy_the_public_limit_counts_each_client_address_on_its_own()
    {
        await using var node = Node(connectedFrom: Proxy);
        var client = node.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await SlotsAsync(client, "203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SlotsAsync(client, "203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SlotsAsync(client, "203.0.113.7")).StatusCode);

        // Another customer behind the same proxy is not punished for the first one.
        Assert.Equal(HttpStatusCode.OK, (await SlotsAsync(client, "198.51.100.20")).StatusCode);
    }

    [Fact]
    public async Task A_client_that_is_not_the_proxy_cannot_escape_the_limit_by_naming_other_addresses()
    {
        await using var node = Node(connectedFrom: "192.0.2.50");
        var client = node.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await SlotsAsync(client, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SlotsAsync(client, "203.0.113.2")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SlotsAsync(client, "203.0.113.3")).StatusCode);
    }

    private WebApplicationFactory<Program> Node(string connectedFrom) => app.WithWebHostBuilder(b =>
    {
        b.UseSetting(ReverseProxy.Section + ":0", Proxy);
        b.UseSetting("PublicAccess:RequestsPerMinute", "2");
        b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new ConnectedFrom(IPAddress.Parse(connectedFrom))));
    });

    private async Task<HttpResponseMessage> SlotsAsync(HttpClient client, string forwardedFor)
    {
        var storeId = await app.StoreIdAsync("BJ01");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/appointments/slots?storeId={storeId}&date={DateTime.UtcNow.AddDays(3):yyyy-MM-dd}");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The test server has no socket: this sets the address a connection would come from, before anything else runs.</summary>
    private sealed class ConnectedFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }
}

public sealed class SqliteReverseProxyTests(SqliteApp app) : ReverseProxyTests<SqliteApp>(app);

public sealed class PostgresReverseProxyTests(PostgresApp app) : ReverseProxyTests<PostgresApp>(app);
