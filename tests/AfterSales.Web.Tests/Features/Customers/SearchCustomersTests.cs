using System.Net;
using AfterSales.Web.Features;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Features.Customers;

public abstract class SearchCustomersTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Keys => ["name prefix", "name with other case and spaces", "full phone", "formatted phone", "last four digits", "plate", "plate with dot", "vin", "vin prefix", "serial", "imei"];

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task The_search_box_finds_a_customer_by(string key)
    {
        var client = await app.ClientForAsync("advisor");
        var request = TestData.Customer(assets: [TestData.Vehicle(), TestData.Appliance(), TestData.Phone()]);
        var customer = await (await client.PostAsync("/api/v1/customers", request)).ReadAsync<CustomerView>(HttpStatusCode.Created);
        var phone = request.Phones[0].Number;
        var vehicle = request.Assets![0];
        var query = key switch
        {
            "name prefix" => request.Name[..8],
            "name with other case and spaces" => request.Name.ToLowerInvariant().Replace(" ", "  ", StringComparison.Ordinal),
            "full phone" => phone,
            "formatted phone" => $"{phone[..3]}-{phone[3..7]}-{phone[7..]}",
            "last four digits" => phone[^4..],
            "plate" => vehicle.Plate!,
            "plate with dot" => vehicle.Plate!.Insert(2, "·").ToLowerInvariant(),
            "vin" => vehicle.Vin!,
            "vin prefix" => vehicle.Vin![..10],
            "serial" => request.Assets[1].SerialNumber!,
            "imei" => request.Assets[2].Imei!,
            _ => throw new ArgumentOutOfRangeException(nameof(key)),
        };

        var page = await SearchAsync(client, query);

        var item = Assert.Single(page.Items, i => i.Id == customer.Id);
        Assert.Equal(request.Name, item.Name);
        Assert.Equal(phone, item.Phone);
        Assert.Equal(3, item.Assets.Count);
    }

    [Fact]
    public async Task A_term_nobody_has_finds_nothing()
    {
        var client = await app.ClientForAsync("advisor");

        var page = await SearchAsync(client, TestData.Name("Nobody"));

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
        Assert.Equal(0, page.PageCount);
    }

    [Fact]
    public async Task Results_are_paged_in_name_order_without_gaps_or_repeats()
    {
        var client = await app.ClientForAsync("advisor");
        var prefix = TestData.Name("Paged");
        var names = Enumerable.Range(1, 5).Select(i => $"{prefix} {i}").ToList();
        foreach (var name in names.AsEnumerable().Reverse())
        {
            await (await client.PostAsync("/api/v1/customers", TestData.Customer(name: name))).ReadAsync<CustomerView>(HttpStatusCode.Created);
        }

        var pages = new List<Page<CustomerListItem>>();
        for (var number = 1; number <= 3; number++)
        {
            pages.Add(await SearchAsync(client, prefix, $"&page={number}&pageSize=2"));
        }

        Assert.All(pages, p => Assert.Equal(5, p.TotalCount));
        Assert.All(pages, p => Assert.Equal(3, p.PageCount));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(names, pages.SelectMany(p => p.Items).Select(i => i.Name));
    }

    [Theory]
    [InlineData("pageSize=1000", 1, 100)]
    [InlineData("pageSize=0", 1, 1)]
    [InlineData("pageSize=-3", 1, 1)]
    [InlineData("page=0", 1, 20)]
    [InlineData("page=-2&pageSize=5", 1, 5)]
    [InlineData("", 1, 20)]
    public async Task Page_numbers_and_sizes_are_kept_within_limits(string paging, int expectedPage, int expectedSize)
    {
        var client = await app.ClientForAsync("admin");

        var page = await (await client.GetAsync($"/api/v1/customers?{paging}", Ct)).ReadAsync<Page<CustomerListItem>>();

        Assert.Equal(expectedPage, page.PageNumber);
        Assert.Equal(expectedSize, page.PageSize);
        Assert.Equal(Math.Min(expectedSize, page.TotalCount), page.Items.Count);
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_but_keeps_the_total()
    {
        var client = await app.ClientForAsync("advisor");
        var name = TestData.Name();
        await (await client.PostAsync("/api/v1/customers", TestData.Customer(name: name))).ReadAsync<CustomerView>(HttpStatusCode.Created);

        var page = await SearchAsync(client, name, "&page=9");

        Assert.Empty(page.Items);
        Assert.Equal(1, page.TotalCount);
    }

    [Fact]
    public async Task Without_a_query_the_newest_customers_come_first()
    {
        var client = await app.ClientForAsync("advisor");
        app.Clock.Advance(TimeSpan.FromDays(1));
        var older = await (await client.PostAsync("/api/v1/customers", TestData.Customer())).ReadAsync<CustomerView>(HttpStatusCode.Created);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await (await client.PostAsync("/api/v1/customers", TestData.Customer())).ReadAsync<CustomerView>(HttpStatusCode.Created);

        var page = await (await client.GetAsync("/api/v1/customers?pageSize=2", Ct)).ReadAsync<Page<CustomerListItem>>();

        Assert.Equal([newer.Id, older.Id], page.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task A_very_long_query_is_answered_not_refused()
    {
        var client = await app.ClientForAsync("advisor");

        var page = await SearchAsync(client, new string('张', 500));

        Assert.Equal(0, page.TotalCount);
    }

    [Fact]
    public async Task A_store_scoped_user_never_sees_another_stores_customers()
    {
        var admin = await app.ClientForAsync("admin");
        var shanghai = await app.StoreIdAsync(DemoData.ShanghaiStore);
        var request = TestData.Customer(storeId: shanghai, assets: [TestData.Vehicle()]);
        await (await admin.PostAsync("/api/v1/customers", request)).ReadAsync<CustomerView>(HttpStatusCode.Created);
        var beijingAdvisor = await app.ClientForAsync("advisor");
        var shanghaiAdvisor = await app.ClientForAsync("advisor.sh");

        foreach (var query in new[] { request.Name, request.Phones[0].Number, request.Phones[0].Number[^4..], request.Assets![0].Vin! })
        {
            // The last four digits may well match a Beijing customer too: only this Shanghai customer must stay hidden.
            Assert.DoesNotContain((await SearchAsync(beijingAdvisor, query, "&pageSize=100")).Items, i => i.Name == request.Name);
            Assert.Equal(0, (await SearchAsync(beijingAdvisor, query, $"&storeId={shanghai}")).TotalCount);
            Assert.Contains((await SearchAsync(shanghaiAdvisor, query)).Items, i => i.Name == request.Name);
        }

        var all = await (await beijingAdvisor.GetAsync("/api/v1/customers?pageSize=100", Ct)).ReadAsync<Page<CustomerListItem>>();
        Assert.All(all.Items, i => Assert.Equal("北京朝阳旗舰店", i.StoreName));
    }

    [Fact]
    public async Task A_user_of_several_stores_can_narrow_the_search_to_one()
    {
        var admin = await app.ClientForAsync("admin");
        var beijing = await app.StoreIdAsync(DemoData.BeijingStore);
        var shanghai = await app.StoreIdAsync(DemoData.ShanghaiStore);
        var prefix = TestData.Name("Both");
        await (await admin.PostAsync("/api/v1/customers", TestData.Customer(name: prefix + " BJ", storeId: beijing))).ReadAsync<CustomerView>(HttpStatusCode.Created);
        await (await admin.PostAsync("/api/v1/customers", TestData.Customer(name: prefix + " SH", storeId: shanghai))).ReadAsync<CustomerView>(HttpStatusCode.Created);
        var agent = await app.ClientForAsync("agent");

        Assert.Equal(2, (await SearchAsync(agent, prefix)).TotalCount);
        Assert.Equal([prefix + " SH"], (await SearchAsync(agent, prefix, $"&storeId={shanghai}")).Items.Select(i => i.Name));
    }

    private static async Task<Page<CustomerListItem>> SearchAsync(HttpClient client, string query, string more = "") =>
        await (await client.GetAsync($"/api/v1/customers?query={Uri.EscapeDataString(query)}{more}", Ct)).ReadAsync<Page<CustomerListItem>>();
}

public sealed class SqliteSearchCustomersTests(SqliteApp app) : SearchCustomersTests<SqliteApp>(app);

public sealed class PostgresSearchCustomersTests(PostgresApp app) : SearchCustomersTests<PostgresApp>(app);
