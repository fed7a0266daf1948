using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Infrastructure;

/// <summary>
/// Answers "not found" for ids outside the user's stores exactly as for ids that do not exist, so that
/// nothing leaks, but logs and audits the attempt when the record does exist in another store.
/// </summary>
public sealed class AccessGuard(AfterSalesDb db, ICurrentUser user, TimeProvider clock, ILogger<AccessGuard> logger)
{
    public async Task<Outcome<TView>> NotFoundAsync<TEntity, TView>(Guid id, CancellationToken ct)
        where TEntity : class
    {
        var exists = await db.Set<TEntity>().IgnoreQueryFilters().AnyAsync(e => EF.Property<Guid>(e, "Id") == id, ct);
        if (exists)
        {
            logger.LogWarning("Cross-store access refused: {User} ({UserId}) asked for {Entity} {Id}", user.UserName, user.UserId, typeof(TEntity).Name, id);
            db.AuditEntries.Add(new AuditEntry
            {
                At = clock.GetUtcNow(),
                UserId = user.UserId,
                UserName = user.UserName,
                EntityType = typeof(TEntity).Name,
                EntityId = id,
                Action = "AccessDenied",
            });
            await db.SaveChangesAsync(ct);
        }

        return Outcome<TView>.NotFound();
    }
}
