using AfterSales.Domain.Assets;
using AfterSales.Domain.Parts;
using AfterSales.Web.Persistence;

namespace AfterSales.Web.Features.Parts;

/// <summary>
/// A demo catalogue of a few hundred parts: maintenance and wear parts for the demo fleet's cars (EVs with their
/// high-voltage parts), appliance and phone spares, fluids and tyres. Numbers follow the QC/T 265 group codes
/// Chinese workshops know (1012 oil filter, 3501 front brake …) behind a make prefix; deterministic.
/// </summary>
public static class PartsDemoData
{
    private sealed record Template(string Group, string NameZh, string NameEn, PartCategory Category, PartUnit Unit, decimal Price, Fuel Fuel);

    private enum Fuel
    {
        Any,
        Combustion,
        Electric,
    }

    private static readonly (string Make, string Code, string Model, string ModelCode, bool Ev, bool Hybrid, decimal Tier)[] Cars =
    [
        ("比亚迪", "BYD", "汉 EV", "HAN", true, false, 1.1m), ("比亚迪", "BYD", "宋 PLUS DM-i", "SGP", false, true, 0.9m),
        ("特斯拉", "TSL", "Model 3", "M3", true, false, 1.4m), ("特斯拉", "TSL", "Model Y", "MY", true, false, 1.4m),
        ("蔚来", "NIO", "ET5", "ET5", true, false, 1.3m), ("小鹏", "XP", "P7", "P7", true, false, 1.2m),
        ("理想", "LI", "L7", "L7", false, true, 1.2m), ("大众", "VW", "帕萨特", "PST", false, false, 1.0m),
        ("丰田", "TY", "凯美瑞", "CMR", false, false, 1.0m), ("本田", "HD", "雅阁", "ACD", false, false, 1.0m),
        ("宝马", "BMW", "3系", "3S", false, false, 1.8m), ("奔驰", "MB", "C级", "CK", false, false, 1.9m),
        ("吉利", "GL", "星越L", "XYL", false, false, 0.8m), ("长安", "CA", "CS75 PLUS", "CS75", false, false, 0.7m),
    ];

    private static readonly Template[] CarParts =
    [
        new("1012", "机油滤清器", "Oil filter", PartCategory.Filter, PartUnit.Piece, 58m, Fuel.Combustion),
        new("1109", "空气滤清器滤芯", "Air filter element", PartCategory.Filter, PartUnit.Piece, 95m, Fuel.Combustion),
        new("8107", "空调滤清器", "Cabin air filter", PartCategory.Filter, PartUnit.Piece, 88m, Fuel.Any),
        new("3501", "前制动片", "Front brake pads", PartCategory.Brake, PartUnit.Set, 420m, Fuel.Any),
        new("3502", "后制动片", "Rear brake pads", PartCategory.Brake, PartUnit.Set, 360m, Fuel.Any),
        new("3503", "前制动盘", "Front brake disc", PartCategory.Brake, PartUnit.Piece, 560m, Fuel.Any),
        new("5205", "雨刮片", "Wiper blades", PartCategory.Body, PartUnit.Pair, 128m, Fuel.Any),
        new("3707", "火花塞", "Spark plug", PartCategory.Engine, PartUnit.Piece, 75m, Fuel.Combustion),
        new("3703", "12V蓄电池", "12V battery", PartCategory.Electrical, PartUnit.Piece, 780m, Fuel.Any),
        new("2905", "前减震器", "Front shock absorber", PartCategory.Suspension, PartUnit.Piece, 1150m, Fuel.Any),
        new("3711", "前大灯总成", "Headlamp assembly", PartCategory.Electrical, PartUnit.Piece, 3200m, Fuel.Any),
        new("1307", "水泵总成", "Water pump assembly", PartCategory.Engine, PartUnit.Piece, 890m, Fuel.Combustion),
        new("1025", "正时皮带套件", "Timing belt kit", PartCategory.Engine, PartUnit.Kit, 1280m, Fuel.Combustion),
        new("2121", "动力电池冷却液泵", "Battery coolant pump", PartCategory.HighVoltage, PartUnit.Piece, 1350m, Fuel.Electric),
        new("2110", "动力电池模组", "Traction battery module", PartCategory.HighVoltage, PartUnit.Piece, 12800m, Fuel.Electric),
        new("2130", "驱动电机轴承", "Drive motor bearing", PartCategory.HighVoltage, PartUnit.Piece, 680m, Fuel.Electric),
        new("2140", "交流充电口总成", "AC charging port assembly", PartCategory.HighVoltage, PartUnit.Piece, 1650m, Fuel.Electric),
        new("2150", "DC-DC转换器", "DC-DC converter", PartCategory.HighVoltage, PartUnit.Piece, 4200m, Fuel.Electric),
        new("2160", "高压线束", "High-voltage harness", PartCategory.HighVoltage, PartUnit.Piece, 2600m, Fuel.Electric),
        new("3601", "胎压传感器", "Tyre pressure sensor", PartCategory.Electrical, PartUnit.Piece, 320m, Fuel.Any),
    ];

