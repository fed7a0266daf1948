using AfterSales.Domain.Quality;
using AfterSales.Domain.Service;
using AfterSales.Web.Persistence;

namespace AfterSales.Web.Features.Quality;

/// <summary>The demo group's quality checklists: one per trade, and a few for operations that need their own points.</summary>
public static class QualityDemoData
{
    public static IReadOnlyList<ChecklistDetails> Checklists { get; } =
    [
        new(WorkshopSkill.Maintenance, null, "常规保养检验单", "Routine maintenance checklist", false,
        [
            new("机油液位在标准范围内,无渗漏", "Engine oil level within range, no leaks", false),
            new("放油螺栓及机油滤清器按规定力矩紧固", "Drain plug and oil filter tightened to the specified torque", true),
            new("制动液、冷却液、玻璃水液位正常", "Brake fluid, coolant and washer fluid levels correct", true),
            new("轮胎气压按标准调整,轮胎无异常磨损", "Tyre pressures set to specification, no abnormal tyre wear", true),
            new("保养提醒已复位,下次保养里程已标注", "Service reminder reset, next service mileage labelled", false),
            new("护套已取下,车内外清洁", "Protective covers removed, vehicle clean inside and out", false),
        ]),
        new(WorkshopSkill.Maintenance, "MT-005", "制动液更换检验单", "Brake fluid replacement checklist", true,
        [
            new("制动液液位在MAX与MIN之间", "Brake fluid level between MAX and MIN", true),
            new("各轮缸排气彻底,踏板无绵软", "Every wheel cylinder bled, pedal firm", true),
            new("放气螺钉已拧紧并装好防尘帽,无渗漏", "Bleed screws tightened and capped, no leaks", true),
            new("制动液含水量检测合格", "Brake fluid moisture test passed", false),
        ]),
        new(WorkshopSkill.Mechanical, null, "机修作业检验单", "Mechanical repair checklist", true,
        [
            new("制动踏板行程及脚感正常", "Brake pedal travel and feel normal", true),
            new("车轮螺栓按规定力矩紧固", "Wheel bolts tightened to the specified torque", true),
            new("底盘紧固件已复查,开口销、锁止件已装", "Chassis fasteners rechecked, split pins and locks fitted", true),
            new("无异响、无渗漏", "No abnormal noise, no leaks", false),
            new("故障码已清除并复检无故障", "Fault codes cleared, no fault on recheck", false),
            new("更换件已按委托书处理(交客户/保修返还/报废)", "Replaced parts handled as the order says (customer, warranty return, scrap)", false),
        ]),
        new(WorkshopSkill.Electrical, null, "电气作业检验单", "Electrical repair checklist", false,
        [
            new("灯光、喇叭、雨刮工作正常", "All lamps, horn and wipers work", true),
            new("蓄电池桩头紧固,无腐蚀", "Battery terminals tight, no corrosion", true),
            new("故障码已读取并清除,复检无故障", "Fault codes read and cleared, no fault on recheck", false),
            new("时钟、收音机、车窗防夹已重新设定", "Clock, radio and window anti-pinch re-initialised", false),
            new("线束固定牢靠,无磨损、无裸露", "Harnesses secured, no chafing or bare wire", true),
        ]),
        new(WorkshopSkill.EvHighVoltage, null, "新能源高压作业检验单", "EV high-voltage work checklist", true,
        [
            new("高压下电及验电记录完整", "HV shutdown and absence-of-voltage test recorded", true),
            new("绝缘电阻符合标准(≥500 Ω/V)", "Insulation resistance within specification (≥ 500 Ω/V)", true),
            new("高压接插件锁止到位,橙色线束无破损", "HV connectors locked, orange harnesses undamaged", true),
            new("维修开关已复位,上电自检无故障", "Service disconnect refitted, power-up self-test without faults", true),
            new("充电功能测试正常(交流/直流)", "Charging test passed (AC and DC)", false),
            new("高压警示标识已复原,绝缘工具已归位", "HV warning labels restored, insulated tools returned", false),
        ]),
        new(WorkshopSkill.BodyPaint, null, "钣金喷漆检验单", "Body and paint checklist", false,
        [
            new("漆面颜色与原车一致,无色差", "Paint matches the original colour", false),
            new("无流挂、橘皮、颗粒、砂纸痕", "No runs, orange peel, dirt inclusions or sanding marks", false),
            new("缝隙均匀,饰条卡扣装配齐全", "Panel gaps even, trims and clips all refitted", false),
            new("灯光、雷达、摄像头功能正常", "Lamps, parking sensors and cameras work", true),
            new("车门、机盖、尾门开关顺畅,锁止可靠", "Doors, bonnet and tailgate open smoothly and latch securely", true),
        ]),
        new(WorkshopSkill.Appliance, null, "家电维修检验单", "Appliance repair checklist", false,
        [
            new("电源线及接地可靠,绝缘测试合格", "Power cord and earth sound, insulation test passed", true),
            new("无漏水、漏氟、漏电", "No water, refrigerant or current leaks", true),
            new("试运行正常(制冷/洗涤/排水)", "Test run normal (cooling, washing, draining)", false),
            new("外壳及面板复原,螺钉齐全", "Casing and panels refitted, all screws in place", false),
            new("现场清洁,旧件已请客户确认", "Site cleaned, old parts shown to the customer", false),
        ]),
        new(WorkshopSkill.Phone, null, "手机维修检验单", "Phone repair checklist", false,
        [
            new("开机正常,全屏触控测试通过", "Powers on, full-screen touch test passed", false),
            new("通话、麦克风、扬声器正常", "Calls, microphone and speaker work", false),
            new("摄像头、面容/指纹识别正常", "Cameras and face or fingerprint unlock work", false),
            new("充电正常,无异常发热", "Charges normally, no overheating", true),
            new("屏幕贴合无缝隙,防水胶已重新涂布", "Screen seated without gaps, waterproof seal re-applied", false),
            new("客户数据完好,隐私已清除维修痕迹", "Customer data intact, no repair traces left in the phone", false),
        ]),
        new(WorkshopSkill.Phone, "PH-002", "手机电池更换检验单", "Phone battery replacement checklist", false,
        [
            new("新电池为合格品,无鼓包、无划伤", "New battery genuine, no swelling or scratches", true),
            new("电池排线扣合到位,背胶粘贴牢固", "Battery connector seated, adhesive strips fixed", true),
            new("充电测试正常,无异常发热", "Charging test normal, no overheating", true),
            new("电池健康度显示正常", "Battery health shows correctly", false),
        ]),
    ];

    public static async Task SeedAsync(AfterSalesDb db, DateTimeOffset now, CancellationToken ct)
    {
        db.AddRange(Checklists.Select(c => QualityChecklist.Create(c, now)));
        await db.SaveChangesAsync(ct);
    }
}
