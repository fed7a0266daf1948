using System.Net;
using AfterSales.Domain.Customers;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Features.Customers;

public abstract class UpdateCustomerTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Updating_a_customer_changes_the_record_and_bumps_its_version()
    {
        var client = await app.ClientForAsync("advisor");
        var customer = await RegisterAsync(client);
        var newPhone = TestData.Mobile();

        var update = TestData.Update(customer, name: customer.Name + " Jr", notes: "VIP") with
        {
            Phones = [new PhoneInput(newPhone, PhoneLabel.Mobile, true)],
            PreferredContactFrom = new TimeOnly(9, 0),
            PreferredContactTo = new TimeOnly(12, 0),
        };
        var updated = await (await client.PutAsync($"/api/v1/customers/{customer.Id}", update)).ReadAsync<CustomerView>();

        Assert.Equal(customer.Version + 1, updated.Version);
        Assert.Equal(customer.Name + " Jr", updated.Name);
        Assert.Equal("VIP", updated.Notes);
        Assert.Equal([newPhone], updated.Phones.Select(p => p.Number));
        var read = await (await client.GetAsync($"/api/v1/customers/{customer.Id}", Ct)).ReadAsync<CustomerView>();
        Assert.Equal(updated.Name, read.Name);
        Assert.Equal(new TimeOnly(12, 0), read.PreferredContactTo);
        Assert.Equal(updated.Version, read.Version);
    }

    [Fact]
    public async Task Second_save_from_the_same_version_is_refused_with_409()
    {
        var client = await app.ClientForAsync("advisor");
        var customer = await RegisterAsync(client);

        await (await client.PutAsync($"/api/v1/customers/{customer.Id}", TestData.Update(customer, notes: "first"))).ReadAsync<CustomerView>();
        var problem = await (await client.PutAsync($"/api/v1/customers/{customer.Id}", TestData.Update(customer, notes: "second")))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("customer.changed_by_someone_else", problem.Code);
        var read = await (await client.GetAsync($"/api/v1/customers/{customer.Id}", Ct)).ReadAsync<CustomerView>();
        Assert.Equal("first", read.Notes);
    }

    [Fact]
    public async Task A_save_from_the_current_version_after_a_conflict_succeeds()
    {
        var client = await app.ClientForAsync("advisor");
        var customer = await RegisterAsync(client);
        var first = await (await client.PutAsync($"/api/v1/customers/{customer.Id}", TestData.Update(customer, notes: "first"))).ReadAsync<CustomerView>();
        await (await client.PutAsync($"/api/v1/customers/{customer.Id}", TestData.Update(customer, notes: "stale"))).ReadProblemAsync(HttpStatusCode.Conflict);

        var retried = await (await client.PutAsync($"/api/v1/customers/{customer.Id}", TestData.Update(first, notes: "retried"))).ReadAsync<CustomerView>();

        Assert.Equal("retried", retried.Notes);
        Assert.Equal(customer.Version + 2, retried.Version);
    }

    [Fact]
    public async Task An_invalid_update_is_a_field_error_and_changes_nothing()
    {
        var client = await app.ClientForAsync("advisor");
        var customer = await RegisterAsync(client);

        var update = TestData.Update(customer, name: "changed") with { Phones = [new PhoneInput("999")] };
        var problem = await (await client.PutAsync($"/api/v1/customers/{customer.Id}", update)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Single(problem.ErrorsOf("phones[0].number"));
        var read = await (await client.GetAsync($"/api/v1/customers/{customer.Id}", Ct)).ReadAsync<CustomerView>();
        Assert.Equal(customer.Name, read.Name);
        Assert.Equal(customer.Version, read.Version);
    }

    [Fact]
    public async Task A_contact_window_that_ends_before_it_starts_is_refused()
    {
        var client = await app.ClientForAsync("advisor");
        var customer = await RegisterAsync(client);

        var update = TestData.Update(customer) with { PreferredContactFrom = new TimeOnly(15, 0), PreferredContactTo = new TimeOnly(9, 0) };
        var problem = await (await client.PutAsync($"/api/v1/customers/{customer.Id}", update)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["customer.contact_window_invalid"], problem.Codes);
        Assert.Single(problem.ErrorsOf("preferredContactTo"));
    }

    [Fact]
    public async Task Unknown_customer_ids_are_404_problems()
    {
        var client = await app.ClientForAsync("advisor");
        var unknown = Guid.NewGuid();
        var anyone = await RegisterAsync(client);

        var get = await (await client.GetAsync($"/api/v1/customers/{unknown}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        var put = await (await client.PutAsync($"/api/v1/customers/{unknown}", TestData.Update(anyone))).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("common.not_found", get.Code);
        Assert.Equal("common.not_found", put.Code);
    }

    [Fact]
    public async Task A_non_guid_id_is_not_an_endpoint()
    {
        var client = await app.ClientForAsync("advisor");

        var response = await client.GetAsync("/api/v1/customers/not-a-guid", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<CustomerView> RegisterAsync(HttpClient client) =>
        await (await client.PostAsync("/api/v1/customers", TestData.Customer(assets: [TestData.Vehicle()]))).ReadAsync<CustomerView>(HttpStatusCode.Created);
}

public sealed class SqliteUpdateCustomerTests(SqliteApp app) : UpdateCustomerTests<SqliteApp>(app);

public sealed class PostgresUpdateCustomerTests(PostgresApp app) : UpdateCustomerTests<PostgresApp>(app);
