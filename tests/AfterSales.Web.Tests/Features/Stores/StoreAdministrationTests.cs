using System.Net;
using AfterSales.Web.Features.Stores;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Features.Stores;

public abstract class StoreAdministrationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OpeningHoursInput[] Weekdays() =>
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningHoursInput(d, new TimeOnly(9, 0), new TimeOnly(18, 0)))];

    private static CreateStoreRequest NewStore(string? code = null) =>
        new(code ?? "T" + Guid.NewGuid().ToString("N")[..8], "测试门店", "杭州市西湖区文三路1号", Weekdays(), "Asia/Shanghai", "0571-88001234",
            [new HolidayInput(new DateOnly(2026, 10, 1), "国庆节"), new HolidayInput(new DateOnly(2026, 10, 10), "国庆调休上班", true)]);

    private async Task<StoreView> CreateAsync(CreateStoreRequest? request = null)
    {
        var admin = await app.ClientForAsync("admin");
        return await (await admin.PostAsync("/api/v1/stores", request ?? NewStore())).ReadAsync<StoreView>(HttpStatusCode.Created);
    }

    private static UpdateStoreRequest Update(StoreView s, string? name = null) =>
        new(s.Version, s.Code, name ?? s.Name, s.Address, s.OpeningHours.Select(h => new OpeningHoursInput(h.Day, h.Opens, h.Closes)).ToList(), s.TimeZoneId, s.Phone);

    [Fact]
    public async Task An_administrator_opens_a_store_with_hours_and_holidays()
    {
        var request = NewStore() with { Code = " hz-01x" + Guid.NewGuid().ToString("N")[..4] + " " };

        var store = await CreateAsync(request);

        Assert.Equal(request.Code.Trim().ToUpperInvariant(), store.Code);
        Assert.Equal(5, store.OpeningHours.Count);
        Assert.Equal("05718800" + "1234", store.Phone);
        Assert.Contains(store.Holidays, h => h.IsMakeUpWorkingDay && h.Date == new DateOnly(2026, 10, 10));
        Assert.True(store.IsActive);
    }

    [Fact]
    public async Task A_duplicate_code_is_a_field_error_not_a_server_error()
    {
        var admin = await app.ClientForAsync("admin");

        var problem = await (await admin.PostAsync("/api/v1/stores", NewStore(DemoData.BeijingStore.ToLowerInvariant()))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("store.code_taken", problem.Codes);
        Assert.Single(problem.ErrorsOf("code"));
    }

    [Fact]
    public async Task Bad_calendars_and_missing_fields_are_localized_field_errors()
    {
        var admin = await app.ClientForAsync("admin", "zh-CN");
        var request = NewStore() with
        {
            Name = "",
            Address = "",
            TimeZoneId = "Mars/Olympus",
            OpeningHours = [new OpeningHoursInput(DayOfWeek.Monday, new TimeOnly(18, 0), new TimeOnly(9, 0)), new OpeningHoursInput(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(10, 0))],
            Holidays = [new HolidayInput(new DateOnly(2026, 1, 1), " "), new HolidayInput(new DateOnly(2026, 1, 1), "元旦")],
        };

        var problem = await (await admin.PostAsync("/api/v1/stores", request)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("store.unknown_time_zone", problem.Codes);
        Assert.Contains("store.duplicate_weekday", problem.Codes);
        Assert.Contains("store.opening_after_closing", problem.Codes);
        Assert.Contains("store.holiday_name_required", problem.Codes);
        Assert.Contains("store.duplicate_holiday_date", problem.Codes);
        Assert.Contains(problem.ErrorsOf("timeZoneId"), m => m.Contains("时区", StringComparison.Ordinal));
        Assert.Single(problem.ErrorsOf("name"));
        Assert.Single(problem.ErrorsOf("address"));
    }

    [Fact]
    public async Task A_windows_time_zone_id_is_refused()
    {
        var admin = await app.ClientForAsync("admin");

        var problem = await (await admin.PostAsync("/api/v1/stores", NewStore() with { TimeZoneId = "China Standard Time" })).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("store.unknown_time_zone", problem.Codes);
    }

    [Fact]
    public async Task Updating_with_a_stale_version_is_a_conflict()
    {
        var admin = await app.ClientForAsync("admin");
        var store = await CreateAsync();

        var updated = await (await admin.PutAsync($"/api/v1/stores/{store.Id}", Update(store, "新名字"))).ReadAsync<StoreView>();
        var problem = await (await admin.PutAsync($"/api/v1/stores/{store.Id}", Update(store, "旧版本"))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("新名字", updated.Name);
        Assert.True(updated.Version > store.Version);
        Assert.Equal("store.changed_by_someone_else", problem.Code);
    }

    [Fact]
    public async Task Changing_the_code_to_another_stores_code_is_refused()
    {
        var admin = await app.ClientForAsync("admin");
        var store = await CreateAsync();

        var problem = await (await admin.PutAsync($"/api/v1/stores/{store.Id}", Update(store) with { Code = DemoData.ShanghaiStore })).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("store.code_taken", problem.Codes);
    }

    [Fact]
    public async Task Holidays_are_replaced_whole_and_audited()
    {
        var admin = await app.ClientForAsync("admin");
        var store = await CreateAsync();

        var replaced = await (await admin.PutAsync($"/api/v1/stores/{store.Id}/holidays",
            new ReplaceHolidaysRequest(store.Version, [new HolidayInput(new DateOnly(2027, 1, 1), "元旦")]))).ReadAsync<StoreView>();
        var stale = await (await admin.PutAsync($"/api/v1/stores/{store.Id}/holidays",
            new ReplaceHolidaysRequest(store.Version, []))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal([new HolidayView(new DateOnly(2027, 1, 1), "元旦", false)], replaced.Holidays);
        Assert.Equal("store.changed_by_someone_else", stale.Code);
        var audited = await app.WithDbAsync(db => Task.FromResult(db.AuditEntries.Count(a => a.EntityId == store.Id && a.Action == "Modified")));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task A_deactivated_store_leaves_the_default_list_and_comes_back_when_activated()
    {
        var admin = await app.ClientForAsync("admin");
        var store = await CreateAsync();

        var deactivated = await (await admin.PostAsync($"/api/v1/stores/{store.Id}/deactivate", new { })).ReadAsync<StoreView>();
        var active = await (await admin.GetAsync("/api/v1/stores", Ct)).ReadAsync<List<StoreView>>();
        var all = await (await admin.GetAsync("/api/v1/stores?includeInactive=true", Ct)).ReadAsync<List<StoreView>>();
        var activated = await (await admin.PostAsync($"/api/v1/stores/{store.Id}/activate", new { })).ReadAsync<StoreView>();

        Assert.False(deactivated.IsActive);
        Assert.DoesNotContain(active, s => s.Id == store.Id);
        Assert.Contains(all, s => s.Id == store.Id);
        Assert.True(activated.IsActive);
    }

    [Fact]
    public async Task Staff_see_only_their_own_stores()
    {
        var advisor = await app.ClientForAsync("advisor");
        var shanghai = await app.StoreIdAsync(DemoData.ShanghaiStore);

        var stores = await (await advisor.GetAsync("/api/v1/stores", Ct)).ReadAsync<List<StoreView>>();
        var other = await advisor.GetAsync($"/api/v1/stores/{shanghai}", Ct);

        Assert.Equal([DemoData.BeijingStore], stores.Select(s => s.Code));
        await other.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Non_administrators_cannot_change_stores()
    {
        var manager = await app.ClientForAsync("manager");
        var beijing = await app.StoreIdAsync(DemoData.BeijingStore);

        await (await manager.PostAsync("/api/v1/stores", NewStore())).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PostAsync($"/api/v1/stores/{beijing}/deactivate", new { })).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PutAsync($"/api/v1/stores/{beijing}/holidays", new ReplaceHolidaysRequest(0, []))).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unknown_store_ids_answer_404()
    {
        var admin = await app.ClientForAsync("admin");
        var id = Guid.NewGuid();

        await (await admin.GetAsync($"/api/v1/stores/{id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"/api/v1/stores/{id}/activate", new { })).ReadProblemAsync(HttpStatusCode.NotFound);
        var store = await CreateAsync();
        await (await admin.PutAsync($"/api/v1/stores/{id}", Update(store))).ReadProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteStoreAdministrationTests(SqliteApp app) : StoreAdministrationTests<SqliteApp>(app);

public sealed class PostgresStoreAdministrationTests(PostgresApp app) : StoreAdministrationTests<PostgresApp>(app);
