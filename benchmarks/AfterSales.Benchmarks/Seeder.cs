using System.Diagnostics;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Benchmarks;

internal sealed record SeedResult(int Customers, int Assets, int SearchTerms, TimeSpan Elapsed, QueryValues AllStores, QueryValues AdvisorStore);

/// <summary>Fills the database with <see cref="DemoData.Generate"/> customers in batches through SaveChanges (search keys and audit included).</summary>
internal static class Seeder
{
    private const int BatchSize = 2_000;

    public static async Task<SeedResult> SeedAsync(IServiceProvider services, int customers, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDb>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var stores = await db.Stores.OrderBy(s => s.Code).Select(s => new { s.Id, s.Code }).ToListAsync(ct);
        var advisorStore = stores.Single(s => s.Code == DemoData.BeijingStore).Id;
        var existing = await db.Customers.CountAsync(ct);

        var all = new QueryValues();
        var advisor = new QueryValues();
        var toAdd = Math.Max(0, customers - existing);
        var sampleEvery = Math.Max(1, toAdd / 1_000);
        var added = 0;

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var watch = Stopwatch.StartNew();
        foreach (var batch in DemoData.Generate(toAdd, [.. stores.Select(s => s.Id)], clock.GetUtcNow(), seed: 100_000).Chunk(BatchSize))
        {
            foreach (var (customer, assets) in batch)
            {
                db.Customers.Add(customer);
                db.Assets.AddRange(assets);
                if (added++ % sampleEvery == 0)
                {
                    all.Add(customer, assets);
                    if (customer.StoreId == advisorStore)
                    {
                        advisor.Add(customer, assets);
                    }
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            Console.Write($"\r  seeded {added:N0} / {toAdd:N0} customers ({watch.Elapsed.TotalSeconds:F0} s)");
        }

        watch.Stop();
        Console.WriteLine();
        return new SeedResult(
            await db.Customers.CountAsync(ct),
            await db.Assets.CountAsync(ct),
            await db.SearchTerms.CountAsync(ct),
            watch.Elapsed,
            all,
            advisor);
    }

    /// <summary>Issues an API token for a demo login, stored the way the app stores them (SHA-256 only).</summary>
    public static async Task<string> IssueTokenAsync(IServiceProvider services, string userName, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDb>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(ct);
        var token = ApiTokenAuthenticationHandler.NewToken();
        db.ApiTokens.Add(new ApiToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = "search benchmark",
            TokenHash = ApiTokenAuthenticationHandler.Hash(token),
            Prefix = token[..8],
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return token;
    }
}
