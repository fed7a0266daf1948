using System.Net;
using AfterSales.Domain.Appointments;
using AfterSales.Domain.Assets;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Reminders;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Web.Features;
using AfterSales.Web.Features.Appointments;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.Reminders;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Features.RepairOrders;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static AfterSales.Web.Tests.Features.Appointments.AppointmentFixtures;

namespace AfterSales.Web.Tests.Features.Reminders;

/// <summary>Maintenance and warranty reminders (保养提醒): the daily due list, sending once, and bookings made from a reminder.</summary>
public abstract class ReminderTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    /// <summary>
    /// A BYD Han EV (plan: first service at 6 months or 5,000 km) sold <paramref name="daysAgo"/> days ago with
    /// <paramref name="km"/> on the clock: a light driver, so the first service falls due by date.
    /// </summary>
    private async Task<CustomerView> CustomerAsync(HttpClient client, int daysAgo, int km = 1_500, bool consent = true)
    {
        var vehicle = TestData.Vehicle() with { MileageKm = km, PurchaseDate = Today.AddDays(-daysAgo) };
        var request = TestData.Customer(assets: [vehicle]) with { ContactConsent = consent };
        return await (await client.PostAsync("/api/v1/customers", request)).ReadAsync<CustomerView>(HttpStatusCode.Created);
    }

    private static async Task PrepareAsync(HttpClient client) =>
        await (await client.PostAsync("/api/v1/reminders/due/preparation", new { })).ReadAsync<DueListPrepared>();

    private static async Task<Page<DueCustomerView>> DueAsync(HttpClient client, string query = "within=30&pageSize=100") =>
        await (await client.GetAsync($"/api/v1/reminders/due?{query}", Ct)).ReadAsync<Page<DueCustomerView>>();

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Guid assetId, ReminderKind kind = ReminderKind.Service, string? culture = null) =>
        client.PostAsync("/api/v1/reminders", new SendReminderRequest(assetId, kind, ReminderChannel.Message, Culture: culture));

    [Fact]
    public async Task The_due_list_shows_a_first_service_due_within_the_window_and_not_one_due_later()
    {
        var advisor = await app.ClientForAsync("advisor");
        var soon = await CustomerAsync(advisor, 170);
        var later = await CustomerAsync(advisor, 30);

        await PrepareAsync(advisor);
        var due = await DueAsync(advisor);

        var row = Assert.Single(due.Items, i => i.AssetId == soon.Assets[0].Id && i.Kind == ReminderKind.Service);
        Assert.Equal(Today.AddDays(-170).AddMonths(6), row.DueOn);
        Assert.Equal((DueBasis.Date, 5_000, "比亚迪纯电车保养", ServiceDueCalculator.FirstKey), (row.Basis, row.DueKm, row.Label, row.DueKey));
        Assert.Equal(soon.Name, row.CustomerName);
        Assert.DoesNotContain(due.Items, i => i.AssetId == later.Assets[0].Id);
        Assert.Equal(soon.Phones[0].Number, row.Phone);
    }

    [Fact]
    public async Task Customers_already_booked_or_not_to_be_contacted_are_not_listed_and_other_stores_are_not_seen()
    {
        var advisor = await app.ClientForAsync("advisor");
        var booked = await CustomerAsync(advisor, 170);
        var optedOut = await CustomerAsync(advisor, 170, consent: false);
        var listed = await CustomerAsync(advisor, 170);
        var doNotCall = await CustomerAsync(advisor, 170);
        await app.WithDbAsync(async db =>
        {
            var c = await db.Customers.SingleAsync(x => x.Id == doNotCall.Id, Ct);
            c.RecordDoNotCall(true, app.Clock.GetUtcNow());
            return await db.SaveChangesAsync(Ct);
        });
        await BookAsync(advisor, Booking(booked, await SlotAsync(app, DemoData.BeijingStore, 3, 2)));
        var shanghai = await app.ClientForAsync("advisor.sh");
        var shanghaiCustomer = await CustomerAsync(shanghai, 170);

        await PrepareAsync(advisor);
        await PrepareAsync(shanghai);
        var due = await DueAsync(advisor);
        var shanghaiDue = await DueAsync(shanghai);

        Assert.Contains(due.Items, i => i.AssetId == listed.Assets[0].Id);
        Assert.DoesNotContain(due.Items, i => i.AssetId == booked.Assets[0].Id);
        Assert.DoesNotContain(due.Items, i => i.AssetId == optedOut.Assets[0].Id);
        Assert.DoesNotContain(due.Items, i => i.AssetId == doNotCall.Assets[0].Id);
        Assert.DoesNotContain(due.Items, i => i.AssetId == shanghaiCustomer.Assets[0].Id);
        Assert.Contains(shanghaiDue.Items, i => i.AssetId == shanghaiCustomer.Assets[0].Id);
        Assert.DoesNotContain(shanghaiDue.Items, i => i.AssetId == listed.Assets[0].Id);
        var refused = await (await SendAsync(advisor, optedOut.Assets[0].Id)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(SendReminder.OptedOut, refused.Code);
        var call = await (await advisor.PostAsync("/api/v1/reminders", new SendReminderRequest(doNotCall.Assets[0].Id, ReminderKind.Service, ReminderChannel.Call, ReminderCallOutcome.Reached))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(SendReminder.OptedOut, call.Code);
    }

    [Fact]
    public async Task A_reminder_sends_one_message_with_a_booking_link_and_a_second_send_is_refused()
    {
        var advisor = await app.ClientForAsync("advisor");
        var customer = await CustomerAsync(advisor, 175);
        var assetId = customer.Assets[0].Id;
        await PrepareAsync(advisor);

        var sent = await (await SendAsync(advisor, assetId, culture: "en")).ReadAsync<ReminderView>(HttpStatusCode.Created);
        var again = await (await SendAsync(advisor, assetId)).ReadProblemAsync(HttpStatusCode.Conflict);
        var open = await DueAsync(advisor, "within=30&pageSize=100&state=Open");
        var reminded = await DueAsync(advisor, "within=30&pageSize=100&state=Reminded");

        Assert.Equal(Reminder.AlreadySent, again.Code);
        Assert.NotNull(sent.SentAt);
        var message = await app.WithDbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.CustomerId == customer.Id && m.TemplateKey == ReminderMessages.ServiceDue.Key, Ct));
        var token = await app.WithDbAsync(db => db.Set<Reminder>().Where(r => r.Id == sent.Id).Select(r => r.Token).SingleAsync(Ct));
        Assert.Equal(sent.MessageId, message.Id);
        Assert.Equal(customer.Phones[0].Number, message.Recipient);
        Assert.Contains($"/my/appointments?reminder={token}", message.Body, StringComparison.Ordinal);
        Assert.Contains("due for its service", message.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(open.Items, i => i.AssetId == assetId);
        Assert.NotNull(Assert.Single(reminded.Items, i => i.AssetId == assetId).SentAt);
    }

    [Fact]
    public async Task Concurrent_sends_for_the_same_due_service_give_one_reminder_and_one_message()
    {
        var advisor = await app.ClientForAsync("advisor");
        var customer = await CustomerAsync(advisor, 172);
        var assetId = customer.Assets[0].Id;
        await PrepareAsync(advisor);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
        {
            clients.Add(await app.ClientForAsync(i % 2 == 0 ? "advisor" : "manager"));
        }

        var responses = await Task.WhenAll(clients.Select(c => SendAsync(c, assetId)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Reminder>().CountAsync(r => r.AssetId == assetId, Ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.CustomerId == customer.Id && m.TemplateKey == ReminderMessages.ServiceDue.Key, Ct)));
    }

    [Fact]
    public async Task A_booking_from_the_reminder_link_is_store_initiated_linked_and_counted_as_a_conversion()
    {
        var advisor = await app.ClientForAsync("advisor");
        var customer = await CustomerAsync(advisor, 171);
        var assetId = customer.Assets[0].Id;
        await PrepareAsync(advisor);
        var sent = await (await SendAsync(advisor, assetId)).ReadAsync<ReminderView>(HttpStatusCode.Created);
        var token = await app.WithDbAsync(db => db.Set<Reminder>().Where(r => r.Id == sent.Id).Select(r => r.Token).SingleAsync(Ct));
        var storeId = await app.StoreIdAsync(DemoData.BeijingStore);
        var slot = await SlotAsync(app, DemoData.BeijingStore, 4, 3);

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new System.Security.Claims.ClaimsPrincipal());
        var booked = await scope.ServiceProvider.GetRequiredService<PublicAppointments>()
            .BookAsync(customer.Phones[0].Number, new BookMyAppointmentRequest(assetId, storeId, slot, WorkshopSkill.Maintenance, "首保", token), Ct);
        var stats = await (await advisor.GetAsync($"/api/v1/reminders/stats?storeId={storeId}", Ct)).ReadAsync<ReminderStatsView>();
        var mine = await (await advisor.GetAsync($"/api/v1/assets/{assetId}/reminders", Ct)).ReadAsync<AssetRemindersView>();

        Assert.True(booked.Outcome.IsOk, string.Join(", ", booked.Outcome.Errors));
        var appointment = await app.WithDbAsync(db => db.Set<Appointment>().IgnoreQueryFilters().SingleAsync(a => a.Id == booked.Outcome.Value!.Id, Ct));
        Assert.Equal(AppointmentChannel.Reminder, appointment.Channel);
        var reminder = Assert.Single(mine.Reminders);
        Assert.Equal(appointment.Id, reminder.AppointmentId);
        Assert.Contains(mine.Due, d => d.Kind == ReminderKind.Service);
        Assert.True(stats.Booked >= 1);
        Assert.True(stats.ReminderBookings >= 1);
        Assert.InRange(stats.ConversionRate, 0.0001m, 1m);
        var listed = await DueAsync(advisor, "within=30&pageSize=100&state=All");
        Assert.DoesNotContain(listed.Items, i => i.AssetId == assetId);
    }

    [Fact]
    public async Task A_call_is_recorded_with_its_outcome_and_a_later_message_still_goes_out_once()
    {
        var advisor = await app.ClientForAsync("advisor");
        var customer = await CustomerAsync(advisor, 176);
        var assetId = customer.Assets[0].Id;
        await PrepareAsync(advisor);

        var noOutcome = await (await advisor.PostAsync("/api/v1/reminders", new SendReminderRequest(assetId, ReminderKind.Service, ReminderChannel.Call))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var called = await (await advisor.PostAsync("/api/v1/reminders", new SendReminderRequest(assetId, ReminderKind.Service, ReminderChannel.Call, ReminderCallOutcome.NoAnswer, "下午再打"))).ReadAsync<ReminderView>(HttpStatusCode.Created);
        var texted = await (await SendAsync(advisor, assetId)).ReadAsync<ReminderView>(HttpStatusCode.Created);

        Assert.Contains("reminder.call_outcome_required", noOutcome.Codes);
        Assert.Equal((ReminderCallOutcome.NoAnswer, "下午再打"), (called.CallOutcome, called.CallNote));
        Assert.Equal(called.Id, texted.Id);
        Assert.NotNull(texted.SentAt);
        Assert.Equal(ReminderCallOutcome.NoAnswer, texted.CallOutcome);
    }

    [Fact]
    public async Task A_maintenance_visit_starts_the_next_interval_under_a_new_key()
    {
        var advisor = await app.ClientForAsync("advisor");
        var customer = await CustomerAsync(advisor, 200, km: 4_000);
        var assetId = customer.Assets[0].Id;
        await PrepareAsync(advisor);
        var before = await (await advisor.GetAsync($"/api/v1/assets/{assetId}/reminders", Ct)).ReadAsync<AssetRemindersView>();
        var visitOn = app.Clock.GetUtcNow().AddDays(-10);
        var storeId = await app.StoreIdAsync(DemoData.BeijingStore);
        await app.WithDbAsync(async db =>
        {
            var by = new Actor(null, "test");
            var visit = Appointment.Book(
                storeId,
                new AppointmentBooking(AppointmentChannel.Phone, customer.Id, assetId, 4_500, "首保", [new RequestedService("首次保养", WorkshopSkill.Maintenance, 1m)], null, visitOn, 30,
                    null, null, null, ThingsToBring.None, null, false, null, null, null),
                false,
                by,
                visitOn);
            visit.Arrive(by, null, visitOn);
            db.Add(visit);
            return await db.SaveChangesAsync(Ct);
        });

        await PrepareAsync(advisor);
        var after = await (await advisor.GetAsync($"/api/v1/assets/{assetId}/reminders", Ct)).ReadAsync<AssetRemindersView>();

        var first = Assert.Single(before.Due, d => d.Kind == ReminderKind.Service);
        var next = Assert.Single(after.Due, d => d.Kind == ReminderKind.Service);
        Assert.Equal(ServiceDueCalculator.FirstKey, first.DueKey);
        Assert.StartsWith("after:", next.DueKey, StringComparison.Ordinal);
        Assert.Equal(4_500 + 20_000, next.DueKm);
        Assert.True(next.DueOn > Today.AddMonths(6));
    }

    [Fact]
    public async Task Warranty_and_extended_warranty_ends_are_listed_and_reminded_the_same_way()
    {
        var advisor = await app.ClientForAsync("advisor");
        var customer = await CustomerAsync(advisor, 30);
        var assetId = customer.Assets[0].Id;
        var contract = await (await advisor.PostAsync($"/api/v1/assets/{assetId}/warranty-contracts", new AfterSales.Web.Features.Warranty.SellContractRequest(
            "YB-" + TestData.Serial(), "原厂延保", Today.AddMonths(-11), Today.AddDays(20), null, [Domain.Warranty.ComponentGroup.WholeVehicle], 3000m)))
            .ReadAsync<AfterSales.Web.Features.Warranty.ContractView>(HttpStatusCode.Created);
        var old = await CustomerAsync(advisor, (6 * 365) - 10, km: 60_000);
        await PrepareAsync(advisor);

        var extended = await DueAsync(advisor, "within=30&pageSize=100&kind=ExtendedWarrantyExpiry");
        var warranty = await DueAsync(advisor, "within=30&pageSize=100&kind=WarrantyExpiry");
        var sent = await (await SendAsync(advisor, assetId, ReminderKind.ExtendedWarrantyExpiry)).ReadAsync<ReminderView>(HttpStatusCode.Created);

        var row = Assert.Single(extended.Items, i => i.AssetId == assetId);
        Assert.Equal((Today.AddDays(20), $"contract:{contract.Id:N}"), (row.DueOn, row.DueKey));
        var ending = Assert.Single(warranty.Items, i => i.AssetId == old.Assets[0].Id);
        Assert.Equal("比亚迪整车保修", ending.Label);
        Assert.Equal(ReminderKind.ExtendedWarrantyExpiry, sent.Kind);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.CustomerId == customer.Id && m.TemplateKey == ReminderMessages.ExtendedWarrantyExpiry.Key, Ct)));
    }

    [Fact]
    public async Task Another_stores_asset_cannot_be_reminded_and_the_attempt_is_audited()
    {
        var shanghai = await app.ClientForAsync("advisor.sh");
        var customer = await CustomerAsync(shanghai, 170);
        await PrepareAsync(shanghai);
        var beijing = await app.ClientForAsync("advisor");

        var problem = await (await SendAsync(beijing, customer.Assets[0].Id)).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("common.not_found", problem.Code);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityId == customer.Assets[0].Id && e.Action == "AccessDenied", Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Reminder>().IgnoreQueryFilters().CountAsync(r => r.AssetId == customer.Assets[0].Id, Ct)));
    }

    [Fact]
    public async Task A_delivered_order_with_a_service_job_is_the_last_service_at_its_mileage_and_a_declined_one_is_not()
    {
        var advisor = await app.ClientForAsync("advisor");
        var serviced = await CustomerAsync(advisor, 170);
        var declined = await CustomerAsync(advisor, 170);
        await DeliveredOrderAsync(advisor, serviced, RepairJobStatus.Checked);
        await DeliveredOrderAsync(advisor, declined, RepairJobStatus.Declined);

        await PrepareAsync(advisor);
        var due = await DueAsync(advisor);
        var rows = await app.WithDbAsync(db => db.Set<AssetDue>().Where(d => d.Kind == ReminderKind.Service && (d.AssetId == serviced.Assets[0].Id || d.AssetId == declined.Assets[0].Id)).ToListAsync(Ct));

        // Serviced yesterday at 23,456 km: the next service is a regular one from that visit, not the overdue first service.
        Assert.DoesNotContain(due.Items, i => i.AssetId == serviced.Assets[0].Id);
        var next = Assert.Single(rows, r => r.AssetId == serviced.Assets[0].Id);
        Assert.NotEqual(ServiceDueCalculator.FirstKey, next.DueKey);
        Assert.True(next.DueOn > Today.AddDays(30), $"due {next.DueOn}");
        Assert.True(next.DueKm > 23_456, $"due at {next.DueKm} km");
        Assert.Equal(ServiceDueCalculator.FirstKey, Assert.Single(rows, r => r.AssetId == declined.Assets[0].Id).DueKey);
        Assert.Contains(due.Items, i => i.AssetId == declined.Assets[0].Id && i.Kind == ReminderKind.Service);
    }

    /// <summary>An order of the customer's car opened yesterday at 23,456 km with an oil change, delivered; the job as <paramref name="job"/>.</summary>
    private async Task DeliveredOrderAsync(HttpClient advisor, CustomerView customer, RepairJobStatus job)
    {
        var order = await RepairOrderFixtures.OpenAsync(advisor, customer, RepairOrderFixtures.WalkAround);
        var oil = await RepairOrderFixtures.OperationAsync(advisor, order.StoreId, "MT-001");
        order = await RepairOrderFixtures.ReviseAsync(advisor, order, RepairOrderFixtures.Revision(order, [new JobRequest(oil.Id, PayType.Customer)]));
        await app.WithDbAsync(async db =>
        {
            var o = await db.Set<RepairOrder>().Include(x => x.Jobs).SingleAsync(x => x.Id == order.Id, Ct);
            db.Entry(o).Property(nameof(RepairOrder.Status)).CurrentValue = RepairOrderStatus.Delivered;
            db.Entry(o).Property(nameof(RepairOrder.OpenedAt)).CurrentValue = app.Clock.GetUtcNow().AddDays(-1);
            db.Entry(o).Property(nameof(RepairOrder.DeliveredAt)).CurrentValue = app.Clock.GetUtcNow().AddDays(-1).AddHours(4);
            db.Entry(o.Jobs[0]).Property(nameof(RepairJob.Status)).CurrentValue = job;
            return await db.SaveChangesAsync(Ct);
        });
    }

    [Fact]
    public async Task A_restart_on_the_same_day_finds_the_run_done_without_logging_a_failure()
    {
        async Task<DueListPrepared?> RunAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PrepareDueList>().RunDailyAsync(Ct);
        }

        await RunAsync();
        using var errors = new ErrorLog();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(errors);

        var again = await RunAsync();

        Assert.Null(again);
        Assert.Empty(errors.Entries);
    }

    /// <summary>Collects the error-level log entries written while it is not disposed.</summary>
    private sealed class ErrorLog : ILoggerProvider, ILogger
    {
        private volatile bool _disposed;

        public System.Collections.Concurrent.ConcurrentQueue<string> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => !_disposed && logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Entries.Enqueue(formatter(state, exception));
            }
        }

        public void Dispose() => _disposed = true;
    }

    [Fact]
    public async Task The_daily_preparation_runs_once_a_day_even_when_started_twice_at_once()
    {
        async Task<DueListPrepared?> RunAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PrepareDueList>().RunDailyAsync(Ct);
        }

        // The class shares one database: another test may have run today's preparation already.
        await app.WithDbAsync(db => db.Set<DueListRun>().Where(r => r.Day == Today).ExecuteDeleteAsync(Ct));
        var runs = await Task.WhenAll(RunAsync(), RunAsync(), RunAsync());
        var again = await RunAsync();

        Assert.Equal(1, runs.Count(r => r is not null));
        Assert.Null(again);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<DueListRun>().CountAsync(r => r.Day == Today, Ct)));
    }

    [Fact]
    public async Task Service_plans_are_set_by_managers_checked_and_protected_against_lost_updates()
    {
        var manager = await app.ClientForAsync("manager", "en");
        var advisor = await app.ClientForAsync("advisor");
        var request = new ServicePlanRequest("测试品牌保养", AssetKind.Vehicle, "测试品牌", null, 12, 10_000, 6, 5_000);

        var created = await (await manager.PostAsync("/api/v1/service-plans", request)).ReadAsync<ServicePlanView>(HttpStatusCode.Created);
        var forbidden = await (await advisor.PostAsync("/api/v1/service-plans", request)).ReadProblemAsync(HttpStatusCode.Forbidden);
        var invalid = await (await manager.PostAsync("/api/v1/service-plans", request with { Name = " ", IntervalMonths = null, IntervalKm = null })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var updated = await (await manager.PutAsync($"/api/v1/service-plans/{created.Id}", request with { IntervalKm = 7_500, Version = created.Version })).ReadAsync<ServicePlanView>();
        var stale = await (await manager.PutAsync($"/api/v1/service-plans/{created.Id}", request with { Version = created.Version })).ReadProblemAsync(HttpStatusCode.Conflict);
        var listed = await (await advisor.GetAsync("/api/v1/service-plans?kind=Vehicle", Ct)).ReadAsync<List<ServicePlanView>>();

        Assert.Equal((6, 5_000), (created.FirstMonths, created.FirstKm));
        Assert.Equal("service_plan.forbidden", forbidden.Code);
        Assert.Contains("service_plan.name_required", invalid.Codes);
        Assert.Contains("service_plan.interval_required", invalid.Codes);
        Assert.Equal(7_500, updated.IntervalKm);
        Assert.Equal(SaveServicePlan.ChangedBySomeoneElse, stale.Code);
        Assert.Contains(listed, p => p.Id == created.Id);
        Assert.Contains(listed, p => p.Name == "比亚迪纯电车保养");
    }
}

public sealed class SqliteReminderTests(SqliteApp app) : ReminderTests<SqliteApp>(app);

public sealed class PostgresReminderTests(PostgresApp app) : ReminderTests<PostgresApp>(app);
