using System.Net;
using AfterSales.Domain.Appointments;
using AfterSales.Domain.Service;
using AfterSales.Web.Features;
using AfterSales.Web.Features.Appointments;
using AfterSales.Web.Features.Parts;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using static AfterSales.Web.Tests.Features.RepairOrders.RepairOrderFixtures;
using Desk = AfterSales.Web.Tests.Features.Appointments.AppointmentFixtures;

namespace AfterSales.Web.Tests.Features.RepairOrders;

/// <summary>Where an order's content comes from: the appointment it converts, and the parts catalogue.</summary>
public abstract class RepairOrderSourcesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Checking_in_a_booked_customer_converts_the_appointment_and_takes_its_customer_asset_and_need()
    {
        var advisor = await app.ClientForAsync("advisor");
        var customer = await Desk.CustomerAsync(advisor);
        var booked = await Desk.BookAsync(advisor, Desk.Booking(customer, await Desk.SlotAsync(app, DemoData.BeijingStore, 1, 2)));
        var confirmed = await Desk.MoveAsync(advisor, booked, "confirm");

        var order = await (await advisor.PostAsync("/api/v1/repair-orders", new OpenRepairOrderRequest(Guid.Empty, Guid.Empty, "", WalkAround, AppointmentId: confirmed.Id)))
            .ReadAsync<RepairOrderView>(HttpStatusCode.Created);

        Assert.Equal(confirmed.Id, order.AppointmentId);
        Assert.Equal(customer.Id, order.CustomerId);
        Assert.Equal(customer.Assets[0].Id, order.AssetId);
        Assert.Equal("刹车时有异响，方向盘抖动", order.CustomerWords);
        var appointment = await (await advisor.GetAsync($"/api/v1/appointments/{confirmed.Id}", Ct)).ReadAsync<AppointmentView>();
        Assert.Equal(AppointmentStatus.Converted, appointment.Status);

        var again = await advisor.PostAsync("/api/v1/repair-orders", new OpenRepairOrderRequest(Guid.Empty, Guid.Empty, "", AppointmentId: confirmed.Id));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var numbers = await (await advisor.GetAsync($"/api/v1/repair-orders?query={order.Number[..12]}&pageSize=100", Ct)).ReadAsync<Page<RepairOrderListItem>>();
        Assert.Single(numbers.Items, i => i.CustomerId == customer.Id);
    }

    [Fact]
    public async Task An_appointment_of_another_customer_or_store_is_refused()
    {
        var advisor = await app.ClientForAsync("advisor");
        var customer = await Desk.CustomerAsync(advisor);
        var other = await CustomerAsync(advisor);
        var booked = await Desk.BookAsync(advisor, Desk.Booking(customer, await Desk.SlotAsync(app, DemoData.BeijingStore, 2, 3)));
        var shanghai = await app.ClientForAsync("advisor.sh");

        var mismatch = await advisor.PostAsync("/api/v1/repair-orders", new OpenRepairOrderRequest(other.Id, other.Assets[0].Id, "异响", AppointmentId: booked.Id));
        var foreign = await shanghai.PostAsync("/api/v1/repair-orders", new OpenRepairOrderRequest(Guid.Empty, Guid.Empty, "", AppointmentId: booked.Id));

        Assert.Contains("repair_order.appointment_other_customer", (await mismatch.ReadProblemAsync(HttpStatusCode.BadRequest)).Codes);
        Assert.Contains("repair_order.appointment_unknown", (await foreign.ReadProblemAsync(HttpStatusCode.BadRequest)).Codes);
    }

    [Fact]
    public async Task A_catalogue_part_brings_its_number_name_and_list_price_whatever_the_editor_sent()
    {
        var advisor = await app.ClientForAsync("advisor");
        var beijing = await app.StoreIdAsync(DemoData.BeijingStore);
        var part = (await (await advisor.GetAsync("/api/v1/parts?pageSize=5", Ct)).ReadAsync<Page<PartSummary>>()).Items[0];
        var order = await OpenAsync(advisor, await CustomerAsync(advisor), WalkAround);
        var pads = await OperationAsync(advisor, beijing, "ME-001");

        order = await ReviseAsync(advisor, order, Revision(order, [new JobRequest(pads.Id, PayType.Customer, Parts: [new PartLineRequest("X", "x", 2, 0.01m, part.Id), new PartLineRequest("OWN-1", "客户自带机油", 1, 0m)])]));

        var line = order.Jobs[0].Parts[0];
        Assert.Equal((part.Id, part.Number, part.NameZh, part.ListPrice, 2m), (line.PartId, line.PartNumber, line.Name, line.UnitPrice, line.Quantity));
        Assert.Equal(part.ListPrice * 2, order.Jobs[0].PartsAmount);
        Assert.Null(order.Jobs[0].Parts[1].PartId);

        var unknown = await advisor.PutAsync($"/api/v1/repair-orders/{order.Id}", Revision(order, [new JobRequest(pads.Id, PayType.Customer, Parts: [new PartLineRequest("X", "x", 1, 1m, Guid.NewGuid())])]));
        Assert.Contains("repair_order.part_unknown", (await unknown.ReadProblemAsync(HttpStatusCode.BadRequest)).Codes);
    }
}

public sealed class SqliteRepairOrderSourcesTests(SqliteApp app) : RepairOrderSourcesTests<SqliteApp>(app);

public sealed class PostgresRepairOrderSourcesTests(PostgresApp app) : RepairOrderSourcesTests<PostgresApp>(app);
