using AfterSales.Web.Features.Complaints.Capa;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Jobs;

/// <summary>
/// Runs <see cref="CheckCapaEffectiveness"/> every Complaints:Capa:Checker:Interval (hourly) on the injected clock,
/// draining full batches at once. Holds no state: actions whose check date passed while it was away are found by
/// their check time on the next round. Off with Complaints:Capa:Checker:Enabled=false (tests run rounds themselves).
/// </summary>
internal sealed class CapaEffectivenessChecker(
    IServiceScopeFactory scopes,
    IOptionsMonitor<CapaOptions> options,
    TimeProvider clock,
    ILogger<CapaEffectivenessChecker> logger) : BackgroundService
{
    private const int MaxBatchesPerRound = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.CurrentValue.Checker;
        if (!settings.Enabled)
        {
            logger.LogInformation("CAPA effectiveness checks are disabled (Complaints:Capa:Checker:Enabled=false)");
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
                // A database outage must not end the loop: the due actions stay due until it is back.
                logger.LogError(e, "CAPA effectiveness round failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    internal async Task RunRoundAsync(CancellationToken ct)
    {
        for (var batch = 0; batch < MaxBatchesPerRound && !ct.IsCancellationRequested; batch++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var size = options.CurrentValue.Checker.BatchSize;
            var run = await scope.ServiceProvider.GetRequiredService<CheckCapaEffectiveness>().HandleAsync(size, ct);
            if (run.Checked > 0)
            {
                logger.LogInformation("CAPA: {Checked} checked, {Effective} effective, {NotEffective} not effective, {Skipped} skipped", run.Checked, run.Effective, run.NotEffective, run.Skipped);
            }

            // A batch that only skipped (judged elsewhere) would be picked again: stop rather than spin.
            if (run.Checked < size || run.Effective + run.NotEffective == 0)
            {
                return;
            }
        }
    }
}
