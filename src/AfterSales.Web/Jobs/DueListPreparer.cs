using AfterSales.Web.Features.Reminders;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Jobs;

/// <summary>
/// Prepares the day's due list (<see cref="PrepareDueList.RunDailyAsync"/>) once a day: it wakes every
/// Reminders:CheckInterval and the day's run row decides, so a restart or a second instance does not run it twice.
/// Off with Reminders:DueListEnabled=false (tests prepare the list themselves).
/// </summary>
internal sealed class DueListPreparer(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<DueListPreparer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DueListEnabled)
        {
            logger.LogInformation("Due list preparation is disabled (Reminders:DueListEnabled=false)");
            return;
        }

        using var timer = new PeriodicTimer(options.Value.CheckInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<PrepareDueList>().RunDailyAsync(stoppingToken) is { } run)
                {
                    logger.LogInformation("Due list prepared: {Assets} assets, {Items} due items", run.Assets, run.DueItems);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database outage must not end the loop: the day's run row is only written when the run starts.
                logger.LogError(e, "Due list preparation failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
