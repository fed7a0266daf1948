using AfterSales.Domain.Appointments;
using AfterSales.Domain.Common;
using AfterSales.Domain.Reminders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Reminders;

/// <summary>Which rows of the due list: not yet reminded, already reminded, or both.</summary>
public enum DueListState
{
    Open,
    Reminded,
    All,
}

/// <summary>
/// The due list's filters: due within <see cref="Within"/> days, overdue by at most <see cref="OverdueDays"/>;
/// <see cref="Search"/> finds a customer by name or a vehicle by plate.
/// </summary>
public sealed record DueListQuery(int? Within = null, int? OverdueDays = null, ReminderKind? Kind = null, Guid? StoreId = null, DueListState? State = null, int? Page = null, int? PageSize = null, string? Search = null);

public sealed record DueCustomerView(
    Guid AssetId,
    ReminderKind Kind,
    string DueKey,
    DateOnly DueOn,
    int? DueKm,
    int? ProjectedKm,
    DueBasis Basis,
    string Label,
    Guid StoreId,
    Guid CustomerId,
    string CustomerName,
    string? Phone,
    string AssetName,
    Guid? ReminderId,
    DateTimeOffset? SentAt,
    ReminderCallOutcome? CallOutcome,
    Guid? AppointmentId);

/// <summary>
/// The daily due list of a store (保养提醒名单): customers whose asset falls due within the window, overdue ones first,
/// without those who already have an upcoming booking for the asset and those who did not agree to be contacted or asked
/// not to be called.
/// Filtered and paged in the database; names, phones and reminders of the page come in one query each.
/// </summary>
public sealed class DueList(AfterSalesDb db, ICurrentUser user, TimeProvider clock)
{
    public const int DefaultWithinDays = 30;
    public const int MaxWithinDays = 365;

    /// <summary>Further back than this a customer has lapsed: a matter for win-back, not for a reminder.</summary>
    public const int DefaultOverdueDays = 90;

    public async Task<Outcome<Page<DueCustomerView>>> HandleAsync(DueListQuery query, CancellationToken ct)
    {
        var within = query.Within ?? DefaultWithinDays;
        var overdue = query.OverdueDays ?? DefaultOverdueDays;
        if (within is < 0 or > MaxWithinDays)
        {
            return Outcome<Page<DueCustomerView>>.Invalid("reminder.window_invalid", nameof(query.Within));
        }

        if (overdue is < 0 or > MaxWithinDays)
        {
            return Outcome<Page<DueCustomerView>>.Invalid("reminder.window_invalid", nameof(query.OverdueDays));
        }

        var (page, size) = Paging.Clamp(query.Page, query.PageSize);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(Domain.Stores.Store.DefaultTimeZone)).DateTime);
        var from = today.AddDays(-overdue);
        var to = today.AddDays(within);

        var rows = db.Set<AssetDue>().AsNoTracking()
            .Where(d => d.DueOn >= from && d.DueOn <= to)
            .Where(d => db.Customers.Any(c => c.Id == d.CustomerId && c.ContactConsent && !c.DoNotCall))
            .Where(d => !db.Set<Appointment>().Any(a => a.AssetId == d.AssetId
                && (a.Status == AppointmentStatus.Requested || a.Status == AppointmentStatus.Confirmed || a.Status == AppointmentStatus.Ready || a.Status == AppointmentStatus.Rescheduled)));
        if (query.StoreId is { } storeId)
        {
            rows = rows.Where(d => d.StoreId == storeId);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            rows = rows.Where(d => db.Customers.Any(c => c.Id == d.CustomerId && c.Name.Contains(term))
                || db.Assets.Any(a => a.Id == d.AssetId && a.Plate != null && a.Plate.Contains(term)));
        }

        if (query.Kind is { } kind)
        {
            rows = rows.Where(d => d.Kind == kind);
        }

        var reminders = db.Set<Reminder>();
        rows = (query.State ?? DueListState.Open) switch
        {
            DueListState.Open => rows.Where(d => !reminders.Any(r => r.AssetId == d.AssetId && r.Kind == d.Kind && r.DueKey == d.DueKey)),
            DueListState.Reminded => rows.Where(d => reminders.Any(r => r.AssetId == d.AssetId && r.Kind == d.Kind && r.DueKey == d.DueKey)),
            DueListState.All => rows,
        };

        var total = await rows.CountAsync(ct);
        var items = await rows.OrderBy(d => d.DueOn).ThenBy(d => d.AssetId).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var customerIds = items.Select(i => i.CustomerId).Distinct().ToList();
        var assetIds = items.Select(i => i.AssetId).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var assets = await db.Assets.AsNoTracking().Where(a => assetIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var sent = await reminders.AsNoTracking().Where(r => assetIds.Contains(r.AssetId)).ToListAsync(ct);
        var full = user.SeesFullContact;
        return new Page<DueCustomerView>(
            items.Select(d =>
            {
                var customer = customers.GetValueOrDefault(d.CustomerId);
                var reminder = sent.FirstOrDefault(r => r.AssetId == d.AssetId && r.Kind == d.Kind && r.DueKey == d.DueKey);
                var phone = customer?.PrimaryPhone;
                return new DueCustomerView(
                    d.AssetId, d.Kind, d.DueKey, d.DueOn, d.DueKm, d.ProjectedKm, d.Basis, d.Label, d.StoreId, d.CustomerId,
                    customer is null ? string.Empty : customer.ContactPerson ?? customer.Name,
                    full ? phone : Masking.MaskPhone(phone),
                    assets.GetValueOrDefault(d.AssetId)?.DisplayName ?? string.Empty,
                    reminder?.Id, reminder?.SentAt, reminder?.CallOutcome, reminder?.AppointmentId);
            }).ToList(),
            page,
            size,
            total);
    }
}

public sealed record AssetDueView(ReminderKind Kind, string DueKey, DateOnly DueOn, int? DueKm, int? ProjectedKm, DueBasis Basis, string Label, DateTimeOffset PreparedAt);

/// <summary>What is due for one asset and every reminder it was given, newest first.</summary>
public sealed record AssetRemindersView(Guid AssetId, IReadOnlyList<AssetDueView> Due, IReadOnlyList<ReminderView> Reminders);

public sealed class GetAssetReminders(AfterSalesDb db, AccessGuard guard)
{
    public async Task<Outcome<AssetRemindersView>> HandleAsync(Guid assetId, CancellationToken ct)
    {
        if (!await db.Assets.AnyAsync(a => a.Id == assetId, ct))
        {
            return await guard.NotFoundAsync<Domain.Assets.Asset, AssetRemindersView>(assetId, ct);
        }

        var due = await db.Set<AssetDue>().AsNoTracking().Where(d => d.AssetId == assetId).ToListAsync(ct);
        var reminders = await db.Set<Reminder>().AsNoTracking().Where(r => r.AssetId == assetId).ToListAsync(ct);
        return new AssetRemindersView(
            assetId,
            due.OrderBy(d => d.DueOn).Select(d => new AssetDueView(d.Kind, d.DueKey, d.DueOn, d.DueKm, d.ProjectedKm, d.Basis, d.Label, d.PreparedAt)).ToList(),
            reminders.OrderByDescending(r => r.CreatedAt).Select(ReminderView.From).ToList());
    }
}
