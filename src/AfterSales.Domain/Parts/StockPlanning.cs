namespace AfterSales.Domain.Parts;

/// <summary>What the reorder rule needs about one part in one store.</summary>
public sealed record ReorderInput(decimal OnHand, decimal Reserved, decimal OnOrder, decimal MinQuantity, decimal MaxQuantity, decimal IssuedLast30Days, int LeadTimeDays);

/// <summary>
/// Reorder suggestions (补货建议): order when what is free plus what is on order would fall below the reorder point
/// during the supplier's lead time; top up to the max level, or to the lead-time demand if that is higher.
/// </summary>
public static class ReorderRule
{
    public static decimal Suggest(ReorderInput input)
    {
        var dailyDemand = input.IssuedLast30Days / 30m;
        var leadTimeDemand = Math.Ceiling(dailyDemand * Math.Max(0, input.LeadTimeDays));
        var position = input.OnHand - input.Reserved + input.OnOrder;
        var reorderPoint = Math.Max(input.MinQuantity, leadTimeDemand);
        if (position >= reorderPoint || (input.MaxQuantity == 0 && input.MinQuantity == 0 && input.IssuedLast30Days == 0))
        {
            return 0;
        }

        var target = Math.Max(input.MaxQuantity, reorderPoint + leadTimeDemand);
        return Math.Max(0, Math.Ceiling(target - position));
    }
}

public enum SlowMovingAction
{
    TransferToStore,
    ReturnToSupplier,
    Scrap,
}

/// <summary>What the slow-moving rule needs about one stock row.</summary>
public sealed record SlowMovingInput(decimal OnHand, DateTimeOffset? LastMovementAt, DateTimeOffset CreatedAt, Guid? StoreThatUsesIt, Guid? LastSupplierId, DateTimeOffset? LastReceiptAt);

public sealed record SlowMovingVerdict(int IdleDays, SlowMovingAction Action, Guid? TargetStoreId, Guid? SupplierId);

/// <summary>
/// Slow-moving stock (呆滞件): stock on hand without any movement for the threshold number of days. Where
/// another store of the group issued the part recently, move it there; failing that, a supplier that delivered
/// it within the return window takes it back; otherwise scrap it.
/// </summary>
public static class SlowMovingRule
{
    public static SlowMovingVerdict? Judge(SlowMovingInput input, DateTimeOffset now, int thresholdDays, int supplierReturnDays)
    {
        if (input.OnHand <= 0)
        {
            return null;
        }

        var since = input.LastMovementAt ?? input.CreatedAt;
        var idle = (int)Math.Floor((now - since).TotalDays);
        if (idle < thresholdDays)
        {
            return null;
        }

        if (input.StoreThatUsesIt is { } store)
        {
            return new SlowMovingVerdict(idle, SlowMovingAction.TransferToStore, store, null);
        }

        if (input.LastSupplierId is { } supplier && input.LastReceiptAt is { } received && (now - received).TotalDays <= supplierReturnDays)
        {
            return new SlowMovingVerdict(idle, SlowMovingAction.ReturnToSupplier, null, supplier);
        }

        return new SlowMovingVerdict(idle, SlowMovingAction.Scrap, null, null);
    }
}
