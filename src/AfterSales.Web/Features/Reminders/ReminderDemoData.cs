using AfterSales.Domain.Assets;
using AfterSales.Domain.Reminders;
using AfterSales.Web.Persistence;

namespace AfterSales.Web.Features.Reminders;

/// <summary>
/// Maintenance plans as makers publish them for the demo makes and product types: petrol cars every 5,000–10,000 km
/// or 6–12 months with the first service (首保) at 5,000 km or 6 months; EVs every 20,000 km or 12 months (no oil);
/// air conditioners cleaned yearly, range hoods and washing machines cleaned yearly, refrigerators checked every two
/// years, phones' batteries checked yearly.
/// </summary>
public static class ReminderDemoData
{
    private static readonly ServicePlanTerms[] Plans =
    [
        new("乘用车常规保养", AssetKind.Vehicle, null, null, 12, 10_000, 6, 5_000),
        new("比亚迪 DM-i 保养", AssetKind.Vehicle, "比亚迪", "DM-i", 12, 7_500, 6, 3_000),
        new("比亚迪纯电车保养", AssetKind.Vehicle, "比亚迪", "EV", 12, 20_000, 6, 5_000),
        new("特斯拉车辆检查", AssetKind.Vehicle, "特斯拉", null, 24, 40_000),
        new("蔚来纯电车保养", AssetKind.Vehicle, "蔚来", null, 12, 20_000),
        new("小鹏纯电车保养", AssetKind.Vehicle, "小鹏", null, 12, 20_000),
        new("理想增程车保养", AssetKind.Vehicle, "理想", null, 12, 10_000, 6, 5_000),
        new("一汽-大众保养", AssetKind.Vehicle, "大众", null, 12, 7_500, 6, 5_000),
        new("丰田定期保养", AssetKind.Vehicle, "丰田", null, 6, 5_000, 6, 5_000),
        new("本田定期保养", AssetKind.Vehicle, "本田", null, 6, 5_000, 6, 5_000),
        new("宝马 CBS 保养", AssetKind.Vehicle, "宝马", null, 12, 10_000),
        new("奔驰 A/B 保养", AssetKind.Vehicle, "奔驰", null, 12, 10_000),
        new("吉利定期保养", AssetKind.Vehicle, "吉利", null, 12, 7_500, 6, 5_000),
        new("长安定期保养", AssetKind.Vehicle, "长安", null, 12, 7_500, 6, 5_000),
        new("空调清洗保养", AssetKind.Appliance, null, "空调", 12, null),
        new("柜机清洗保养", AssetKind.Appliance, null, "柜机", 12, null),
        new("洗衣机筒清洁", AssetKind.Appliance, null, "洗衣机", 12, null),
        new("油烟机清洗", AssetKind.Appliance, null, "油烟机", 12, null),
        new("冰箱检查保养", AssetKind.Appliance, null, "冰箱", 24, null),
        new("手机电池健康检测", AssetKind.Phone, null, null, 12, null),
    ];

    public static async Task SeedAsync(AfterSalesDb db, DateTimeOffset now, CancellationToken ct)
    {
        db.AddRange(Plans.Select(p => ServicePlan.Define(p, now)));
        await db.SaveChangesAsync(ct);
    }
}
