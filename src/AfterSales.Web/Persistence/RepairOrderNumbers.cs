using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Persistence;

/// <summary>The last repair order number handed out by one store on one local day; the key is "storeId/yyyyMMdd".</summary>
public sealed class RepairOrderCounter : INotAudited
{
    public const int KeyLength = 45;

    public string Key { get; set; } = string.Empty;

    public int Value { get; set; }
}

internal sealed class RepairOrderCounterConfiguration : IEntityTypeConfiguration<RepairOrderCounter>
{
    public void Configure(EntityTypeBuilder<RepairOrderCounter> b)
    {
        b.ToTable("RepairOrderCounters");
        b.HasKey(c => c.Key);
        b.Property(c => c.Key).HasMaxLength(RepairOrderCounter.KeyLength);
    }
}

/// <summary>
/// Hands out <c>RO-yyyyMMdd-NNNN</c> sequences per store and day without gaps or duplicates, the way
/// <see cref="ComplaintNumbers"/> does: one atomic upsert inside the transaction that saves the order, so the
/// number commits or rolls back with it. The key is text so that the statement binds the same on both
/// databases (SQLite would bind a Guid parameter as a blob, not as the text EF stores).
/// </summary>
public static class RepairOrderNumbers
{
    public static string Key(Guid storeId, DateOnly day) => $"{storeId:D}/{day:yyyyMMdd}";

    public static async Task<int> NextAsync(AfterSalesDb db, Guid storeId, DateOnly day, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A repair order number must be taken inside the transaction that saves the order.");
        }

        var key = Key(storeId, day);

        // Not composable (no FirstAsync): EF would wrap the statement in a SELECT.
        var values = await db.Database
            .SqlQuery<int>($"""INSERT INTO "RepairOrderCounters" ("Key", "Value") VALUES ({key}, 1) ON CONFLICT ("Key") DO UPDATE SET "Value" = "RepairOrderCounters"."Value" + 1 RETURNING "Value" """)
            .ToListAsync(ct);
        return values.Single();
    }
}