    private static readonly (string Brand, string Code, string Product, string ProductEn)[] ApplianceBrands =
    [
        ("海尔", "HR", "冰箱", "refrigerator"), ("美的", "MD", "空调", "air conditioner"), ("格力", "GR", "空调", "air conditioner"),
        ("小天鹅", "LS", "洗衣机", "washing machine"), ("方太", "FT", "油烟机", "range hood"),
    ];

    private static readonly (string Code, string NameZh, string NameEn, decimal Price)[] ApplianceParts =
    [
        ("PCB", "主控板", "Main control board", 460m), ("CMP", "压缩机", "Compressor", 1380m), ("FAN", "风扇电机", "Fan motor", 260m),
        ("THS", "温度传感器", "Temperature sensor", 45m), ("SEL", "门封条", "Door seal", 120m), ("DRV", "变频驱动板", "Inverter drive board", 520m),
        ("PMP", "排水泵", "Drain pump", 150m), ("RMT", "遥控器", "Remote control", 68m), ("CAP", "启动电容", "Start capacitor", 35m),
    ];

    private static readonly (string Brand, string Code, string Model, string ModelCode, decimal Tier)[] PhoneModels =
    [
        ("华为", "HW", "Mate 60 Pro", "M60P", 1.2m), ("小米", "MI", "14 Ultra", "14U", 1.0m), ("苹果", "AP", "iPhone 15", "IP15", 1.3m),
        ("OPPO", "OP", "Find X7", "FX7", 0.9m), ("vivo", "VV", "X100", "X100", 0.9m),
    ];

    private static readonly (string Code, string NameZh, string NameEn, decimal Price)[] PhoneParts =
    [
        ("LCD", "屏幕总成", "Display assembly", 1499m), ("BAT", "电池", "Battery", 299m), ("RCM", "后置摄像头模组", "Rear camera module", 680m),
        ("FCM", "前置摄像头", "Front camera", 260m), ("USB", "尾插小板", "USB charging board", 159m), ("BCK", "后盖", "Back cover", 399m),
        ("SPK", "扬声器", "Loudspeaker", 89m), ("MBD", "主板", "Main board", 2899m),
    ];

