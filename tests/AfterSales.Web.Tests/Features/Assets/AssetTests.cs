using System.Net;
using AfterSales.Domain.Assets;
using AfterSales.Web.Features.Assets;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Features.Assets;

public abstract class AssetTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registering_an_asset_answers_201_and_the_customer_lists_it()
    {
        var client = await app.ClientForAsync("advisor");
        var customer = await RegisterCustomerAsync(client, TestData.Vehicle());
        var phone = TestData.Phone();

        var response = await client.PostAsync($"/api/v1/customers/{customer.Id}/assets", phone);
        var asset = await response.ReadAsync<AssetView>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/assets/{asset.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(customer.Id, asset.CustomerId);
        Assert.Equal(customer.StoreId, asset.StoreId);
        Assert.Equal(phone.Imei, asset.Imei);
        var listed = await (await client.GetAsync($"/api/v1/customers/{customer.Id}/assets", Ct)).ReadAsync<List<AssetView>>();
        Assert.Equal([AssetKind.Vehicle, AssetKind.Phone], listed.Select(a => a.Kind));
        Assert.Equal(asset.Id, listed[1].Id);
    }

    [Fact]
    public async Task An_asset_can_be_read_by_its_id_with_identifiers_normalized()
    {
        var client = await app.ClientForAsync("advisor");
        var customer = await RegisterCustomerAsync(client);
        var vin = TestData.Vin();
        var plate = TestData.Plate();

        var created = await (await client.PostAsync($"/api/v1/customers/{customer.Id}/assets", TestData.Vehicle(vin: vin.ToLowerInvariant(), plate: plate.Insert(2, "·"))))
            .ReadAsync<AssetView>(HttpStatusCode.Created);
        var read = await (await client.GetAsync($"/api/v1/assets/{created.Id}", Ct)).ReadAsync<AssetView>();

        Assert.Equal(vin, read.Vin);
        Assert.Equal(plate, read.Plate);
        Assert.Equal(created.Version, read.Version);
        Assert.True(read.IsElectric);
        Assert.Equal(76.9m, read.BatteryCapacityKwh);
    }

    [Fact]
    public async Task Updating_an_asset_changes_it_and_bumps_its_version()
    {
        var client = await app.ClientForAsync("advisor");
        var asset = (await RegisterCustomerAsync(client, TestData.Vehicle())).Assets.Single();

        var update = new UpdateAssetRequest(asset.Version, AssetInput.From(asset) with { MileageKm = 15_500, Plate = "鲁B12345" });
        var updated = await (await client.PutAsync($"/api/v1/assets/{asset.Id}", update)).ReadAsync<AssetView>();

        Assert.Equal(15_500, updated.MileageKm);
        Assert.Equal("鲁B12345", updated.Plate);
        Assert.Equal(asset.Version + 1, updated.Version);
        var read = await (await client.GetAsync($"/api/v1/assets/{asset.Id}", Ct)).ReadAsync<AssetView>();
        Assert.Equal(15_500, read.MileageKm);
    }

    [Fact]
    public async Task An_update_cannot_turn_a_vehicle_into_another_kind_of_asset()
    {
        var client = await app.ClientForAsync("advisor");
        var asset = (await RegisterCustomerAsync(client, TestData.Vehicle())).Assets.Single();

        var update = new UpdateAssetRequest(asset.Version, AssetInput.From(asset) with { Kind = AssetKind.Phone, Model = "汉 DM-i" });
        var updated = await (await client.PutAsync($"/api/v1/assets/{asset.Id}", update)).ReadAsync<AssetView>();

        Assert.Equal(AssetKind.Vehicle, updated.Kind);
        Assert.Equal(asset.Vin, updated.Vin);
    }

    [Fact]
    public async Task Second_save_of_an_asset_from_the_same_version_is_refused_with_409()
    {
        var client = await app.ClientForAsync("advisor");
        var asset = (await RegisterCustomerAsync(client, TestData.Appliance())).Assets.Single();

        var first = new UpdateAssetRequest(asset.Version, AssetInput.From(asset) with { PurchaseProof = "FP-1" });
        var second = new UpdateAssetRequest(asset.Version, AssetInput.From(asset) with { PurchaseProof = "FP-2" });
        await (await client.PutAsync($"/api/v1/assets/{asset.Id}", first)).ReadAsync<AssetView>();
        var problem = await (await client.PutAsync($"/api/v1/assets/{asset.Id}", second)).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("asset.changed_by_someone_else", problem.Code);
        var read = await (await client.GetAsync($"/api/v1/assets/{asset.Id}", Ct)).ReadAsync<AssetView>();
        Assert.Equal("FP-1", read.PurchaseProof);
    }

    [Fact]
    public async Task A_new_vehicle_with_a_wrong_vin_check_digit_is_a_field_error()
    {
        var client = await app.ClientForAsync("advisor");
        var customer = await RegisterCustomerAsync(client);

        var response = await client.PostAsync($"/api/v1/customers/{customer.Id}/assets", TestData.Vehicle(vin: TestData.VinWithWrongCheckDigit()));
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["asset.vin_invalid"], problem.Codes);
        Assert.Single(problem.ErrorsOf("vin"));
    }

    [Fact]
    public async Task An_update_with_an_invalid_imei_is_a_field_error_under_asset()
    {
        var client = await app.ClientForAsync("advisor");
        var asset = (await RegisterCustomerAsync(client, TestData.Phone())).Assets.Single();

        var update = new UpdateAssetRequest(asset.Version, AssetInput.From(asset) with { Imei = TestData.ImeiWithWrongCheckDigit() });
        var problem = await (await client.PutAsync($"/api/v1/assets/{asset.Id}", update)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["asset.imei_invalid"], problem.Codes);
        Assert.Single(problem.ErrorsOf("asset.imei"));
    }

    [Fact]
    public async Task An_appliance_needs_a_serial_number_and_a_purchase_date_not_in_the_future()
    {
        var client = await app.ClientForAsync("advisor");
        var customer = await RegisterCustomerAsync(client);
        var tomorrow = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(1);

        var response = await client.PostAsync($"/api/v1/customers/{customer.Id}/assets", TestData.Appliance() with { SerialNumber = " ", PurchaseDate = tomorrow });
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Single(problem.ErrorsOf("serialNumber"));
        Assert.Single(problem.ErrorsOf("purchaseDate"));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("""{ "version": 1 }""")]
    [InlineData("""{ "version": 1, "asset": null }""")]
    [InlineData("""{ "version": 1, "asset": { "kind": "Vehicle" } }""")]
    [InlineData("""{ "version": 1, "asset": { "kind": "Boat", "brand": "x", "model": "y" } }""")]
    public async Task A_malformed_asset_update_is_a_400_problem_never_a_500(string body)
    {
        var client = await app.ClientForAsync("advisor");
        var asset = (await RegisterCustomerAsync(client, TestData.Vehicle())).Assets.Single();

        var response = await client.SendRawAsync(HttpMethod.Put, $"/api/v1/assets/{asset.Id}", body);

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("""{ "kind": "Vehicle" }""")]
    [InlineData("""{ "kind": 99, "brand": "x", "model": "y" }""")]
    public async Task A_malformed_new_asset_is_a_400_problem_never_a_500(string body)
    {
        var client = await app.ClientForAsync("advisor");
        var customer = await RegisterCustomerAsync(client);

        var response = await client.SendRawAsync(HttpMethod.Post, $"/api/v1/customers/{customer.Id}/assets", body);

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_ids_are_404_problems()
    {
        var client = await app.ClientForAsync("advisor");
        var unknown = Guid.NewGuid();
        var update = new UpdateAssetRequest(1, TestData.Vehicle());

        await (await client.GetAsync($"/api/v1/assets/{unknown}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await client.PutAsync($"/api/v1/assets/{unknown}", update)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/v1/customers/{unknown}/assets", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        var problem = await (await client.PostAsync($"/api/v1/customers/{unknown}/assets", TestData.Phone())).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("common.not_found", problem.Code);
    }

    private static async Task<CustomerView> RegisterCustomerAsync(HttpClient client, params AssetInput[] assets) =>
        await (await client.PostAsync("/api/v1/customers", TestData.Customer(assets: assets))).ReadAsync<CustomerView>(HttpStatusCode.Created);
}

public sealed class SqliteAssetTests(SqliteApp app) : AssetTests<SqliteApp>(app);

public sealed class PostgresAssetTests(PostgresApp app) : AssetTests<PostgresApp>(app);
