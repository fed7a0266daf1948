using System.Net;
using AfterSales.Domain.Staff;
using AfterSales.Web.Features;
using AfterSales.Web.Features.Users;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Web.Tests.Features.Users;

public abstract class UserAdministrationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private const string Password = "correct horse battery";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<CreateUserRequest> NewUserAsync(params StaffRole[] roles) =>
        new("u." + Guid.NewGuid().ToString("N")[..10], "测试员工", Password, roles.Length == 0 ? [StaffRole.ServiceAdvisor] : roles,
            [await app.StoreIdAsync(DemoData.BeijingStore)], "someone@example.com", "13800138000");

    private async Task<UserView> CreateAsync(CreateUserRequest? request = null)
    {
        var admin = await app.ClientForAsync("admin");
        return await (await admin.PostAsync("/api/v1/users", request ?? await NewUserAsync())).ReadAsync<UserView>(HttpStatusCode.Created);
    }

    private static UpdateUserRequest Edit(UserView u) =>
        new(u.ConcurrencyStamp, u.DisplayName, u.Roles, u.Stores.Select(s => s.Id).ToList(), u.IsActive, u.Email, u.Phone);

    [Fact]
    public async Task An_administrator_creates_a_user_with_roles_and_stores()
    {
        var request = await NewUserAsync(StaffRole.ServiceAdvisor, StaffRole.Cashier);

        var user = await CreateAsync(request);

        Assert.Equal(request.UserName, user.UserName);
        Assert.Equal([StaffRole.ServiceAdvisor, StaffRole.Cashier], user.Roles);
        Assert.Equal([DemoData.BeijingStore], user.Stores.Select(s => s.Code));
        Assert.True(user.IsActive);
        Assert.False(user.IsLockedOut);
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == user.Id).Select(a => a.EntityType).ToListAsync(Ct));
        Assert.Contains("AppUser", audited);
        Assert.Contains("UserStore", audited);
        Assert.Equal(2, audited.Count(t => t == "UserRole"));
    }

    [Fact]
    public async Task Identity_refusals_are_localized_field_errors()
    {
        var admin = await app.ClientForAsync("admin", "zh-CN");

        var shortPassword = await (await admin.PostAsync("/api/v1/users", await NewUserAsync() with { Password = "short" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var taken = await (await admin.PostAsync("/api/v1/users", await NewUserAsync() with { UserName = "advisor" })).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("identity.PasswordTooShort", shortPassword.Codes);
        Assert.Contains(shortPassword.ErrorsOf("password"), m => m.Contains("10", StringComparison.Ordinal) && m.Contains("密码", StringComparison.Ordinal));
        Assert.Contains("identity.DuplicateUserName", taken.Codes);
        Assert.Single(taken.ErrorsOf("userName"));
    }

    [Fact]
    public async Task A_long_password_without_composition_rules_is_accepted()
    {
        var user = await CreateAsync(await NewUserAsync() with { Password = "alllowercaseletters" });

        Assert.NotEqual(Guid.Empty, user.Id);
    }

    [Fact]
    public async Task Roles_and_stores_are_required_except_stores_for_group_wide_roles()
    {
        var admin = await app.ClientForAsync("admin");

        var problem = await (await admin.PostAsync("/api/v1/users", await NewUserAsync() with { Roles = [], Stores = [] })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var groupWide = await CreateAsync(await NewUserAsync(StaffRole.Administrator) with { Stores = [] });

        Assert.Contains("user.role_required", problem.Codes);
        Assert.Contains("user.store_required", problem.Codes);
        Assert.Empty(groupWide.Stores);
    }

    [Fact]
    public async Task An_unknown_store_is_a_field_error()
    {
        var admin = await app.ClientForAsync("admin");

        var problem = await (await admin.PostAsync("/api/v1/users", await NewUserAsync() with { Stores = [Guid.NewGuid()] })).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("user.store_unknown", problem.Codes);
    }

    [Fact]
    public async Task Updating_roles_and_stores_is_audited_and_a_stale_stamp_is_a_conflict()
    {
        var admin = await app.ClientForAsync("admin");
        var user = await CreateAsync();
        var shanghai = await app.StoreIdAsync(DemoData.ShanghaiStore);

        var updated = await (await admin.PutAsync($"/api/v1/users/{user.Id}", Edit(user) with { Roles = [StaffRole.ComplaintSpecialist], Stores = [shanghai], DisplayName = "新名字" }))
            .ReadAsync<UserView>();
        var stale = await (await admin.PutAsync($"/api/v1/users/{user.Id}", Edit(user))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal([StaffRole.ComplaintSpecialist], updated.Roles);
        Assert.Equal([DemoData.ShanghaiStore], updated.Stores.Select(s => s.Code));
        Assert.Equal("新名字", updated.DisplayName);
        Assert.Equal("user.changed_by_someone_else", stale.Code);
        var deleted = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == user.Id && a.Action == "Deleted").Select(a => a.EntityType).ToListAsync(Ct));
        Assert.Contains("UserRole", deleted);
        Assert.Contains("UserStore", deleted);
    }

    [Fact]
    public async Task The_list_filters_by_text_role_and_store()
    {
        var admin = await app.ClientForAsync("admin");
        var user = await CreateAsync(await NewUserAsync(StaffRole.PartsClerk));

        var byText = await (await admin.GetAsync($"/api/v1/users?query={user.UserName.ToUpperInvariant()}", Ct)).ReadAsync<Page<UserView>>();
        var byRole = await (await admin.GetAsync("/api/v1/users?role=PartsClerk&pageSize=100", Ct)).ReadAsync<Page<UserView>>();
        var shanghai = await app.StoreIdAsync(DemoData.ShanghaiStore);
        var byStore = await (await admin.GetAsync($"/api/v1/users?storeId={shanghai}&pageSize=100", Ct)).ReadAsync<Page<UserView>>();

        Assert.Equal([user.Id], byText.Items.Select(u => u.Id));
        Assert.Contains(byRole.Items, u => u.Id == user.Id);
        Assert.All(byRole.Items, u => Assert.Contains(StaffRole.PartsClerk, u.Roles));
        Assert.DoesNotContain(byStore.Items, u => u.Id == user.Id);
        Assert.Contains(byStore.Items, u => u.UserName == "advisor.sh");
    }

    [Fact]
    public async Task An_administrator_cannot_demote_or_disable_themselves()
    {
        var admin = await app.ClientForAsync("admin");
        var self = await (await admin.GetAsync($"/api/v1/users/{await app.UserIdAsync("admin")}", Ct)).ReadAsync<UserView>();

        var demote = await (await admin.PutAsync($"/api/v1/users/{self.Id}", Edit(self) with { Roles = [StaffRole.ServiceManager] })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var disable = await (await admin.PostAsync($"/api/v1/users/{self.Id}/disable", new { })).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("user.cannot_demote_self", demote.Codes);
        Assert.Equal("user.cannot_disable_self", disable.Code);
    }

    [Fact]
    public async Task Unlock_clears_a_lockout()
    {
        var admin = await app.ClientForAsync("admin");
        var user = await CreateAsync();
        var guesser = app.AnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            await (await guesser.PostAsync("/api/v1/account/login", new Web.Features.Login.LoginRequest(user.UserName, "wrong " + i))).ReadProblemAsync(HttpStatusCode.Unauthorized);
        }

        var locked = await (await admin.GetAsync($"/api/v1/users/{user.Id}", Ct)).ReadAsync<UserView>();
        var unlocked = await (await admin.PostAsync($"/api/v1/users/{user.Id}/unlock", new { })).ReadAsync<UserView>();

        Assert.True(locked.IsLockedOut);
        Assert.False(unlocked.IsLockedOut);
        Assert.Equal(0, unlocked.FailedLogins);
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one_and_follows_the_policy()
    {
        var admin = await app.ClientForAsync("admin");
        var user = await CreateAsync();

        var tooShort = await (await admin.PostAsync($"/api/v1/users/{user.Id}/password", new ResetPasswordRequest("short"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostAsync($"/api/v1/users/{user.Id}/password", new ResetPasswordRequest("a brand new secret"))).ReadAsync<UserView>();

        Assert.Single(tooShort.ErrorsOf("newPassword"));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var stored = await users.FindByIdAsync(user.Id.ToString());
        Assert.True(await users.CheckPasswordAsync(stored!, "a brand new secret"));
        Assert.False(await users.CheckPasswordAsync(stored!, Password));
    }

    [Fact]
    public async Task Non_administrators_get_403_and_unknown_ids_404()
    {
        var manager = await app.ClientForAsync("manager");
        var admin = await app.ClientForAsync("admin");
        var id = Guid.NewGuid();

        await (await manager.GetAsync("/api/v1/users", Ct)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PostAsync("/api/v1/users", await NewUserAsync())).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.GetAsync($"/api/v1/users/{id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"/api/v1/users/{id}/unlock", new { })).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"/api/v1/users/{id}/disable", new { })).ReadProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteUserAdministrationTests(SqliteApp app) : UserAdministrationTests<SqliteApp>(app);

public sealed class PostgresUserAdministrationTests(PostgresApp app) : UserAdministrationTests<PostgresApp>(app);
