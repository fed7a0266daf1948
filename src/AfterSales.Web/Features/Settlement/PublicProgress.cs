using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Settlement;

/// <summary>Where the customer's car is, in the customer's words; <see cref="WaitingForApproval"/> when a proposed extra job waits for them.</summary>
public enum ProgressStage
{
    Received,
    InRepair,
    WaitingForApproval,
    QualityCheck,
    Ready,
    Delivered,
    Cancelled,
}

public sealed record ProgressStepView(ProgressStage Stage, bool Reached, bool Current, DateTimeOffset? At);

public sealed record ProgressView(
    string Number,
    string StoreName,
    string? StorePhone,
    string AssetName,
    string? Plate,
    ProgressStage Stage,
    IReadOnlyList<ProgressStepView> Steps,
    IReadOnlyList<string> WaitingJobs,
    DateTimeOffset? PromisedAt,
    DateTimeOffset? DeliveredAt);

/// <summary>The customer's progress page behind the link in their messages: no login, the token is the key.</summary>
public sealed class PublicProgress(AfterSalesDb db)
{
    private static readonly ProgressStage[] Path = [ProgressStage.Received, ProgressStage.InRepair, ProgressStage.WaitingForApproval, ProgressStage.QualityCheck, ProgressStage.Ready, ProgressStage.Delivered];

    public static ProgressStage StageOf(RepairOrderStatus status, bool anyProposed) => status switch
    {
        RepairOrderStatus.Draft or RepairOrderStatus.AwaitingSignature => ProgressStage.Received,
        RepairOrderStatus.Signed or RepairOrderStatus.InWorkshop => anyProposed ? ProgressStage.WaitingForApproval : ProgressStage.InRepair,
        RepairOrderStatus.FinalInspection or RepairOrderStatus.Inspected => ProgressStage.QualityCheck,
        RepairOrderStatus.ReadyForDelivery => ProgressStage.Ready,
        RepairOrderStatus.Delivered => ProgressStage.Delivered,
        _ => ProgressStage.Cancelled,
    };

    public async Task<Outcome<ProgressView>> HandleAsync(string token, CancellationToken ct)
    {
        if (!RepairOrderProgressLink.LooksValid(token))
        {
            return Outcome<ProgressView>.NotFound();
        }

        var orderId = await db.Set<RepairOrderProgressLink>().Where(l => l.Token == token).Select(l => (Guid?)l.RepairOrderId).FirstOrDefaultAsync(ct);
        var order = orderId is { } id
            ? await db.Set<RepairOrder>().IgnoreQueryFilters().AsNoTracking().Include(o => o.Jobs).FirstOrDefaultAsync(o => o.Id == id, ct)
            : null;
        if (order is null)
        {
            return Outcome<ProgressView>.NotFound();
        }

        var moves = await db.Set<RepairOrderStatusChange>().AsNoTracking().Where(c => c.RepairOrderId == order.Id).Select(c => new { c.To, c.At }).ToListAsync(ct);
        var store = await db.Stores.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == order.StoreId).Select(s => new { s.Name, s.Phone }).FirstAsync(ct);
        var asset = await db.Assets.IgnoreQueryFilters().AsNoTracking().Where(a => a.Id == order.AssetId).Select(a => new { a.Brand, a.Model, a.Plate }).FirstAsync(ct);
        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        var waiting = order.Jobs.Where(j => j.Status == RepairJobStatus.Proposed).OrderBy(j => j.Position).Select(j => Domain.Labour.LabourOperation.Name(j.NameZh, j.NameEn, culture)).ToList();
        var stage = StageOf(order.Status, waiting.Count > 0);
        DateTimeOffset? First(params RepairOrderStatus[] statuses) => moves.Where(m => statuses.Contains(m.To)).Select(m => (DateTimeOffset?)m.At).Min();
        var at = new Dictionary<ProgressStage, DateTimeOffset?>
        {
            [ProgressStage.Received] = order.OpenedAt,
            [ProgressStage.InRepair] = First(RepairOrderStatus.InWorkshop),
            [ProgressStage.WaitingForApproval] = null,
            [ProgressStage.QualityCheck] = First(RepairOrderStatus.FinalInspection),
            [ProgressStage.Ready] = First(RepairOrderStatus.ReadyForDelivery),
            [ProgressStage.Delivered] = order.DeliveredAt,
        };
        var index = Array.IndexOf(Path, stage);
        var steps = Path
            .Where(s => s != ProgressStage.WaitingForApproval || stage == ProgressStage.WaitingForApproval)
            .Select(s => new ProgressStepView(s, index >= 0 && Array.IndexOf(Path, s) <= index, s == stage, at[s]))
            .ToList();
        return new ProgressView(order.Number, store.Name, store.Phone, $"{asset.Brand} {asset.Model}".Trim(), MaskPlate(asset.Plate), stage, steps, waiting, order.PromisedAt, order.DeliveredAt);
    }

    /// <summary>沪A·12345 → 沪A***45: enough for the owner to recognise, not enough to look anyone up.</summary>
    public static string? MaskPlate(string? plate) =>
        plate is null ? null : plate.Length <= 4 ? plate : plate[..2] + new string('*', plate.Length - 4) + plate[^2..];
}
