using AfterSales.Web.Features.ComplaintSla;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Web.Tests.Features.ComplaintSla;

internal static class SlaFixtures
{
    /// <summary>Moves the app's clock to 10:00 of the next working day of a demo store, so clocks count from inside opening hours.</summary>
    public static async Task MoveToWorkingMorningAsync(TestApp app, string storeCode = DemoData.BeijingStore)
    {
        var store = await app.WithDbAsync(db => db.Stores.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Code == storeCode));
        var calendar = store.Calendar();
        var now = app.Clock.GetUtcNow();
        for (var date = DateOnly.FromDateTime(calendar.ToLocal(now).DateTime); ; date = date.AddDays(1))
        {
            if (calendar.HoursOn(date) is null)
            {
                continue;
            }

            var local = date.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Unspecified);
            var target = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, calendar.TimeZone), TimeSpan.Zero);
            if (target > now)
            {
                app.Clock.Advance(target - now);
                return;
            }
        }
    }

    /// <summary>One round of the escalation job, as the hosted job runs it (its own scope).</summary>
    public static async Task<EscalationRun> EscalateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EscalateDueComplaints>().HandleAsync(500, TestContext.Current.CancellationToken);
    }
}
