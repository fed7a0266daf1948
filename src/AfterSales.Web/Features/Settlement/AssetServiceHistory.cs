using AfterSales.Domain.Assets;
using AfterSales.Domain.Delivery;
using AfterSales.Domain.Labour;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Settlement;

public sealed record HistoryPartView(string PartNumber, string Name, decimal Quantity, decimal Amount);

/// <summary>A job as it was done: standard hours beside the hours the technicians clocked on it (their clock sessions).</summary>
public sealed record HistoryJobView(
    Guid Id, string OperationCode, string Name, PayType PayType, RepairJobStatus Status, string? TechnicianName,
    decimal StandardHours, decimal ActualHours, int ReworkCount, bool SafetyCritical, decimal LabourAmount, IReadOnlyList<HistoryPartView> Parts);

/// <summary>A quality check on the order: a technician's finish (self-check), a team lead's check or rework, QC's final inspection.</summary>
public sealed record HistoryCheckView(DateTimeOffset At, string Kind, string UserName, string? JobName, string? Note);

public sealed record HistoryDocumentView(string Kind, string Title, string Href, DateTimeOffset? At);

public sealed record HistoryOrderView(
    Guid Id, string Number, RepairOrderStatus Status, string StoreName, DateTimeOffset OpenedAt, DateTimeOffset? DeliveredAt, int? MileageKm,
    string CustomerWords, decimal CustomerPays, string? InvoiceNumber, IReadOnlyList<HistoryJobView> Jobs, IReadOnlyList<HistoryCheckView> Checks,
    IReadOnlyList<PaymentView> Payments, IReadOnlyList<HistoryDocumentView> Documents, DateOnly? NextServiceDate, int? NextServiceMileageKm);

/// <summary>
/// The asset's full service history (in every store of the group: an asset keeps its history): each repair order with its
/// jobs, parts, hours, checks, payments and documents. One query per section, never one per row.
/// </summary>
public sealed class AssetServiceHistory(AfterSalesDb db, AccessGuard guard, TimeProvider clock)
{
    public const int MaxOrders = 30;

    public async Task<Outcome<IReadOnlyList<HistoryOrderView>>> HandleAsync(Guid assetId, CancellationToken ct)
    {
        if (!await db.Assets.AnyAsync(a => a.Id == assetId, ct))
        {
            return await guard.NotFoundAsync<Asset, IReadOnlyList<HistoryOrderView>>(assetId, ct);
        }

        var orders = await db.Set<RepairOrder>().IgnoreQueryFilters().AsNoTracking().Include(o => o.Jobs).ThenInclude(j => j.Parts).Include(o => o.ClockSessions).AsSplitQuery()
            .Where(o => o.AssetId == assetId && o.Status != RepairOrderStatus.Draft && o.Status != RepairOrderStatus.Cancelled)
            .OrderByDescending(o => o.OpenedAt)
            .Take(MaxOrders)
            .ToListAsync(ct);
        var ids = orders.Select(o => o.Id).ToList();
        var jobMoves = await db.Set<RepairJobStatusChange>().AsNoTracking().Where(c => ids.Contains(c.RepairOrderId)).OrderBy(c => c.At).ToListAsync(ct);
        var orderMoves = await db.Set<RepairOrderStatusChange>().AsNoTracking()
            .Where(c => ids.Contains(c.RepairOrderId) && (c.Trigger == RepairOrderTrigger.PassFinalInspection || c.Trigger == RepairOrderTrigger.FailFinalInspection))
            .ToListAsync(ct);
        var deliveries = await db.Set<OrderDelivery>().IgnoreQueryFilters().AsNoTracking().Include(d => d.Payments).Where(d => ids.Contains(d.RepairOrderId)).ToDictionaryAsync(d => d.RepairOrderId, ct);
        var signatures = await db.Set<RepairOrderSignature>().AsNoTracking().Where(s => ids.Contains(s.RepairOrderId))
            .Select(s => new { s.Id, s.RepairOrderId, s.SignerName, s.SignedAt }).ToListAsync(ct);
        var storeIds = orders.Select(o => o.StoreId).Distinct().ToList();
        var stores = await db.Stores.IgnoreQueryFilters().Where(s => storeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);

        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        var now = clock.GetUtcNow();
        return orders.Select(o =>
        {
            var names = o.Jobs.ToDictionary(j => j.Id, j => LabourOperation.Name(j.NameZh, j.NameEn, culture));
            var delivery = deliveries.GetValueOrDefault(o.Id);
            var jobs = o.Jobs.OrderBy(j => j.Position).Select(j => new HistoryJobView(
                j.Id, j.OperationCode, names[j.Id], j.PayType, j.Status, j.TechnicianName, j.Hours, o.ActualHours(j.Id, now), j.ReworkCount, j.SafetyCritical, j.LabourAmount,
                j.Parts.OrderBy(p => p.Position).Select(p => new HistoryPartView(p.PartNumber, p.Name, p.Quantity, p.Amount)).ToList())).ToList();
            var checks = jobMoves.Where(m => m.RepairOrderId == o.Id && m.Trigger is RepairJobTrigger.Finish or RepairJobTrigger.Check or RepairJobTrigger.Rework)
                .Select(m => new HistoryCheckView(m.At, m.Trigger.ToString(), m.UserName, names.GetValueOrDefault(m.RepairJobId), m.Reason))
                .Concat(orderMoves.Where(m => m.RepairOrderId == o.Id).Select(m => new HistoryCheckView(m.At, m.Trigger!.Value.ToString(), m.UserName, null, m.Reason)))
                .OrderBy(c => c.At).ToList();
            var documents = signatures.Where(s => s.RepairOrderId == o.Id).OrderBy(s => s.SignedAt)
                .Select(s => new HistoryDocumentView("Signature", s.SignerName, $"/repair-orders/{o.Id}/print", s.SignedAt)).ToList();
            if (delivery is not null)
            {
                documents.Add(new HistoryDocumentView("Statement", o.Number, $"/repair-orders/{o.Id}/delivery/print/statement", delivery.HandedOverAt));
                if (delivery.InvoiceNumber is { } invoice)
                {
                    documents.Add(new HistoryDocumentView("Invoice", invoice, $"/repair-orders/{o.Id}/delivery/print/invoice", delivery.SettledAt));
                }

                if (delivery.GatePassIssuedAt is { } issued)
                {
                    documents.Add(new HistoryDocumentView("GatePass", o.Number, $"/repair-orders/{o.Id}/delivery/print/gate-pass", issued));
                }
            }

            var payments = delivery?.Payments.OrderBy(p => p.At).Select(p => new PaymentView(p.Id, p.Method, p.Amount, p.Tendered, p.Change, p.Reference, p.At, p.RecordedByName)).ToList() ?? [];
            var customerPays = delivery?.Totals(o).CustomerPays ?? o.Totals.CustomerPays;
            return new HistoryOrderView(
                o.Id, o.Number, o.Status, stores.GetValueOrDefault(o.StoreId, string.Empty), o.OpenedAt, o.DeliveredAt, o.MileageKm, o.CustomerWords, customerPays,
                delivery?.InvoiceNumber, jobs, checks, payments, documents, delivery?.NextServiceDate, delivery?.NextServiceMileageKm);
        }).ToList();
    }
}
