using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed partial class EvidenceScenarios(AppServer app) : BrowserTest(app)
{
    [Fact]
    public Task A_specialist_attaches_a_photo_at_intake_sees_its_thumbnail_is_told_why_an_svg_is_refused_and_replies_to_the_customer() => ScenarioAsync("complaint-evidence-staff", async () =>
    {
        var customer = NewCustomer.Unique();
        await customer.RegisterAsync(App);
        await LoginAsAsync("complaints");
        await GoToAsync("/complaints/new");

        await PickCustomerAsync("#complaint-customer", customer);
        await Page.Locator("#complaint-core-problem").FillAsync("车门漆面有划痕，交车时未告知");
        await Page.Locator("#complaint-expectation").FillAsync("免费补漆");

        // A script disguised as a picture is refused as soon as it is picked, before anything is saved.
        await FileInput().SetInputFilesAsync(new FilePayload
        {
            Name = "划痕.svg",
            MimeType = "image/svg+xml",
            Buffer = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(),
        });
        await Expect(Page.GetByTestId("file-refused")).ToContainTextAsync("SVG");
        await FileInput().SetInputFilesAsync(new FilePayload { Name = "划痕.jpg", MimeType = "image/jpeg", Buffer = Photo() });
        await Expect(Page.GetByTestId("file-pending")).ToContainTextAsync("划痕.jpg");
        await Button("complaints.save").ClickAsync();

        await Page.WaitForURLAsync(ComplaintUrl());
        await WaitUntilInteractiveAsync();
        var tile = Page.Locator("[data-testid=complaint-evidence] [data-testid=file-item]");
        await Expect(tile).ToHaveCountAsync(1);
        await Expect(tile).ToContainTextAsync("划痕.jpg");
        var thumbnail = tile.Locator("img");
        await Expect(thumbnail).ToBeVisibleAsync();
        await ExpectImageLoadedAsync(thumbnail, "The thumbnail");

        await Page.Locator("#complaint-reply").FillAsync("您好，我们已收到照片，明天联系您安排补漆。");
        await Button("complaints.send_reply").ClickAsync();
        await Expect(Page.GetByTestId("staff-message")).ToContainTextAsync("明天联系您安排补漆");
    });

    // MudFileUpload keeps each earlier pick's input (hidden) and adds a fresh one for the next pick.
    private ILocator FileInput() => Page.Locator("[data-testid=file-uploader] input[type=file]").Last;

    internal static byte[] Photo()
    {
        using var bitmap = new SKBitmap(640, 480);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SlateGray);
            using var paint = new SKPaint { Color = SKColors.OrangeRed, StrokeWidth = 12, IsAntialias = true };
            canvas.DrawLine(80, 400, 560, 120, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    [GeneratedRegex("/complaints/[0-9a-f-]{36}$")]
    private static partial Regex ComplaintUrl();
}
