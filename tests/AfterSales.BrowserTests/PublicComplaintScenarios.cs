using System.Text.RegularExpressions;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed partial class PublicComplaintScenarios(AppServer app) : BrowserTest(app)
{
    [Fact]
    public Task A_customer_files_a_complaint_with_a_photo_on_a_phone_and_follows_it_through_the_tracking_link() => ScenarioAsync("public-complaint-tracking-phone", async () =>
    {
        await OpenAsync(390, 844);
        var phone = NewCustomer.Unique().Phone;
        await GoToAsync("/my/complaints");

        await Page.GetByTestId("verification-phone").FillAsync(phone);
        await Page.GetByTestId("verification-send").ClickAsync();
        await Page.GetByTestId("verification-code").FillAsync(await CodeSentToAsync(phone));
        await Page.GetByTestId("verification-verify").ClickAsync();

        await Page.Locator("#public-name").FillAsync("李娜");
        await FieldAround("#public-store").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await Expect(Page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Page.Locator("#public-problem").FillAsync("更换刹车片后，低速刹车时有明显异响。");
        await Page.Locator("#public-expectation").FillAsync("请重新检查并免费处理。");
        await Page.Locator("[data-testid=file-uploader] input[type=file]").Last.SetInputFilesAsync(new FilePayload { Name = "刹车.jpg", MimeType = "image/jpeg", Buffer = EvidenceScenarios.Photo() });
        await Expect(Page.GetByTestId("file-pending")).ToContainTextAsync("刹车.jpg");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("public-complaint-form-phone"), FullPage = true });
        await Button("public.complaints.submit").ClickAsync();

        await Expect(Page.GetByTestId("complaint-filed")).ToContainTextAsync(new Regex(@"TS-\d{4}-\d{6}"));
        await Expect(Page.Locator("#tracking-link")).ToHaveValueAsync(new Regex("/my/complaints/t/[A-Za-z0-9_-]{43}$"));
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("public-complaint-filed-phone"), FullPage = true });
        await Page.GetByTestId("open-tracking").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/my/complaints/t/"));
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByTestId("tracking-stage")).ToHaveTextAsync(App.Text("enum.CustomerStage.Received"));
        await Expect(Page.Locator("[data-testid=tracking-evidence] [data-testid=file-item]")).ToHaveCountAsync(1);
        await ExpectImageLoadedAsync(Page.Locator("[data-testid=tracking-evidence] img"), "The thumbnail");
        await Page.Locator("#tracking-message").FillAsync("工作日下午三点后方便接电话。");
        await Button("public.complaints.send").ClickAsync();
        await Expect(Page.GetByTestId("my-message")).ToContainTextAsync("下午三点后方便接电话");

        // Nothing sticks out of a phone's width.
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways on a phone.");
    });

    private async Task<string> CodeSentToAsync(string phone)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AfterSalesDb>();
            var body = await db.Set<OutboxMessage>().IgnoreQueryFilters().Where(m => m.Recipient == phone && m.TemplateKey == "verification_code").Select(m => m.Body).FirstOrDefaultAsync();
            if (body is not null)
            {
                return SixDigits().Match(body).Value;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("No verification code was sent to " + phone);
    }

    private static string Shot(string name)
    {
        var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex SixDigits();
}
