using System.Net;
using AfterSales.Domain.Labour;
using AfterSales.Domain.Service;
using AfterSales.Domain.Staff;
using AfterSales.Web.Features;
using AfterSales.Web.Features.Labour;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Features.RepairOrders;

public abstract class LabourCatalogueTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    [Fact]
    public async Task Both_demo_stores_have_a_catalogue_for_cars_appliances_and_phones_and_their_own_prices()
    {
        var admin = await app.ClientForAsync("admin");
        foreach (var (code, rate) in new[] { (DemoData.BeijingStore, 220m), (DemoData.ShanghaiStore, 200m) })
        {
            var storeId = await app.StoreIdAsync(code);
            var page = await (await admin.GetAsync($"/api/v1/stores/{storeId}/labour-operations?pageSize=100", TestContext.Current.CancellationToken)).ReadAsync<Page<LabourOperationView>>();
            Assert.True(page.TotalCount >= 40);
            Assert.Contains(page.Items, o => o.Skill == WorkshopSkill.EvHighVoltage);
            Assert.Contains(page.Items, o => o.Skill == WorkshopSkill.Appliance);
            Assert.Contains(page.Items, o => o.Skill == WorkshopSkill.Phone);
            var settings = await (await admin.GetAsync($"/api/v1/stores/{storeId}/service-settings", TestContext.Current.CancellationToken)).ReadAsync<ServiceSettingsView>();
            Assert.Equal(rate, settings.LabourRate);
            Assert.Equal(0.13m, settings.TaxRate);
        }
    }

    [Fact]
    public async Task Advisors_search_by_code_or_name_in_either_language()
    {
        var advisor = await app.ClientForAsync("advisor", "en");
        var storeId = await app.StoreIdAsync(DemoData.BeijingStore);

        var byZh = await (await advisor.GetAsync($"/api/v1/stores/{storeId}/labour-operations?query={Uri.EscapeDataString("制动片")}", TestContext.Current.CancellationToken)).ReadAsync<Page<LabourOperationView>>();
        var byEn = await (await advisor.GetAsync($"/api/v1/stores/{storeId}/labour-operations?query=brake%20PADS", TestContext.Current.CancellationToken)).ReadAsync<Page<LabourOperationView>>();
        var byCode = await (await advisor.GetAsync($"/api/v1/stores/{storeId}/labour-operations?query=ph-00", TestContext.Current.CancellationToken)).ReadAsync<Page<LabourOperationView>>();

        Assert.Equal(["ME-001", "ME-002"], byZh.Items.Select(o => o.Code).ToList());
        Assert.Equal(["ME-001", "ME-002"], byEn.Items.Select(o => o.Code).ToList());
        Assert.Equal("Front brake pads replacement", byEn.Items[0].Name);
        Assert.Equal(6, byCode.TotalCount);
    }

    [Fact]
    public async Task An_administrator_adds_changes_and_retires_an_operation_and_a_code_is_unique_per_store()
    {
        var admin = await app.ClientForAsync("admin");
        var beijing = await app.StoreIdAsync(DemoData.BeijingStore);
        var shanghai = await app.StoreIdAsync(DemoData.ShanghaiStore);
        var request = new LabourOperationRequest("tst-001", "更换雨刮片", "Wiper blades replacement", WorkshopSkill.Maintenance, 0.3m);

        var created = await (await admin.PostAsync($"/api/v1/stores/{beijing}/labour-operations", request)).ReadAsync<LabourOperationView>(HttpStatusCode.Created);
        Assert.Equal("TST-001", created.Code);
        var taken = await admin.PostAsync($"/api/v1/stores/{beijing}/labour-operations", request with { NameEn = "Again" });
        Assert.Contains("labour.code_taken", (await taken.ReadProblemAsync(HttpStatusCode.BadRequest)).Codes);
        await (await admin.PostAsync($"/api/v1/stores/{shanghai}/labour-operations", request)).ReadAsync<LabourOperationView>(HttpStatusCode.Created);

        var retired = await (await admin.PutAsync($"/api/v1/labour-operations/{created.Id}", new UpdateLabourOperationRequest(created.Version, "TST-001", "更换雨刮片", "Wiper blades", WorkshopSkill.Maintenance, 0.4m, IsActive: false)))
            .ReadAsync<LabourOperationView>();
        Assert.False(retired.IsActive);
        Assert.Equal(0.4m, retired.StandardHours);
        var stale = await admin.PutAsync($"/api/v1/labour-operations/{created.Id}", new UpdateLabourOperationRequest(created.Version, "TST-001", "x", "x", WorkshopSkill.Maintenance, 1m));
        Assert.Equal("labour.changed_by_someone_else", (await stale.ReadProblemAsync(HttpStatusCode.Conflict)).Code);
        var offered = await (await admin.GetAsync($"/api/v1/stores/{beijing}/labour-operations?query=TST", TestContext.Current.CancellationToken)).ReadAsync<Page<LabourOperationView>>();
        Assert.Empty(offered.Items);
    }

    [Fact]
    public async Task Bad_operations_and_prices_get_field_errors_and_only_administrators_change_them()
    {
        var admin = await app.ClientForAsync("admin");
        var advisor = await app.ClientForAsync("advisor");
        var beijing = await app.StoreIdAsync(DemoData.BeijingStore);

        var bad = await admin.PostAsync($"/api/v1/stores/{beijing}/labour-operations", new LabourOperationRequest("a b", "", "", WorkshopSkill.Phone, 0m));
        var problem = await bad.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("labour.code_invalid", problem.Codes);
        Assert.Contains("labour.name_zh_required", problem.Codes);
        Assert.Contains("labour.name_en_required", problem.Codes);
        Assert.Contains("labour.hours_invalid", problem.Codes);

        var settings = await (await admin.GetAsync($"/api/v1/stores/{beijing}/service-settings", TestContext.Current.CancellationToken)).ReadAsync<ServiceSettingsView>();
        var badPrices = await admin.PutAsync($"/api/v1/stores/{beijing}/service-settings", new UpdateServiceSettingsRequest(settings.Version, 0m, 0.9m, [new DiscountLimit(StaffRole.ServiceAdvisor, 150m)]));
        var pricesProblem = await badPrices.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("service_settings.labour_rate_invalid", pricesProblem.Codes);
        Assert.Contains("service_settings.tax_rate_invalid", pricesProblem.Codes);
        Assert.Contains("service_settings.discount_limit_invalid", pricesProblem.Codes);

        var forbidden = await advisor.PostAsync($"/api/v1/stores/{beijing}/labour-operations", new LabourOperationRequest("X-1", "x", "x", WorkshopSkill.Phone, 1m));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var forbiddenPrices = await advisor.PutAsync($"/api/v1/stores/{beijing}/service-settings", new UpdateServiceSettingsRequest(settings.Version, 1m, 0m));
        Assert.Equal(HttpStatusCode.Forbidden, forbiddenPrices.StatusCode);

        var saved = await (await admin.PutAsync($"/api/v1/stores/{beijing}/service-settings", new UpdateServiceSettingsRequest(settings.Version, 240m, 0.06m, settings.DiscountLimits)))
            .ReadAsync<ServiceSettingsView>();
        Assert.Equal((240m, 0.06m), (saved.LabourRate, saved.TaxRate));
        var stale = await admin.PutAsync($"/api/v1/stores/{beijing}/service-settings", new UpdateServiceSettingsRequest(settings.Version, 250m, 0.06m));
        Assert.Equal("service_settings.changed_by_someone_else", (await stale.ReadProblemAsync(HttpStatusCode.Conflict)).Code);

        // The demo prices back, for the other tests of this class.
        await (await admin.PutAsync($"/api/v1/stores/{beijing}/service-settings", new UpdateServiceSettingsRequest(saved.Version, settings.LabourRate, settings.TaxRate, settings.DiscountLimits))).ReadAsync<ServiceSettingsView>();
    }

    [Fact]
    public async Task A_beijing_advisor_sees_nothing_of_the_shanghai_catalogue()
    {
        var advisor = await app.ClientForAsync("advisor");
        var shanghai = await app.StoreIdAsync(DemoData.ShanghaiStore);
        var shanghaiOperation = (await (await (await app.ClientForAsync("advisor.sh")).GetAsync($"/api/v1/stores/{shanghai}/labour-operations", TestContext.Current.CancellationToken)).ReadAsync<Page<LabourOperationView>>()).Items[0];

        var page = await (await advisor.GetAsync($"/api/v1/stores/{shanghai}/labour-operations", TestContext.Current.CancellationToken)).ReadAsync<Page<LabourOperationView>>();
        var settings = await advisor.GetAsync($"/api/v1/stores/{shanghai}/service-settings", TestContext.Current.CancellationToken);
        var operation = await advisor.GetAsync($"/api/v1/labour-operations/{shanghaiOperation.Id}", TestContext.Current.CancellationToken);

        Assert.Empty(page.Items);
        await settings.ReadProblemAsync(HttpStatusCode.NotFound);
        await operation.ReadProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteLabourCatalogueTests(SqliteApp app) : LabourCatalogueTests<SqliteApp>(app);

public sealed class PostgresLabourCatalogueTests(PostgresApp app) : LabourCatalogueTests<PostgresApp>(app);
