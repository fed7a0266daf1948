using System.Net;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Features.Customers;

/// <summary>Bad input gets RFC 9457 problem details with the JSON names of the fields and localized texts, never a 500.</summary>
public abstract class CustomerValidationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_vin_with_a_wrong_check_digit_is_a_field_error_on_that_asset()
    {
        var client = await app.ClientForAsync("advisor");
        var request = TestData.Customer(assets: [TestData.Phone(), TestData.Vehicle(vin: TestData.VinWithWrongCheckDigit())]);

        var problem = await (await client.PostAsync("/api/v1/customers", request)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["asset.vin_invalid"], problem.Codes);
        Assert.Single(problem.ErrorsOf("assets[1].vin"));
    }

    [Fact]
    public async Task An_imei_with_a_wrong_check_digit_is_a_field_error_on_that_asset()
    {
        var client = await app.ClientForAsync("advisor");
        var request = TestData.Customer(assets: [TestData.Phone(imei: TestData.ImeiWithWrongCheckDigit())]);

        var problem = await (await client.PostAsync("/api/v1/customers", request)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["asset.imei_invalid"], problem.Codes);
        Assert.Single(problem.ErrorsOf("assets[0].imei"));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("2661234567")]
    [InlineData("1661234567a")]
    [InlineData("")]
    public async Task An_invalid_phone_number_is_a_field_error_on_that_phone(string number)
    {
        var client = await app.ClientForAsync("advisor");
        var request = TestData.Customer() with { Phones = [new PhoneInput(TestData.Mobile()), new PhoneInput(number)] };

        var problem = await (await client.PostAsync("/api/v1/customers", request)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("customer.phone_invalid", problem.Codes);
        Assert.Single(problem.ErrorsOf("phones[1].number"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_missing_name_is_a_field_error(string name)
    {
        var client = await app.ClientForAsync("advisor");

        var problem = await (await client.PostAsync("/api/v1/customers", TestData.Customer(name: name))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Single(problem.ErrorsOf("name"));
    }

    [Fact]
    public async Task A_body_without_a_name_is_a_field_error_not_a_crash()
    {
        var client = await app.ClientForAsync("advisor");

        var response = await client.SendRawAsync(HttpMethod.Post, "/api/v1/customers", """{ "kind": "Person", "phones": [ { "number": "16612345678" } ] }""");
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Single(problem.ErrorsOf("name"));
    }

    [Fact]
    public async Task Over_long_texts_are_field_errors()
    {
        var client = await app.ClientForAsync("advisor");
        var request = TestData.Customer() with { Name = new string('名', 101), Address = new string('址', 301), Notes = new string('x', 2001) };

        var problem = await (await client.PostAsync("/api/v1/customers", request)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Single(problem.ErrorsOf("name"));
        Assert.Single(problem.ErrorsOf("address"));
        Assert.Single(problem.ErrorsOf("notes"));
    }

    [Fact]
    public async Task An_over_long_asset_text_is_a_field_error_on_that_asset()
    {
        var client = await app.ClientForAsync("advisor");
        var request = TestData.Customer(assets: [TestData.Appliance() with { Model = new string('m', 101) }]);

        var problem = await (await client.PostAsync("/api/v1/customers", request)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Single(problem.ErrorsOf("assets[0].model"));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("not json at all")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("""{ "kind": "Spaceship", "name": "x", "phones": [] }""")]
    [InlineData("""{ "kind": "Person", "name": 42, "phones": [] }""")]
    [InlineData("""{ "kind": "Person", "name": "x", "phones": "16612345678" }""")]
    [InlineData("""{ "kind": "Person", "name": "x", "phones": [ null ] }""")]
    [InlineData("""{ "kind": "Person", "name": "x", "phones": [ { "number": "16612345678" } ], "assets": [ null ] }""")]
    [InlineData("""{ "kind": "Person", "name": "x", "phones": [ { "number": "16612345678" } ], "assets": [ { "kind": "Vehicle" } ] }""")]
    [InlineData("""{ "kind": "Person", "name": "x", "phones": [ { "number": "16612345678" } ], "preferredContactFrom": "25:99" }""")]
    public async Task A_malformed_body_is_a_400_problem_never_a_500(string body)
    {
        var client = await app.ClientForAsync("advisor");

        var response = await client.SendRawAsync(HttpMethod.Post, "/api/v1/customers", body);

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_malformed_update_body_is_a_400_problem_never_a_500()
    {
        var client = await app.ClientForAsync("advisor");
        var customer = await (await client.PostAsync("/api/v1/customers", TestData.Customer())).ReadAsync<CustomerView>(HttpStatusCode.Created);

        foreach (var body in new[] { "{", """{ "version": "one" }""", """{ "version": 1, "kind": "Person", "name": "x", "phones": null }""" })
        {
            var response = await client.SendRawAsync(HttpMethod.Put, $"/api/v1/customers/{customer.Id}", body);
            await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task Messages_follow_the_accept_language_header()
    {
        var english = await app.ClientForAsync("advisor", "en");
        var chinese = await app.ClientForAsync("advisor", "zh-CN");
        var request = TestData.Customer(name: string.Empty) with { Phones = [new PhoneInput("12345")] };

        var en = await (await english.PostAsync("/api/v1/customers", request)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var zh = await (await chinese.PostAsync("/api/v1/customers", request)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEqual(en.Title, zh.Title);
        Assert.NotEqual(en.ErrorsOf("phones[0].number"), zh.ErrorsOf("phones[0].number"));
        Assert.NotEqual(en.ErrorsOf("name"), zh.ErrorsOf("name"));
        Assert.DoesNotContain(en.ErrorsOf("phones[0].number")[0], IsCjk);
        Assert.Contains(zh.ErrorsOf("phones[0].number")[0], IsCjk);
        Assert.Equal(en.Codes, zh.Codes);
    }

    [Fact]
    public async Task Without_accept_language_messages_are_in_chinese()
    {
        var client = await app.ClientForAsync("advisor");

        var problem = await (await client.GetAsync($"/api/v1/customers/{Guid.NewGuid()}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains(problem.Title!, IsCjk);
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';
}

public sealed class SqliteCustomerValidationTests(SqliteApp app) : CustomerValidationTests<SqliteApp>(app);

public sealed class PostgresCustomerValidationTests(PostgresApp app) : CustomerValidationTests<PostgresApp>(app);
