using AfterSales.Domain.Reminders;
using AfterSales.Web.Persistence;

namespace AfterSales.Web.Features.Reminders;

/// <summary>
/// One due item of an asset (a service, a warranty end) as the daily preparation found it. One row per asset and
/// kind, replaced every day: the due list reads these rows, paged and indexed, instead of computing per customer.
/// </summary>
public sealed class AssetDue : INotAudited
{
    private AssetDue()
    {
    }

    public Guid Id { get; private set; }

    public Guid StoreId { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid AssetId { get; private set; }

    public ReminderKind Kind { get; private set; }

    /// <summary>Names the due item (see <see cref="Domain.Reminders.ServiceDue.Key"/>); a reminder is sent once per asset, kind and key.</summary>
    public string DueKey { get; private set; } = string.Empty;

    public DateOnly DueOn { get; private set; }

    public int? DueKm { get; private set; }

    public int? ProjectedKm { get; private set; }

    public DueBasis Basis { get; private set; }

    /// <summary>The plan, policy or contract the item comes from.</summary>
    public string Label { get; private set; } = string.Empty;

    public DateTimeOffset PreparedAt { get; private set; }

    public static AssetDue For(Guid storeId, Guid customerId, Guid assetId, ReminderKind kind, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), StoreId = storeId, CustomerId = customerId, AssetId = assetId, Kind = kind };

    public DueItem Item => new(Kind, DueKey, DueOn, DueKm, Basis, Label);

    public void Set(Guid storeId, Guid customerId, DueItem item, int? projectedKm, DateTimeOffset now)
    {
        StoreId = storeId;
        CustomerId = customerId;
        DueKey = item.Key.Length > Reminder.KeyMaxLength ? item.Key[..Reminder.KeyMaxLength] : item.Key;
        DueOn = item.DueOn;
        DueKm = item.DueKm;
        ProjectedKm = projectedKm;
        Basis = item.Basis;
        Label = item.Label.Length > Reminder.LabelMaxLength ? item.Label[..Reminder.LabelMaxLength] : item.Label;
        PreparedAt = now;
    }
}

/// <summary>The day's preparation of the due list: one row per day, so that the daily job runs it once.</summary>
public sealed class DueListRun : INotAudited
{
    private DueListRun()
    {
    }

    public DateOnly Day { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public static DueListRun Start(DateOnly day, DateTimeOffset now) => new() { Day = day, StartedAt = now };
}

