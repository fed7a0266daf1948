using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Persistence;

/// <summary>The last complaint number handed out in a year. One database serves one dealer group, so the year is the key.</summary>
public sealed class ComplaintCounter : INotAudited
{
    public int Year { get; set; }

    public int Value { get; set; }
}

internal sealed class ComplaintCounterConfiguration : IEntityTypeConfiguration<ComplaintCounter>
{
    public void Configure(EntityTypeBuilder<ComplaintCounter> b)
    {
        b.ToTable("ComplaintCounters");
        b.HasKey(c => c.Year);
        b.Property(c => c.Year).ValueGeneratedNever();
    }
}

/// <summary>
/// Hands out complaint numbers without gaps or duplicates. The counter row is incremented by one atomic
/// upsert inside the caller's transaction, so the number and the complaint commit or roll back together:
/// on PostgreSQL the upsert's row lock makes a concurrent intake wait for this transaction; SQLite
/// serializes writers (Microsoft.Data.Sqlite begins transactions IMMEDIATE and retries while busy).
/// The statement is the same on both: INSERT … ON CONFLICT DO UPDATE … RETURNING.
/// </summary>
public static class ComplaintNumbers
{
    public static async Task<int> NextAsync(AfterSalesDb db, int year, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A complaint number must be taken inside the transaction that saves the complaint.");
        }

        // Not composable (no FirstAsync): EF would wrap the statement in a SELECT.
        var values = await db.Database
            .SqlQuery<int>($"""INSERT INTO "ComplaintCounters" ("Year", "Value") VALUES ({year}, 1) ON CONFLICT ("Year") DO UPDATE SET "Value" = "ComplaintCounters"."Value" + 1 RETURNING "Value" """)
            .ToListAsync(ct);
        return values.Single();
    }

    /// <summary>
    /// Moves a year's counter up to at least <paramref name="value"/>, never down: a historical complaint imported with a
    /// number of the product's own form (TS-2025-000123) must not be handed out again by the normal numbering. Same
    /// statement on both databases (CASE rather than GREATEST/MAX, which differ).
    /// </summary>
    public static async Task AtLeastAsync(AfterSalesDb db, int year, int value, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A complaint counter is moved inside the transaction that saves the complaints.");
        }

        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "ComplaintCounters" ("Year", "Value") VALUES ({year}, {value}) ON CONFLICT ("Year") DO UPDATE SET "Value" = CASE WHEN "ComplaintCounters"."Value" < excluded."Value" THEN excluded."Value" ELSE "ComplaintCounters"."Value" END""",
            ct);
    }
}
