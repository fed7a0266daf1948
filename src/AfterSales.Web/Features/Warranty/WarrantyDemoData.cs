using AfterSales.Domain.Assets;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Persistence;

namespace AfterSales.Web.Features.Warranty;

/// <summary>
/// Warranty terms as the Chinese market has them: the statutory minimum of 家用汽车产品修理更换退货责任规定
/// (包修期 3 years or 60,000 km), the longer terms makers give (EV battery, motor and control 8 years), the
/// appliance 三包 (whole unit 1 year, main parts 3 years) with brands' longer compressor and motor terms, and
/// the phone 三包 (handset 1 year, battery 6 months).
/// </summary>
public static class WarrantyDemoData
{
    private const string MisuseExclusions = "事故、改装、人为损坏，未按规定保养，使用说明书列明不属于包修范围的情形";

    private static readonly PolicyTerms[] Policies =
    [
        new("家用汽车三包包修期", AssetKind.Vehicle, null, null, ComponentGroup.WholeVehicle, 36, 60_000, Exclusions: MisuseExclusions),
        new("新能源汽车动力电池保修", AssetKind.Vehicle, null, null, ComponentGroup.TractionBattery, 96, 120_000, Exclusions: "电池外部撞击、浸水、私自拆解"),
        new("新能源汽车驱动电机保修", AssetKind.Vehicle, null, null, ComponentGroup.DriveMotor, 96, 120_000),
        new("易损耗零部件质量保证期", AssetKind.Vehicle, null, null, ComponentGroup.WearParts, 3, 5_000, Exclusions: "滤清器、火花塞、刹车片、雨刮片、轮胎、灯泡、保险丝"),
        new("首次免费保养", AssetKind.Vehicle, null, null, ComponentGroup.FirstService, 6, 5_000),
        new("比亚迪整车保修", AssetKind.Vehicle, "比亚迪", null, ComponentGroup.WholeVehicle, 72, 150_000, Exclusions: MisuseExclusions),
        new("比亚迪三电保修（电池）", AssetKind.Vehicle, "比亚迪", null, ComponentGroup.TractionBattery, 96, 150_000),
        new("比亚迪三电保修（电机）", AssetKind.Vehicle, "比亚迪", null, ComponentGroup.DriveMotor, 96, 150_000),
        new("比亚迪三电保修（电控）", AssetKind.Vehicle, "比亚迪", null, ComponentGroup.ElectronicControl, 96, 150_000),
        new("特斯拉新车有限保修", AssetKind.Vehicle, "特斯拉", null, ComponentGroup.WholeVehicle, 48, 80_000, Exclusions: MisuseExclusions),
        new("特斯拉电池与驱动单元保修", AssetKind.Vehicle, "特斯拉", null, ComponentGroup.TractionBattery, 96, 160_000),
        new("特斯拉驱动单元保修", AssetKind.Vehicle, "特斯拉", null, ComponentGroup.DriveMotor, 96, 160_000),
        new("丰田整车保修", AssetKind.Vehicle, "丰田", null, ComponentGroup.WholeVehicle, 36, 100_000, Exclusions: MisuseExclusions),
        new("一汽-大众整车保修", AssetKind.Vehicle, "大众", null, ComponentGroup.WholeVehicle, 36, 100_000, Exclusions: MisuseExclusions),
        new("本田整车保修", AssetKind.Vehicle, "本田", null, ComponentGroup.WholeVehicle, 36, 100_000, Exclusions: MisuseExclusions),
        new("宝马整车保修（不限里程）", AssetKind.Vehicle, "宝马", null, ComponentGroup.WholeVehicle, 36, null, Exclusions: MisuseExclusions),
        new("奔驰整车保修（不限里程）", AssetKind.Vehicle, "奔驰", null, ComponentGroup.WholeVehicle, 36, null, Exclusions: MisuseExclusions),
        new("冰箱三包（整机）", AssetKind.Appliance, null, "冰箱", ComponentGroup.WholeUnit, 12, null, Exclusions: "非正常使用、自行拆修、不可抗力"),
        new("冰箱三包（压缩机）", AssetKind.Appliance, null, "冰箱", ComponentGroup.Compressor, 36, null),
        new("海尔冰箱压缩机十年包修", AssetKind.Appliance, "海尔", "冰箱", ComponentGroup.Compressor, 120, null),
        new("空调三包（整机）", AssetKind.Appliance, null, "空调", ComponentGroup.WholeUnit, 12, null, Exclusions: "非正常使用、自行拆修、不可抗力"),
        new("空调三包（压缩机）", AssetKind.Appliance, null, "空调", ComponentGroup.Compressor, 36, null),
        new("空调三包（主控板）", AssetKind.Appliance, null, "空调", ComponentGroup.ControlBoard, 36, null),
        new("空调三包（整机）", AssetKind.Appliance, null, "柜机", ComponentGroup.WholeUnit, 12, null),
        new("格力空调整机六年包修", AssetKind.Appliance, "格力", null, ComponentGroup.WholeUnit, 72, null),
        new("美的空调整机六年包修", AssetKind.Appliance, "美的", "空调", ComponentGroup.WholeUnit, 72, null),
        new("洗衣机三包（整机）", AssetKind.Appliance, null, "洗衣机", ComponentGroup.WholeUnit, 12, null),
        new("洗衣机三包（电机）", AssetKind.Appliance, null, "洗衣机", ComponentGroup.Motor, 36, null),
        new("小天鹅直驱电机十年包修", AssetKind.Appliance, "小天鹅", "洗衣机", ComponentGroup.Motor, 120, null),
        new("油烟机三包（整机）", AssetKind.Appliance, null, "油烟机", ComponentGroup.WholeUnit, 12, null),
        new("方太油烟机五年包修", AssetKind.Appliance, "方太", "油烟机", ComponentGroup.WholeUnit, 60, null),
        new("移动电话三包（主机）", AssetKind.Phone, null, null, ComponentGroup.WholeUnit, 12, null, Exclusions: "进水、摔坏、私自拆机、非官方维修"),
        new("移动电话三包（电池）", AssetKind.Phone, null, null, ComponentGroup.PhoneBattery, 6, null),
        new("移动电话三包（充电器）", AssetKind.Phone, null, null, ComponentGroup.Charger, 12, null),
        new("华为手机电池一年保修", AssetKind.Phone, "华为", null, ComponentGroup.PhoneBattery, 12, null),
        new("苹果手机电池一年保修", AssetKind.Phone, "苹果", null, ComponentGroup.PhoneBattery, 12, null),
    ];

    public static async Task SeedAsync(AfterSalesDb db, DateTimeOffset now, CancellationToken ct)
    {
        db.AddRange(Policies.Select(p => WarrantyPolicy.Define(p, now)));
        await db.SaveChangesAsync(ct);
    }
}
