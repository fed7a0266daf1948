using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed class AppointmentScenarios(AppServer app) : BrowserTest(app)
{
    [Fact]
    public Task An_advisor_books_an_existing_customer_for_tomorrow_and_confirms() => ScenarioAsync("appointment-booked-and-confirmed", async () =>
    {
        var customer = NewCustomer.Unique();
        await customer.RegisterAsync(App);
        await LoginAsAsync("advisor");
        await GoToAsync("/appointments/new");

        await Button("appointments.save").ClickAsync();
        await Expect(Page.GetByTestId("error-summary")).ToContainTextAsync(App.Text("appointment.customer_required"));

        await Page.Locator("#appointment-customer").FillAsync(customer.LastFour);
        await Page.GetByText(customer.Name).First.ClickAsync();
        await Expect(Page.Locator("#appointment-customer")).ToHaveValueAsync(new Regex(customer.Name));
        await Expect(Page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("visit-summary")).ToContainTextAsync(App.Text("appointments.no_visits"));
        await Page.Locator("#appointment-need").FillAsync("保养灯亮了，顺便检查刹车异响");
        await Page.Locator("#service-0-description").FillAsync("常规保养");
        await Page.GetByTestId("slot-1000").ClickAsync();
        await Expect(Page.GetByTestId("chosen-slot")).ToContainTextAsync("10:00");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("appointment-booking-form"), FullPage = true });
        await Button("appointments.save").ClickAsync();

        await Page.WaitForURLAsync(new Regex("/appointments/[0-9a-f-]{36}$"));
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByTestId("appointment-status")).ToHaveTextAsync(App.Text("enum.AppointmentStatus.Requested"));
        await Expect(Page.GetByTestId("appointment-slot")).ToContainTextAsync("10:00");
        await Button("enum.AppointmentTrigger.Confirm").ClickAsync();
        await Expect(Page.GetByTestId("appointment-status")).ToHaveTextAsync(App.Text("enum.AppointmentStatus.Confirmed"));
        await Expect(Page.Locator("[data-testid=appointment-history] tbody tr")).ToHaveCountAsync(2);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("appointment-confirmed"), FullPage = true });

        // The day view of tomorrow shows the customer at 10:00 with the slot's load.
        await GoToAsync("/appointments");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = App.Text("appointments.next") }).ClickAsync();
        await Expect(Page.GetByTestId("day-board")).ToContainTextAsync(customer.Name);
        await Expect(Page.Locator("[data-testid=day-board] tr", new PageLocatorOptions { HasText = customer.Name })).ToContainTextAsync("10:00");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("appointment-day-board"), FullPage = true });
        await Page.GetByTestId("week-view").ClickAsync();
        await Expect(Page.GetByTestId("week-board")).ToContainTextAsync(customer.Name);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("appointment-week-board"), FullPage = true });

        // The day-before readiness check lists it for tomorrow.
        await GoToAsync("/appointments/readiness");
        await Expect(Page.Locator("[data-testid=readiness-card]", new PageLocatorOptions { HasText = customer.Name })).ToBeVisibleAsync();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("appointment-readiness"), FullPage = true });
    });

    private static string Shot(string name)
    {
        var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
