using AfterSales.Web.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Benchmarks;

/// <summary>The real application, in this process, behind Kestrel on a loopback port: requests go through the whole HTTP stack.</summary>
internal sealed class BenchmarkHost : WebApplicationFactory<Program>
{
    private readonly DatabaseProvider _provider;
    private readonly string _connectionString;
    private readonly bool _logSql;

    public BenchmarkHost(DatabaseProvider provider, string connectionString, bool logSql)
    {
        _provider = provider;
        _connectionString = connectionString;
        _logSql = logSql;
        UseKestrel(0);
    }

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(WebProjectDirectory());
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", _provider.ToString());
        builder.UseSetting("Database:ConnectionString", _connectionString);
        builder.UseSetting(Web.Infrastructure.KeyEncryptionKey.Setting, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

        // Migrations, then the demo stores and logins the bulk customers are added to.
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", _logSql ? "Information" : "Warning");
    }

    /// <summary>The web project's folder (its wwwroot and resources), found from the build output upwards.</summary>
    private static string WebProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var web = Path.Combine(dir.FullName, "src", "AfterSales.Web");
            if (File.Exists(Path.Combine(web, "AfterSales.Web.csproj")))
            {
                return web;
            }
        }

        throw new InvalidOperationException("src/AfterSales.Web not found above " + AppContext.BaseDirectory);
    }
}
