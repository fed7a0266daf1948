using AfterSales.Domain.Parts;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Features.Parts;

/// <summary>
/// Puts parts aside for an appointment or a repair-order job. <see cref="ReferenceKind"/> is
/// <c>Appointment</c> or <c>RepairOrderJob</c>; the id and human number are the owner's. Without
/// <see cref="ExpiresAt"/> the reservation holds for Parts:ReservationLifetime (from the day needed, if given).
/// </summary>
public sealed record ReservePartRequest(
    Guid StoreId,
    Guid PartId,
    decimal Quantity,
    string ReferenceKind,
    Guid ReferenceId,
    string? ReferenceNumber = null,
    DateOnly? NeededOn = null,
    DateTimeOffset? ExpiresAt = null);

internal sealed class ReservePartValidator : AbstractValidator<ReservePartRequest>
{
    public ReservePartValidator()
    {
        RuleFor(x => x.StoreId).NotEmpty();
        RuleFor(x => x.PartId).NotEmpty();
        RuleFor(x => x.Quantity).GreaterThan(0).WithErrorCode("stock.quantity_positive").LessThan(1_000_000m);
        RuleFor(x => x.ReferenceKind).Must(k => k is StockReference.Appointment or StockReference.RepairOrderJob).WithErrorCode("reservation.reference_kind_invalid");
        RuleFor(x => x.ReferenceId).NotEmpty().WithErrorCode("reservation.reference_required");
        RuleFor(x => x.ReferenceNumber).MaximumLength(StockReference.NumberMaxLength);
    }
}

public sealed class ReservePart(StockBook book, ICurrentUser user, RequestValidation validation, IOptions<PartsOptions> options)
{
    public async Task<Outcome<ReservationView>> HandleAsync(ReservePartRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ReservationView>.Invalid(errors);
        }

        if (!user.Scope.Includes(request.StoreId))
        {
            return Outcome<ReservationView>.Forbidden("common.other_store");
        }

        if (await book.PartAsync(request.PartId, ct) is null)
        {
            return Outcome<ReservationView>.Invalid("stock.part_unknown", nameof(request.PartId));
        }

        var now = book.Now;
        var expiresAt = request.ExpiresAt
            ?? (request.NeededOn is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime() : now) + options.Value.ReservationLifetime;
        if (expiresAt <= now)
        {
            return Outcome<ReservationView>.Invalid("reservation.expiry_in_past", nameof(request.ExpiresAt));
        }

        var saved = await book.WriteAsync<Guid>(
            async () =>
            {
                var item = await book.Db.Set<StockItem>().FirstOrDefaultAsync(s => s.StoreId == request.StoreId && s.PartId == request.PartId, ct);
                if (item is null)
                {
                    return Outcome<Guid>.Invalid("stock.insufficient_to_reserve", nameof(request.Quantity));
                }

                if (item.Reserve(request.Quantity) is { } refusal)
                {
                    return Outcome<Guid>.Invalid([refusal]);
                }

                var reservation = PartReservation.Place(item, request.Quantity, new StockReference(request.ReferenceKind, request.ReferenceId, request.ReferenceNumber?.Trim()), request.NeededOn, expiresAt, user.UserName, now);
                book.Db.Add(reservation);
                await book.Db.SaveChangesAsync(ct);
                return reservation.Id;
            },
            ct);
        return saved.IsOk ? await StockQueries.ReservationAsync(book.Db, saved.Value, ct) : saved.As<ReservationView>();
    }
}

public sealed record ReleaseReservationRequest(string? Reason = null);

