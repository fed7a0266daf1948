using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Parts;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Parts;

/// <summary>Settings of the parts module (section "Parts").</summary>
public sealed class PartsOptions
{
    public const string Section = "Parts";

    /// <summary>How long a reservation holds stock when its owner gives no end.</summary>
    public TimeSpan ReservationLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How often the expiry job looks for reservations past their end.</summary>
    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromMinutes(5);

    public bool ExpiryEnabled { get; set; } = true;

    /// <summary>Count variances worth more than this (CNY, gains and losses alike) wait for a manager's approval.</summary>
    public decimal CountApprovalLimit { get; set; } = 500m;

    public int SlowMovingDays { get; set; } = 180;

    /// <summary>How long after delivery a supplier still takes unused parts back.</summary>
    public int SupplierReturnDays { get; set; } = 365;
}

/// <summary>
/// The one way stock changes: loads or opens the store's stock row, posts a movement through the domain
/// (which refuses anything that would take stock below zero or into others' reservations) and saves under the
/// row's concurrency token. A save that lost a race is replayed from fresh rows, so two clerks issuing the last
/// unit at once get one issue and one clear refusal, never a negative balance.
/// </summary>
public sealed class StockBook(AfterSalesDb db, ICurrentUser user, TimeProvider clock)
{
    private const int Attempts = 6;

    public AfterSalesDb Db => db;

    public DateTimeOffset Now => clock.GetUtcNow();

    public Actor Actor => new(user.UserId, user.UserName);

    public async Task<StockItem> ItemAsync(Guid storeId, Guid partId, string? bin, CancellationToken ct)
    {
        var tracked = db.ChangeTracker.Entries<StockItem>().Select(e => e.Entity).FirstOrDefault(s => s.StoreId == storeId && s.PartId == partId);
        if (tracked is not null)
        {
            return tracked;
        }

        var item = await db.Set<StockItem>().FirstOrDefaultAsync(s => s.StoreId == storeId && s.PartId == partId, ct);
        if (item is null)
        {
            item = StockItem.Open(storeId, partId, bin, Now);
            db.Add(item);
        }
        else if (item.Bin.Length == 0 && !string.IsNullOrWhiteSpace(bin))
        {
            item.MoveToBin(bin);
        }

        return item;
    }

    public FieldError? Post(StockItem item, MovementKind kind, decimal quantity, decimal unitCost, StockReference? reference, string? note, decimal releasing = 0)
    {
        var refusal = item.Post(kind, quantity, unitCost, reference, Actor, note, Now, out var movement, releasing);
        if (movement is not null)
        {
            db.Add(movement);
        }

        return refusal;
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> (which reads fresh rows, changes them and saves) until it is not beaten by
    /// a concurrent writer. A refusal returned by the attempt discards its unsaved changes.
    /// </summary>
    public async Task<Outcome<T>> WriteAsync<T>(Func<Task<Outcome<T>>> attempt, CancellationToken ct)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                var outcome = await attempt();
                if (!outcome.IsOk)
                {
                    db.ChangeTracker.Clear();
                }

                return outcome;
            }
            catch (DbUpdateException e) when (i < Attempts && (e is DbUpdateConcurrencyException || IsUniqueViolation(e)))
            {
                // Replay from fresh rows: another save changed a stock row, or opened the same one, first.
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 30) * i, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Outcome<T>.Conflict("stock.busy");
            }
        }
    }

    private static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
        || e.InnerException?.GetType().Name == "PostgresException" && e.InnerException.Message.StartsWith("23505", StringComparison.Ordinal);

    /// <summary>The cost the ledger values a movement at: the catalogue cost of the part.</summary>
    public async Task<Part?> PartAsync(Guid partId, CancellationToken ct) =>
        await db.Set<Part>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == partId, ct);
}
