using System.Collections.Concurrent;
using System.Net.Http.Headers;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Web.Tests.Infrastructure;

/// <summary>
/// The real application, migrated and seeded with the demo stores and staff, on a database of its own.
/// Used as a class fixture, so every test class gets a fresh database and classes run in parallel.
/// </summary>
public abstract class TestApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private readonly ConcurrentDictionary<string, Guid> _ids = new();

    /// <summary>
    /// The application's only clock. It starts at the real current time (so cookies and tokens behave as
    /// in production) and moves only when a test calls <c>Advance</c> or <c>SetUtcNow</c>.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Where this app keeps uploaded files; removed with the app.</summary>
    public string FilesFolder { get; } = Path.Combine(Path.GetTempPath(), "aftersales-tests", $"files-{Guid.NewGuid():N}");

    /// <summary>The upload limit of test apps: small, so the oversized case stays cheap.</summary>
    public const long MaxUploadBytes = 3 * 1024 * 1024;

    /// <summary>The key-encryption key of this app's key ring; a second node of the same app needs the same one.</summary>
    public string KeyEncryptionKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    protected abstract string ConnectionString { get; }

    public virtual async ValueTask InitializeAsync()
    {
        await CreateDatabaseAsync();

        // Starting the host runs Program: migrations, roles and the demo data.
        _ = Server;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabaseAsync();
        if (Directory.Exists(FilesFolder))
        {
            Directory.Delete(FilesFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    protected abstract Task CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Files:Folder", FilesFolder);
        builder.UseSetting(Web.Infrastructure.KeyEncryptionKey.Setting, KeyEncryptionKey);
        builder.UseSetting("Files:MaxBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");

        // Tests run the outbox dispatcher themselves (DispatchDueMessages) on the fake clock: no background loop.
        builder.UseSetting("Notifications:Dispatcher:Enabled", "false");
        // The development sink stands in for an SMS gateway (tests run in the Development environment, where it is allowed).
        builder.UseSetting("Notifications:Sms:Provider", "development");
        builder.UseSetting("Complaints:Sla:Escalator:Enabled", "false");
        builder.UseSetting("Complaints:Capa:Checker:Enabled", "false");
        builder.UseSetting("FollowUps:Generator:Enabled", "false");

        // Every request of a test comes from one address; the per-address limit of the public API is for real clients.
        builder.UseSetting("PublicAccess:RequestsPerMinute", "100000");
        builder.UseSetting("PublicAccess:CodesPerAddressPerHour", "100000");
        builder.UseSetting("Parts:ExpiryEnabled", "false");
        builder.UseSetting("Reminders:DueListEnabled", "false");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>An API client acting as a demo user ("advisor", "tech", "admin", … see <see cref="DemoData"/>), with an optional Accept-Language.</summary>
    public async Task<HttpClient> ClientForAsync(string userName, string? culture = null)
    {
        var token = _tokens.TryGetValue(userName, out var known) ? known : _tokens[userName] = await IssueTokenAsync(userName);
        var client = AnonymousClient(culture);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client without credentials that does not follow redirects, so a redirect to the login page would show.</summary>
    public HttpClient AnonymousClient(string? culture = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (culture is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(culture));
        }

        return client;
    }

    /// <summary>Issues an API token for a user straight in the database, as an administrator would.</summary>
    public async Task<string> IssueTokenAsync(string userName, DateTimeOffset? expiresAt = null)
    {
        var userId = await UserIdAsync(userName);
        var token = ApiTokenAuthenticationHandler.NewToken();
        await WithDbAsync(db =>
        {
            db.ApiTokens.Add(new ApiToken
            {
                Id = Guid.CreateVersion7(),
                UserId = userId,
                Name = "tests",
                TokenHash = ApiTokenAuthenticationHandler.Hash(token),
                Prefix = token[..8],
                CreatedAt = Clock.GetUtcNow(),
                ExpiresAt = expiresAt,
            });
            return db.SaveChangesAsync();
        });
        return token;
    }

    public Task<Guid> UserIdAsync(string userName) =>
        CachedIdAsync("user:" + userName, db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>The id of a demo store by code ("BJ01", "SH01").</summary>
    public Task<Guid> StoreIdAsync(string code) =>
        CachedIdAsync("store:" + code, db => db.Stores.IgnoreQueryFilters().Where(s => s.Code == code).Select(s => s.Id).SingleAsync());

    /// <summary>Reads or writes the database directly, as the system (every store visible), to arrange or check what the API cannot show.</summary>
    public async Task<T> WithDbAsync<T>(Func<AfterSalesDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AfterSalesDb>());
    }

    private async Task<Guid> CachedIdAsync(string key, Func<AfterSalesDb, Task<Guid>> find)
    {
        if (_ids.TryGetValue(key, out var id))
        {
            return id;
        }

        id = await WithDbAsync(find);
        _ids[key] = id;
        return id;
    }
}
