using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Notifications;

/// <summary>
/// An administrator sends a Failed, Dead or NotSent message again now, with a fresh set of attempts. The status check is part of
/// the UPDATE, so a retry racing the dispatcher either wins or is refused; it never resets a message being sent.
/// </summary>
public sealed class RetryMessage(AfterSalesDb db, ICurrentUser user, AccessGuard guard, TimeProvider clock)
{
    public async Task<Outcome<MessageView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var messages = db.Set<OutboxMessage>();
        if (!await messages.AnyAsync(m => m.Id == id, ct))
        {
            return await guard.NotFoundAsync<OutboxMessage, MessageView>(id, ct);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await messages
            .Where(m => m.Id == id && MessageView.RetriableStatuses.Contains(m.Status))
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, OutboxStatus.Pending)
                    .SetProperty(m => m.Attempts, 0)
                    .SetProperty(m => m.NextAttemptAt, now),
                ct);
        if (changed == 0)
        {
            return Outcome<MessageView>.Conflict("notification.retry_not_allowed");
        }

        var message = await messages.AsNoTracking().FirstAsync(m => m.Id == id, ct);

        // Outbox rows are logs and not audited field by field, but a person resending a message is an action to account for.
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserId = user.UserId,
            UserName = user.UserName,
            EntityType = nameof(OutboxMessage),
            EntityId = id,
            StoreId = message.StoreId,
            Action = "Retry",
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return MessageView.From(message, user.SeesFullContact);
    }
}
