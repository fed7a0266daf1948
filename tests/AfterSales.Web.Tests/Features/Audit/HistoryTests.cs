using System.Net;
using AfterSales.Web.Features;
using AfterSales.Web.Features.Assets;
using AfterSales.Web.Features.Audit;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Features.Audit;

public abstract class HistoryTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_customer_audit_log_shows_who_registered_and_changed_what_newest_first()
    {
        var client = await app.ClientForAsync("advisor");
        var customer = await (await client.PostAsync("/api/v1/customers", TestData.Customer(assets: [TestData.Vehicle()]))).ReadAsync<CustomerView>(HttpStatusCode.Created);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await (await client.PutAsync($"/api/v1/customers/{customer.Id}", TestData.Update(customer, notes: "VIP"))).ReadAsync<CustomerView>();

        var log = await (await client.GetAsync($"/api/v1/customers/{customer.Id}/audit", Ct)).ReadAsync<Page<AuditEntryView>>();

        Assert.Equal(3, log.TotalCount);
        Assert.Equal(["Modified", "Added", "Added"], log.Items.Select(e => e.Action));
        Assert.All(log.Items, e => Assert.Equal("李娜", e.UserName));
        var change = Assert.Single(log.Items[0].Changes, c => c.Field == "Notes");
        Assert.Null(change.From);
        Assert.Equal("VIP", change.To);
        Assert.Contains(log.Items, e => e.EntityType == "Asset" && e.EntityId == customer.Assets[0].Id);
        Assert.True(log.Items[0].At > log.Items[1].At);
    }

    [Fact]
    public async Task The_asset_audit_log_records_its_changes_and_pages()
    {
        var client = await app.ClientForAsync("advisor");
        var asset = (await (await client.PostAsync("/api/v1/customers", TestData.Customer(assets: [TestData.Vehicle()]))).ReadAsync<CustomerView>(HttpStatusCode.Created)).Assets[0];
        var current = asset;
        foreach (var mileage in new[] { 20_000, 30_000 })
        {
            current = await (await client.PutAsync($"/api/v1/assets/{asset.Id}", new UpdateAssetRequest(current.Version, AssetInput.From(current) with { MileageKm = mileage }))).ReadAsync<AssetView>();
        }

        var first = await (await client.GetAsync($"/api/v1/assets/{asset.Id}/audit?pageSize=2", Ct)).ReadAsync<Page<AuditEntryView>>();
        var second = await (await client.GetAsync($"/api/v1/assets/{asset.Id}/audit?pageSize=2&page=2", Ct)).ReadAsync<Page<AuditEntryView>>();

        Assert.Equal(3, first.TotalCount);
        Assert.Equal(["Modified", "Modified"], first.Items.Select(e => e.Action));
        Assert.Equal("30000", Assert.Single(first.Items[0].Changes, c => c.Field == "MileageKm").To);
        Assert.Equal("Added", Assert.Single(second.Items).Action);
    }

    [Fact]
    public async Task The_customer_timeline_lists_the_registration_and_each_asset_newest_first()
    {
        var client = await app.ClientForAsync("advisor");
        var customer = await (await client.PostAsync("/api/v1/customers", TestData.Customer())).ReadAsync<CustomerView>(HttpStatusCode.Created);
        app.Clock.Advance(TimeSpan.FromDays(2));
        var phone = await (await client.PostAsync($"/api/v1/customers/{customer.Id}/assets", TestData.Phone())).ReadAsync<AssetView>(HttpStatusCode.Created);

        var timeline = await (await client.GetAsync($"/api/v1/customers/{customer.Id}/timeline", Ct)).ReadAsync<List<TimelineEvent>>();

        Assert.Equal(["asset.registered", "customer.registered"], timeline.Select(e => e.Kind));
        Assert.Equal(phone.Id, timeline[0].AssetId);
        Assert.Contains(phone.Imei!, timeline[0].Title, StringComparison.Ordinal);
        Assert.Equal(customer.CreatedAt, timeline[1].At);
    }

    [Fact]
    public async Task The_asset_timeline_starts_with_its_registration()
    {
        var client = await app.ClientForAsync("advisor");
        var asset = (await (await client.PostAsync("/api/v1/customers", TestData.Customer(assets: [TestData.Appliance()]))).ReadAsync<CustomerView>(HttpStatusCode.Created)).Assets[0];

        var timeline = await (await client.GetAsync($"/api/v1/assets/{asset.Id}/timeline", Ct)).ReadAsync<List<TimelineEvent>>();

        var registered = Assert.Single(timeline);
        Assert.Equal("asset.registered", registered.Kind);
        Assert.Equal(asset.CreatedAt, registered.At);
    }

    [Theory]
    [InlineData("/api/v1/customers/{0}/audit")]
    [InlineData("/api/v1/customers/{0}/timeline")]
    [InlineData("/api/v1/assets/{0}/audit")]
    [InlineData("/api/v1/assets/{0}/timeline")]
    public async Task History_of_an_unknown_id_is_a_404_problem(string url)
    {
        var client = await app.ClientForAsync("advisor");

        await (await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, Guid.NewGuid()), Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteHistoryTests(SqliteApp app) : HistoryTests<SqliteApp>(app);

public sealed class PostgresHistoryTests(PostgresApp app) : HistoryTests<PostgresApp>(app);
