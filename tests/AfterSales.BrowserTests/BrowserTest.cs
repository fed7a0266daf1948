using System.Text.RegularExpressions;
using AfterSales.Web.Persistence;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

// Scenarios share one server and its error log: run them one at a time so each error is charged to its scenario.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace AfterSales.BrowserTests;

/// <summary>
/// One scenario in its own browser context (zh-CN, laptop-sized unless it says otherwise). Every scenario
/// saves a full-page screenshot, and fails if the server logged an error or the page showed Blazor's error bar.
/// </summary>
public abstract partial class BrowserTest(AppServer app) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _others = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _foreignRequests = new();
    private IBrowserContext? _context;
    private int _logMark;

    protected AppServer App => app;

    protected IPage Page { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        _logMark = app.Logs.Count;
        await OpenAsync(1366, 900);
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }

        foreach (var other in _others)
        {
            await other.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Starts over in a fresh context of the given viewport size (no cookies).</summary>
    protected async Task OpenAsync(int width, int height)
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }

        _context = await NewContextAsync(width, height);
        Page = await _context.NewPageAsync();
        Page.SetDefaultTimeout(15_000);
    }

    /// <summary>A page in another fresh context (its own cookies), e.g. a second user signing in while the first stays.</summary>
    protected async Task<IPage> SecondPageAsync()
    {
        var context = await NewContextAsync(1366, 900);
        _others.Add(context);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    /// <summary>Runs a scenario, then always saves its screenshot before judging the page and the server log.</summary>
    protected async Task ScenarioAsync(string name, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        finally
        {
            var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
            Directory.CreateDirectory(folder);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }

        Assert.False(await Page.Locator("#blazor-error-ui").IsVisibleAsync(), "The page shows Blazor's error bar.");
        var errors = app.Logs.Since(_logMark);
        Assert.True(errors.Count == 0, "The server logged errors:\n" + string.Join("\n", errors));

        // Every asset comes from the app itself: a CDN is unreachable from many networks and learns who uses the app.
        Assert.True(_foreignRequests.IsEmpty, "The page requested something from another host:\n" + string.Join("\n", _foreignRequests.Distinct()));
    }

    private async Task<IBrowserContext> NewContextAsync(int width, int height)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.Request += (_, request) =>
        {
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" or "ws" or "wss" && !url.IsLoopback)
            {
                _foreignRequests.Enqueue(request.Url);
            }
        };
        return context;
    }

    /// <summary>
    /// Fails unless the image has loaded and decoded. Visible is not loaded: under load the request may still be
    /// running, so this waits for the load to end (either way) before it judges the picture.
    /// </summary>
    protected static async Task ExpectImageLoadedAsync(ILocator image, string what)
    {
        await Expect(image).ToBeVisibleAsync();
        var loaded = await image.EvaluateAsync<bool>(
            "img => img.complete ? img.naturalWidth > 0 : new Promise(done => { img.addEventListener('load', () => done(img.naturalWidth > 0), { once: true }); img.addEventListener('error', () => done(false), { once: true }); })",
            null);
        Assert.True(loaded, what + " did not load.");
    }

    /// <summary>
    /// Types into an autocomplete and clicks the option. Under load the search can miss the typed text (the
    /// component was still wiring up, or its debounce fired on a partial value), so it clears and types again.
    /// </summary>
    protected static async Task PickAsync(ILocator input, string text, ILocator option)
    {
        for (var attempt = 0; ; attempt++)
        {
            await input.FillAsync(text);
            try
            {
                await option.WaitForAsync(new LocatorWaitForOptions { Timeout = 5_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                await input.FillAsync(string.Empty);
            }
        }

        await option.ClickAsync();
    }

    /// <summary>
    /// Picks a scenario's customer in a customer autocomplete by the phone's last four digits, and waits until
    /// the pick has settled on the circuit (typing on before that loses the text on re-render). A pick whose
    /// click was lost to a re-render is made again.
    /// </summary>
    internal async Task PickCustomerAsync(string inputSelector, NewCustomer customer)
    {
        var input = Page.Locator(inputSelector);
        var option = Page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = customer.Name }).First;
        for (var attempt = 0; ; attempt++)
        {
            await PickAsync(input, customer.LastFour, option);
            try
            {
                await Expect(input).ToHaveValueAsync(new Regex(Regex.Escape(customer.Name)), new LocatorAssertionsToHaveValueOptions { Timeout = 5_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 2)
            {
            }
        }

        await Expect(Page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    protected async Task LoginAsAsync(string userName, string password = DemoData.Password)
    {
        await Page.GotoAsync("/account/login");
        await Page.GetByLabel(app.Text("login.username")).FillAsync(userName);
        await Page.GetByLabel(app.Text("login.password")).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = app.Text("login.submit") }).ClickAsync();
        // A polled URL check: WaitForURL waits for a load state again when the redirect has already happened.
        await Expect(Page).Not.ToHaveURLAsync(new Regex("/account/login"));
        await WaitUntilInteractiveAsync();
    }

    /// <summary>Opens an app page and waits for the Blazor circuit: clicks before it connects are lost.</summary>
    protected async Task GoToAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitUntilInteractiveAsync();
    }

    protected Task WaitUntilInteractiveAsync() => Page.Locator("[data-interactive=true]").WaitForAsync();

    protected ILocator Button(string textKey) =>
        Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = app.Text(textKey) });

    /// <summary>The MudBlazor input control (label, input, helper or error text) around an input.</summary>
    protected ILocator FieldAround(string inputSelector) =>
        Page.Locator(".mud-input-control", new PageLocatorOptions { Has = Page.Locator(inputSelector) });

    protected async Task ExpectOnCustomerPageAsync(string name)
    {
        await Page.WaitForURLAsync(CustomerUrl());
        await WaitUntilInteractiveAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = name, Level = 1 })).ToBeVisibleAsync();
    }

    [GeneratedRegex("/customers/[0-9a-f-]{36}$")]
    private static partial Regex CustomerUrl();
}