    private static readonly (string Number, string NameZh, string NameEn, string Brand, PartCategory Category, PartUnit Unit, decimal Price, AssetKind? Kind)[] Common =
    [
        ("FL-0W20-4L", "全合成机油 0W-20 4L", "Fully synthetic oil 0W-20 4L", "美孚", PartCategory.Fluid, PartUnit.Piece, 428m, AssetKind.Vehicle),
        ("FL-5W30-4L", "全合成机油 5W-30 4L", "Fully synthetic oil 5W-30 4L", "壳牌", PartCategory.Fluid, PartUnit.Piece, 398m, AssetKind.Vehicle),
        ("FL-5W40-1L", "全合成机油 5W-40 1L", "Fully synthetic oil 5W-40 1L", "嘉实多", PartCategory.Fluid, PartUnit.Litre, 98m, AssetKind.Vehicle),
        ("FL-DOT4-1L", "制动液 DOT4 1L", "Brake fluid DOT4 1L", "博世", PartCategory.Fluid, PartUnit.Litre, 78m, AssetKind.Vehicle),
        ("FL-COOL-4L", "防冻冷却液 -40℃ 4L", "Coolant -40°C 4L", "长城", PartCategory.Fluid, PartUnit.Piece, 118m, AssetKind.Vehicle),
        ("FL-EVCOOL-4L", "电池专用冷却液 4L", "EV battery coolant 4L", "长城", PartCategory.Fluid, PartUnit.Piece, 268m, AssetKind.Vehicle),
        ("FL-ATF-1L", "自动变速箱油 1L", "Automatic transmission fluid 1L", "爱信", PartCategory.Fluid, PartUnit.Litre, 96m, AssetKind.Vehicle),
        ("FL-WASH-2L", "玻璃清洗液 2L", "Screen wash 2L", "3M", PartCategory.Fluid, PartUnit.Piece, 25m, AssetKind.Vehicle),
        ("FL-R32-10KG", "R32冷媒 10kg", "Refrigerant R32 10 kg", "巨化", PartCategory.Fluid, PartUnit.Piece, 560m, AssetKind.Appliance),
        ("FL-R410A-10KG", "R410A冷媒 10kg", "Refrigerant R410A 10 kg", "巨化", PartCategory.Fluid, PartUnit.Piece, 620m, AssetKind.Appliance),
        ("ACC-CU-635", "空调铜管 6.35mm", "Copper pipe 6.35 mm", "海亮", PartCategory.Appliance, PartUnit.Metre, 28m, AssetKind.Appliance),
        ("ACC-TEMP-GLASS", "钢化膜", "Tempered glass screen protector", "绿联", PartCategory.Accessory, PartUnit.Piece, 39m, AssetKind.Phone),
        ("ACC-USBC-1M", "USB-C 数据线 1m", "USB-C cable 1 m", "绿联", PartCategory.Accessory, PartUnit.Piece, 49m, AssetKind.Phone),
        ("ACC-CHG-67W", "67W 快充充电器", "67 W fast charger", "小米", PartCategory.Accessory, PartUnit.Piece, 149m, AssetKind.Phone),
        ("ACC-WALLBOX-7KW", "7kW 家用充电桩", "7 kW home wallbox", "星星充电", PartCategory.HighVoltage, PartUnit.Piece, 2399m, AssetKind.Vehicle),
    ];

    private static readonly (string Size, string Brand, decimal Price)[] Tyres =
    [
        ("205/55R16", "米其林", 680m), ("215/55R17", "米其林", 820m), ("225/45R18", "普利司通", 960m), ("235/45R18", "马牌", 1020m),
        ("235/55R19", "倍耐力", 1380m), ("245/45R19", "米其林", 1480m), ("255/45R20", "倍耐力", 1860m), ("225/60R18", "固特异", 890m),
        ("215/60R16", "韩泰", 520m), ("235/50R19", "马牌", 1250m), ("205/60R16", "玲珑", 380m), ("225/55R17", "佳通", 460m),
    ];

