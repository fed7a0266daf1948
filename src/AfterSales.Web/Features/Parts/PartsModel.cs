using AfterSales.Domain.Parts;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Parts;

/// <summary>Store scoping of the parts tables; a transfer is visible to the users of both of its stores.</summary>
internal static class PartsModel
{
    // The filters read the context they are given; EF swaps in the context of each query, as for filters written in OnModelCreating.
    public static void FilterByStore(ModelBuilder builder, AfterSalesDb db)
    {
        builder.Entity<StockItem>().HasQueryFilter(x => db.SeesAllStores || db.VisibleStoreIds.Contains(x.StoreId));
        builder.Entity<StockMovement>().HasQueryFilter(x => db.SeesAllStores || db.VisibleStoreIds.Contains(x.StoreId));
        builder.Entity<PartReservation>().HasQueryFilter(x => db.SeesAllStores || db.VisibleStoreIds.Contains(x.StoreId));
        builder.Entity<PartIssue>().HasQueryFilter(x => db.SeesAllStores || db.VisibleStoreIds.Contains(x.StoreId));
        builder.Entity<PurchaseOrder>().HasQueryFilter(x => db.SeesAllStores || db.VisibleStoreIds.Contains(x.StoreId));
        builder.Entity<CountSheet>().HasQueryFilter(x => db.SeesAllStores || db.VisibleStoreIds.Contains(x.StoreId));
        builder.Entity<StockTransfer>().HasQueryFilter(x => db.SeesAllStores || db.VisibleStoreIds.Contains(x.FromStoreId) || db.VisibleStoreIds.Contains(x.ToStoreId));
    }
}

/// <summary>
/// Human numbers for purchase orders, transfers and count sheets ("PO-20261123-0007"), by the same atomic upsert
/// as complaint numbers, inside the caller's transaction.
/// </summary>
internal static class PartsNumbers
{
    private static readonly TimeZoneInfo GroupZone = TimeZoneInfo.FindSystemTimeZoneById(Domain.Stores.Store.DefaultTimeZone);

    public static async Task<string> NextAsync(AfterSalesDb db, string prefix, DateTimeOffset now, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A number must be taken inside the transaction that saves its record.");
        }

        var key = $"{prefix}-{TimeZoneInfo.ConvertTime(now, GroupZone):yyyyMMdd}";
        var values = await db.Database
            .SqlQuery<int>($"""INSERT INTO "PartsCounters" ("Key", "Value") VALUES ({key}, 1) ON CONFLICT ("Key") DO UPDATE SET "Value" = "PartsCounters"."Value" + 1 RETURNING "Value" """)
            .ToListAsync(ct);
        return $"{key}-{values.Single():D4}";
    }
}
