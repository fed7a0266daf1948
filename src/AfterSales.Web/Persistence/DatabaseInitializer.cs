using AfterSales.Domain.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Persistence;

/// <summary>Applies the provider's migrations, makes sure every staff role exists, and seeds demo data into an empty database.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, DatabaseOptions options, CancellationToken ct)
    {
        var db = services.GetRequiredService<AfterSalesDb>();
        await db.Database.MigrateAsync(ct);

        var roles = services.GetRequiredService<RoleManager<AppRole>>();
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role.ToString()))
            {
                await roles.CreateAsync(new AppRole(role.ToString()));
            }
        }

        if (options.SeedDemoData && !await db.Stores.IgnoreQueryFilters().AnyAsync(ct))
        {
            await DemoData.SeedAsync(services, ct);
        }
    }
}