    public static async Task SeedAsync(AfterSalesDb db, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var details in Catalogue())
        {
            db.Add(Part.Create(details, now));
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The demo catalogue; a few older numbers are superseded by newer ones.</summary>
    public static IReadOnlyList<PartDetails> Catalogue()
    {
        var parts = new List<PartDetails>();
        foreach (var car in Cars)
        {
            foreach (var t in CarParts)
            {
                var applies = t.Fuel switch
                {
                    Fuel.Any => true,
                    Fuel.Combustion => !car.Ev,
                    Fuel.Electric => car.Ev || car.Hybrid,
                };
                if (!applies)
                {
                    continue;
                }

                var number = $"{car.Code}-{t.Group}010-{car.ModelCode}";
                var price = Round(t.Price * car.Tier);
                parts.Add(Details(number, $"{t.NameZh}({car.Make} {car.Model})", $"{t.NameEn}, {car.Make} {car.Model}", car.Make, t.Category, t.Unit, price, null, [new PartFitment(AssetKind.Vehicle, car.Make, car.Model)]));
            }

            // The brake pads were revised: the old number stays in the catalogue and points at the new one.
            parts.Add(Details($"{car.Code}-3501000-{car.ModelCode}", $"前制动片 旧款({car.Make} {car.Model})", $"Front brake pads (old), {car.Make} {car.Model}", car.Make, PartCategory.Brake, PartUnit.Set, Round(400m * car.Tier), $"{car.Code}-3501010-{car.ModelCode}", [new PartFitment(AssetKind.Vehicle, car.Make, car.Model)]));
        }

        foreach (var brand in ApplianceBrands)
        {
            foreach (var p in ApplianceParts)
            {
                parts.Add(Details($"{brand.Code}-{p.Code}-{Hash(brand.Code + p.Code):D4}", $"{p.NameZh}({brand.Brand}{brand.Product})", $"{p.NameEn}, {brand.Brand} {brand.ProductEn}", brand.Brand, PartCategory.Appliance, PartUnit.Piece, p.Price, null, [new PartFitment(AssetKind.Appliance, brand.Brand, brand.Product)]));
            }
        }

        foreach (var phone in PhoneModels)
        {
            foreach (var p in PhoneParts)
            {
                parts.Add(Details($"{phone.Code}-{phone.ModelCode}-{p.Code}", $"{p.NameZh}({phone.Brand} {phone.Model})", $"{p.NameEn}, {phone.Brand} {phone.Model}", phone.Brand, PartCategory.Phone, PartUnit.Piece, Round(p.Price * phone.Tier), null, [new PartFitment(AssetKind.Phone, phone.Brand, phone.Model)]));
            }

            // The first battery batch was replaced by a higher-capacity cell.
            parts.Add(Details($"{phone.Code}-{phone.ModelCode}-BAT0", $"电池 首批({phone.Brand} {phone.Model})", $"Battery (first batch), {phone.Brand} {phone.Model}", phone.Brand, PartCategory.Phone, PartUnit.Piece, Round(279m * phone.Tier), $"{phone.Code}-{phone.ModelCode}-BAT", [new PartFitment(AssetKind.Phone, phone.Brand, phone.Model)]));
        }

        foreach (var c in Common)
        {
            parts.Add(Details(c.Number, c.NameZh, c.NameEn, c.Brand, c.Category, c.Unit, c.Price, null, c.Kind is { } kind ? [new PartFitment(kind)] : []));
        }

        foreach (var t in Tyres)
        {
            var code = t.Size.Replace("/", string.Empty, StringComparison.Ordinal);
            parts.Add(Details($"TY-{code}-{Hash(t.Brand) % 100:D2}", $"轮胎 {t.Size}({t.Brand})", $"Tyre {t.Size}, {t.Brand}", t.Brand, PartCategory.Tyre, PartUnit.Piece, t.Price, null, [new PartFitment(AssetKind.Vehicle)]));
        }

        return parts;
    }

    private static PartDetails Details(string number, string nameZh, string nameEn, string brand, PartCategory category, PartUnit unit, decimal price, string? replacedBy, IReadOnlyList<PartFitment> fits) =>
        new(number, nameZh, nameEn, brand, category, unit, price, Round(price * 0.65m), replacedBy, fits);

    private static decimal Round(decimal value) => Math.Round(value, 0, MidpointRounding.AwayFromZero);

    // A stable small number from text (string.GetHashCode differs between runs).
    private static int Hash(string text) => (text.Aggregate(17, (h, c) => unchecked((h * 31) + c)) & 0x7FFFFFFF) % 10_000;
}
