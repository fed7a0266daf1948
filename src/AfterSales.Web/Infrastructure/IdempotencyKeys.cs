using System.Security.Cryptography;
using AfterSales.Domain.Common;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Infrastructure;

/// <summary>
/// A creating request that carried an <c>Idempotency-Key</c> header, and the response it got, so a client that
/// retries (a timeout, a dropped connection, a double tap) gets the first response again instead of a second record.
/// </summary>
public sealed class IdempotentRequest : INotAudited
{
    public Guid Id { get; set; }

    /// <summary>Whose key it is: keys are the caller's own, so two callers may pick the same one.</summary>
    public required string Scope { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256 of method, path, query and body: the same key with another request is the caller's mistake.</summary>
    public required string RequestHash { get; set; }

    /// <summary>Null while the first request is still running.</summary>
    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public byte[]? Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> b)
    {
        b.Property(r => r.Scope).HasMaxLength(80);
        b.Property(r => r.Key).HasMaxLength(IdempotencyKeys.MaxKeyLength);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.ContentType).HasMaxLength(200);
        b.Property(r => r.Location).HasMaxLength(500);
        b.HasIndex(r => new { r.Scope, r.Key }).IsUnique();
        b.HasIndex(r => r.CreatedAt);
    }
}

public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 200;

    /// <summary>How long a key is remembered; a retry later than this creates again.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private const int MaxStoredBody = 1024 * 1024;

    public static IServiceCollection AddIdempotencyKeys(this IServiceCollection services)
    {
        services.AddHostedService<IdempotencyKeyPurge>();
        return services;
    }

    /// <summary>After authentication: the key belongs to the caller.</summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.StartsWithSegments("/api")
            || !context.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(context);
            return;
        }

        await HandleAsync(context, values.ToString().Trim(), next);
    });

    private static async Task HandleAsync(HttpContext context, string key, RequestDelegate next)
    {
        var services = context.RequestServices;
        var problems = services.GetRequiredService<Problems>();
        if (key.Length is 0 or > MaxKeyLength)
        {
            await problems.Validation([new FieldError("common.idempotency_key_invalid", Header)]).ExecuteAsync(context);
            return;
        }

        var user = services.GetRequiredService<ICurrentUser>();
        var scope = user.UserId is { } id ? "user:" + id : "anonymous:" + (context.Request.Headers["X-Customer-Token"].ToString() is { Length: > 0 } t ? Hash(t)[..32] : context.Connection.RemoteIpAddress?.ToString());
        var hash = await RequestHashAsync(context.Request);
        var factory = services.GetRequiredService<IDbContextFactory<AfterSalesDb>>();
        var clock = services.GetRequiredService<TimeProvider>();

        var claim = new IdempotentRequest { Id = Guid.CreateVersion7(), Scope = scope, Key = key, RequestHash = hash, CreatedAt = clock.GetUtcNow() };
        await using (var db = factory.CreateDbContext())
        {
            if (!await db.InsertIfAbsentAsync(claim, context.RequestAborted))
            {
                var first = await db.Set<IdempotentRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, context.RequestAborted);
                await AnswerRepeatAsync(context, problems, first, hash);
                return;
            }
        }

        var original = context.Response.Body;
        await using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            await ReleaseAsync(factory, claim.Id);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        captured.Position = 0;
        if (context.Response.StatusCode >= 500 || captured.Length > MaxStoredBody)
        {
            // A failure the client may retry, or an answer too large to keep: the next attempt runs again.
            await ReleaseAsync(factory, claim.Id);
        }
        else
        {
            await using var db = factory.CreateDbContext();
            var row = await db.Set<IdempotentRequest>().SingleAsync(r => r.Id == claim.Id, CancellationToken.None);
            row.StatusCode = context.Response.StatusCode;
            row.ContentType = context.Response.ContentType;
            row.Location = context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
            row.Body = captured.ToArray();
            await db.SaveChangesAsync(CancellationToken.None);
        }

        await captured.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task AnswerRepeatAsync(HttpContext context, Problems problems, IdempotentRequest? first, string hash)
    {
        if (first is null)
        {
            // Purged or released between the insert and the read: ask the client to try once more.
            await InProgressAsync(context, problems);
            return;
        }

        if (first.RequestHash != hash)
        {
            var refusal = problems.Problem(StatusCodes.Status422UnprocessableEntity, new FieldError("common.idempotency_key_reused", Header));
            await TypedResults.Problem(refusal).ExecuteAsync(context);
            return;
        }

        if (first.StatusCode is not { } status)
        {
            await InProgressAsync(context, problems);
            return;
        }

        context.Response.StatusCode = status;
        context.Response.Headers[ReplayedHeader] = "true";
        if (first.ContentType is not null)
        {
            context.Response.ContentType = first.ContentType;
        }

        if (first.Location is not null)
        {
            context.Response.Headers.Location = first.Location;
        }

        if (first.Body is { Length: > 0 } body)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private static Task InProgressAsync(HttpContext context, Problems problems)
    {
        context.Response.Headers.RetryAfter = "1";
        return problems.Conflict(new FieldError("common.idempotency_in_progress", Header)).ExecuteAsync(context);
    }

    private static async Task ReleaseAsync(IDbContextFactory<AfterSalesDb> factory, Guid id)
    {
        await using var db = factory.CreateDbContext();
        await db.Set<IdempotentRequest>().Where(r => r.Id == id).ExecuteDeleteAsync(CancellationToken.None);
    }

    private static async Task<string> RequestHashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)));
}

/// <summary>Forgets keys older than <see cref="IdempotencyKeys.Retention"/>, hourly; harmless on several nodes at once.</summary>
internal sealed class IdempotencyKeyPurge(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyKeyPurge> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AfterSalesDb>();
                var before = clock.GetUtcNow() - IdempotencyKeys.Retention;
                await db.Set<IdempotentRequest>().Where(r => r.CreatedAt < before).ExecuteDeleteAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Purging old idempotency keys failed; retrying in an hour");
            }
        }
    }
}
