using System.Net;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Features.Complaints;

/// <summary>Customers and complaints made through the API, as staff would make them.</summary>
internal static class ComplaintFixtures
{
    public static async Task<CustomerView> CustomerAsync(HttpClient client, string? name = null) =>
        await (await client.PostAsync("/api/v1/customers", TestData.Customer(name: name, assets: [TestData.Vehicle(), TestData.Phone()])))
            .ReadAsync<CustomerView>(HttpStatusCode.Created);

    public static RecordComplaintRequest Intake(
        CustomerView customer,
        Guid? assetId = null,
        ComplaintChannel channel = ComplaintChannel.Hotline,
        ComplaintCategory category = ComplaintCategory.RepairQuality,
        ComplaintUrgency urgency = ComplaintUrgency.Normal) =>
        new(channel, customer.Id, "保养后仪表盘报警灯常亮", "免费重新检查并修好", category, urgency, assetId, SuspectedResponsibility: Responsibility.TechnicianError);

    public static async Task<RecordedComplaint> RecordAsync(HttpClient client, RecordComplaintRequest request) =>
        await (await client.PostAsync("/api/v1/complaints", request)).ReadAsync<RecordedComplaint>(HttpStatusCode.Created);
}
