using System.Globalization;
using System.Net;
using System.Security.Claims;
using AfterSales.Web;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(AfterSales.BrowserTests.AppServer))]

namespace AfterSales.BrowserTests;

/// <summary>
/// The real application on Kestrel on a free loopback port, over a throwaway SQLite file with the demo data,
/// and one Debian Chromium shared by all scenarios (each scenario gets its own browser context).
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "aftersales-browser-" + Guid.NewGuid().ToString("N"));
    private Factory? _factory;
    private IPlaywright? _playwright;

    public LogCapture Logs { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = default!;

    public IServiceProvider Services => _factory!.Services;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _factory = new Factory(Path.Combine(_folder, "aftersales.db"), Logs);
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        // The browser suite runs beside the integration suite on two cores: expectations wait as long as page actions do.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the host is cleaned up with the temp folder later; not worth failing a run.
        }
    }

    /// <summary>A UI text as the app shows it in the given culture.</summary>
    public string Text(string key, string culture = "zh-CN")
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return Services.GetRequiredService<IStringLocalizer<SharedResource>>()[key].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Runs app code as a demo user (their stores, their name in the audit log), e.g. to prepare data quickly.</summary>
    public async Task<T> AsUserAsync<T>(string userName, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}.");
        ClaimsPrincipal principal = await factory.CreateAsync(user);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(principal);
        return await action(scope.ServiceProvider);
    }

    public async Task<Guid> StoreIdAsync(string code)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AfterSalesDb>().Stores.IgnoreQueryFilters().Where(s => s.Code == code).Select(s => s.Id).FirstAsync();
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AfterSales.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AfterSales.slnx not found above " + AppContext.BaseDirectory);
    }

    private sealed class Factory(string databasePath, LogCapture logs) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={databasePath}");
            builder.UseSetting("Database:SeedDemoData", "true");
            // The development sink stands in for an SMS gateway (tests run in the Development environment, where it is allowed).
            builder.UseSetting("Notifications:Sms:Provider", "development");
            // Every browser of the scenarios comes from 127.0.0.1: the per-address allowances are for real clients.
            builder.UseSetting("PublicAccess:CodesPerAddressPerHour", "100000");
            builder.UseSetting(KeyEncryptionKey.Setting, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            // The console keeps warnings and errors only; the capture judges the scenarios.
            builder.ConfigureLogging(l => l.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(level => level >= LogLevel.Warning).AddProvider(logs));
        }
    }
}
