using System.Globalization;
using System.Net;
using AfterSales.Web.Features;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Tests.Infrastructure;
using static AfterSales.Web.Tests.Features.RepairOrders.RepairOrderFixtures;

namespace AfterSales.Web.Tests.Features.RepairOrders;

public abstract class RepairOrderNumberingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task Twenty_concurrent_walk_ins_get_twenty_consecutive_numbers_of_the_stores_day_and_the_other_store_counts_on_its_own()
    {
        var advisor = await app.ClientForAsync("advisor");
        var customer = await CustomerAsync(advisor);
        var day = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Shanghai).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            advisor.PostAsync("/api/v1/repair-orders", new OpenRepairOrderRequest(customer.Id, customer.Assets[0].Id, "保养"))));
        var orders = await Task.WhenAll(responses.Select(r => r.ReadAsync<RepairOrderView>(HttpStatusCode.Created)));

        var numbers = orders.Select(o => o.Number).Order(StringComparer.Ordinal).ToList();
        Assert.All(numbers, n => Assert.StartsWith($"RO-{day}-", n, StringComparison.Ordinal));
        var sequences = numbers.Select(n => int.Parse(n[12..], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(sequences[0], 20), sequences);

        var shanghai = await app.ClientForAsync("advisor.sh");
        var first = await OpenAsync(shanghai, await CustomerAsync(shanghai));
        Assert.Equal($"RO-{day}-0001", first.Number);
        var next = await OpenAsync(advisor, customer);
        Assert.Equal($"RO-{day}-{sequences[^1] + 1:D4}", next.Number);

        var page = await (await advisor.GetAsync($"/api/v1/repair-orders?query={next.Number}", TestContext.Current.CancellationToken)).ReadAsync<Page<RepairOrderListItem>>();
        Assert.Equal(next.Id, Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task A_new_local_day_starts_again_at_one()
    {
        var advisor = await app.ClientForAsync("advisor");
        var customer = await CustomerAsync(advisor);
        var today = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Shanghai);
        await OpenAsync(advisor, customer);

        // 00:05 in Beijing is still the day before in UTC: the store's day decides.
        var tomorrow = new DateTimeOffset(today.Date.AddDays(1).AddMinutes(5), TimeSpan.FromHours(8));
        app.Clock.SetUtcNow(tomorrow.ToUniversalTime());
        var first = await OpenAsync(advisor, customer);

        Assert.Equal($"RO-{tomorrow:yyyyMMdd}-0001", first.Number);
    }

    [Fact]
    public async Task The_list_finds_orders_by_plate_and_by_customer_name()
    {
        var advisor = await app.ClientForAsync("advisor");
        var customer = await CustomerAsync(advisor);
        var order = await OpenAsync(advisor, customer);

        var byPlate = await (await advisor.GetAsync($"/api/v1/repair-orders?query={Uri.EscapeDataString(customer.Assets[0].Plate!)}", TestContext.Current.CancellationToken)).ReadAsync<Page<RepairOrderListItem>>();
        var byName = await (await advisor.GetAsync($"/api/v1/repair-orders?query={Uri.EscapeDataString(customer.Name)}", TestContext.Current.CancellationToken)).ReadAsync<Page<RepairOrderListItem>>();

        Assert.Equal(order.Id, Assert.Single(byPlate.Items).Id);
        Assert.Equal(order.Id, Assert.Single(byName.Items).Id);
    }
}

public sealed class SqliteRepairOrderNumberingTests(SqliteApp app) : RepairOrderNumberingTests<SqliteApp>(app);

public sealed class PostgresRepairOrderNumberingTests(PostgresApp app) : RepairOrderNumberingTests<PostgresApp>(app);
