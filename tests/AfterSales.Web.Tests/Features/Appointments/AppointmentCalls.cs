using System.Collections.Concurrent;
using AfterSales.Domain.Appointments;
using AfterSales.Web.Features.Appointments;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using static AfterSales.Web.Tests.Features.Appointments.AppointmentFixtures;

namespace AfterSales.Web.Tests.Features.Appointments;

/// <summary>The appointment side of the cross-store tests: a fresh Shanghai appointment per call, and a valid body per endpoint.</summary>
internal static class AppointmentCalls
{
    private static readonly ConcurrentDictionary<Guid, DateTimeOffset> RescheduleTo = new();
    private static int _next;

    /// <summary>Books an appointment in Shanghai (with parts to prepare) and puts its id into the template.</summary>
    public static async Task<(string Template, Guid AppointmentId)> InShanghaiAsync(TestApp app, string template)
    {
        var client = await app.ClientForAsync("advisor.sh");
        var n = Interlocked.Increment(ref _next);
        var slot = await SlotAsync(app, DemoData.ShanghaiStore, 1 + (n / 8), n % 8);
        var appointment = await BookAsync(client, Booking(await CustomerAsync(client), slot, parts: "机油滤芯"));
        RescheduleTo[appointment.Id] = await SlotAsync(app, DemoData.ShanghaiStore, 1 + (n / 8), 8 + (n % 8));
        return (template.Replace("{appointment}", appointment.Id.ToString(), StringComparison.Ordinal), appointment.Id);
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        var id = Guid.Parse(url.Split('/')[4]);
        return (method, url.Split('/')[^1]) switch
        {
            ("POST", "reschedule") => client.PostAsync(url, new RescheduleAppointmentRequest(0, RescheduleTo[id], "客户要求")),
            ("PUT", "preparation") => client.PutAsync(url, new PrepareAppointmentRequest(0, "机油滤芯", "举升机", null)),
            ("POST", "readiness") => client.PostAsync(url, new ResolveReadinessRequest(0, ReadinessItem.Parts)),
            ("POST", _) => client.PostAsync(url, new AppointmentActionRequest(0, "客户要求")),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
    }
}
