using AfterSales.Domain.Parts;
using AfterSales.Domain.Staff;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Parts;

/// <summary>
/// The parts clerk issues parts to a job (领料). With <see cref="ReservationId"/> the issue draws on that
/// reservation; otherwise it takes from what is available. <see cref="ReferenceKind"/> is normally
/// <c>RepairOrderJob</c>, with the job's id and human number.
/// </summary>
public sealed record IssuePartRequest(
    Guid StoreId,
    Guid PartId,
    decimal Quantity,
    string ReferenceKind,
    Guid ReferenceId,
    string? ReferenceNumber = null,
    Guid? ReservationId = null,
    string? Note = null);

internal sealed class IssuePartValidator : AbstractValidator<IssuePartRequest>
{
    public IssuePartValidator()
    {
        RuleFor(x => x.StoreId).NotEmpty();
        RuleFor(x => x.PartId).NotEmpty();
        RuleFor(x => x.Quantity).GreaterThan(0).WithErrorCode("stock.quantity_positive").LessThan(1_000_000m);
        RuleFor(x => x.ReferenceKind).NotEmpty().MaximumLength(StockReference.KindMaxLength).WithErrorCode("reservation.reference_kind_invalid");
        RuleFor(x => x.ReferenceId).NotEmpty().WithErrorCode("reservation.reference_required");
        RuleFor(x => x.ReferenceNumber).MaximumLength(StockReference.NumberMaxLength);
        RuleFor(x => x.Note).MaximumLength(StockMovement.NoteMaxLength);
    }
}

public sealed class IssuePart(StockBook book, ICurrentUser user, RequestValidation validation)
{
    public async Task<Outcome<PartIssueView>> HandleAsync(IssuePartRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<PartIssueView>.Invalid(errors);
        }

        if (!PartRoles.HandlesStock(user))
        {
            return Outcome<PartIssueView>.Forbidden();
        }

        if (!user.Scope.Includes(request.StoreId))
        {
            return Outcome<PartIssueView>.Forbidden("common.other_store");
        }

        var part = await book.PartAsync(request.PartId, ct);
        if (part is null)
        {
            return Outcome<PartIssueView>.Invalid("stock.part_unknown", nameof(request.PartId));
        }

        var job = new StockReference(request.ReferenceKind.Trim(), request.ReferenceId, request.ReferenceNumber?.Trim());
        var saved = await book.WriteAsync<Guid>(
            async () =>
            {
                var item = await book.Db.Set<StockItem>().FirstOrDefaultAsync(s => s.StoreId == request.StoreId && s.PartId == request.PartId, ct);
                if (item is null)
                {
                    return Outcome<Guid>.Invalid("stock.insufficient", nameof(request.Quantity));
                }

                decimal releasing = 0;
                if (request.ReservationId is { } reservationId)
                {
                    var reservation = await book.Db.Set<PartReservation>().FirstOrDefaultAsync(r => r.Id == reservationId && r.StockItemId == item.Id, ct);
                    if (reservation is null)
                    {
                        return Outcome<Guid>.Invalid("reservation.unknown", nameof(request.ReservationId));
                    }

                    releasing = Math.Min(request.Quantity, reservation.Outstanding);
                    if (reservation.Consume(releasing, book.Now) is { } notActive)
                    {
                        return Outcome<Guid>.Invalid([notActive with { Field = nameof(request.ReservationId) }]);
                    }
                }

                if (book.Post(item, MovementKind.IssueToJob, request.Quantity, part.Cost, job, request.Note, releasing) is { } refusal)
                {
                    return Outcome<Guid>.Invalid([refusal]);
                }

                var issue = PartIssue.Record(item, job, request.ReservationId, request.Quantity, part.Cost, part.ListPrice, user.UserId, user.UserName, book.Now);
                book.Db.Add(issue);
                await book.Db.SaveChangesAsync(ct);
                return issue.Id;
            },
            ct);
        return saved.IsOk ? await StockQueries.IssueAsync(book.Db, saved.Value, ct) : saved.As<PartIssueView>();
    }
}

