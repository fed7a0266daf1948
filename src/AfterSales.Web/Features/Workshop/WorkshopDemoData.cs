using AfterSales.Domain.Service;
using AfterSales.Domain.Staff;
using AfterSales.Domain.Workshop;
using AfterSales.Web.Persistence;
using Microsoft.AspNetCore.Identity;

namespace AfterSales.Web.Features.Workshop;

/// <summary>
/// Demo workshops: two teams per store with a lead each and technicians of varied skills and shifts. The demo
/// logins "teamlead" and "tech" are BJ01's; the others are staff without a password (they appear on the board).
/// </summary>
internal static class WorkshopDemoData
{
    private const WorkshopSkill Mt = WorkshopSkill.Maintenance;
    private const WorkshopSkill Me = WorkshopSkill.Mechanical;
    private const WorkshopSkill El = WorkshopSkill.Electrical;
    private const WorkshopSkill Ev = WorkshopSkill.EvHighVoltage;
    private const WorkshopSkill Bp = WorkshopSkill.BodyPaint;

    private static readonly (string Store, string Team, string UserName, string Name, bool Lead, WorkshopSkill[] Skills, int? From, int? To)[] People =
    [
        (DemoData.BeijingStore, "机电一组", "teamlead", "刘强", true, [Mt, Me, El], null, null),
        (DemoData.BeijingStore, "机电一组", "tech", "赵磊", false, [Mt, Me], null, null),
        (DemoData.BeijingStore, "机电一组", "tech.bj3", "钱勇", false, [Mt, El], 8, 17),
        (DemoData.BeijingStore, "机电一组", "tech.bj4", "孙浩", false, [Mt], 10, 18),
        (DemoData.BeijingStore, "新能源组", "tech.bj5", "周鹏", true, [Ev, El, Mt], null, null),
        (DemoData.BeijingStore, "新能源组", "tech.bj6", "吴斌", false, [Ev, El], 9, 18),
        (DemoData.BeijingStore, "钣喷组", "tech.bj7", "郑刚", true, [Bp], null, null),
        (DemoData.BeijingStore, "钣喷组", "tech.bj8", "王健", false, [Bp, Mt], 9, 17),
        (DemoData.ShanghaiStore, "机电组", "tech.sh1", "冯军", true, [Mt, Me, El], null, null),
        (DemoData.ShanghaiStore, "机电组", "tech.sh2", "陈亮", false, [Mt, Me], null, null),
        (DemoData.ShanghaiStore, "机电组", "tech.sh3", "褚明", false, [Mt], 9, 18),
        (DemoData.ShanghaiStore, "新能源组", "tech.sh4", "卫东", true, [Ev, El], null, null),
        (DemoData.ShanghaiStore, "新能源组", "tech.sh5", "蒋超", false, [Ev, Mt], 8, 17),
        (DemoData.ShanghaiStore, "钣喷组", "tech.sh6", "沈波", true, [Bp], null, null),
    ];

    public static async Task SeedAsync(AfterSalesDb db, UserManager<AppUser> users, IReadOnlyDictionary<string, Guid> stores, DateTimeOffset now, CancellationToken ct)
    {
        var teams = new Dictionary<(string Store, string Team), WorkshopTeam>();
        foreach (var person in People)
        {
            var user = await users.FindByNameAsync(person.UserName);
            if (user is null)
            {
                user = new AppUser
                {
                    Id = Guid.CreateVersion7(),
                    UserName = person.UserName,
                    DisplayName = person.Name,
                    Email = $"{person.UserName}@demo.aftersales.cn",
                    EmailConfirmed = true,
                    CreatedAt = now,
                    Stores = [new UserStore { StoreId = stores[person.Store] }],
                };
                Check(await users.CreateAsync(user));
                Check(await users.AddToRoleAsync(user, (person.Lead ? StaffRole.TeamLead : StaffRole.Technician).ToString()));
            }

            var storeId = stores[person.Store];
            if (!teams.TryGetValue((person.Store, person.Team), out var team))
            {
                team = WorkshopTeam.Create(storeId, person.Team, null, null);
                teams[(person.Store, person.Team)] = team;
                db.Add(team);
            }

            if (person.Lead)
            {
                team.Update(team.Name, user.Id, user.DisplayName);
            }

            db.Add(Technician.Create(
                storeId, user.Id, user.DisplayName, person.Skills, team.Id,
                person.From is { } from ? new TimeOnly(from, 0) : null, person.To is { } to ? new TimeOnly(to, 0) : null));
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
