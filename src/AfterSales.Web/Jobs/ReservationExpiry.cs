using AfterSales.Web.Features.Parts;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Jobs;

/// <summary>
/// Runs <see cref="ExpireReservations"/> every Parts:ExpiryInterval so that stock held for appointments that never
/// came back is free again. Off with Parts:ExpiryEnabled=false (tests drive the handler themselves).
/// </summary>
internal sealed class ReservationExpiry(IServiceScopeFactory scopes, IOptions<PartsOptions> options, TimeProvider clock, ILogger<ReservationExpiry> logger) : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ExpiryEnabled)
        {
            logger.LogInformation("Reservation expiry is disabled (Parts:ExpiryEnabled=false)");
            return;
        }

        using var timer = new PeriodicTimer(options.Value.ExpiryInterval, clock);
        do
        {
            try
            {
                int expired;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    expired = await scope.ServiceProvider.GetRequiredService<ExpireReservations>().HandleAsync(BatchSize, stoppingToken);
                    if (expired > 0)
                    {
                        logger.LogInformation("Released {Count} expired part reservations", expired);
                    }
                }
                while (expired >= BatchSize && !stoppingToken.IsCancellationRequested);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database outage must not end the loop: expired reservations wait for the next round.
                logger.LogError(e, "Reservation expiry round failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
