using AfterSales.Web.Features.Notifications;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Jobs;

/// <summary>
/// Runs <see cref="DispatchDueMessages"/> every Notifications:Dispatcher:Interval, draining full batches at once.
/// Off with Notifications:Dispatcher:Enabled=false (tests drive the handler themselves).
/// </summary>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IOptionsMonitor<NotificationOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.CurrentValue.Dispatcher;
        if (!settings.Enabled)
        {
            logger.LogInformation("Outbox dispatcher is disabled (Notifications:Dispatcher:Enabled=false)");
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval, clock);
        do
        {
            try
            {
                DispatchResult result;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var batch = options.CurrentValue.Dispatcher.BatchSize;
                    result = await scope.ServiceProvider.GetRequiredService<DispatchDueMessages>().HandleAsync(batch, stoppingToken);
                    if (result.Claimed > 0)
                    {
                        logger.LogInformation("Outbox: {Sent} sent, {Failed} to retry, {Dead} given up", result.Sent, result.Failed, result.Dead);
                    }
                }
                while (result.Claimed >= options.CurrentValue.Dispatcher.BatchSize && !stoppingToken.IsCancellationRequested);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database outage must not end the loop: messages wait in the outbox until it is back.
                logger.LogError(e, "Outbox dispatch round failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
