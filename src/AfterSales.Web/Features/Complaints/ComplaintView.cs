using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints;

public sealed record ComplaintView(
    Guid Id,
    string Number,
    ComplaintStatus Status,
    Guid StoreId,
    string StoreName,
    Guid CustomerId,
    string CustomerName,
    string? CustomerPhone,
    Guid? AssetId,
    string? AssetName,
    string? RepairOrderReference,
    ComplaintChannel Channel,
    string CoreProblem,
    string CustomerExpectation,
    ComplaintCategory Category,
    Guid? SubCategoryId,
    string? SubCategoryName,
    ComplaintUrgency Urgency,
    Responsibility? SuspectedResponsibility,
    bool IsRepeat,
    Guid? AssignedSpecialistId,
    string? AssignedSpecialistName,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? AcknowledgedAt,
    int Version,
    IReadOnlyList<ComplaintTrigger> PermittedTriggers,
    UrgencyReasonView? UrgencyReason = null,
    RepeatOfView? RepeatOf = null,
    MergedComplaintView? DuplicateOf = null,
    IReadOnlyList<MergedComplaintView>? Merged = null,
    bool IsHistorical = false);

public sealed record ComplaintListItem(
    Guid Id,
    string Number,
    ComplaintStatus Status,
    ComplaintUrgency Urgency,
    ComplaintCategory Category,
    ComplaintChannel Channel,
    Guid StoreId,
    string StoreName,
    Guid CustomerId,
    string CustomerName,
    Guid? AssetId,
    string? AssetName,
    string CoreProblem,
    bool IsRepeat,
    string? AssignedSpecialistName,
    DateTimeOffset ReceivedAt,
    ComplaintSla.ComplaintSlaSummary? Sla = null);

/// <summary>A line of the history: a status move, or (with <see cref="Reclassification"/>) a reclassification, the status staying as it was.</summary>
public sealed record ComplaintStatusChangeView(
    DateTimeOffset At,
    string UserName,
    ComplaintStatus? From,
    ComplaintStatus To,
    ComplaintTrigger? Trigger,
    string? Reason,
    ComplaintReclassificationView? Reclassification = null);

/// <summary>What a reclassification changed: category, sub-category (by name) and urgency, before and after.</summary>
public sealed record ComplaintReclassificationView(
    ComplaintCategory FromCategory,
    string? FromSubCategory,
    ComplaintUrgency FromUrgency,
    ComplaintCategory ToCategory,
    string? ToSubCategory,
    ComplaintUrgency ToUrgency);

/// <summary>The answer to an intake: the new complaint, the open ones it may duplicate, and knowledge articles that may help.</summary>
public sealed record RecordedComplaint(ComplaintView Complaint, IReadOnlyList<ComplaintListItem> PossibleDuplicates, IReadOnlyList<Knowledge.KnowledgeSuggestion> Suggestions);

/// <summary>The earlier complaint a repeat repeats (its number whatever its store; opening it needs the reader to see it).</summary>
public sealed record RepeatOfView(Guid Id, string Number, RepeatBasis Basis, DateTimeOffset ReceivedAt);

/// <summary>A complaint merged into another: for the duplicate, the one it went into; for the survivor, each one merged in.</summary>
public sealed record MergedComplaintView(Guid Id, string Number, ComplaintStatus Status, DateTimeOffset ReceivedAt, DateTimeOffset? MergedAt);

/// <summary>Why the urgency rules raised a complaint's urgency at intake: the rule (a resource key) and the words found.</summary>
public sealed record UrgencyReasonView(string Rule, string? Words);

/// <summary>Names for complaints' ids. A visible complaint shows its customer's name even when the customer belongs to another store.</summary>
internal static class ComplaintViews
{
    public const int ProblemPreviewLength = 80;

