using System.Net;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Customers;
using AfterSales.Web.Features;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Features.Customers;

public abstract class RegisterCustomerTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registering_a_customer_with_phones_and_assets_answers_201_with_the_whole_record()
    {
        var client = await app.ClientForAsync("advisor");
        var request = TestData.Customer(assets: [TestData.Vehicle(), TestData.Appliance(), TestData.Phone()]) with
        {
            Phones = [new PhoneInput("+86 166-1234-5678", PhoneLabel.Mobile, true), new PhoneInput("010-65001234", PhoneLabel.Work)],
            Notes = "prefers WeChat",
        };

        var response = await client.PostAsync("/api/v1/customers", request);
        var customer = await response.ReadAsync<CustomerView>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/customers/{customer.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(request.Name, customer.Name);
        Assert.Equal(await app.StoreIdAsync(DemoData.BeijingStore), customer.StoreId);
        Assert.Equal(["16612345678", "01065001234"], customer.Phones.Select(p => p.Number));
        Assert.Equal([AssetKind.Vehicle, AssetKind.Appliance, AssetKind.Phone], customer.Assets.Select(a => a.Kind));
        Assert.All(customer.Assets, a => Assert.Equal(customer.Id, a.CustomerId));
        Assert.Equal("prefers WeChat", customer.Notes);
        Assert.False(customer.ContactMasked);
    }

    [Fact]
    public async Task A_registered_customer_can_be_read_back_by_its_id()
    {
        var client = await app.ClientForAsync("advisor");
        var created = await (await client.PostAsync("/api/v1/customers", TestData.Customer(assets: [TestData.Vehicle()]))).ReadAsync<CustomerView>(HttpStatusCode.Created);

        var read = await (await client.GetAsync($"/api/v1/customers/{created.Id}", Ct)).ReadAsync<CustomerView>();

        Assert.Equal(created.Name, read.Name);
        Assert.Equal(created.Phones, read.Phones);
        Assert.Equal(created.Assets.Single().Vin, read.Assets.Single().Vin);
        Assert.Equal(created.Version, read.Version);
    }

    [Fact]
    public async Task An_administrator_of_several_stores_must_name_the_store()
    {
        var client = await app.ClientForAsync("admin");

        var problem = await (await client.PostAsync("/api/v1/customers", TestData.Customer())).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("customer.store_required", problem.Codes);
        Assert.Single(problem.ErrorsOf("storeId"));
    }

    [Fact]
    public async Task An_administrator_registers_into_the_store_they_name()
    {
        var client = await app.ClientForAsync("admin");
        var shanghai = await app.StoreIdAsync(DemoData.ShanghaiStore);

        var customer = await (await client.PostAsync("/api/v1/customers", TestData.Customer(storeId: shanghai))).ReadAsync<CustomerView>(HttpStatusCode.Created);

        Assert.Equal(shanghai, customer.StoreId);
        Assert.Equal("上海浦东服务中心", customer.StoreName);
    }

    [Fact]
    public async Task Registering_into_a_store_the_user_does_not_work_in_is_forbidden()
    {
        var client = await app.ClientForAsync("advisor");
        var shanghai = await app.StoreIdAsync(DemoData.ShanghaiStore);

        var problem = await (await client.PostAsync("/api/v1/customers", TestData.Customer(storeId: shanghai))).ReadProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("common.other_store", problem.Code);
    }

    [Fact]
    public async Task An_unknown_store_is_a_field_error()
    {
        var client = await app.ClientForAsync("admin");

        var problem = await (await client.PostAsync("/api/v1/customers", TestData.Customer(storeId: Guid.NewGuid()))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("customer.store_unknown", problem.Codes);
        Assert.Single(problem.ErrorsOf("storeId"));
    }

    [Fact]
    public async Task A_company_needs_a_contact_person()
    {
        var client = await app.ClientForAsync("advisor");

        var response = await client.PostAsync("/api/v1/customers", TestData.Customer() with { Kind = CustomerKind.Company, Name = TestData.Name("有限公司") });
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("customer.contact_person_required", problem.Codes);
        Assert.Single(problem.ErrorsOf("contactPerson"));
    }

    [Fact]
    public async Task Duplicate_phone_numbers_in_one_customer_are_refused()
    {
        var client = await app.ClientForAsync("advisor");
        var phone = TestData.Mobile();
        var request = TestData.Customer() with { Phones = [new PhoneInput(phone), new PhoneInput("+86 " + phone)] };

        var problem = await (await client.PostAsync("/api/v1/customers", request)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("customer.phone_duplicate", problem.Codes);
    }

    [Fact]
    public async Task A_customer_without_any_phone_is_refused()
    {
        var client = await app.ClientForAsync("advisor");

        var problem = await (await client.PostAsync("/api/v1/customers", TestData.Customer() with { Phones = [] })).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("customer.phone_required", problem.Codes);
        Assert.Single(problem.ErrorsOf("phones"));
    }

    [Fact]
    public async Task A_refused_registration_stores_nothing()
    {
        var client = await app.ClientForAsync("advisor");
        var name = TestData.Name();

        var response = await client.PostAsync("/api/v1/customers", TestData.Customer(name: name, assets: [TestData.Vehicle(vin: TestData.VinWithWrongCheckDigit())]));
        await response.ReadProblemAsync(HttpStatusCode.BadRequest);

        var found = await (await client.GetAsync($"/api/v1/customers?query={Uri.EscapeDataString(name)}", Ct)).ReadAsync<Page<CustomerListItem>>();
        Assert.Equal(0, found.TotalCount);
    }
}

public sealed class SqliteRegisterCustomerTests(SqliteApp app) : RegisterCustomerTests<SqliteApp>(app);

public sealed class PostgresRegisterCustomerTests(PostgresApp app) : RegisterCustomerTests<PostgresApp>(app);
