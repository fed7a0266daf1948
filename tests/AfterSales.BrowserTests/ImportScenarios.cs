using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

public sealed class ImportScenarios(AppServer app) : BrowserTest(app)
{
    [Fact]
    public Task An_administrator_imports_a_file_with_a_bad_row_downloads_the_error_sheet_and_then_imports_the_fixed_file() => ScenarioAsync("imports-committed-en", async () =>
    {
        var (first, second) = ($"HIST-{Guid.NewGuid():N}"[..20], $"HIST-{Guid.NewGuid():N}"[..20]);
        var bad = "投诉编号,投诉日期,受理渠道,状态,投诉简述\r\n"
            + $"{first},2024-03-01,热线电话,已结案,空调不制冷，修了三次仍未解决\r\n"
            + $"{second},2024-13-45,热线电话,已结案,刹车异响\r\n";
        var good = bad.Replace("2024-13-45", "2024-03-02", StringComparison.Ordinal);

        await LoginAsAsync("admin");
        await GoToAsync("/admin/imports");
        await Expect(Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = App.Text("nav.imports") })).ToBeVisibleAsync();

        // The bad file: the preview shows the mapping it found, the first rows, and the refused row with its reason.
        await Page.Locator("input.complaint-import-input").SetInputFilesAsync(new FilePayload { Name = "历史投诉.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
        await Expect(Page.GetByTestId("import-counts")).ToHaveTextAsync(string.Format(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), App.Text("import.counts"), 2, 1, 1));
        await Expect(Page.GetByTestId("import-errors")).ToContainTextAsync(App.Text("import.date_invalid"));
        await Expect(Page.GetByTestId("import-preview").Locator("tbody tr")).ToHaveCountAsync(2);
        await SnapshotAsync("imports-preview-bad-row-zh");

        await Page.GetByTestId("import-commit").ClickAsync();
        await Expect(Page.GetByTestId("import-refused")).ToBeVisibleAsync();
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("import-error-sheet").ClickAsync());
        Assert.Equal("历史投诉-errors.xlsx", download.SuggestedFilename);
        var saved = Path.Combine(AppServer.RepositoryRoot, "artifacts", "downloads", "历史投诉-errors.xlsx");
        await download.SaveAsAsync(saved);
        var rows = MiniExcel.Query(saved, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal("投诉日期", row[App.Text("import.sheet.column")]);
        Assert.Equal(App.Text("import.date_invalid"), row[App.Text("import.sheet.message")]);
        await SnapshotAsync("imports-refused-zh");

        // Fixed, in English: every row goes in.
        await GoToAsync("/culture/set?culture=en&redirectUri=/admin/imports");
        await Expect(Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = App.Text("nav.imports", "en") })).ToBeVisibleAsync();
        await Page.Locator("input.complaint-import-input").SetInputFilesAsync(new FilePayload { Name = "complaints-fixed.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(good) });
        await Expect(Page.GetByTestId("import-counts")).ToHaveTextAsync(string.Format(System.Globalization.CultureInfo.GetCultureInfo("en"), App.Text("import.counts", "en"), 2, 2, 0));
        await SnapshotAsync("imports-preview-good-en");
        await Page.GetByTestId("import-commit").ClickAsync();
        await Expect(Page.GetByTestId("import-committed")).ToContainTextAsync("complaints-fixed.csv");
        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = App.Text("import.tab.history", "en") }).ClickAsync();
        await Expect(Page.GetByTestId("import-history")).ToContainTextAsync("complaints-fixed.csv");
        await Expect(Page.GetByTestId("import-history")).ToContainTextAsync(new Regex(App.Text("enum.ImportOutcome.Refused", "en")));
    });

    private async Task SnapshotAsync(string name)
    {
        var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
