using System.Globalization;
using System.Text.RegularExpressions;
using AfterSales.Domain.Labour;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.BrowserTests;

/// <summary>
/// Issue 4 end to end on screen: a signed repair order goes through dispatch, the technician's phone (clock on/off, findings),
/// the customer's remote approval of extra work (and refusal of a safety item), three levels of quality control with a
/// failed final inspection and rework, handover, settlement in two payments, the walk-through and the gate.
/// </summary>
public sealed partial class ServiceWalkScenarios(AppServer app) : BrowserTest(app)
{
    private const string SignaturePng = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
    private const string Technician = "赵磊";
    private const string ExtraFinding = "左前制动盘有深划痕";
    private const string SafetyFinding = "后制动片磨损至 2mm";
    private const string ReworkReason = "制动片安装后路试仍有异响";

    [Fact]
    public Task A_signed_order_walks_from_dispatch_through_the_workshop_quality_control_and_settlement_to_the_gate() => ScenarioAsync("walk-gate", async () =>
    {
        var customer = NewCustomer.Unique();
        var (orderId, number, jobId) = await SignedOrderAsync(customer);

        // 1. The workshop manager assigns the job on the dispatch board.
        var workshop = await DeskAsync("workshop");
        await AssignOnBoardAsync(workshop, jobId, "walk-01-dispatch");

        // 2. The technician on a phone: my jobs, clock on, pause for parts, clock on again.
        await OpenAsync(390, 844);
        await LoginAsAsync("tech");
        await GoToAsync("/workshop/my-jobs");
        var card = Page.GetByTestId("my-job").Filter(new LocatorFilterOptions { HasText = number });
        await Expect(card).ToHaveCountAsync(1);
        await Snap(Page, "walk-02-my-jobs");
        await card.GetByTestId("my-job-link").ClickAsync();
        await Page.WaitForURLAsync($"**/workshop/jobs/{jobId}");
        await WaitUntilInteractiveAsync();
        await Page.GetByTestId("job-start").ClickAsync();
        await Expect(Page.GetByTestId("job-status")).ToHaveTextAsync(App.Text("enum.RepairJobStatus.InProgress"));
        await Expect(Page.GetByTestId("clock-session")).ToHaveCountAsync(1);
        await Page.GetByTestId("job-pause").ClickAsync();
        await Expect(Page.GetByTestId("job-status")).ToHaveTextAsync(App.Text("enum.RepairJobStatus.Paused"));
        await Expect(Page.GetByTestId("job-pause-reason")).ToContainTextAsync(App.Text("enum.PauseReason.WaitingForParts"));
        await Snap(Page, "walk-03-job-paused");
        await GoToAsync("/workshop/my-jobs");
        await Expect(card.GetByText(App.Text("enum.RepairJobStatus.Paused"))).ToBeVisibleAsync();
        await card.GetByTestId("my-job-link").ClickAsync();
        await Page.WaitForURLAsync($"**/workshop/jobs/{jobId}");
        await WaitUntilInteractiveAsync();
        await Page.GetByTestId("job-resume").ClickAsync();
        await Expect(Page.GetByTestId("job-status")).ToHaveTextAsync(App.Text("enum.RepairJobStatus.InProgress"));
        await Expect(Page.GetByTestId("clock-session")).ToHaveCountAsync(2);

        // Two findings: one the customer will approve, one safety-critical item they will decline.
        await ReportFindingAsync(ExtraFinding, safety: false, expected: 1);
        await ReportFindingAsync(SafetyFinding, safety: true, expected: 2);
        await Snap(Page, "walk-04-job-findings");

        // 3. The advisor prices both findings and texts the customer the approval link.
        var advisor = await DeskAsync("advisor");
        await advisor.GotoAsync($"/repair-orders/{orderId}/extra-work");
        await Interactive(advisor);
        await ProposeAsync(advisor, ExtraFinding, "ME-003", expected: 1);
        await ProposeAsync(advisor, SafetyFinding, "ME-002", expected: 2);
        await Expect(advisor.GetByTestId("extra-job").Filter(new LocatorFilterOptions { HasText = App.Text("workshop.safety_critical") })).ToHaveCountAsync(1);
        await advisor.GetByTestId("extra-send-link").ClickAsync();
        var link = await advisor.GetByTestId("extra-link-url").GetAttributeAsync("href");
        Assert.NotNull(link);
        await Snap(advisor, "walk-05-extra-work");

        // No clock on unapproved work: the proposed jobs are not on the technician's list.
        await GoToAsync("/workshop/my-jobs");
        await Expect(Page.GetByTestId("my-job").Filter(new LocatorFilterOptions { HasText = number })).ToHaveCountAsync(1);

        // 4. The customer answers on a phone, without logging in: the disc yes, the rear pads (safety) no.
        var phone = await SecondPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync(link);
        await Interactive(phone);
        var offered = phone.GetByTestId("link-job");
        await Expect(offered).ToHaveCountAsync(2);
        await phone.Locator("#link-signer").FillAsync(customer.Name);
        await Snap(phone, "walk-06-customer-link");
        await offered.Filter(new LocatorFilterOptions { HasNotText = App.Text("customer_link.safety_warning") }).GetByTestId("link-approve").ClickAsync();
        await Expect(phone.GetByTestId("link-job-answer")).ToHaveCountAsync(1);
        await offered.Filter(new LocatorFilterOptions { HasText = App.Text("customer_link.safety_warning") }).GetByTestId("link-decline").ClickAsync();
        await Expect(phone.GetByTestId("link-job-answer")).ToHaveCountAsync(2);
        await Expect(phone.GetByTestId("link-job-answer").Filter(new LocatorFilterOptions { HasText = App.Text("customer_link.declined") })).ToHaveCountAsync(1);
        await Snap(phone, "walk-07-customer-answered");

        // 5. The approved extra job goes to the same technician on the board; the technician does both jobs and self-checks them.
        var extraJobId = await JobIdAsync(orderId, j => j.IsExtraWork && j.Status == RepairJobStatus.Pending);
        await workshop.ReloadAsync();
        await Interactive(workshop);
        await AssignOnBoardAsync(workshop, extraJobId, "walk-08-dispatch-extra");

        await SelfCheckAsync(jobId, start: false, "walk-09-self-check");
        await SelfCheckAsync(extraJobId, start: true, null);

        // 6. The team lead checks both jobs: the order waits for final inspection.
        var teamLead = await DeskAsync("teamlead");
        await TeamLeadPassAsync(teamLead, jobId, "walk-10-team-lead");
        await TeamLeadPassAsync(teamLead, extraJobId, null);

        // 7. QC fails the brake pads at final inspection: the job goes back as rework.
        var qc = await DeskAsync("qc");
        await qc.GotoAsync("/quality");
        await Interactive(qc);
        await qc.GetByTestId("queue-order").Filter(new LocatorFilterOptions { HasText = number }).GetByTestId("queue-inspect").ClickAsync();
        await qc.WaitForURLAsync($"**/quality/final/{orderId}");
        await Interactive(qc);
        await Expect(qc.GetByTestId("ro-status")).ToHaveTextAsync(App.Text("enum.RepairOrderStatus.FinalInspection"));
        var finalJobs = qc.GetByTestId("final-job");
        await Expect(finalJobs).ToHaveCountAsync(2);
        var pads = finalJobs.Filter(new LocatorFilterOptions { HasText = "ME-001" });
        var disc = finalJobs.Filter(new LocatorFilterOptions { HasText = "ME-003" });
        await pads.GetByTestId("final-job-pass-all").ClickAsync();
        await pads.GetByTestId("final-item-fail").First.ClickAsync();
        await disc.GetByTestId("final-job-pass-all").ClickAsync();
        await pads.Locator("input[id$='-reason']").FillAsync(ReworkReason);
        await pads.GetByTestId("final-job-party").ClickAsync();
        await qc.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = App.Text("enum.ResponsibleParty.Technician"), Exact = true }).ClickAsync();
        await qc.Locator("#road-test-km").FillAsync("5");
        await Snap(qc, "walk-11-final-failed-form");
        await qc.GetByTestId("final-submit").ClickAsync();
        await Expect(qc.GetByTestId("ro-status")).ToHaveTextAsync(App.Text("enum.RepairOrderStatus.InWorkshop"));
        await Expect(qc.GetByTestId("order-rework-count")).ToBeVisibleAsync();
        await Snap(qc, "walk-12-final-failed");

