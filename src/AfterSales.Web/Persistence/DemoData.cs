using AfterSales.Domain.Assets;
using AfterSales.Domain.Common;
using AfterSales.Domain.Customers;
using AfterSales.Domain.Staff;
using AfterSales.Domain.Stores;
using Bogus;
using Microsoft.AspNetCore.Identity;

namespace AfterSales.Web.Persistence;

/// <summary>A demo dealer group: two stores, a login for every role, and about 200 customers with their vehicles, appliances and phones.</summary>
public static class DemoData
{
    public const string Password = "AfterSales-2026";

    public const string BeijingStore = "BJ01";
    public const string ShanghaiStore = "SH01";

    /// <summary>(login, roles and stores) as printed at start-up.</summary>
    public static readonly IReadOnlyList<(string UserName, string Description)> Logins =
    [
        ("admin", "管理员 Administrator (all stores)"),
        ("advisor", "服务顾问 Service advisor (BJ01)"),
        ("advisor.sh", "服务顾问 Service advisor (SH01)"),
        ("agent", "客服/回访专员 Call-centre agent (BJ01, SH01)"),
        ("workshop", "车间主管 Workshop manager (BJ01)"),
        ("teamlead", "班组长 Team lead (BJ01)"),
        ("tech", "维修技师 Technician (BJ01)"),
        ("qc", "质检员 QC inspector (BJ01)"),
        ("parts", "备件员 Parts clerk (BJ01)"),
        ("cashier", "收银员 Cashier (BJ01)"),
        ("complaints", "投诉专员 Complaint specialist (BJ01, SH01)"),
        ("manager", "服务经理 Service manager (BJ01)"),
    ];

    private static readonly (string UserName, string DisplayName, StaffRole Role, string[] Stores)[] Staff =
    [
        ("admin", "系统管理员", StaffRole.Administrator, [BeijingStore, ShanghaiStore]),
        ("advisor", "李娜", StaffRole.ServiceAdvisor, [BeijingStore]),
        ("advisor.sh", "陈杰", StaffRole.ServiceAdvisor, [ShanghaiStore]),
        ("agent", "王芳", StaffRole.CallCentreAgent, [BeijingStore, ShanghaiStore]),
        ("workshop", "张伟", StaffRole.WorkshopManager, [BeijingStore]),
        ("teamlead", "刘强", StaffRole.TeamLead, [BeijingStore]),
        ("tech", "赵磊", StaffRole.Technician, [BeijingStore]),
        ("qc", "孙丽", StaffRole.QcInspector, [BeijingStore]),
        ("parts", "周敏", StaffRole.PartsClerk, [BeijingStore]),
        ("cashier", "吴静", StaffRole.Cashier, [BeijingStore]),
        ("complaints", "郑洁", StaffRole.ComplaintSpecialist, [BeijingStore, ShanghaiStore]),
        ("manager", "黄涛", StaffRole.ServiceManager, [BeijingStore]),
    ];

    private static readonly (string Make, string Model, bool Ev)[] Vehicles =
    [
        ("比亚迪", "汉 EV", true), ("比亚迪", "宋 PLUS DM-i", false), ("特斯拉", "Model 3", true), ("特斯拉", "Model Y", true),
        ("蔚来", "ET5", true), ("小鹏", "P7", true), ("理想", "L7", false), ("大众", "帕萨特", false), ("丰田", "凯美瑞", false),
        ("本田", "雅阁", false), ("宝马", "3系", false), ("奔驰", "C级", false), ("吉利", "星越L", false), ("长安", "CS75 PLUS", false),
    ];

    private static readonly (string Brand, string Model)[] Appliances =
    [
        ("海尔", "BCD-470WDPG 冰箱"), ("美的", "KFR-35GW 空调"), ("格力", "KFR-72LW 柜机"), ("小天鹅", "TG100V88 洗衣机"), ("方太", "EMD20T 油烟机"),
    ];

    private static readonly (string Brand, string Model)[] Phones =
    [
        ("华为", "Mate 60 Pro"), ("小米", "14 Ultra"), ("苹果", "iPhone 15"), ("OPPO", "Find X7"), ("vivo", "X100"),
    ];

    private static readonly string[] Provinces = ["京", "沪", "苏", "浙", "粤"];

