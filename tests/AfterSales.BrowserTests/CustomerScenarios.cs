using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed class CustomerScenarios(AppServer app) : BrowserTest(app)
{
    [Fact]
    public Task An_advisor_registers_a_customer_with_a_vehicle() => ScenarioAsync("register-customer-with-vehicle", async () =>
    {
        var customer = NewCustomer.Unique();
        await LoginAsAsync("advisor");
        await GoToAsync("/customers/new");

        await Page.Locator("#customer-name").FillAsync(customer.Name);
        await Page.Locator("#phone-0").FillAsync(customer.Phone);
        await Page.Locator("#customer-address").FillAsync("北京市朝阳区建国路88号");
        await Page.GetByText(App.Text("customers.add_first_asset")).ClickAsync();
        await Page.Locator("#asset-vin").FillAsync(customer.Vin);
        await Page.Locator("#asset-plate").FillAsync(customer.Plate);
        await Page.Locator("#asset-brand").FillAsync("比亚迪");
        await Page.Locator("#asset-model").FillAsync("汉 EV");
        await Page.Locator("#asset-year").FillAsync("2024");
        await Button("ui.save").ClickAsync();

        await ExpectOnCustomerPageAsync(customer.Name);
        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = App.Text("customers.tab_assets") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = customer.Plate })).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_customer_is_found_by_the_last_four_phone_digits_and_by_plate() => ScenarioAsync("search-by-phone-and-plate", async () =>
    {
        var customer = NewCustomer.Unique();
        await customer.RegisterAsync(App);
        await LoginAsAsync("advisor");
        await GoToAsync("/customers");
        var search = Page.Locator("#customer-search");
        var row = Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = customer.Name });

        await search.FillAsync(customer.LastFour);
        await Expect(row).ToBeVisibleAsync();

        await search.FillAsync("no-such-customer-zz");
        await Expect(row).ToBeHiddenAsync();
        await Expect(Page.GetByText(App.Text("customers.no_match"))).ToBeVisibleAsync();

        await search.FillAsync(customer.Plate);
        await Expect(row).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=customer-table] tbody tr")).ToHaveCountAsync(1);

        await row.ClickAsync();
        await ExpectOnCustomerPageAsync(customer.Name);
    });

    [Fact]
    public Task An_invalid_VIN_and_phone_are_shown_next_to_their_fields() => ScenarioAsync("validation-errors", async () =>
    {
        await LoginAsAsync("advisor");
        await GoToAsync("/customers/new");

        await Page.Locator("#customer-name").FillAsync("王小明");
        await Page.Locator("#phone-0").FillAsync("12345");
        await Page.GetByText(App.Text("customers.add_first_asset")).ClickAsync();
        await Page.Locator("#asset-vin").FillAsync("LSVAB1234567890XX");
        await Page.Locator("#asset-brand").FillAsync("大众");
        await Page.Locator("#asset-model").FillAsync("帕萨特");
        await Button("ui.save").ClickAsync();

        await Expect(FieldAround("#asset-vin")).ToContainTextAsync(App.Text("asset.vin_invalid"));
        await Expect(FieldAround("#phone-0")).ToContainTextAsync(App.Text("customer.phone_invalid"));
        await Expect(Page.GetByTestId("error-summary")).ToContainTextAsync(App.Text("asset.vin_invalid"));
        Assert.EndsWith("/customers/new", Page.Url, StringComparison.Ordinal);
    });

    [Fact]
    public Task The_audit_log_shows_who_registered_the_customer() => ScenarioAsync("customer-audit-log", async () =>
    {
        var customer = NewCustomer.Unique();
        var id = await customer.RegisterAsync(App);
        await LoginAsAsync("advisor");
        await GoToAsync($"/customers/{id}");
        await ExpectOnCustomerPageAsync(customer.Name);

        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = App.Text("customers.tab_audit") }).ClickAsync();
        var log = Page.GetByTestId("audit-log");
        var created = log.Locator("tbody tr").Filter(new LocatorFilterOptions { HasText = App.Text("audit.entity.Customer") });
        await Expect(created).ToHaveCountAsync(1);
        await Expect(created).ToContainTextAsync(App.Text("audit.action.Added"));
        await Expect(created).ToContainTextAsync("李娜");
        await Expect(created).ToContainTextAsync(customer.Name);
    });

    [Fact]
    public Task The_customer_page_fits_a_phone_screen() => ScenarioAsync("customer-page-on-phone", async () =>
    {
        var customer = NewCustomer.Unique();
        var id = await customer.RegisterAsync(App);
        await OpenAsync(390, 844);
        await LoginAsAsync("advisor");
        await GoToAsync($"/customers/{id}");
        await ExpectOnCustomerPageAsync(customer.Name);

        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the phone screen.");
    });
}