        // 8. Rework: the technician sees the reason, redoes and self-checks the job; the team lead passes it again.
        await GoToAsync("/workshop/my-jobs");
        await Expect(Page.GetByTestId("my-job").Filter(new LocatorFilterOptions { HasText = number }).Filter(new LocatorFilterOptions { HasText = App.Text("enum.RepairJobStatus.Assigned") })).ToHaveCountAsync(1);
        await SelfCheckAsync(jobId, start: true, "walk-13-rework-self-check", reworkReason: ReworkReason);
        await TeamLeadPassAsync(teamLead, jobId, null);

        // 9. QC passes the final inspection with a road test.
        await qc.ReloadAsync();
        await Interactive(qc);
        await Expect(qc.GetByTestId("ro-status")).ToHaveTextAsync(App.Text("enum.RepairOrderStatus.FinalInspection"));
        await Expect(finalJobs).ToHaveCountAsync(2);
        foreach (var passAll in await qc.GetByTestId("final-job-pass-all").AllAsync())
        {
            await passAll.ClickAsync();
        }

        await qc.Locator("#road-test-km").FillAsync("6.5");
        await qc.GetByTestId("final-submit").ClickAsync();
        await Expect(qc.GetByTestId("ro-status")).ToHaveTextAsync(App.Text("enum.RepairOrderStatus.Inspected"));
        await Expect(qc.GetByTestId("final-passed")).ToBeVisibleAsync();
        await Snap(qc, "walk-14-final-passed");

