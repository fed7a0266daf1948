using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AfterSales.Domain.Staff;
using AfterSales.Web.Persistence;
using Bogus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed class AdminScenarios(AppServer app) : BrowserTest(app)
{
    private static readonly Randomizer Random = new();

    [Fact]
    public Task An_administrator_creates_a_store_with_opening_hours_and_holidays() => ScenarioAsync("admin-create-store", async () =>
    {
        var code = "T" + Random.Replace("###");
        var name = "测试门店" + code;
        await LoginAsAsync("admin");
        await GoToAsync("/admin/stores");
        await Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = App.Text("stores.new") }).ClickAsync();
        await Page.WaitForURLAsync(url => url.EndsWith("/admin/stores/new", StringComparison.Ordinal));
        await WaitUntilInteractiveAsync();

        await Page.Locator("#store-code").FillAsync(code);
        await Page.Locator("#store-name").FillAsync(name);
        await Page.Locator("#store-address").FillAsync("济南市历下区泉城路1号");
        await Page.Locator("#store-phone").FillAsync("0531-88886666");

        // Saturday closes early, Sunday is closed (a new store starts closed on Sundays; the test says so explicitly).
        var saturday = DayName(DayOfWeek.Saturday);
        var sunday = DayName(DayOfWeek.Sunday);
        await Page.GetByLabel($"{saturday} {App.Text("stores.closes")}").FillAsync("16:00");
        var sundayOpen = Page.GetByRole(AriaRole.Switch, new PageGetByRoleOptions { Name = $"{sunday} {App.Text("stores.open")}" });
        await Expect(sundayOpen).Not.ToBeCheckedAsync();

        // A public holiday, and the Sunday before it that is worked instead (调休).
        var holidays = Page.GetByTestId("holidays").Locator("tbody tr");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = App.Text("stores.add_holiday") }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = App.Text("stores.add_holiday") }).ClickAsync();
        await Expect(holidays).ToHaveCountAsync(2);
        await FillHolidayAsync(holidays.Nth(0), "2027-10-01", "国庆节", makeUpDay: false);
        await FillHolidayAsync(holidays.Nth(1), "2027-09-26", "国庆调休", makeUpDay: true);

        await Button("admin.save").ClickAsync();
        await Page.WaitForURLAsync(url => !url.EndsWith("/new", StringComparison.Ordinal));
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = $"{code} · {name}" })).ToBeVisibleAsync();

        // What was saved comes back when the store is opened again.
        await Page.ReloadAsync();
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByLabel($"{saturday} {App.Text("stores.closes")}")).ToHaveValueAsync("16:00");
        await Expect(Page.GetByRole(AriaRole.Switch, new PageGetByRoleOptions { Name = $"{sunday} {App.Text("stores.open")}" })).Not.ToBeCheckedAsync();
        await Expect(holidays).ToHaveCountAsync(2);
        // Holidays come back in date order: the make-up Sunday first.
        await Expect(holidays.Nth(0).GetByRole(AriaRole.Textbox, new LocatorGetByRoleOptions { Name = App.Text("stores.date") })).ToHaveValueAsync("2027-09-26");
        await Expect(holidays.Nth(0).GetByRole(AriaRole.Switch)).ToBeCheckedAsync();
        await Expect(holidays.Nth(1).GetByRole(AriaRole.Textbox, new LocatorGetByRoleOptions { Name = App.Text("stores.date") })).ToHaveValueAsync("2027-10-01");
        await Expect(holidays.Nth(1).GetByRole(AriaRole.Switch)).Not.ToBeCheckedAsync();
        // MudBlazor's own labels come in Chinese too (AppMudLocalizer), not its built-in English "Open".
        await Expect(holidays.Nth(0).GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = App.Text("mud.MudBaseDatePicker_Open") })).ToBeVisibleAsync();

        await GoToAsync("/admin/stores");
        var row = Page.GetByTestId("stores-table").Locator("tbody tr").Filter(new LocatorFilterOptions { HasText = code });
        await Expect(row).ToContainTextAsync(name);
        await Expect(row).ToContainTextAsync(App.Text("stores.active"));

        // The same code again: refused next to the code field, and the form stays open.
        await GoToAsync("/admin/stores/new");
        await Page.Locator("#store-code").FillAsync(code.ToLowerInvariant());
        await Page.Locator("#store-name").FillAsync(name + "二店");
        await Page.Locator("#store-address").FillAsync("济南市市中区经四路2号");
        await Button("admin.save").ClickAsync();
        await Expect(FieldAround("#store-code")).ToContainTextAsync(App.Text("store.code_taken"));
        Assert.EndsWith("/admin/stores/new", Page.Url, StringComparison.Ordinal);
    });

    [Fact]
    public Task An_administrator_creates_resets_and_disables_a_user() => ScenarioAsync("admin-users", async () =>
    {
        var userName = "staff" + Random.Replace("####");
        var displayName = "测试员工" + Random.Replace("##");
        var newPassword = "Reset-" + Random.Replace("######") + "x";
        var beijing = await StoreLabelAsync(DemoData.BeijingStore);
        await LoginAsAsync("admin");
        await GoToAsync("/admin/users");

        await Button("users.new").ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel(App.Text("field.UserName")).FillAsync(userName);
        await dialog.GetByLabel(App.Text("field.DisplayName")).FillAsync(displayName);
        await dialog.GetByLabel(App.Text("field.Password")).FillAsync(DemoData.Password);
        await dialog.GetByRole(AriaRole.Checkbox, new LocatorGetByRoleOptions { Name = App.Text("role." + StaffRole.ServiceAdvisor) }).CheckAsync();
        await dialog.GetByRole(AriaRole.Checkbox, new LocatorGetByRoleOptions { Name = App.Text("role." + StaffRole.Technician) }).CheckAsync();
        await dialog.GetByLabel(App.Text("field.Stores")).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = beijing }).ClickAsync();
        // A multi-select stays open after a choice; a second click on the field closes it.
        await dialog.GetByLabel(App.Text("field.Stores")).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = App.Text("admin.save") }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        var row = UserRow(userName);
        await Expect(row).ToContainTextAsync(displayName);
        await Expect(row).ToContainTextAsync($"{App.Text("role." + StaffRole.ServiceAdvisor)}、{App.Text("role." + StaffRole.Technician)}");
        await Expect(row).ToContainTextAsync(DemoData.BeijingStore);
        await Expect(row).ToContainTextAsync(App.Text("users.active"));

        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = App.Text("users.reset_password") }).ClickAsync();
        await dialog.GetByLabel(App.Text("field.NewPassword")).FillAsync(newPassword);
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = App.Text("admin.save") }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        // The new password works (in a browser of its own, so the administrator stays signed in here).
        var staff = await SecondPageAsync();
        await SignInAsync(staff, userName, newPassword);
        await staff.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await Expect(staff.GetByTestId("current-user")).ToHaveTextAsync(displayName);

        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = App.Text("users.disable") }).ClickAsync();
        await Expect(row).ToContainTextAsync(App.Text("users.disabled"));
        await Expect(row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = App.Text("users.enable") })).ToBeVisibleAsync();

        var refused = await SecondPageAsync();
        await SignInAsync(refused, userName, newPassword);
        await Expect(refused.GetByRole(AriaRole.Alert)).ToHaveTextAsync(App.Text("login.disabled"));
        Assert.Contains("/account/login", refused.Url, StringComparison.Ordinal);
    });

    [Fact]
    public Task An_API_token_works_until_it_is_revoked() => ScenarioAsync("admin-api-tokens", async () =>
    {
        var tokenName = "集成测试 " + Random.Replace("####");
        await LoginAsAsync("admin");
        await GoToAsync("/admin/api-tokens");

        await Page.GetByLabel(App.Text("field.UserId")).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "李娜 (advisor)" }).ClickAsync();
        await Page.GetByLabel(App.Text("field.Name")).FillAsync(tokenName);
        await Button("tokens.issue_button").ClickAsync();

        var issued = Page.GetByTestId("issued-token");
        await Expect(issued).ToContainTextAsync(App.Text("tokens.copy_now"));
        var token = (await issued.Locator("code").TextContentAsync())!.Trim();
        Assert.StartsWith("as_", token, StringComparison.Ordinal);
        var row = Page.GetByTestId("tokens-table").Locator("tbody tr").Filter(new LocatorFilterOptions { HasText = tokenName });
        await Expect(row).ToContainTextAsync(App.Text("tokens.status.Active"));
        // The list shows only the prefix: the secret is never shown again.
        await Expect(row).Not.ToContainTextAsync(token);

        using var http = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, await GetCustomersAsync(http, token));

        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = App.Text("tokens.revoke") }).ClickAsync();
        await Expect(row).ToContainTextAsync(App.Text("tokens.status.Revoked"));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetCustomersAsync(http, token));
    });

    [Fact]
    public Task The_message_log_shows_the_welcome_SMS_as_sent() => ScenarioAsync("admin-message-log", async () =>
    {
        var customer = NewCustomer.Unique();
        await customer.RegisterAsync(App);
        await LoginAsAsync("admin");
        await GoToAsync("/admin/messages");

        await Page.GetByRole(AriaRole.Textbox, new PageGetByRoleOptions { Name = App.Text("messages.search") }).FillAsync(customer.Phone);
        var row = Page.GetByTestId("message-table").Locator("tbody tr").Filter(new LocatorFilterOptions { HasText = customer.Phone });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(App.Text("messages.channel.Sms"));

        // The dispatcher runs every few seconds inside the app; the page shows the state when it was loaded.
        var sent = App.Text("messages.status.Sent");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await row.GetByTestId("status-chip").TextContentAsync() ?? string.Empty).Contains(sent, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "The welcome SMS was not sent within 30 seconds.");
            await Page.WaitForTimeoutAsync(1000);
            await Button("messages.refresh").ClickAsync();
        }

        await Expect(row).ToContainTextAsync(App.Text("messages.development_sink"));
        await row.ClickAsync();
        var detail = Page.GetByTestId("message-detail");
        await Expect(detail).ToContainTextAsync("welcome");
        await Expect(detail).ToContainTextAsync(customer.Name);

        // The development sink sends no delivery receipt, and the page does not pretend there was one.
        await Expect(detail.GetByTestId("receipt-at")).ToHaveTextAsync(App.Text("messages.receipt_none"));
    });

    private static string DayName(DayOfWeek day) => new CultureInfo("zh-CN").DateTimeFormat.GetDayName(day);

    private static async Task<HttpStatusCode> GetCustomersAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/customers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task FillHolidayAsync(ILocator row, string date, string name, bool makeUpDay)
    {
        var dateInput = row.GetByRole(AriaRole.Textbox, new LocatorGetByRoleOptions { Name = App.Text("stores.date") });
        await dateInput.FillAsync(date);
        await dateInput.PressAsync("Tab");
        await row.GetByRole(AriaRole.Textbox, new LocatorGetByRoleOptions { Name = App.Text("field.Name") }).FillAsync(name);
        if (makeUpDay)
        {
            await row.GetByRole(AriaRole.Switch).CheckAsync();
        }
    }

    private ILocator UserRow(string userName) =>
        Page.GetByTestId("users-table").Locator("tbody tr").Filter(new LocatorFilterOptions { HasText = userName });

    private async Task<string> StoreLabelAsync(string code)
    {
        var id = await App.StoreIdAsync(code);
        return await App.AsUserAsync("admin", async services =>
        {
            var store = await services.GetRequiredService<AfterSalesDb>().Stores.FindAsync(id);
            return $"{store!.Code} {store.Name}";
        });
    }

    private async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel(App.Text("login.username")).FillAsync(userName);
        await page.GetByLabel(App.Text("login.password")).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = App.Text("login.submit") }).ClickAsync();
    }
}
