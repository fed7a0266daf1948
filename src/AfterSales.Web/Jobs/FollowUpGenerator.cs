using AfterSales.Web.Features.FollowUps;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Jobs;

/// <summary>
/// Runs <see cref="GenerateFollowUpTasks"/> every FollowUps:Generator:Interval on the injected clock, draining full
/// batches at once. Holds no state of its own: after a restart the first round picks up every delivery still without
/// a decision, and the decisions already made keep their tasks. Off with FollowUps:Generator:Enabled=false.
/// </summary>
internal sealed class FollowUpGenerator(
    IServiceScopeFactory scopes,
    IOptionsMonitor<FollowUpOptions> options,
    TimeProvider clock,
    ILogger<FollowUpGenerator> logger) : BackgroundService
{
    private const int MaxBatchesPerRound = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled)
        {
            logger.LogInformation("Follow-up generation is disabled (FollowUps:Generator:Enabled=false)");
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval, clock);
        do
        {
            try
            {
                await RunRoundAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database outage must not end the loop: undecided deliveries stay in the database until it is back.
                logger.LogError(e, "Follow-up generation round failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    internal async Task RunRoundAsync(CancellationToken ct)
    {
        for (var batch = 0; batch < MaxBatchesPerRound && !ct.IsCancellationRequested; batch++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var size = options.CurrentValue.BatchSize;
            var run = await scope.ServiceProvider.GetRequiredService<GenerateFollowUpTasks>().HandleAsync(size, ct);
            if (run.Decided + run.Cancelled > 0)
            {
                logger.LogInformation("Follow-ups: {Decided} deliveries decided, {Selected} sampled, {Tasks} calls created, {Cancelled} cancelled", run.Decided, run.Selected, run.TasksCreated, run.Cancelled);
            }

            if (run.Decided < size)
            {
                return;
            }
        }
    }
}
