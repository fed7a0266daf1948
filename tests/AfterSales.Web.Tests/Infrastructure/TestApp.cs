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
/// Used as a class fixture, so every test class gets a fresh database and classes run in parallel. The database
/// is a copy of a template migrated and seeded once per provider and test run: migrating and seeding (password
/// hashes of the demo staff included) took most of an app's start, and the suite starts over a hundred and fifty.
/// </summary>
public abstract class TestApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private readonly ConcurrentDictionary<string, Guid> _ids = new();

    /// <summary>
    /// The application's only clock. It starts at the time the template's demo data was seeded (minutes ago at
    /// most, so cookies and tokens behave as in production, and the data is exactly as fresh as if this app had
    /// seeded it) and moves only when a test calls <c>Advance</c> or <c>SetUtcNow</c>.
    /// </summary>
    public FakeTimeProvider Clock { get; private set; } = null!;

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
        var template = await TemplateAsync();
        Clock = new FakeTimeProvider(template.SeededAt);
        await CreateDatabaseAsync(template);

        // Starting the host runs Program: the migrations and the demo data are there already, so it only checks.
        _ = Server;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteFilesFolder();
        await DropDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The provider's template of this test run, built by the first app that asks (<see cref="BuildTemplateAsync"/>).</summary>
    protected abstract Task<DatabaseTemplate> TemplateAsync();

    /// <summary>Creates this app's database: a copy of <paramref name="template"/>, or an empty one while building the template.</summary>
    protected abstract Task CreateDatabaseAsync(DatabaseTemplate? template);

    /// <summary>
    /// Starts <paramref name="app"/> on an empty database, so Program migrates and seeds it, then stops it and keeps
    /// the database as the template. The data-protection keys go: each app has its own key-encryption key.
    /// </summary>
    protected static async Task<DatabaseTemplate> BuildTemplateAsync(TestApp app, string source)
    {
        var seededAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        app.Clock = new FakeTimeProvider(seededAt);
        await app.CreateDatabaseAsync(template: null);
        _ = app.Server;
        await app.WithDbAsync(db => db.DataProtectionKeys.ExecuteDeleteAsync());
        await app.StopHostAsync();
        return new DatabaseTemplate(source, seededAt);
    }

    private async Task StopHostAsync()
    {
        await base.DisposeAsync();
        DeleteFilesFolder();
    }

    private void DeleteFilesFolder()
    {
        if (Directory.Exists(FilesFolder))
        {
            Directory.Delete(FilesFolder, recursive: true);
        }
    }

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

/// <summary>A migrated and seeded database to copy (a file for SQLite, a database name for PostgreSQL), and when it was seeded.</summary>
public sealed record DatabaseTemplate(string Source, DateTimeOffset SeededAt);
