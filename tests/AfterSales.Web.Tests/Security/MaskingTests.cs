using System.Net;
using AfterSales.Web.Features;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Security;

public abstract class MaskingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_technician_sees_masked_phones_and_addresses_in_the_list_and_the_detail()
    {
        var (customer, phone) = await RegisterAsync();
        var tech = await app.ClientForAsync("tech");
        var masked = $"{phone[..3]}****{phone[^4..]}";

        var list = await (await tech.GetAsync($"/api/v1/customers?query={Uri.EscapeDataString(customer.Name)}", Ct)).ReadAsync<Page<CustomerListItem>>();
        var detail = await (await tech.GetAsync($"/api/v1/customers/{customer.Id}", Ct)).ReadAsync<CustomerView>();

        Assert.Equal(masked, Assert.Single(list.Items).Phone);
        Assert.Equal("北京市朝阳区****", list.Items[0].Address);
        Assert.Equal(masked, Assert.Single(detail.Phones).Number);
        Assert.Equal("北京市朝阳区****", detail.Address);
        Assert.True(detail.ContactMasked);
    }

    [Fact]
    public async Task A_technician_still_finds_a_customer_by_the_full_phone_number()
    {
        var (customer, phone) = await RegisterAsync();
        var tech = await app.ClientForAsync("tech");

        var list = await (await tech.GetAsync($"/api/v1/customers?query={phone}", Ct)).ReadAsync<Page<CustomerListItem>>();

        Assert.Equal(customer.Id, Assert.Single(list.Items).Id);
        Assert.DoesNotContain(phone, list.Items[0].Phone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_advisor_sees_full_phone_numbers_and_addresses()
    {
        var (customer, phone) = await RegisterAsync();
        var advisor = await app.ClientForAsync("advisor");

        var list = await (await advisor.GetAsync($"/api/v1/customers?query={Uri.EscapeDataString(customer.Name)}", Ct)).ReadAsync<Page<CustomerListItem>>();
        var detail = await (await advisor.GetAsync($"/api/v1/customers/{customer.Id}", Ct)).ReadAsync<CustomerView>();

        Assert.Equal(phone, Assert.Single(list.Items).Phone);
        Assert.Equal(phone, Assert.Single(detail.Phones).Number);
        Assert.Equal("北京市朝阳区建国路88号", detail.Address);
        Assert.False(detail.ContactMasked);
    }

    [Fact]
    public async Task A_technician_cannot_write_masked_contact_data_back()
    {
        var (customer, _) = await RegisterAsync();
        var tech = await app.ClientForAsync("tech");
        var seen = await (await tech.GetAsync($"/api/v1/customers/{customer.Id}", Ct)).ReadAsync<CustomerView>();

        var problem = await (await tech.PutAsync($"/api/v1/customers/{customer.Id}", TestData.Update(seen, notes: "x"))).ReadProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("customer.contact_edit_forbidden", problem.Code);
        var advisor = await app.ClientForAsync("advisor");
        var read = await (await advisor.GetAsync($"/api/v1/customers/{customer.Id}", Ct)).ReadAsync<CustomerView>();
        Assert.Equal(customer.Phones, read.Phones);
    }

    [Fact]
    public async Task A_technician_sees_masked_phones_and_addresses_in_the_audit_log_too()
    {
        var (customer, phone) = await RegisterAsync();
        var tech = await app.ClientForAsync("tech");

        var log = await (await tech.GetAsync($"/api/v1/customers/{customer.Id}/audit", Ct)).ReadAsync<Page<AfterSales.Web.Features.Audit.AuditEntryView>>();

        var changes = log.Items.SelectMany(e => e.Changes).ToList();
        Assert.Contains(changes, c => c.Field == "Phones" && c.To!.Contains($"{phone[..3]}****{phone[^4..]}", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Field == "Address" && c.To == "北京市朝阳区****");
        Assert.DoesNotContain(changes, c => (c.To ?? string.Empty).Contains(phone, StringComparison.Ordinal) || (c.To ?? string.Empty).Contains("建国路", StringComparison.Ordinal));
    }

    private async Task<(CustomerView Customer, string Phone)> RegisterAsync()
    {
        var advisor = await app.ClientForAsync("advisor");
        var phone = TestData.Mobile();
        var customer = await (await advisor.PostAsync("/api/v1/customers", TestData.Customer(phone: phone))).ReadAsync<CustomerView>(HttpStatusCode.Created);
        return (customer, phone);
    }
}

public sealed class SqliteMaskingTests(SqliteApp app) : MaskingTests<SqliteApp>(app);

public sealed class PostgresMaskingTests(PostgresApp app) : MaskingTests<PostgresApp>(app);