    public static async Task<ComplaintView> ViewAsync(AfterSalesDb db, Complaint c, bool seesFullContact, CancellationToken ct)
    {
        var customer = await db.Customers.IgnoreQueryFilters().AsNoTracking().Where(x => x.Id == c.CustomerId).FirstAsync(ct);
        var asset = c.AssetId is { } assetId ? await db.Assets.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == assetId, ct) : null;
        var storeName = await db.Stores.Where(s => s.Id == c.StoreId).Select(s => s.Name).FirstAsync(ct);
        var specialist = c.AssignedSpecialistId is { } sid ? await db.Users.Where(u => u.Id == sid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var sub = c.SubCategoryId is { } subId ? await db.Set<ComplaintSubCategory>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == subId, ct) : null;
        var phone = customer.PrimaryPhone;
        var urgencyReason = await db.Set<ComplaintLogEntry>().AsNoTracking()
            .Where(l => l.ComplaintId == c.Id && l.Kind == ComplaintLogKind.UrgencyRule)
            .OrderBy(l => l.At).Select(l => new UrgencyReasonView(l.Text, l.Reference)).FirstOrDefaultAsync(ct);
        var repeatOf = c.RepeatOfId is { } earlierId && c.RepeatBasis is { } basis
            ? await db.Set<Complaint>().IgnoreQueryFilters().AsNoTracking().Where(x => x.Id == earlierId)
                .Select(x => new RepeatOfView(x.Id, x.Number, basis, x.ReceivedAt)).FirstOrDefaultAsync(ct)
            : null;
        var duplicateOf = c.DuplicateOfId is { } survivorId
            ? await db.Set<Complaint>().IgnoreQueryFilters().AsNoTracking().Where(x => x.Id == survivorId)
                .Select(x => new MergedComplaintView(x.Id, x.Number, x.Status, x.ReceivedAt, c.ClosedAt)).FirstOrDefaultAsync(ct)
            : null;
        var merged = await db.Set<Complaint>().IgnoreQueryFilters().AsNoTracking().Where(x => x.DuplicateOfId == c.Id)
            .OrderBy(x => x.ReceivedAt)
            .Select(x => new MergedComplaintView(x.Id, x.Number, x.Status, x.ReceivedAt, x.ClosedAt))
            .ToListAsync(ct);
        return new ComplaintView(
            c.Id,
            c.Number,
            c.Status,
            c.StoreId,
            storeName,
            c.CustomerId,
            customer.Name,
            seesFullContact ? phone : Masking.MaskPhone(phone),
            c.AssetId,
            asset?.DisplayName,
            c.RepairOrderReference,
            c.Channel,
            c.CoreProblem,
            c.CustomerExpectation,
            c.Category,
            c.SubCategoryId,
            sub?.NameIn(System.Globalization.CultureInfo.CurrentUICulture.Name),
            c.Urgency,
            c.SuspectedResponsibility,
            c.IsRepeat,
            c.AssignedSpecialistId,
            specialist,
            c.ReceivedAt,
            c.AcknowledgedAt,
            c.Version,
            c.PermittedTriggers,
            urgencyReason,
            repeatOf,
            duplicateOf,
            merged,
            c.IsHistorical);
    }

    public static async Task<List<ComplaintListItem>> ListAsync(AfterSalesDb db, IReadOnlyList<Complaint> rows, CancellationToken ct)
    {
        var customerIds = rows.Select(r => r.CustomerId).Distinct().ToList();
        var assetIds = rows.Where(r => r.AssetId != null).Select(r => r.AssetId!.Value).Distinct().ToList();
        var storeIds = rows.Select(r => r.StoreId).Distinct().ToList();
        var userIds = rows.Where(r => r.AssignedSpecialistId != null).Select(r => r.AssignedSpecialistId!.Value).Distinct().ToList();
        var customers = await db.Customers.IgnoreQueryFilters().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var assets = (await db.Assets.IgnoreQueryFilters().AsNoTracking().Where(a => assetIds.Contains(a.Id)).ToListAsync(ct)).ToDictionary(a => a.Id, a => a.DisplayName);
        var stores = await db.Stores.IgnoreQueryFilters().Where(s => storeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return rows.Select(r => new ComplaintListItem(
            r.Id,
            r.Number,
            r.Status,
            r.Urgency,
            r.Category,
            r.Channel,
            r.StoreId,
            stores.GetValueOrDefault(r.StoreId, string.Empty),
            r.CustomerId,
            customers.GetValueOrDefault(r.CustomerId, string.Empty),
            r.AssetId,
            r.AssetId is { } a ? assets.GetValueOrDefault(a) : null,
            r.CoreProblem.Length > ProblemPreviewLength ? r.CoreProblem[..ProblemPreviewLength] + "…" : r.CoreProblem,
            r.IsRepeat,
            r.AssignedSpecialistId is { } u ? users.GetValueOrDefault(u) : null,
            r.ReceivedAt)).ToList();
    }
}
