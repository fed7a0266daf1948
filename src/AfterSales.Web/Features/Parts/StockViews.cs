using AfterSales.Domain.Parts;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Parts;

/// <summary>A stock row as the stock list shows it.</summary>
public sealed record StockRow(
    Guid Id,
    Guid StoreId,
    string StoreName,
    Guid PartId,
    string PartNumber,
    string PartNameZh,
    string PartNameEn,
    PartUnit Unit,
    string Bin,
    decimal OnHand,
    decimal Reserved,
    decimal Available,
    decimal MinQuantity,
    decimal MaxQuantity,
    decimal UnitCost,
    DateTimeOffset? LastMovementAt,
    string? ReplacedByNumber,
    int Version);

public sealed record MovementView(
    Guid Id,
    MovementKind Kind,
    decimal Quantity,
    decimal BalanceAfter,
    decimal UnitCost,
    string? ReferenceKind,
    Guid? ReferenceId,
    string? ReferenceNumber,
    string? Note,
    string UserName,
    DateTimeOffset At)
{
    public static MovementView From(StockMovement m) => new(m.Id, m.Kind, m.Quantity, m.BalanceAfter, m.UnitCost, m.ReferenceKind, m.ReferenceId, m.ReferenceNumber, m.Note, m.UserName, m.At);
}

public sealed record StockLedgerView(StockRow Stock, decimal SumOfMovements, IReadOnlyList<MovementView> Movements);

public sealed record ReservationView(
    Guid Id,
    Guid StoreId,
    Guid PartId,
    string PartNumber,
    string PartNameZh,
    string PartNameEn,
    string Bin,
    decimal Quantity,
    decimal Outstanding,
    string ReferenceKind,
    Guid? ReferenceId,
    string? ReferenceNumber,
    DateOnly? NeededOn,
    DateTimeOffset ExpiresAt,
    ReservationStatus Status,
    string? EndReason,
    DateTimeOffset CreatedAt);

public sealed record PartIssueView(
    Guid Id,
    Guid StoreId,
    Guid PartId,
    string PartNumber,
    string PartNameZh,
    string PartNameEn,
    PartUnit Unit,
    string ReferenceKind,
    Guid? ReferenceId,
    string? ReferenceNumber,
    decimal Quantity,
    decimal ReturnedQuantity,
    decimal NetQuantity,
    decimal UnitCost,
    decimal UnitPrice,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    string? ReceivedBy,
    DateTimeOffset? ReceivedAt,
    Guid? ReservationId);

/// <summary>The parts of one job: what was issued, what came back, and what the job's parts cost and sell for.</summary>
public sealed record JobPartsView(string ReferenceKind, Guid ReferenceId, IReadOnlyList<PartIssueView> Issues, IReadOnlyList<ReservationView> Reservations, decimal TotalCost, decimal TotalPrice);

/// <summary>
/// The list projections. Filters go on the entity query passed in (EF cannot filter on a record built by a
/// constructor), ordering happens here before the projection.
/// </summary>
internal static class StockQueries
{
    public static IQueryable<StockRow> Rows(Persistence.AfterSalesDb db, IQueryable<StockItem> items) =>
        from s in items.AsNoTracking()
        join p in db.Set<Part>() on s.PartId equals p.Id
        join st in db.Stores on s.StoreId equals st.Id
        orderby st.Name, s.Bin, p.Number
        select new StockRow(s.Id, s.StoreId, st.Name, p.Id, p.Number, p.NameZh, p.NameEn, p.Unit, s.Bin, s.OnHand, s.Reserved, s.OnHand - s.Reserved, s.MinQuantity, s.MaxQuantity, p.Cost, s.LastMovementAt, p.ReplacedByNumber, s.Version);

    public static Task<StockRow> RowAsync(Persistence.AfterSalesDb db, Guid id, CancellationToken ct) =>
        Rows(db, db.Set<StockItem>().Where(s => s.Id == id)).FirstAsync(ct);

    public static IQueryable<ReservationView> Reservations(Persistence.AfterSalesDb db, IQueryable<PartReservation> reservations) =>
        from r in reservations.AsNoTracking()
        join s in db.Set<StockItem>() on r.StockItemId equals s.Id
        join p in db.Set<Part>() on r.PartId equals p.Id
        orderby s.Bin, p.Number, r.CreatedAt
        select new ReservationView(r.Id, r.StoreId, r.PartId, p.Number, p.NameZh, p.NameEn, s.Bin, r.Quantity, r.Outstanding, r.ReferenceKind, r.ReferenceId, r.ReferenceNumber, r.NeededOn, r.ExpiresAt, r.Status, r.EndReason, r.CreatedAt);

    public static Task<ReservationView> ReservationAsync(Persistence.AfterSalesDb db, Guid id, CancellationToken ct) =>
        Reservations(db, db.Set<PartReservation>().Where(r => r.Id == id)).FirstAsync(ct);

    public static IQueryable<PartIssueView> Issues(Persistence.AfterSalesDb db, IQueryable<PartIssue> issues) =>
        from i in issues.AsNoTracking()
        join p in db.Set<Part>() on i.PartId equals p.Id
        orderby i.IssuedAt
        select new PartIssueView(i.Id, i.StoreId, i.PartId, p.Number, p.NameZh, p.NameEn, p.Unit, i.ReferenceKind, i.ReferenceId, i.ReferenceNumber, i.Quantity, i.ReturnedQuantity, i.Quantity - i.ReturnedQuantity, i.UnitCost, i.UnitPrice, i.IssuedAt, i.IssuedBy, i.ReceivedBy, i.ReceivedAt, i.ReservationId);

    public static Task<PartIssueView> IssueAsync(Persistence.AfterSalesDb db, Guid id, CancellationToken ct) =>
        Issues(db, db.Set<PartIssue>().Where(i => i.Id == id)).FirstAsync(ct);
}
