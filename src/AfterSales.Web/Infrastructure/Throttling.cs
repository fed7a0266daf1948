using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Infrastructure;

/// <summary>
/// How much of one allowance (codes to one phone, from one address, for one store…) is used in its current window.
/// The window starts with the first use after the previous one ended. A log row, not a record: not audited.
/// </summary>
public sealed class ThrottleCounter : INotAudited
{
    public const int KeyMaxLength = 200;

    /// <summary>What is counted, e.g. <c>code.phone:13800138000</c>.</summary>
    public string Key { get; set; } = string.Empty;

    public int Count { get; set; }

    public DateTimeOffset WindowEndsAt { get; set; }
}

internal sealed class ThrottleCounterConfiguration : IEntityTypeConfiguration<ThrottleCounter>
{
    public void Configure(EntityTypeBuilder<ThrottleCounter> b)
    {
        b.ToTable("ThrottleCounters");
        b.HasKey(c => c.Key);
        b.Property(c => c.Key).HasMaxLength(ThrottleCounter.KeyMaxLength);

        // The clean-up of ended windows.
        b.HasIndex(c => c.WindowEndsAt);
    }
}

/// <summary>One allowance: at most <see cref="Limit"/> uses of <see cref="Key"/> per <see cref="Window"/>.</summary>
public sealed record ThrottleRule(string Key, int Limit, TimeSpan Window);

/// <summary>
/// Allowances that concurrent requests cannot overrun, on any number of nodes. A use is taken by one statement,
/// <c>INSERT … ON CONFLICT DO UPDATE … WHERE count &lt; limit RETURNING</c>, inside the caller's transaction: no row
/// comes back when the allowance is used up. On PostgreSQL the upsert locks the counter row until the caller commits, so a
/// concurrent request waits and then sees the new count; SQLite serializes writing transactions. When the caller's work
/// fails, its rollback gives the use back.
/// </summary>
public sealed class Throttle(AfterSalesDb db, TimeProvider clock)
{
    /// <summary>
    /// Takes one use of every rule, in order, or none: null when taken, else the refused rule and when its window ends.
    /// A refusal leaves uses already taken by earlier rules in the transaction: the caller rolls it back.
    /// </summary>
    public async Task<ThrottleRefusal?> TryTakeAsync(IReadOnlyList<ThrottleRule> rules, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An allowance must be taken inside the transaction of the work it allows.");
        }

        var now = clock.GetUtcNow();
        foreach (var rule in rules)
        {
            if (!await TakeAsync(rule, now, ct))
            {
                var endsAt = await db.Set<ThrottleCounter>().AsNoTracking().Where(c => c.Key == rule.Key).Select(c => c.WindowEndsAt).SingleAsync(ct);
                return new ThrottleRefusal(rule, endsAt, endsAt - now);
            }
        }

        return null;
    }

    /// <summary>Forgets counters whose window ended more than <paramref name="age"/> ago.</summary>
    public Task<int> ForgetEndedAsync(TimeSpan age, CancellationToken ct)
    {
        var before = clock.GetUtcNow() - age;
        return db.Set<ThrottleCounter>().Where(c => c.WindowEndsAt < before).ExecuteDeleteAsync(ct);
    }

    private async Task<bool> TakeAsync(ThrottleRule rule, DateTimeOffset now, CancellationToken ct)
    {
        using var parameters = new SqlParameters(db, typeof(ThrottleCounter));
        var key = parameters.Add(nameof(ThrottleCounter.Key), rule.Key);
        var limit = parameters.Add(nameof(ThrottleCounter.Count), rule.Limit);
        var at = parameters.Add(nameof(ThrottleCounter.WindowEndsAt), now);
        var endsAt = parameters.Add(nameof(ThrottleCounter.WindowEndsAt), now + rule.Window);

        // An ended window starts again at one; the WHERE refuses the use when the current window is full.
        var statement = $"""
            INSERT INTO "ThrottleCounters" ("Key", "Count", "WindowEndsAt") VALUES ({key}, 1, {endsAt})
            ON CONFLICT ("Key") DO UPDATE SET
                "Count" = CASE WHEN "ThrottleCounters"."WindowEndsAt" <= {at} THEN 1 ELSE "ThrottleCounters"."Count" + 1 END,
                "WindowEndsAt" = CASE WHEN "ThrottleCounters"."WindowEndsAt" <= {at} THEN {endsAt} ELSE "ThrottleCounters"."WindowEndsAt" END
            WHERE "ThrottleCounters"."WindowEndsAt" <= {at} OR "ThrottleCounters"."Count" < {limit}
            RETURNING "Count" AS "Value"
            """;

        // Not composable (no FirstAsync): EF would wrap the statement in a SELECT.
        var taken = await db.Database.SqlQueryRaw<int>(statement, [.. parameters.Values]).ToListAsync(ct);
        return taken.Count == 1;
    }
}

/// <summary>The allowance that was used up, and how long until its window ends.</summary>
public sealed record ThrottleRefusal(ThrottleRule Rule, DateTimeOffset FreeAt, TimeSpan RetryAfter);
