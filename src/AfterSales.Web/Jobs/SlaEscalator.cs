using AfterSales.Web.Features.ComplaintSla;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Jobs;

/// <summary>
/// Runs <see cref="EscalateDueComplaints"/> every Complaints:Sla:Escalator:Interval on the injected clock, draining full
/// batches at once. Holds no state of its own: after a restart the first round picks up whatever fell due meanwhile.
/// Off with Complaints:Sla:Escalator:Enabled=false (tests run rounds themselves).
/// </summary>
internal sealed class SlaEscalator(
    IServiceScopeFactory scopes,
    IOptionsMonitor<SlaOptions> options,
    TimeProvider clock,
    ILogger<SlaEscalator> logger) : BackgroundService
{
    /// <summary>A complaint that fails every time must not keep one round busy forever.</summary>
    private const int MaxBatchesPerRound = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.CurrentValue.Escalator;
        if (!settings.Enabled)
        {
            logger.LogInformation("SLA escalation is disabled (Complaints:Sla:Escalator:Enabled=false)");
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
                // A database outage must not end the loop: due times stay in the database until it is back.
                logger.LogError(e, "SLA escalation round failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    internal async Task RunRoundAsync(CancellationToken ct)
    {
        for (var batch = 0; batch < MaxBatchesPerRound && !ct.IsCancellationRequested; batch++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var size = options.CurrentValue.Escalator.BatchSize;
            var run = await scope.ServiceProvider.GetRequiredService<EscalateDueComplaints>().HandleAsync(size, ct);
            if (run.Warnings + run.Breaches > 0)
            {
                logger.LogInformation("SLA: {Checked} checked, {Warnings} warnings, {Breaches} breaches escalated", run.Checked, run.Warnings, run.Breaches);
            }

            if (run.Checked < size)
            {
                return;
            }
        }
    }
}
