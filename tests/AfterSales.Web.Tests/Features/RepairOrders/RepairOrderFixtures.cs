using System.Net;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Web.Features;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Features.Labour;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Features.RepairOrders;

/// <summary>Customers, operations and repair orders made through the API, as the front desk would make them.</summary>
internal static class RepairOrderFixtures
{
    /// <summary>A 1×1 transparent PNG, as a data URL the signature pad would send.</summary>
    public const string SignaturePng = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    public static readonly CheckInRequest WalkAround = new(
        MileageKm: 23_456,
        EnergyLevelPercent: 60,
        Valuables: "行车记录仪",
        SpareTyrePresent: true,
        ToolsPresent: true,
        CoversFitted: true,
        DamageMarks: [new DamageMark(VehicleZone.FrontBumper, DamageKind.Scratch, "右下角 5cm"), new DamageMark(VehicleZone.RearLeftDoor, DamageKind.Dent, null)]);

    public static async Task<CustomerView> CustomerAsync(HttpClient client) =>
        await (await client.PostAsync("/api/v1/customers", TestData.Customer(assets: [TestData.Vehicle()]))).ReadAsync<CustomerView>(HttpStatusCode.Created);

    public static async Task<RepairOrderView> OpenAsync(HttpClient client, CustomerView customer, CheckInRequest? checkIn = null) =>
        await (await client.PostAsync("/api/v1/repair-orders", new OpenRepairOrderRequest(customer.Id, customer.Assets[0].Id, "刹车有异响,仪表盘胎压灯亮", checkIn)))
            .ReadAsync<RepairOrderView>(HttpStatusCode.Created);

    public static async Task<LabourOperationView> OperationAsync(HttpClient client, Guid storeId, string code)
    {
        var page = await (await client.GetAsync($"/api/v1/stores/{storeId}/labour-operations?query={code}", TestContext.Current.CancellationToken)).ReadAsync<Page<LabourOperationView>>();
        return Assert.Single(page.Items, o => o.Code == code);
    }

    public static ReviseRepairOrderRequest Revision(RepairOrderView order, IReadOnlyList<JobRequest> jobs, decimal discount = 0m, string? reason = null) =>
        new(order.Version, order.CustomerWords, jobs, discount, discount > 0 ? reason ?? "老客户优惠" : null, order.OpenedAt.AddHours(4),
            PaymentMethod.WeChatPay, OldPartsHandling.CustomerTakes, FreeWash: true, ExtraWorkPreApprovedLimit: 300m);

    /// <summary>Two jobs: front brake pads for the customer (with two parts) and a warranty battery check.</summary>
    public static async Task<IReadOnlyList<JobRequest>> TwoJobsAsync(HttpClient client, Guid storeId)
    {
        var pads = await OperationAsync(client, storeId, "ME-001");
        var battery = await OperationAsync(client, storeId, "EV-002");
        return
        [
            new JobRequest(pads.Id, PayType.Customer, Parts: [new PartLineRequest("BP-45022", "前刹车片(套)", 1, 480m), new PartLineRequest("BR-CLN", "刹车清洗剂", 2, 25m)]),
            new JobRequest(battery.Id, PayType.Warranty),
        ];
    }

    public static async Task<RepairOrderView> ReviseAsync(HttpClient client, RepairOrderView order, ReviseRepairOrderRequest request) =>
        await (await client.PutAsync($"/api/v1/repair-orders/{order.Id}", request)).ReadAsync<RepairOrderView>();

    public static async Task<RepairOrderView> MoveAsync(HttpClient client, RepairOrderView order, string move, string? reason = null) =>
        await (await client.PostAsync($"/api/v1/repair-orders/{order.Id}/{move}", new RepairOrderMoveRequest(order.Version, reason))).ReadAsync<RepairOrderView>();

    public static async Task<RepairOrderView> SignAsync(HttpClient client, RepairOrderView order) =>
        await (await client.PostAsync($"/api/v1/repair-orders/{order.Id}/sign", new SignRepairOrderRequest(order.Version, "张三", SignaturePng))).ReadAsync<RepairOrderView>();

    /// <summary>A checked-in draft with two jobs, ready to be put before the customer.</summary>
    public static async Task<RepairOrderView> ReadyDraftAsync(HttpClient client, Guid storeId)
    {
        var order = await OpenAsync(client, await CustomerAsync(client), WalkAround);
        return await ReviseAsync(client, order, Revision(order, await TwoJobsAsync(client, storeId)));
    }
}
