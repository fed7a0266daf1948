using AfterSales.Domain.Complaints;
using AfterSales.Domain.Knowledge;
using AfterSales.Web.Persistence;

namespace AfterSales.Web.Features.Knowledge;

/// <summary>Typical cases of a car dealer's service department, published, in Chinese and English.</summary>
internal static class KnowledgeDemoData
{
    private static readonly KnowledgeArticleContent[] Articles =
    [
        new(
            "保养后仪表盘发动机故障灯常亮",
            "客户做完常规保养当天，仪表盘发动机故障灯常亮，车辆无明显异常。",
            "1. 更换空气滤清器时拔下了进气温度传感器插头\n2. 插头回装未插到位\n3. 保养完工后未读取故障码自检",
            "1. 免费重新插紧插头并清除故障码，试车确认\n2. 保养完工检查表增加“读取故障码”一项",
            ["故障灯", "传感器", "保养"],
            ComplaintCategory.RepairQuality),
        new(
            "更换刹车片后低速制动吱吱异响",
            "更换前刹车片一周内，低速踩刹车时有尖锐的吱吱声，客户担心安全。",
            "1. 刹车片背板未涂消音膏\n2. 卡钳导向销缺少润滑\n3. 技师未按作业指导书装配",
            "1. 拆检前刹车，涂抹消音膏并润滑导向销\n2. 路试确认无异响，向客户解释原因\n3. 班组长复核制动类作业",
            ["刹车", "异响", "制动"],
            ComplaintCategory.RepairQuality),
        new(
            "配件缺货导致维修交车延期",
            "事故车维修等待前大灯总成超过两周，客户多次来电催问交车时间。",
            "1. 接车时未核对配件库存\n2. 订货后未把到货周期告知客户\n3. 无缺件跟进提醒",
            "1. 从兄弟门店调拨配件，三天内交车\n2. 提供代步车并致歉\n3. 接车时核对库存，缺件自动提醒服务顾问回访",
            ["缺件", "延期", "调拨"],
            ComplaintCategory.Parts),
        new(
            "Air conditioning not cooling after a leak repair",
            "Two days after the A/C pipe was replaced the air conditioning blows warm air again.",
            "1. The system was recharged without a vacuum-hold test\n2. A second leak at the condenser seal went unnoticed\n3. Refrigerant was under-filled",
            "1. Replace the condenser seal, evacuate and recharge to specification\n2. Vacuum-hold test of 30 minutes before every recharge\n3. Add the test to the QC sheet",
            ["air conditioning", "refrigerant", "leak"],
            ComplaintCategory.RepairQuality),
        new(
            "Invoice higher than the quoted estimate",
            "The customer was charged 680 CNY more than the estimate for extra labour nobody asked them about.",
            "1. The technician found extra work during the job\n2. The advisor added it without calling the customer\n3. No recorded approval for extra work",
            "1. Refund the difference and apologise\n2. Extra work needs the customer's recorded approval before it starts",
            ["invoice", "estimate", "approval"],
            ComplaintCategory.Fees),
        new(
            "服务顾问未按约定回电，客户投诉态度冷淡",
            "客户询问维修进度，服务顾问答应当天回电但两天未联系，客户再次来电时语气生硬。",
            "1. 顾问同时接待客户过多\n2. 回电承诺没有记录和提醒\n3. 未做服务礼仪复训",
            "1. 服务经理当面致歉并赠送保养代金券\n2. 启用回电提醒，超时自动升级\n3. 顾问参加服务礼仪复训",
            ["服务态度", "回电", "进度"],
            ComplaintCategory.StaffAttitude),
    ];

    public static async Task SeedAsync(AfterSalesDb db, DateTimeOffset now, CancellationToken ct)
    {
        var by = new Actor(null, "演示数据 Demo data");
        foreach (var content in Articles)
        {
            var article = KnowledgeArticle.Draft(content, null, by, now);
            article.Publish(by, now);
            db.Add(article);
        }

        await db.SaveChangesAsync(ct);
    }
}
