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

        // The day at a glance, the advisor's own cards first.
        await Expect(Page.GetByTestId("today-board").Locator("[data-testid^='today-'][data-testid$='-count']")).ToHaveCountAsync(23);
        await Expect(Page.GetByTestId("today-board").Locator(".mud-paper").First).ToHaveAttributeAsync("data-testid", "today-front-desk");
        await Expect(Page.GetByTestId("today-orders_open-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*\d[\d,]*\s*$"));
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("home-advisor"), FullPage = true });
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
    public Task A_technician_finds_the_workshop_menu_open_and_the_other_areas_folded() => ScenarioAsync("menu-by-role", async () =>
    {
        await LoginAsAsync("tech");
        await GoToAsync("/workshop/my-jobs");

        await Expect(GroupToggle("nav.group.workshop")).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(GroupToggle("nav.group.front_desk")).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(GroupToggle("nav.group.parts_warranty")).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(Page.GetByTestId("nav.administration")).ToHaveCountAsync(0);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("menu-technician") });

        // Opening a page of a folded area unfolds its group, so the user always sees where they are.
        await GoToAsync("/customers");
        await Expect(GroupToggle("nav.group.front_desk")).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(GroupToggle("nav.group.workshop")).ToHaveAttributeAsync("aria-expanded", "true");
    });

    private ILocator GroupToggle(string titleKey) => Page.GetByTestId(titleKey).Locator("button[aria-expanded]").First;

    private static string Shot(string name)
    {
        var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    [Fact]
    public Task Five_wrong_passwords_pause_sign_ins_for_the_name() => ScenarioAsync("lockout", async () =>
    {
        // "cashier" signs in in no other scenario, so locking it out cannot break one ("parts" did, once the parts scenario came).
        await Page.GotoAsync("/account/login");
        var alert = Page.GetByRole(AriaRole.Alert);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await Page.GetByLabel(App.Text("login.username")).FillAsync("cashier");
            await Page.GetByLabel(App.Text("login.password")).FillAsync("wrong-password-" + attempt);
            await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = App.Text("login.submit") }).ClickAsync();
            await Expect(alert).ToHaveTextAsync(App.Text("login.failed"));
        }

        // Even the right password is refused while the delay lasts, with the wait named.
        await Page.GetByLabel(App.Text("login.username")).FillAsync("cashier");
        await Page.GetByLabel(App.Text("login.password")).FillAsync(DemoData.Password);
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = App.Text("login.submit") }).ClickAsync();
        await Expect(alert).ToContainTextAsync(App.Text("login.throttled"));
        Assert.Contains("/account/login", Page.Url, StringComparison.Ordinal);
    });
}
