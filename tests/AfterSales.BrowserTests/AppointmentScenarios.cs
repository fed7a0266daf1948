using System.Text.RegularExpressions;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

        await PickCustomerAsync("#appointment-customer", customer);
        await Expect(Page.GetByTestId("visit-summary")).ToContainTextAsync(App.Text("appointments.no_visits"));
        await Page.Locator("#appointment-need").FillAsync("保养灯亮了，顺便检查刹车异响");
        await Page.Locator("#service-0-description").FillAsync("常规保养");
        await Page.GetByTestId("slot-1000").ClickAsync();
        await Expect(Page.GetByTestId("chosen-slot")).ToContainTextAsync("10:00");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("appointment-booking-form"), FullPage = true });
        await Button("appointments.save").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/appointments/[0-9a-f-]{36}$"));
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByTestId("appointment-status")).ToHaveTextAsync(App.Text("enum.AppointmentStatus.Requested"));
        await Expect(Page.GetByTestId("appointment-slot")).ToContainTextAsync("10:00");
        await Button("enum.AppointmentTrigger.Confirm").ClickAsync();
        await Expect(Page.GetByTestId("appointment-status")).ToHaveTextAsync(App.Text("enum.AppointmentStatus.Confirmed"));
        await Expect(Page.Locator("[data-testid=appointment-history] tbody tr")).ToHaveCountAsync(2);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("appointment-confirmed"), FullPage = true });

        // A confirmed booking can be received: check-in opens a repair order prefilled from it.
        await Page.GetByTestId("appointment-check-in").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/repair-orders/new\\?appointment=[0-9a-f-]{36}$"));
        await Expect(Page.GetByTestId("from-appointment")).ToBeVisibleAsync();

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

    [Fact]
    public Task A_customer_books_and_reschedules_from_the_public_page_on_a_phone() => ScenarioAsync("my-appointment-rescheduled", async () =>
    {
        var customer = NewCustomer.Unique();
        await customer.RegisterAsync(App);
        await OpenAsync(390, 844);
        await GoToAsync("/my/appointments");

        await Page.GetByTestId("verification-phone").FillAsync(customer.Phone);
        await Page.GetByTestId("verification-send").ClickAsync();
        await Expect(Page.GetByTestId("verification-code")).ToBeVisibleAsync();
        await Page.GetByTestId("verification-code").FillAsync(await LatestCodeAsync(customer.Phone));
        await Page.GetByTestId("verification-verify").ClickAsync();

        await Expect(Page.GetByTestId("my-booking")).ToBeVisibleAsync();
        await Page.Locator("#my-need").FillAsync("仪表盘提示保养，顺便看看空调异味");
        await Page.GetByTestId("public-slot-1100").ClickAsync();
        await Page.GetByTestId("my-book").ClickAsync();
        await Expect(Page.GetByTestId("my-appointment-status")).ToHaveTextAsync(App.Text("enum.AppointmentStatus.Requested"));
        await Expect(Page.GetByTestId("my-appointment-time")).ToContainTextAsync("11:00");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("my-appointment-booked"), FullPage = true });

        await Page.GetByTestId("my-appointment").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = App.Text("enum.AppointmentTrigger.Reschedule") }).ClickAsync();
        await Page.GetByTestId("my-reschedule").GetByTestId("public-slot-1400").ClickAsync();
        await Page.GetByTestId("my-reschedule-save").ClickAsync();
        await Expect(Page.GetByTestId("my-appointment-status")).ToHaveTextAsync(App.Text("enum.AppointmentStatus.Rescheduled"));
        await Expect(Page.GetByTestId("my-appointment-time")).ToContainTextAsync("14:00");
        Assert.Equal("appointment_rescheduled", await LatestTemplateToAsync(customer.Phone));

        // Let the confirmations fade so that the final screenshot shows the card itself.
        await Expect(Page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = 20_000 });
        await Page.EvaluateAsync("window.scrollTo(0, 0)");
    });

    private async Task<string> LatestCodeAsync(string phone)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDb>();
        var body = await db.Set<OutboxMessage>().IgnoreQueryFilters()
            .Where(m => m.Recipient == phone && m.TemplateKey == NotificationTemplates.VerificationCode.Key)
            .OrderByDescending(m => m.CreatedAt)
            .Select(m => m.Body)
            .FirstAsync();
        return Regex.Match(body, @"(?<!\d)\d{6}(?!\d)").Value;
    }

    private async Task<string> LatestTemplateToAsync(string phone)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AfterSalesDb>();
        return await db.Set<OutboxMessage>().IgnoreQueryFilters().Where(m => m.Recipient == phone).OrderByDescending(m => m.CreatedAt).Select(m => m.TemplateKey).FirstAsync();
    }

    private static string Shot(string name)
    {
        var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