    public static OpeningHours[] StandardHours() =>
    [
        .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday }
            .Select(d => new OpeningHours(d, new TimeOnly(8, 30), new TimeOnly(18, 0))),
        new OpeningHours(DayOfWeek.Sunday, new TimeOnly(9, 0), new TimeOnly(17, 0)),
    ];

    /// <summary>China's 2026 public holidays around New Year and Spring Festival, with their make-up working days.</summary>
    public static StoreHoliday[] Holidays2026() =>
    [
        new(new DateOnly(2026, 1, 1), "元旦", false),
        new(new DateOnly(2026, 1, 2), "元旦", false),
        new(new DateOnly(2026, 1, 3), "元旦", false),
        new(new DateOnly(2026, 1, 4), "元旦调休上班", true),
        new(new DateOnly(2026, 2, 15), "春节", false),
        new(new DateOnly(2026, 2, 16), "春节", false),
        new(new DateOnly(2026, 2, 17), "春节", false),
        new(new DateOnly(2026, 2, 18), "春节", false),
        new(new DateOnly(2026, 2, 19), "春节", false),
        new(new DateOnly(2026, 2, 28), "春节调休上班", true),
        new(new DateOnly(2026, 10, 1), "国庆节", false),
        new(new DateOnly(2026, 10, 2), "国庆节", false),
        new(new DateOnly(2026, 10, 3), "国庆节", false),
        new(new DateOnly(2026, 10, 10), "国庆调休上班", true),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct, int customers = 200)
    {
        var db = services.GetRequiredService<AfterSalesDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var users = services.GetRequiredService<UserManager<AppUser>>();

        var beijing = Store.Open(BeijingStore, "北京朝阳旗舰店", "北京市朝阳区建国路88号", "01065001234", Store.DefaultTimeZone, StandardHours());
        var shanghai = Store.Open(ShanghaiStore, "上海浦东服务中心", "上海市浦东新区张江路1000号", "02150001234", Store.DefaultTimeZone, StandardHours());
        beijing.ReplaceHolidays(Holidays2026());
        shanghai.ReplaceHolidays(Holidays2026());
        db.Stores.AddRange(beijing, shanghai);
        await db.SaveChangesAsync(ct);
        var stores = new Dictionary<string, Guid> { [BeijingStore] = beijing.Id, [ShanghaiStore] = shanghai.Id };
        await DemoLabour.SeedAsync(db, stores, ct);

        foreach (var (userName, displayName, role, storeCodes) in Staff)
        {
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = userName,
                DisplayName = displayName,
                Email = $"{userName}@demo.aftersales.cn",
                EmailConfirmed = true,
                CreatedAt = clock.GetUtcNow(),
                Stores = storeCodes.Select(code => new UserStore { StoreId = stores[code] }).ToList(),
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role.ToString()));
        }

        var now = clock.GetUtcNow();
        await Features.Workshop.WorkshopDemoData.SeedAsync(db, users, stores, now, ct);
        await Features.Warranty.WarrantyDemoData.SeedAsync(db, now, ct);
        await Features.Reminders.ReminderDemoData.SeedAsync(db, now, ct);
        await Features.Quality.QualityDemoData.SeedAsync(db, now, ct);
        foreach (var batch in Generate(customers, [beijing.Id, shanghai.Id], now, seed: 20261123).Chunk(100))
        {
            foreach (var (customer, assets) in batch)
            {
                db.Customers.Add(customer);
                db.Assets.AddRange(assets);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        await Features.Parts.PartsDemoData.SeedAsync(db, now, ct);
        await Features.Parts.PartsDemoData.SeedStockAsync(db, [beijing.Id, shanghai.Id], now, ct);
        await Features.Knowledge.KnowledgeDemoData.SeedAsync(db, now, ct);
    }

    /// <summary>Deterministic customers with valid VINs, plates, serials and IMEIs (also used by the search benchmark).</summary>
    public static IEnumerable<(Customer Customer, List<Asset> Assets)> Generate(int count, IReadOnlyList<Guid> storeIds, DateTimeOffset now, int seed)
    {
        var faker = new Faker("zh_CN");
        faker.Random = new Randomizer(seed);
        var random = faker.Random;
        for (var i = 0; i < count; i++)
        {
            var storeId = storeIds[i % storeIds.Count];
            var company = random.Int(0, 9) == 0;
            var phones = new List<CustomerPhone> { new(MobileNumber(random), PhoneLabel.Mobile, true) };
            if (random.Int(0, 4) == 0)
            {
                phones.Add(new CustomerPhone(MobileNumber(random), PhoneLabel.Work, false));
            }

            var name = company ? CompanyName(random) : faker.Name.LastName() + faker.Name.FirstName();
            var from = random.Int(0, 2) == 0 ? new TimeOnly(random.Int(9, 15), 0) : (TimeOnly?)null;
            var details = new CustomerDetails(
                company ? CustomerKind.Company : CustomerKind.Person,
                name,
                company ? faker.Name.LastName() + faker.Name.FirstName() : null,
                phones,
                $"{faker.Address.State()}{faker.Address.City()}{faker.Address.StreetName()}{random.Int(1, 300)}号",
                from,
                from?.AddHours(2),
                random.Bool(0.8f),
                null);
            var created = now.AddDays(-random.Int(0, 900)).AddMinutes(-random.Int(0, 1440));
            var customer = Customer.Register(storeId, details, created);

            var assets = new List<Asset>();
            var assetCount = random.WeightedRandom([1, 2, 3], [0.6f, 0.3f, 0.1f]);
            for (var a = 0; a < assetCount; a++)
            {
                var kind = random.WeightedRandom([AssetKind.Vehicle, AssetKind.Appliance, AssetKind.Phone], [0.6f, 0.2f, 0.2f]);
                assets.Add(Asset.Register(customer.Id, storeId, AssetFor(kind, random, now), created));
            }

            yield return (customer, assets);
        }
    }

    private static AssetDetails AssetFor(AssetKind kind, Randomizer random, DateTimeOffset now)
    {
        switch (kind)
        {
            case AssetKind.Vehicle:
                var (make, model, ev) = random.ArrayElement(Vehicles);
                var year = random.Int(now.Year - 10, now.Year);
                var vin = VehicleNumber(random);
                return new AssetDetails(
                    kind, make, model, year, vin, Plate(random, ev), random.Int(500, 180_000), ev,
                    ev ? random.Int(50, 100) : null, ev ? random.ArrayElement(["磷酸铁锂", "三元锂"]) : null, ev ? "BT" + random.Replace("##########") : null,
                    PurchaseDate: SoldOn(year, vin, now));
            case AssetKind.Appliance:
                var (brand, applianceModel) = random.ArrayElement(Appliances);
                return new AssetDetails(kind, brand, applianceModel, SerialNumber: random.Replace("??#########").ToUpperInvariant(),
                    PurchaseDate: DateOnly.FromDateTime(now.AddDays(-random.Int(30, 2000)).UtcDateTime), PurchaseProof: "FP" + random.Replace("########"));
            case AssetKind.Phone:
                var (phoneBrand, phoneModel) = random.ArrayElement(Phones);
                return new AssetDetails(kind, phoneBrand, phoneModel, Imei: ImeiNumber(random),
                    PurchaseDate: DateOnly.FromDateTime(now.AddDays(-random.Int(30, 900)).UtcDateTime), PurchaseProof: "FP" + random.Replace("########"));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    // The sale date from the VIN's serial, not from the random source, so the rest of the demo data stays as it was.
    private static DateOnly SoldOn(int year, string vin, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var sold = new DateOnly(year, 1 + (vin[12] % 12), 1 + (vin[13] % 28));
        return sold <= today ? sold : today.AddDays(-(vin[14] % 90));
    }

    // Bogus's zh_CN company names come out as "王 LLC"; fleet customers look like this instead.
    private static string CompanyName(Randomizer random) =>
        random.ArrayElement(["北京", "上海", "苏州", "杭州", "深圳", "南京"])
        + random.ArrayElement(["华兴", "远达", "恒通", "鼎盛", "安顺", "启明", "中联", "宏运"])
        + random.ArrayElement(["物流", "出租汽车", "租赁", "建设", "科技", "家电"])
        + "有限公司";

    public static string MobileNumber(Randomizer random) => "1" + random.ArrayElement(["3", "5", "7", "8", "9"]) + random.Replace("#########");

    public static string VehicleNumber(Randomizer random)
    {
        const string chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        var vin = ("L" + new string(Enumerable.Range(0, 16).Select(_ => random.ArrayElement(chars.ToCharArray())).ToArray())).ToCharArray();
        vin[8] = '0';
        vin[8] = Vin.CheckDigit(new string(vin));
        return new string(vin);
    }

    public static string ImeiNumber(Randomizer random)
    {
        var payload = "35" + random.Replace("############");
        return payload + Luhn.CheckDigit(payload);
    }

    private static string Plate(Randomizer random, bool ev)
    {
        const string letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        var tail = ev ? random.ArrayElement(["D", "F"]) + random.Replace("#####") : random.Replace("?####").ToUpperInvariant().Replace('I', 'X').Replace('O', 'Y');
        return random.ArrayElement(Provinces) + random.ArrayElement(letters.ToCharArray()) + tail;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
