using System.Globalization;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Customers;
using AfterSales.Web.Features.Assets;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed class ReminderScenarios(AppServer app) : BrowserTest(app)
{
    [Fact]
    public Task An_advisor_sends_a_maintenance_reminder_from_the_due_list_and_it_is_in_the_message_log() => ScenarioAsync("reminders-message-log", async () =>
    {
        // A BYD Han EV sold almost six months ago and little driven: its first service (6 months or 5,000 km) is due in a few days.
        var customer = NewCustomer.Unique();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var store = await App.StoreIdAsync(DemoData.BeijingStore);
        var registered = await App.AsUserAsync("advisor", services => services.GetRequiredService<RegisterCustomer>().HandleAsync(
            new RegisterCustomerRequest(
                CustomerKind.Person,
                customer.Name,
                [new PhoneInput(customer.Phone, PhoneLabel.Mobile, true)],
                store,
                Address: "北京市朝阳区建国路1号",
                ContactConsent: true,
                Assets: [new AssetInput(AssetKind.Vehicle, "比亚迪", "汉 EV", 2026, customer.Vin, customer.Plate, 2_000, true, 76.9m, "磷酸铁锂", "BT0000000001", PurchaseDate: today.AddMonths(-6).AddDays(5))]),
            CancellationToken.None));
        Assert.True(registered.Kind == OutcomeKind.Ok, string.Join("; ", registered.Errors));

        await LoginAsAsync("advisor");
        await GoToAsync("/reminders");
        await Page.GetByTestId("prepare-due-list").ClickAsync();
        await Expect(Page.Locator(".mud-snackbar")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Textbox, new PageGetByRoleOptions { Name = App.Text("reminders.search") }).FillAsync(customer.Name);
        await Expect(Page.GetByTestId("due-count")).ToHaveTextAsync(string.Format(CultureInfo.InvariantCulture, App.Text("reminders.count"), 1));
        var row = Page.GetByTestId("due-table").Locator("tbody tr").Filter(new LocatorFilterOptions { HasText = customer.Name });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(App.Text("enum.ReminderKind.Service"));
        await Expect(row).ToContainTextAsync("比亚迪纯电车保养");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("reminders-due-list"), FullPage = true });

        await row.GetByTestId("send-reminder").ClickAsync();
        await Expect(row.GetByTestId("due-status")).ToContainTextAsync(App.Text("reminders.sent"));
        await Expect(row.GetByTestId("send-reminder")).ToBeDisabledAsync();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("reminders-sent"), FullPage = true });

        // The administrator sees the reminder SMS, with its booking link, in the message log.
        await LoginAsAsync("admin");
        await GoToAsync("/admin/messages");
        await Page.GetByRole(AriaRole.Textbox, new PageGetByRoleOptions { Name = App.Text("messages.search") }).FillAsync(customer.Phone);
        var message = Page.GetByTestId("message-table").Locator("tbody tr").Filter(new LocatorFilterOptions { HasText = "即将到期保养" });
        await Expect(message).ToHaveCountAsync(1);
        await Expect(message).ToContainTextAsync(customer.Phone);
        await message.ClickAsync();
        await Expect(Page.GetByTestId("message-detail")).ToContainTextAsync("/my/appointments?reminder=");
    });

    private static string Shot(string name)
    {
        var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
