using AfterSales.Domain.Complaints;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints;

/// <summary>Opens a complaint with its customer's personal data; every opening is audited (Action "Viewed").</summary>
public sealed class GetComplaint(AfterSalesDb db, ICurrentUser user, AccessGuard guard, TimeProvider clock)
{
    public const string ViewedAction = "Viewed";

    public async Task<Outcome<ComplaintView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var complaint = await db.Set<Complaint>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null)
        {
            return await guard.NotFoundAsync<Complaint, ComplaintView>(id, ct);
        }

        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = user.UserId,
            UserName = user.UserName,
            EntityType = nameof(Complaint),
            EntityId = complaint.Id,
            StoreId = complaint.StoreId,
            Action = ViewedAction,
        });
        await db.SaveChangesAsync(ct);
        return await ComplaintViews.ViewAsync(db, complaint, user.SeesFullContact, ct);
    }
}

/// <summary>Every status change and reclassification of a complaint, oldest first: who, when, from, to, why.</summary>
public sealed class GetComplaintHistory(AfterSalesDb db, AccessGuard guard)
{
    public async Task<Outcome<IReadOnlyList<ComplaintStatusChangeView>>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Set<Complaint>().AnyAsync(c => c.Id == id, ct))
        {
            return await guard.NotFoundAsync<Complaint, IReadOnlyList<ComplaintStatusChangeView>>(id, ct);
        }

        var moves = await db.Set<ComplaintStatusChange>().AsNoTracking()
            .Where(h => h.ComplaintId == id)
            .Select(h => new { h.ComplaintVersion, View = new ComplaintStatusChangeView(h.At, h.UserName, h.From, h.To, h.Trigger, h.Reason, null) })
            .ToListAsync(ct);
        var changes = await db.Set<ComplaintReclassification>().AsNoTracking().Where(r => r.ComplaintId == id).ToListAsync(ct);
        var subIds = changes.SelectMany(r => new[] { r.FromSubCategoryId, r.ToSubCategoryId }).OfType<Guid>().Distinct().ToList();
        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        var subs = (await db.Set<ComplaintSubCategory>().AsNoTracking().Where(s => subIds.Contains(s.Id)).ToListAsync(ct)).ToDictionary(s => s.Id, s => s.NameIn(culture));
        string? Sub(Guid? sub) => sub is { } key ? subs.GetValueOrDefault(key) : null;
        var reclassified = changes.Select(r => new
        {
            r.ComplaintVersion,
            View = new ComplaintStatusChangeView(
                r.At,
                r.UserName,
                r.Status,
                r.Status,
                null,
                r.Reason,
                new ComplaintReclassificationView(r.FromCategory, Sub(r.FromSubCategoryId), r.FromUrgency, r.ToCategory, Sub(r.ToSubCategoryId), r.ToUrgency)),
        });
        return moves.Concat(reclassified).OrderBy(h => h.ComplaintVersion).ThenBy(h => h.View.At).Select(h => h.View).ToList();
    }
}
