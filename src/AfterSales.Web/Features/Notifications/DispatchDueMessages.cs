using AfterSales.Web.Features.Notifications.Channels;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Features.Notifications;

/// <summary>What one dispatch round did.</summary>
public sealed record DispatchResult(int Claimed, int Sent, int Failed, int Dead)
{
    /// <summary>Messages that went nowhere because no provider is configured for their channel.</summary>
    public int NotSent { get; init; }
}

/// <summary>
/// Delivers due outbox messages: Pending or Failed ones whose NextAttemptAt has come, and Sending ones whose lease has
/// expired (their dispatcher crashed or hung: at-least-once). Each message is claimed with one conditional UPDATE that
/// re-checks the due condition, so of several dispatchers (threads, processes, servers; SQLite or PostgreSQL) exactly
/// one wins it for the length of a lease. Its outcome is recorded only while the claim is still its own.
/// </summary>
public sealed class DispatchDueMessages(
    AfterSalesDb db,
    IEnumerable<INotificationChannel> channels,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<DispatchDueMessages> logger)
{
    private static readonly string Instance = $"{Environment.MachineName}/{Environment.ProcessId}";

    private readonly Dictionary<NotificationChannel, INotificationChannel> _channels =
        channels.GroupBy(c => c.Channel).ToDictionary(g => g.Key, g => g.Last());

    private DispatcherOptions Settings => options.Value.Dispatcher;

    public async Task<DispatchResult> HandleAsync(int batchSize, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await BuryAbandonedAsync(now, ct);

        var candidates = await Due(Messages.AsNoTracking(), now)
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(Math.Max(1, batchSize))
            .ToListAsync(ct);

        int claimed = 0, sent = 0, failed = 0, dead = 0, notSent = 0;
        foreach (var id in candidates)
        {
            var claim = $"{Instance}/{Guid.NewGuid():N}";
            var claimedAt = clock.GetUtcNow();
            var won = await Due(Messages.Where(m => m.Id == id), claimedAt)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.Status, OutboxStatus.Sending)
                        .SetProperty(m => m.ClaimedBy, claim)
                        .SetProperty(m => m.LeaseUntil, claimedAt + Settings.Lease)
                        .SetProperty(m => m.Attempts, m => m.Attempts + 1),
                    ct);
            if (won == 0)
            {
                // Another dispatcher got there first.
                continue;
            }

            claimed++;
            var message = await Messages.AsNoTracking().FirstAsync(m => m.Id == id, ct);
            switch (await DeliverAsync(message, claim, ct))
            {
                case OutboxStatus.Sent:
                    sent++;
                    break;
                case OutboxStatus.Failed:
                    failed++;
                    break;
                case OutboxStatus.Dead:
                    dead++;
                    break;
                case OutboxStatus.NotSent:
                    notSent++;
                    break;
                case OutboxStatus.Pending or OutboxStatus.Sending:
                    break;
            }
        }

        return new DispatchResult(claimed, sent, failed, dead) { NotSent = notSent };
    }

    private async Task<OutboxStatus> DeliverAsync(OutboxMessage message, string claim, CancellationToken ct)
    {
        Delivery delivery;
        try
        {
            if (!_channels.TryGetValue(message.Channel, out var channel))
            {
                throw new NoProviderConfiguredException(message.Channel);
            }

            delivery = await channel.SendAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return await RecordFailureAsync(message, claim, e, ct);
        }

        var recorded = await Claimed(message.Id, claim).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, clock.GetUtcNow())
                .SetProperty(m => m.Provider, delivery.Provider)
                .SetProperty(m => m.ProviderMessageId, OutboxMessage.Truncate(delivery.ProviderMessageId, 100))
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.ReceiptAt, (DateTimeOffset?)null)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null),
            CancellationToken.None);
        if (recorded == 0)
        {
            logger.LogWarning("Outbox message {Id} was delivered after its lease expired; another dispatcher may deliver it again", message.Id);
        }

        return OutboxStatus.Sent;
    }

    private async Task<OutboxStatus> RecordFailureAsync(OutboxMessage message, string claim, Exception error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (error is NoProviderConfiguredException)
        {
            // Not a failure of this message: nothing could take it. Retrying on a timer cannot help; configuring a provider
            // and retrying it by hand does.
            logger.LogWarning("Outbox message {Id} ({Channel}) not sent: no provider is configured for its channel", message.Id, message.Channel);
            await Claimed(message.Id, claim).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, OutboxStatus.NotSent)
                    .SetProperty(m => m.NextAttemptAt, now)
                    .SetProperty(m => m.LastError, OutboxMessage.Truncate(error.Message, OutboxMessage.ErrorMaxLength))
                    .SetProperty(m => m.ClaimedBy, (string?)null)
                    .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null),
                CancellationToken.None);
            return OutboxStatus.NotSent;
        }

        var attempts = message.Attempts;
        var permanent = error is NotificationDeliveryException { Permanent: true };
        var status = permanent || attempts >= Settings.MaxAttempts ? OutboxStatus.Dead : OutboxStatus.Failed;
        var next = status == OutboxStatus.Failed ? now + Backoff.Delay(attempts, Settings.FirstRetryDelay, Settings.MaxRetryDelay) : now;
        var text = OutboxMessage.Truncate($"{error.GetType().Name}: {error.Message}", OutboxMessage.ErrorMaxLength);

        logger.LogWarning(error, "Outbox message {Id} ({Channel}) failed attempt {Attempt}; now {Status}", message.Id, message.Channel, attempts, status);
        await Claimed(message.Id, claim).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Status, status)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, text)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null),
            CancellationToken.None);
        return status;
    }

    /// <summary>
    /// A message whose lease ran out on its last allowed attempt has crashed or hung a dispatcher that many times:
    /// give up on it rather than let it take the dispatcher down again.
    /// </summary>
    private Task<int> BuryAbandonedAsync(DateTimeOffset now, CancellationToken ct)
    {
        var max = Settings.MaxAttempts;
        return Messages
            .Where(m => m.Status == OutboxStatus.Sending && m.LeaseUntil < now && m.Attempts >= max)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, OutboxStatus.Dead)
                    .SetProperty(m => m.LastError, "Lease expired on the last attempt.")
                    .SetProperty(m => m.ClaimedBy, (string?)null)
                    .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null),
                ct);
    }

    private IQueryable<OutboxMessage> Claimed(Guid id, string claim) =>
        Messages.Where(m => m.Id == id && m.ClaimedBy == claim && m.Status == OutboxStatus.Sending);

    private IQueryable<OutboxMessage> Messages => db.Set<OutboxMessage>().IgnoreQueryFilters();

    private IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> messages, DateTimeOffset now)
    {
        var max = Settings.MaxAttempts;
        return messages.Where(m =>
            ((m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Failed) && m.NextAttemptAt <= now)
            || (m.Status == OutboxStatus.Sending && m.LeaseUntil < now && m.Attempts < max));
    }
}