/// <summary>The technician confirms with their own login that they received the issued parts.</summary>
public sealed class ConfirmPartReceipt(AfterSalesDb db, ICurrentUser user, TimeProvider clock, AccessGuard guard)
{
    public async Task<Outcome<PartIssueView>> HandleAsync(Guid issueId, CancellationToken ct)
    {
        var issue = await db.Set<PartIssue>().FirstOrDefaultAsync(i => i.Id == issueId, ct);
        if (issue is null)
        {
            return await guard.NotFoundAsync<PartIssue, PartIssueView>(issueId, ct);
        }

        if (!(user.IsInRole(StaffRole.Technician) || user.IsInRole(StaffRole.TeamLead) || user.IsInRole(StaffRole.WorkshopManager)))
        {
            return Outcome<PartIssueView>.Forbidden("issue.only_workshop_confirms");
        }

        if (issue.ConfirmReceipt(user.UserId, user.UserName, clock.GetUtcNow()) is { } refusal)
        {
            return Outcome<PartIssueView>.Conflict(refusal.Code);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<PartIssueView>.Conflict("issue.already_confirmed");
        }

        return await StockQueries.IssueAsync(db, issueId, ct);
    }
}

public sealed record ReturnPartRequest(decimal Quantity, string? Note = null);

/// <summary>Unused parts come back from the job to the shelf; the job's parts cost drops accordingly.</summary>
public sealed class ReturnPart(StockBook book, ICurrentUser user, AccessGuard guard)
{
    public async Task<Outcome<PartIssueView>> HandleAsync(Guid issueId, ReturnPartRequest request, CancellationToken ct)
    {
        if (!await book.Db.Set<PartIssue>().AnyAsync(i => i.Id == issueId, ct))
        {
            return await guard.NotFoundAsync<PartIssue, PartIssueView>(issueId, ct);
        }

        if (!PartRoles.HandlesStock(user))
        {
            return Outcome<PartIssueView>.Forbidden();
        }

        if ((request.Note ?? string.Empty).Length > StockMovement.NoteMaxLength)
        {
            return Outcome<PartIssueView>.Invalid("common.invalid_value", nameof(request.Note));
        }

        var saved = await book.WriteAsync<bool>(
            async () =>
            {
                var issue = await book.Db.Set<PartIssue>().FirstAsync(i => i.Id == issueId, ct);
                if (issue.Return(request.Quantity) is { } refusal)
                {
                    return Outcome<bool>.Invalid([refusal]);
                }

                var item = await book.Db.Set<StockItem>().FirstAsync(s => s.Id == issue.StockItemId, ct);
                var job = new StockReference(issue.ReferenceKind, issue.ReferenceId, issue.ReferenceNumber);
                if (book.Post(item, MovementKind.ReturnFromJob, request.Quantity, issue.UnitCost, job, request.Note) is { } posting)
                {
                    return Outcome<bool>.Invalid([posting]);
                }

                await book.Db.SaveChangesAsync(ct);
                return true;
            },
            ct);
        return saved.IsOk ? await StockQueries.IssueAsync(book.Db, issueId, ct) : saved.As<PartIssueView>();
    }
}

/// <summary>A job's parts: issues, returns, open reservations, and the parts cost and price that follow from them.</summary>
public sealed class GetJobParts(AfterSalesDb db)
{
    public async Task<JobPartsView> HandleAsync(string referenceKind, Guid referenceId, CancellationToken ct)
    {
        var issues = await StockQueries.Issues(db, db.Set<PartIssue>().Where(i => i.ReferenceKind == referenceKind && i.ReferenceId == referenceId)).ToListAsync(ct);
        var reservations = await StockQueries.Reservations(db, db.Set<PartReservation>()
                .Where(r => r.ReferenceKind == referenceKind && r.ReferenceId == referenceId && r.Status == ReservationStatus.Active))
            .ToListAsync(ct);
        return new JobPartsView(referenceKind, referenceId, issues, reservations, issues.Sum(i => i.NetQuantity * i.UnitCost), issues.Sum(i => i.NetQuantity * i.UnitPrice));
    }
}
