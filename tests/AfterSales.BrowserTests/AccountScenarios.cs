using AfterSales.Web.Persistence;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed class AccountScenarios(AppServer app) : BrowserTest(app)
{
    [Fact]
    public Task An_advisor_signs_in_and_sees_the_home_page() => ScenarioAsync("sign-in", async () =>
    {
        await LoginAsAsync("advisor");

        await Expect(Page.GetByTestId("current-user")).ToHaveTextAsync("李娜");
        await Expect(Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = App.Text("home.welcome") })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("customer-count")).Not.ToBeEmptyAsync();
    });

    [Fact]
    public Task Switching_the_language_to_English_changes_the_labels() => ScenarioAsync("switch-language", async () =>
    {
        await LoginAsAsync("advisor");
        await GoToAsync("/customers");
        var heading = Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 });
        await Expect(heading).ToHaveTextAsync(App.Text("nav.customers", "zh-CN"));

        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = App.Text("nav.language", "zh-CN") }).ClickAsync();
        await Page.GetByText("English").ClickAsync();
        await WaitUntilInteractiveAsync();

        await Expect(heading).ToHaveTextAsync(App.Text("nav.customers", "en"));
        await Expect(Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = App.Text("customers.new", "en") })).ToBeVisibleAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    });

    [Fact]
    public Task Five_wrong_passwords_lock_the_account() => ScenarioAsync("lockout", async () =>
    {
        // "parts" signs in nowhere else, so locking it out cannot break another scenario.
        await Page.GotoAsync("/account/login");
        var alert = Page.GetByRole(AriaRole.Alert);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await Page.GetByLabel(App.Text("login.username")).FillAsync("parts");
            await Page.GetByLabel(App.Text("login.password")).FillAsync("wrong-password-" + attempt);
            await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = App.Text("login.submit") }).ClickAsync();
            await Expect(alert).ToHaveTextAsync(App.Text(attempt < 5 ? "login.failed" : "login.locked_out"));
        }

        // Even the right password is refused while the lockout lasts.
        await Page.GetByLabel(App.Text("login.username")).FillAsync("parts");
        await Page.GetByLabel(App.Text("login.password")).FillAsync(DemoData.Password);
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = App.Text("login.submit") }).ClickAsync();
        await Expect(alert).ToHaveTextAsync(App.Text("login.locked_out"));
        Assert.Contains("/account/login", Page.Url, StringComparison.Ordinal);
    });
}