        // 10. The advisor hands the car over (ready), takes two payments, walks the customer through and delivers.
        await advisor.GotoAsync($"/repair-orders/{orderId}/delivery");
        await Interactive(advisor);
        await Expect(advisor.GetByTestId("delivery-status")).ToHaveTextAsync(App.Text("enum.RepairOrderStatus.Inspected"));
        foreach (var key in new[] { "delivery.check_jobs", "delivery.check_fault", "delivery.check_old_parts", "delivery.check_clean", "delivery.check_tools" })
        {
            await advisor.GetByLabel(App.Text(key)).CheckAsync();
        }

        await advisor.Locator("#parking-spot").FillAsync("C3-08");
        await advisor.GetByTestId("complete-handover").ClickAsync();
        await Expect(advisor.GetByTestId("delivery-status")).ToHaveTextAsync(App.Text("enum.RepairOrderStatus.ReadyForDelivery"));
        await Snap(advisor, "walk-15-ready");

        var outstanding = advisor.GetByTestId("outstanding");
        var total = Money(await outstanding.InnerTextAsync());
        Assert.True(total > 500m, $"The statement has the pads and the approved disc job ({total}).");
        await advisor.Locator("#payment-amount").FillAsync("500");
        await advisor.Locator("#payment-reference").FillAsync("WX" + customer.LastFour);
        await advisor.GetByTestId("take-payment").ClickAsync();
        await Expect(advisor.GetByTestId("payments").Locator("tr")).ToHaveCountAsync(1);
        await Expect(outstanding).ToHaveTextAsync("¥" + (total - 500m).ToString("N2", CultureInfo.GetCultureInfo("zh-CN")));
        await advisor.GetByTestId("payment-method").ClickAsync();
        await advisor.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = App.Text("enum.PaymentMethod.Card"), Exact = true }).ClickAsync();
        await Expect(advisor.Locator("#payment-amount")).ToHaveValueAsync(new Regex(".+"));
        await advisor.Locator("#payment-amount").FillAsync((total - 500m).ToString("0.00", CultureInfo.InvariantCulture));
        await advisor.GetByTestId("take-payment").ClickAsync();
        await Expect(advisor.GetByTestId("settled")).ToBeVisibleAsync();
        await Expect(outstanding).ToHaveTextAsync("¥0.00");
        await Expect(advisor.GetByTestId("payments").Locator("tr")).ToHaveCountAsync(2);

        await Expect(advisor.GetByTestId("declined-items")).ToContainTextAsync(App.Text("delivery.safety_critical"));
        await advisor.Locator("#ack-signer").FillAsync(customer.Name);
        await SignAsync(advisor);
        await Snap(advisor, "walk-16-walk-through");
        await advisor.GetByTestId("deliver").ClickAsync();
        await Expect(advisor.GetByTestId("delivery-status")).ToHaveTextAsync(App.Text("enum.RepairOrderStatus.Delivered"));
        await Expect(advisor.GetByTestId("walk-through")).ToContainTextAsync(customer.Name);
        await Snap(advisor, "walk-17-delivered");

        // 11. The gate scans the printed pass: valid once.
        await advisor.GotoAsync($"/repair-orders/{orderId}/delivery/print/gate-pass");
        var token = await advisor.GetByTestId("gate-pass-token").InnerTextAsync();
        await advisor.GotoAsync("/gate");
        await Interactive(advisor);
        await advisor.Locator("#gate-code").FillAsync(token);
        await advisor.GetByTestId("gate-check").ClickAsync();
        await Expect(advisor.GetByTestId("gate-result")).ToHaveAttributeAsync("data-result", "Valid");
        await Expect(advisor.GetByTestId("gate-result")).ToContainTextAsync(number);
        await Snap(advisor, "walk-18-gate");

        // What the walk left behind: the clock sessions, the declined safety item acknowledged, one "received" message.
        var facts = await App.AsUserAsync("advisor", async services =>
        {
            var db = services.GetRequiredService<AfterSalesDb>();
            var order = await db.Set<RepairOrder>().Include(o => o.Jobs).Include(o => o.ClockSessions).SingleAsync(o => o.Id == orderId);
            var received = await db.Set<OutboxMessage>().CountAsync(m => m.TemplateKey == "repair_received" && m.Recipient == customer.Phone);
            return (order, received);
        });
        Assert.Equal(RepairOrderStatus.Delivered, facts.order.Status);
        Assert.Equal(3, facts.order.ClockSessions.Count(s => s.RepairJobId == jobId));
        Assert.Contains(facts.order.Jobs, j => j.Status == RepairJobStatus.Declined && j.SafetyCritical);
        Assert.Equal(1, facts.order.ReworkCount);
        Assert.Equal(1, facts.received);
    });

    private async Task ReportFindingAsync(string text, bool safety, int expected)
    {
        await Page.Locator("#finding-text").FillAsync(text);
        if (safety)
        {
            await Page.GetByLabel(App.Text("workshop.safety_critical")).CheckAsync();
        }

        await Page.GetByTestId("finding-report").ClickAsync();
        await Expect(Page.GetByTestId("finding")).ToHaveCountAsync(expected);
    }

    private async Task ProposeAsync(IPage advisor, string finding, string operationCode, int expected)
    {
        await advisor.GetByTestId("extra-finding").Filter(new LocatorFilterOptions { HasText = finding }).GetByTestId("extra-finding-pick").ClickAsync();
        await Expect(advisor.GetByTestId("extra-propose")).ToContainTextAsync(finding);
        var input = advisor.Locator("#extra-operation");
        var option = advisor.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = operationCode });
        await PickAsync(input, operationCode, option.First);
        await Expect(input).ToHaveValueAsync(new Regex("^" + operationCode));
        await advisor.GetByTestId("extra-propose-button").ClickAsync();
        await Expect(advisor.GetByTestId("extra-job")).ToHaveCountAsync(expected);
    }

    private async Task AssignOnBoardAsync(IPage workshop, Guid jobId, string shot)
    {
        if (!workshop.Url.Contains("/workshop/dispatch", StringComparison.Ordinal))
        {
            await workshop.GotoAsync("/workshop/dispatch");
            await Interactive(workshop);
        }

        var row = workshop.Locator($"tr[data-testid=job-row][data-job='{jobId}']");
        await Expect(row.GetByTestId("job-state")).ToHaveTextAsync(App.Text("enum.RepairJobStatus.Pending"));
        await row.GetByTestId("assign").ClickAsync();
        var panel = workshop.GetByTestId("assign-panel");
        await panel.Locator(".mud-select").First.ClickAsync();
        await workshop.GetByRole(AriaRole.Option).Filter(new LocatorFilterOptions { HasText = Technician }).First.ClickAsync();
        await Snap(workshop, shot);
        await panel.GetByTestId("assign-confirm").ClickAsync();
        await Expect(row.GetByTestId("job-technician")).ToHaveTextAsync(Technician);
        await Expect(row.GetByTestId("job-state")).ToHaveTextAsync(App.Text("enum.RepairJobStatus.Assigned"));
    }

    /// <summary>On the phone: opens the job, clocks on if asked, goes to the self-check, ticks every item and finishes.</summary>
    private async Task SelfCheckAsync(Guid jobId, bool start, string? shot, string? reworkReason = null)
    {
        await GoToAsync($"/workshop/jobs/{jobId}");
        if (reworkReason is not null)
        {
            await Expect(Page.GetByTestId("rework-reason")).ToContainTextAsync(reworkReason);
        }

        if (start)
        {
            await Page.GetByTestId("job-start").ClickAsync();
            await Expect(Page.GetByTestId("job-status")).ToHaveTextAsync(App.Text("enum.RepairJobStatus.InProgress"));
        }

        await Page.GetByTestId("job-finish").ClickAsync();
        await Page.WaitForURLAsync($"**/workshop/jobs/{jobId}/self-check");
        await WaitUntilInteractiveAsync();
        var items = Page.GetByTestId("check-item");
        await Expect(items.First).ToBeVisibleAsync();
        foreach (var item in await items.AllAsync())
        {
            await item.GetByTestId("item-pass").ClickAsync();
        }

        if (shot is not null)
        {
            await Snap(Page, shot);
        }

        await Page.GetByTestId("finish-job").ClickAsync();
        await Expect(Page.GetByTestId("job-status")).ToHaveTextAsync(App.Text("enum.RepairJobStatus.Done"));
    }

    private async Task TeamLeadPassAsync(IPage teamLead, Guid jobId, string? shot)
    {
        await teamLead.GotoAsync("/quality");
        await Interactive(teamLead);
        await teamLead.Locator($"a[href='/quality/jobs/{jobId}']").ClickAsync();
        await teamLead.WaitForURLAsync($"**/quality/jobs/{jobId}");
        await Interactive(teamLead);
        if (shot is not null)
        {
            await Snap(teamLead, shot);
        }

        await teamLead.GetByTestId("team-lead-pass").ClickAsync();
        await Expect(teamLead.GetByTestId("job-status")).ToHaveTextAsync(App.Text("enum.RepairJobStatus.Checked"));
    }

    private static async Task SignAsync(IPage page)
    {
        var canvas = page.GetByTestId("signature-canvas");
        await canvas.ScrollIntoViewIfNeededAsync();
        var box = await canvas.BoundingBoxAsync();
        Assert.NotNull(box);
        await page.Mouse.MoveAsync(box.X + 30, box.Y + 100);
        await page.Mouse.DownAsync();
        foreach (var (dx, dy) in new[] { (70, 50), (110, 120), (160, 60), (220, 110), (280, 70) })
        {
            await page.Mouse.MoveAsync(box.X + dx, box.Y + dy, new MouseMoveOptions { Steps = 5 });
        }

        await page.Mouse.UpAsync();
    }

    /// <summary>A desk-sized page in its own context, signed in as the given user.</summary>
    private async Task<IPage> DeskAsync(string userName)
    {
        var page = await SecondPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel(App.Text("login.username")).FillAsync(userName);
        await page.GetByLabel(App.Text("login.password")).FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = App.Text("login.submit") }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await Interactive(page);
        return page;
    }

    private static Task Interactive(IPage page) => page.Locator("[data-interactive=true]").First.WaitForAsync();

    private static async Task Snap(IPage page, string name)
    {
        var folder = Path.Combine(AppServer.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        // From the top: a full-page shot of a scrolled page draws the fixed app bar in the middle.
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private static decimal Money(string text) =>
        decimal.Parse(text.TrimStart('¥').Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private Task<Guid> JobIdAsync(Guid orderId, Func<RepairJob, bool> which) => App.AsUserAsync("workshop", async services =>
        (await services.GetRequiredService<AfterSalesDb>().Set<RepairJob>().Where(j => j.RepairOrderId == orderId).ToListAsync()).Single(which).Id);

    /// <summary>A signed Beijing order for a new customer: front brake pads with parts, paid by the customer.</summary>
    private async Task<(Guid Id, string Number, Guid JobId)> SignedOrderAsync(NewCustomer customer)
    {
        var customerId = await customer.RegisterAsync(App);
        var store = await App.StoreIdAsync(DemoData.BeijingStore);
        return await App.AsUserAsync("advisor", async services =>
        {
            var db = services.GetRequiredService<AfterSalesDb>();
            var assetId = await db.Assets.Where(a => a.CustomerId == customerId).Select(a => a.Id).SingleAsync();
            var pads = await db.Set<LabourOperation>().FirstAsync(o => o.StoreId == store && o.Code == "ME-001");
            var opened = Ok(await services.GetRequiredService<OpenRepairOrder>().HandleAsync(
                new OpenRepairOrderRequest(customerId, assetId, "踩刹车时前轮有异响", new CheckInRequest(MileageKm: 31_200, EnergyLevelPercent: 70, CoversFitted: true), StoreId: store), CancellationToken.None));
            var revised = Ok(await services.GetRequiredService<ReviseRepairOrder>().HandleAsync(opened.Id, new ReviseRepairOrderRequest(
                opened.Version, opened.CustomerWords, [new JobRequest(pads.Id, PayType.Customer, Parts: [new PartLineRequest("BP-45022", "前刹车片(套)", 1, 480m)])],
                0m, null, null, PaymentMethod.WeChatPay, OldPartsHandling.CustomerTakes), CancellationToken.None));
            var submitted = Ok(await services.GetRequiredService<SubmitRepairOrder>().HandleAsync(revised.Id, new RepairOrderMoveRequest(revised.Version), CancellationToken.None));
            var signed = Ok(await services.GetRequiredService<SignRepairOrder>().HandleAsync(submitted.Id, new SignRepairOrderRequest(submitted.Version, customer.Name, SignaturePng), App.BaseUrl, CancellationToken.None));
            return (signed.Id, signed.Number, signed.Jobs[0].Id);
        });
    }

    private static T Ok<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors.Select(e => e.Code)));
        return outcome.Value!;
    }
}
