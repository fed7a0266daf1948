using System.Net;
using AfterSales.Domain.FollowUps;
using AfterSales.Web.Features.FollowUps;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.FollowUps.FollowUpFixtures;

namespace AfterSales.Web.Tests.Features.FollowUps;

/// <summary>
/// Follow-up calls from delivery to outcome. Beijing follows up every delivery (target 100%) so each test's order is
/// sampled; Shanghai keeps the default 50% for the coverage figures.
/// </summary>
public abstract class FollowUpTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await TargetAsync(app, "BJ01", 100);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_delivered_order_gets_its_calls_exactly_once_also_when_the_job_restarts()
    {
        var order = await DeliveredAsync(app, preferredFrom: new TimeOnly(14, 0), preferredTo: new TimeOnly(15, 0));

        await RunGeneratorAsync(app);
        var first = await TasksAsync(app, order.Id);
        await RunGeneratorAsync(app); // the job restarted: a new instance with nothing in memory
        await RunGeneratorAsync(app);
        var after = await TasksAsync(app, order.Id);

        // Two jobs, one paid by warranty: a warranty visit, which the default policy follows up at 24 h, 3 days and 1 week.
        Assert.Equal([FollowUpKind.Within24Hours, FollowUpKind.After3Days, FollowUpKind.After1Week], first.Select(t => t.Kind));
        Assert.All(first, t => Assert.Equal(FollowUpOrderType.Warranty, t.OrderType));
        Assert.Equal(first.Select(t => t.Id), after.Select(t => t.Id));
        var selection = await SelectionAsync(app, order.Id);
        Assert.True(selection!.Selected);

        // Every call is due at the customer's preferred hour in Beijing time.
        Assert.All(first, t => Assert.Equal(14, t.DueAt.ToOffset(TimeSpan.FromHours(8)).Hour));

        // The database itself refuses a second call of the same kind.
        var duplicate = FollowUpTask.Create(first[0].StoreId, order.Id, first[0].CustomerId, FollowUpKind.Within24Hours, FollowUpOrderType.Warranty, first[0].DueAt, 3, app.Clock.GetUtcNow());
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(db =>
        {
            db.Add(duplicate);
            return db.SaveChangesAsync(Ct);
        }));
    }

    [Fact]
    public async Task An_order_not_yet_delivered_gets_no_calls()
    {
        var advisor = await app.ClientForAsync("advisor");
        var order = await Features.RepairOrders.RepairOrderFixtures.ReadyDraftAsync(advisor, await app.StoreIdAsync("BJ01"));

        await RunGeneratorAsync(app);

        Assert.Empty(await TasksAsync(app, order.Id));
        Assert.Null(await SelectionAsync(app, order.Id));
    }

    [Fact]
    public async Task Unanswered_calls_are_retried_on_the_schedule_up_to_the_maximum()
    {
        var order = await DeliveredAsync(app);
        await RunGeneratorAsync(app);
        var agent = await app.ClientForAsync("agent");
        var call = (await TasksAsync(app, order.Id)).Single(t => t.Kind == FollowUpKind.Within24Hours);

        // Not due yet: not in the list.
        var due = await (await agent.GetAsync("/api/v1/follow-ups/calls", Ct)).ReadAsync<List<FollowUpCallSummary>>();
        Assert.DoesNotContain(due, c => c.Id == call.Id);

        var version = call.Version;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            app.Clock.SetUtcNow(call.DueAt.AddMinutes(1));
            due = await (await agent.GetAsync("/api/v1/follow-ups/calls", Ct)).ReadAsync<List<FollowUpCallSummary>>();
            Assert.Contains(due, c => c.Id == call.Id);

            var view = await (await agent.PostAsync($"/api/v1/follow-ups/calls/{call.Id}/outcomes", new RecordFollowUpOutcomeRequest(version, FollowUpOutcome.NoAnswer, "无人接听")))
                .ReadAsync<FollowUpCallView>();
            Assert.Equal(attempt, view.Call.AttemptCount);
            if (attempt < 3)
            {
                Assert.Equal(FollowUpTaskStatus.Open, view.Call.Status);
                Assert.True(view.Call.DueAt >= app.Clock.GetUtcNow().AddHours(attempt == 1 ? 2 : 24), $"attempt {attempt}: due {view.Call.DueAt}");
                Assert.DoesNotContain(FollowUpPolicy.SeedBlockedHours, b => b.Contains(TimeOnly.FromDateTime(view.Call.DueAt.ToOffset(TimeSpan.FromHours(8)).DateTime)));
            }

            call = (await TasksAsync(app, order.Id)).Single(t => t.Id == call.Id);
            version = view.Call.Version;
        }

        Assert.Equal(FollowUpTaskStatus.Unreachable, call.Status);
        Assert.Equal(3, call.Attempts.Count);
        Assert.All(call.Attempts, a => Assert.Equal("王芳", a.AgentName));
        var refused = await (await agent.PostAsync($"/api/v1/follow-ups/calls/{call.Id}/outcomes", new RecordFollowUpOutcomeRequest(version, FollowUpOutcome.NoAnswer)))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(FollowUpTaskLifecycle.NotOpen, refused.Code);
    }

    [Fact]
    public async Task A_stale_version_a_call_back_without_time_and_a_system_outcome_are_refused()
    {
        var order = await DeliveredAsync(app);
        await RunGeneratorAsync(app);
        var agent = await app.ClientForAsync("agent");
        var call = (await TasksAsync(app, order.Id))[0];

        var stale = await (await agent.PostAsync($"/api/v1/follow-ups/calls/{call.Id}/outcomes", new RecordFollowUpOutcomeRequest(call.Version + 1, FollowUpOutcome.Reached)))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        var noTime = await (await agent.PostAsync($"/api/v1/follow-ups/calls/{call.Id}/outcomes", new RecordFollowUpOutcomeRequest(call.Version, FollowUpOutcome.CallBack)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await agent.PostAsync($"/api/v1/follow-ups/calls/{call.Id}/outcomes", new RecordFollowUpOutcomeRequest(call.Version, FollowUpOutcome.Cancel)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(RecordFollowUpOutcome.ChangedBySomeoneElse, stale.Code);
        Assert.Contains(FollowUpTask.CallBackTimeRequired, noTime.Codes);

        // A call-back at the customer's time stays with the agent who agreed it.
        var at = app.Clock.GetUtcNow().AddDays(2);
        var view = await (await agent.PostAsync($"/api/v1/follow-ups/calls/{call.Id}/outcomes", new RecordFollowUpOutcomeRequest(call.Version, FollowUpOutcome.CallBack, "客户开会,后天再打", at)))
            .ReadAsync<FollowUpCallView>();
        Assert.Equal(at, view.Call.DueAt);
        Assert.Equal(0, view.Call.AttemptCount);
        app.Clock.SetUtcNow(at.AddMinutes(1));
        var admin = await app.ClientForAsync("admin");
        Assert.DoesNotContain(await (await admin.GetAsync("/api/v1/follow-ups/calls", Ct)).ReadAsync<List<FollowUpCallSummary>>(), c => c.Id == call.Id);
        Assert.Contains(await (await agent.GetAsync("/api/v1/follow-ups/calls", Ct)).ReadAsync<List<FollowUpCallSummary>>(), c => c.Id == call.Id);
    }

    [Fact]
    public async Task The_call_shows_the_order_history_and_open_complaints_beside_the_script()
    {
        var order = await DeliveredAsync(app);
        await RunGeneratorAsync(app);
        var agent = await app.ClientForAsync("agent");
        var call = (await TasksAsync(app, order.Id))[0];

        var view = await (await agent.GetAsync($"/api/v1/follow-ups/calls/{call.Id}", Ct)).ReadAsync<FollowUpCallView>();

        Assert.Equal(order.Number, view.Call.OrderNumber);
        Assert.Equal(order.Number, view.Order.Number);
        Assert.Equal("李娜", view.Order.AdvisorName);
        Assert.All(view.Order.Jobs, j => Assert.Equal("赵磊", j.TechnicianName));
        Assert.Equal(FollowUpCallViews.AgentOutcomes, view.PermittedOutcomes);
        Assert.Empty(view.Attempts);
        Assert.False(view.CustomerDoNotCall);
    }

    [Fact]
    public async Task A_customer_who_asks_not_to_be_called_is_never_called_again()
    {
        var order = await DeliveredAsync(app);
        await RunGeneratorAsync(app);
        var agent = await app.ClientForAsync("agent");
        var calls = await TasksAsync(app, order.Id);
        app.Clock.SetUtcNow(calls[0].DueAt.AddMinutes(1));

        var view = await (await agent.PostAsync($"/api/v1/follow-ups/calls/{calls[0].Id}/outcomes",
            new RecordFollowUpOutcomeRequest(calls[0].Version, FollowUpOutcome.Refused, "客户表示不要再打电话", DoNotCall: true))).ReadAsync<FollowUpCallView>();

        Assert.True(view.CustomerDoNotCall);
        Assert.Empty(view.PermittedOutcomes);
        var after = await TasksAsync(app, order.Id);
        Assert.Equal(FollowUpTaskStatus.Refused, after[0].Status);
        Assert.All(after.Skip(1), t => Assert.Equal(FollowUpTaskStatus.Cancelled, t.Status));
        Assert.True(await app.WithDbAsync(db => db.Customers.IgnoreQueryFilters().Where(c => c.Id == order.CustomerId).Select(c => c.DoNotCall).SingleAsync(Ct)));

        // The customer's next visit gets no calls at all.
        var next = await NextVisitAsync(order.CustomerId);
        await RunGeneratorAsync(app);
        Assert.Empty(await TasksAsync(app, next));
        Assert.Equal(SampleReason.DoNotCall, (await SelectionAsync(app, next))!.Reason);
    }

    [Fact]
    public async Task A_do_not_call_recorded_elsewhere_cancels_the_open_calls_and_hides_them()
    {
        var order = await DeliveredAsync(app);
        await RunGeneratorAsync(app);
        var calls = await TasksAsync(app, order.Id);
        app.Clock.SetUtcNow(calls[0].DueAt.AddMinutes(1));
        await app.WithDbAsync(async db =>
        {
            var customer = await db.Customers.IgnoreQueryFilters().SingleAsync(c => c.Id == order.CustomerId, Ct);
            customer.RecordDoNotCall(true, app.Clock.GetUtcNow());
            return await db.SaveChangesAsync(Ct);
        });
        var agent = await app.ClientForAsync("agent");

        Assert.DoesNotContain(await (await agent.GetAsync("/api/v1/follow-ups/calls", Ct)).ReadAsync<List<FollowUpCallSummary>>(), c => c.RepairOrderId == order.Id);
        var refused = await (await agent.PostAsync($"/api/v1/follow-ups/calls/{calls[0].Id}/outcomes", new RecordFollowUpOutcomeRequest(calls[0].Version, FollowUpOutcome.Reached)))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(RecordFollowUpOutcome.CustomerDoesNotWantCalls, refused.Code);

        await RunGeneratorAsync(app);

        var after = await TasksAsync(app, order.Id);
        Assert.All(after, t => Assert.Equal(FollowUpTaskStatus.Cancelled, t.Status));
        Assert.All(after, t => Assert.Equal(GenerateFollowUpTasks.SystemName, t.Attempts.Single().AgentName));
    }

    [Fact]
    public async Task A_do_not_call_recorded_at_the_counter_cancels_the_open_calls_at_once_and_can_be_withdrawn()
    {
        var order = await DeliveredAsync(app);
        await RunGeneratorAsync(app);
        var advisor = await app.ClientForAsync("advisor");

        var set = await (await advisor.PutAsync($"/api/v1/customers/{order.CustomerId}/do-not-call", new SetDoNotCallRequest(true))).ReadAsync<CustomerDoNotCallView>();

        Assert.Equal((true, 3, app.Clock.GetUtcNow()), (set.DoNotCall, set.CancelledCalls, set.Since!.Value));
        var calls = await TasksAsync(app, order.Id);
        Assert.All(calls, t => Assert.Equal((FollowUpTaskStatus.Cancelled, FollowUpOutcome.Cancel), (t.Status, t.Attempts.Single().Outcome)));
        await (await (await app.ClientForAsync("advisor.sh")).PutAsync($"/api/v1/customers/{order.CustomerId}/do-not-call", new SetDoNotCallRequest(false)))
            .ReadProblemAsync(HttpStatusCode.NotFound);

        var withdrawn = await (await advisor.PutAsync($"/api/v1/customers/{order.CustomerId}/do-not-call", new SetDoNotCallRequest(false))).ReadAsync<CustomerDoNotCallView>();
        Assert.Equal((false, 0, (DateTimeOffset?)null), (withdrawn.DoNotCall, withdrawn.CancelledCalls, withdrawn.Since));
        Assert.False(await app.WithDbAsync(db => db.Customers.IgnoreQueryFilters().Where(c => c.Id == order.CustomerId).Select(c => c.DoNotCall).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Coverage_counts_deliveries_sample_and_reached_calls_against_the_target()
    {
        // Shanghai at 50%: two deliveries in one stratum, one of them is drawn; a reworked one is always drawn.
        await TargetAsync(app, "SH01", 50);
        var a = await DeliveredAsync(app, "advisor.sh");
        var b = await DeliveredAsync(app, "advisor.sh");
        app.Clock.Advance(TimeSpan.FromMinutes(1)); // delivered after the two, so it counts towards the stratum after they were drawn
        var reworked = await DeliveredAsync(app, "advisor.sh", rework: true);
        await RunGeneratorAsync(app);
        var selections = new[] { await SelectionAsync(app, a.Id), await SelectionAsync(app, b.Id), await SelectionAsync(app, reworked.Id) };
        Assert.Equal(1, selections.Take(2).Count(s => s!.Selected));
        Assert.Equal(SampleReason.Required, selections[2]!.Reason);
        var drawn = selections.Take(2).Single(s => s!.Selected)!.RepairOrderId;
        var call = (await TasksAsync(app, drawn))[0];
        var agent = await app.ClientForAsync("agent");
        app.Clock.SetUtcNow(call.DueAt.AddMinutes(1));
        await (await agent.PostAsync($"/api/v1/follow-ups/calls/{call.Id}/outcomes", new RecordFollowUpOutcomeRequest(call.Version, FollowUpOutcome.Reached, "满意"))).ReadAsync<FollowUpCallView>();

        var shanghai = await app.StoreIdAsync("SH01");
        var day = DateOnly.FromDateTime(a.OpenedAt.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var coverage = Assert.Single(await (await agent.GetAsync($"/api/v1/follow-ups/coverage?storeId={shanghai}&from={day.AddDays(-1):yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}", Ct))
            .ReadAsync<List<FollowUpCoverageView>>());

        Assert.Equal(3, coverage.Delivered);
        Assert.Equal(3, coverage.Callable);
        Assert.Equal(2, coverage.Sampled);
        Assert.Equal(1, coverage.Required);
        Assert.Equal(1, coverage.Reached);
        Assert.Equal(50, coverage.TargetPercent);
        Assert.Equal(33.3m, coverage.CoveragePercent);
        Assert.Equal(66.7m, coverage.SampledPercent);
        Assert.False(coverage.MeetsTarget);
    }

    [Fact]
    public async Task Policies_are_read_by_staff_and_saved_by_administrators_with_checks()
    {
        var shanghai = await app.StoreIdAsync("SH01");
        var beijing = await app.StoreIdAsync("BJ01");
        var admin = await app.ClientForAsync("admin");
        var advisor = await app.ClientForAsync("advisor");

        var policy = await (await admin.GetAsync($"/api/v1/follow-up-policies/{shanghai}", Ct)).ReadAsync<FollowUpPolicyView>();
        Assert.Equal(FollowUpPolicy.SeedBlockedHours, policy.BlockedHours);
        var request = new SaveFollowUpPolicyRequest(policy.Version, 60, 4, [new FollowUpRule(FollowUpOrderType.Repair, FollowUpKind.After3Days)], [new RetryStep(30)],
            [new TimeWindow(new TimeOnly(12, 0), new TimeOnly(13, 30))]);

        await (await advisor.PutAsync($"/api/v1/follow-up-policies/{beijing}", request)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await advisor.GetAsync($"/api/v1/follow-up-policies/{shanghai}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await advisor.GetAsync($"/api/v1/follow-ups/coverage?storeId={shanghai}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        var invalid = await (await admin.PutAsync($"/api/v1/follow-up-policies/{shanghai}", request with { CoverageTargetPercent = 0, Rules = [] })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(FollowUpPolicy.CoverageOutOfRange, invalid.Codes);
        Assert.Contains(FollowUpPolicy.NoRules, invalid.Codes);

        var saved = await (await admin.PutAsync($"/api/v1/follow-up-policies/{shanghai}", request)).ReadAsync<FollowUpPolicyView>();
        Assert.False(saved.IsDefault);
        Assert.Equal(60, saved.CoverageTargetPercent);
        Assert.Equal([new RetryStep(30)], saved.RetrySchedule);
        var stale = await (await admin.PutAsync($"/api/v1/follow-up-policies/{shanghai}", request with { Version = saved.Version + 1 })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(SaveFollowUpPolicy.ChangedBySomeoneElse, stale.Code);

        var reread = await (await admin.GetAsync($"/api/v1/follow-up-policies/{shanghai}", Ct)).ReadAsync<FollowUpPolicyView>();
        Assert.Equal(saved.Rules, reread.Rules);
        Assert.Equal(saved.BlockedHours, reread.BlockedHours);

        // Back to the defaults for the other tests of this class.
        var defaults = FollowUpPolicy.Default(shanghai);
        await (await admin.PutAsync($"/api/v1/follow-up-policies/{shanghai}", new SaveFollowUpPolicyRequest(reread.Version, 50, 3, defaults.Rules, defaults.RetrySchedule, defaults.BlockedHours)))
            .ReadAsync<FollowUpPolicyView>();
    }

    /// <summary>Another delivered order for the same customer (same asset), made like the first.</summary>
    private async Task<Guid> NextVisitAsync(Guid customerId)
    {
        var next = await DeliveredAsync(app);
        await app.WithDbAsync(db => db.Set<Domain.RepairOrders.RepairOrder>().IgnoreQueryFilters().Where(o => o.Id == next.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.CustomerId, customerId), Ct));
        return next.Id;
    }
}

public sealed class SqliteFollowUpTests(SqliteApp app) : FollowUpTests<SqliteApp>(app);

public sealed class PostgresFollowUpTests(PostgresApp app) : FollowUpTests<PostgresApp>(app);