/// <summary>
/// Gives reserved stock back: one reservation, or all active reservations of an appointment or job when it is
/// cancelled (<see cref="ForReferenceAsync"/>). Expiry uses the same path with status Expired.
/// </summary>
public sealed class ReleaseReservation(StockBook book, AccessGuard guard)
{
    public async Task<Outcome<ReservationView>> HandleAsync(Guid reservationId, ReleaseReservationRequest request, CancellationToken ct)
    {
        if (!await book.Db.Set<PartReservation>().AnyAsync(r => r.Id == reservationId, ct))
        {
            return await guard.NotFoundAsync<PartReservation, ReservationView>(reservationId, ct);
        }

        var saved = await book.WriteAsync<bool>(
            async () =>
            {
                var reservation = await book.Db.Set<PartReservation>().FirstAsync(r => r.Id == reservationId, ct);
                if (reservation.Status != ReservationStatus.Active)
                {
                    return Outcome<bool>.Conflict("reservation.not_active");
                }

                await EndAsync(book.Db, [reservation], ReservationStatus.Released, request.Reason, book.Now, ct);
                await book.Db.SaveChangesAsync(ct);
                return true;
            },
            ct);
        return saved.IsOk ? await StockQueries.ReservationAsync(book.Db, reservationId, ct) : saved.As<ReservationView>();
    }

    /// <summary>Releases every active reservation of an appointment or job (its cancellation); answers how many.</summary>
    public Task<Outcome<int>> ForReferenceAsync(string referenceKind, Guid referenceId, string? reason, CancellationToken ct) =>
        book.WriteAsync<int>(
            async () =>
            {
                var active = await book.Db.Set<PartReservation>()
                    .Where(r => r.ReferenceKind == referenceKind && r.ReferenceId == referenceId && r.Status == ReservationStatus.Active)
                    .ToListAsync(ct);
                await EndAsync(book.Db, active, ReservationStatus.Released, reason, book.Now, ct);
                await book.Db.SaveChangesAsync(ct);
                return active.Count;
            },
            ct);

    internal static async Task EndAsync(AfterSalesDb db, IReadOnlyList<PartReservation> reservations, ReservationStatus status, string? reason, DateTimeOffset now, CancellationToken ct)
    {
        var itemIds = reservations.Select(r => r.StockItemId).Distinct().ToList();
        var items = await db.Set<StockItem>().Where(s => itemIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        foreach (var reservation in reservations)
        {
            items[reservation.StockItemId].Release(reservation.End(status, reason, now));
        }
    }
}

/// <summary>Ends reservations past their time (run by <see cref="Jobs.ReservationExpiry"/>); answers how many.</summary>
public sealed class ExpireReservations(StockBook book)
{
    public async Task<int> HandleAsync(int batchSize, CancellationToken ct)
    {
        var outcome = await book.WriteAsync<int>(
            async () =>
            {
                var now = book.Now;
                var due = await book.Db.Set<PartReservation>().IgnoreQueryFilters()
                    .Where(r => r.Status == ReservationStatus.Active && r.ExpiresAt <= now)
                    .OrderBy(r => r.ExpiresAt)
                    .Take(batchSize)
                    .ToListAsync(ct);
                await ReleaseReservation.EndAsync(book.Db, due, ReservationStatus.Expired, "expired", now, ct);
                await book.Db.SaveChangesAsync(ct);
                return due.Count;
            },
            ct);
        return outcome.Value;
    }
}

/// <summary>
/// The reserved-parts shelf (预约备件货架) of a store for a day, tomorrow by default: what to pick and put aside
/// for the day's appointments and jobs, by bin.
/// </summary>
public sealed record ReservedShelfRequest(Guid StoreId, DateOnly? Day = null);

public sealed record ReservedShelfView(Guid StoreId, DateOnly Day, IReadOnlyList<ReservationView> Reservations);

public sealed class GetReservedShelf(AfterSalesDb db, ICurrentUser user, TimeProvider clock)
{
    private static readonly TimeZoneInfo GroupZone = TimeZoneInfo.FindSystemTimeZoneById(Domain.Stores.Store.DefaultTimeZone);

    public async Task<Outcome<ReservedShelfView>> HandleAsync(ReservedShelfRequest request, CancellationToken ct)
    {
        if (!user.Scope.Includes(request.StoreId))
        {
            return Outcome<ReservedShelfView>.Forbidden("common.other_store");
        }

        var day = request.Day ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), GroupZone).DateTime).AddDays(1);
        var rows = await StockQueries.Reservations(db, db.Set<PartReservation>().Where(r => r.StoreId == request.StoreId && r.NeededOn == day && r.Status == ReservationStatus.Active))
            .ToListAsync(ct);
        return new ReservedShelfView(request.StoreId, day, rows);
    }
}
