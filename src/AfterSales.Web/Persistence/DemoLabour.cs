using AfterSales.Domain.Labour;
using AfterSales.Domain.Service;

namespace AfterSales.Web.Persistence;

/// <summary>The demo stores' labour operation catalogues and prices: cars (fuel and EV), appliances and phones.</summary>
public static class DemoLabour
{
    private static readonly LabourOperationDetails[] Operations =
    [
        new("MT-001", "更换机油及机油滤清器", "Engine oil and oil filter change", WorkshopSkill.Maintenance, 0.5m),
        new("MT-002", "更换空气滤清器", "Air filter replacement", WorkshopSkill.Maintenance, 0.2m),
        new("MT-003", "更换空调滤清器", "Cabin air filter replacement", WorkshopSkill.Maintenance, 0.3m),
        new("MT-004", "更换火花塞(4缸)", "Spark plugs replacement (4 cylinders)", WorkshopSkill.Maintenance, 0.8m),
        new("MT-005", "更换制动液", "Brake fluid replacement", WorkshopSkill.Maintenance, 0.8m),
        new("MT-006", "更换自动变速箱油", "Automatic transmission fluid change", WorkshopSkill.Maintenance, 1.2m),
        new("MT-007", "更换防冻冷却液", "Coolant replacement", WorkshopSkill.Maintenance, 0.8m),
        new("MT-008", "常规保养检查(30项)", "Routine service inspection (30 points)", WorkshopSkill.Maintenance, 0.6m),
        new("MT-009", "轮胎换位及动平衡", "Tyre rotation and wheel balancing", WorkshopSkill.Maintenance, 0.8m),
        new("MT-010", "四轮定位", "Four-wheel alignment", WorkshopSkill.Maintenance, 1.0m),
        new("ME-001", "更换前制动片", "Front brake pads replacement", WorkshopSkill.Mechanical, 1.0m),
        new("ME-002", "更换后制动片", "Rear brake pads replacement", WorkshopSkill.Mechanical, 1.0m),
        new("ME-003", "更换前制动盘", "Front brake discs replacement", WorkshopSkill.Mechanical, 1.5m),
        new("ME-004", "更换前减震器(单侧)", "Front shock absorber replacement (one side)", WorkshopSkill.Mechanical, 1.5m),
        new("ME-005", "更换正时皮带套件", "Timing belt kit replacement", WorkshopSkill.Mechanical, 3.5m),
        new("ME-006", "更换离合器总成", "Clutch assembly replacement", WorkshopSkill.Mechanical, 5.0m),
        new("ME-007", "更换下摆臂(单侧)", "Lower control arm replacement (one side)", WorkshopSkill.Mechanical, 1.2m),
        new("ME-008", "发动机异响诊断", "Engine noise diagnosis", WorkshopSkill.Mechanical, 1.0m),
        new("EL-001", "更换12V蓄电池", "12 V battery replacement", WorkshopSkill.Electrical, 0.4m),
        new("EL-002", "故障码读取与诊断", "Fault code reading and diagnosis", WorkshopSkill.Electrical, 0.5m),
        new("EL-003", "更换发电机", "Alternator replacement", WorkshopSkill.Electrical, 1.8m),
        new("EL-004", "更换起动机", "Starter motor replacement", WorkshopSkill.Electrical, 1.5m),
        new("EL-005", "更换前大灯总成(单侧)", "Headlamp assembly replacement (one side)", WorkshopSkill.Electrical, 0.8m),
        new("EL-006", "空调系统检测及加注冷媒", "A/C system check and refrigerant recharge", WorkshopSkill.Electrical, 1.0m),
        new("EV-001", "动力电池包绝缘检测", "HV battery pack insulation test", WorkshopSkill.EvHighVoltage, 1.0m),
        new("EV-002", "动力电池包健康度检测", "HV battery state-of-health check", WorkshopSkill.EvHighVoltage, 0.8m),
        new("EV-003", "更换车载充电机", "On-board charger replacement", WorkshopSkill.EvHighVoltage, 2.5m),
        new("EV-004", "电驱系统冷却液更换", "E-drive coolant replacement", WorkshopSkill.EvHighVoltage, 1.2m),
        new("EV-005", "高压线束检查与维修", "HV harness inspection and repair", WorkshopSkill.EvHighVoltage, 2.0m),
        new("EV-006", "充电口总成更换", "Charging port assembly replacement", WorkshopSkill.EvHighVoltage, 1.5m),
        new("BP-001", "前保险杠钣金喷漆", "Front bumper repair and paint", WorkshopSkill.BodyPaint, 4.0m),
        new("BP-002", "车门钣金喷漆(单门)", "Door panel repair and paint (one door)", WorkshopSkill.BodyPaint, 5.0m),
        new("BP-003", "翼子板喷漆", "Fender paint", WorkshopSkill.BodyPaint, 3.0m),
        new("BP-004", "无损凹陷修复(单处)", "Paintless dent repair (one dent)", WorkshopSkill.BodyPaint, 1.0m),
        new("BP-005", "更换前挡风玻璃", "Windscreen replacement", WorkshopSkill.BodyPaint, 2.0m),
        new("BP-006", "全车抛光打蜡", "Full body polish and wax", WorkshopSkill.BodyPaint, 2.5m),
        new("AP-001", "空调上门清洗保养", "Air conditioner cleaning service", WorkshopSkill.Appliance, 1.0m),
        new("AP-002", "空调加氟及检漏", "Air conditioner refrigerant recharge and leak test", WorkshopSkill.Appliance, 1.2m),
        new("AP-003", "冰箱不制冷检修", "Refrigerator not cooling repair", WorkshopSkill.Appliance, 1.5m),
        new("AP-004", "洗衣机排水故障检修", "Washing machine drain fault repair", WorkshopSkill.Appliance, 1.0m),
        new("AP-005", "更换洗衣机电机", "Washing machine motor replacement", WorkshopSkill.Appliance, 1.5m),
        new("AP-006", "油烟机清洗", "Range hood cleaning", WorkshopSkill.Appliance, 1.0m),
        new("AP-007", "更换控制主板", "Control board replacement", WorkshopSkill.Appliance, 0.8m),
        new("PH-001", "更换手机屏幕总成", "Phone screen assembly replacement", WorkshopSkill.Phone, 0.8m),
        new("PH-002", "更换手机电池", "Phone battery replacement", WorkshopSkill.Phone, 0.5m),
        new("PH-003", "更换尾插充电口", "Charging port replacement", WorkshopSkill.Phone, 0.6m),
        new("PH-004", "主板进水清洗检测", "Water damage board cleaning and test", WorkshopSkill.Phone, 1.5m),
        new("PH-005", "更换后置摄像头", "Rear camera replacement", WorkshopSkill.Phone, 0.6m),
        new("PH-006", "系统刷机及数据备份", "System reflash and data backup", WorkshopSkill.Phone, 0.5m),
    ];

    /// <summary>(store code, labour rate per hour): Beijing charges a little more than Shanghai.</summary>
    private static readonly Dictionary<string, decimal> Rates = new()
    {
        [DemoData.BeijingStore] = 220m,
        [DemoData.ShanghaiStore] = 200m,
    };

    public static async Task SeedAsync(AfterSalesDb db, IReadOnlyDictionary<string, Guid> stores, CancellationToken ct)
    {
        foreach (var (code, storeId) in stores)
        {
            db.Add(ServiceSettings.For(storeId, Rates.GetValueOrDefault(code, ServiceSettings.DefaultLabourRate), ServiceSettings.DefaultTaxRate, ServiceSettings.DefaultDiscountLimits));
            db.AddRange(Operations.Select(o => LabourOperation.Create(storeId, o)));
        }

        await db.SaveChangesAsync(ct);
    }
}
