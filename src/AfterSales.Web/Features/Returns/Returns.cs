using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Returns;
using AfterSales.Domain.Staff;
using AfterSales.Domain.Stores;
using AfterSales.Web.Features.Warranty;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Returns;

public sealed record SaleItemInput(string Sku, string Description, int Quantity, decimal UnitPrice);

public sealed record RecordSaleRequest(Guid StoreId, Guid CustomerId, string Number, SaleChannel Channel, IReadOnlyList<SaleItemInput>? Items, DateTimeOffset CompletedAt);

public sealed record SaleView(Guid Id, string Number, Guid StoreId, string StoreName, Guid CustomerId, string CustomerName, SaleChannel Channel, IReadOnlyList<SaleItem> Items, decimal Total, DateTimeOffset CompletedAt, DateTimeOffset ClaimDeadline, bool Escalated);

public sealed record OpenReturnRequest(Guid SaleId, ReturnKind Kind, ReturnReason Reason, string Description, IReadOnlyList<string>? Evidence = null);

public sealed record InspectReturnRequest(int Version, InspectionResult Result, string? Notes = null);

public sealed record ResolveReturnRequest(int Version, ReturnOutcome Outcome, decimal? RefundAmount, decimal ShippingCost = 0, string? Note = null);

public sealed record RefuseReturnRequest(int Version, string Reason, decimal ShippingCost = 0);

public sealed record EscalateReturnRequest(int Version, EscalationTarget Target, string Reason);

public sealed record ReturnTermsRequest(int ClaimWindowDays, int NoReasonDays, bool AcceptsChangedMindOverTheCounter, int Version = 0);

public sealed record ReturnTermsView(Guid StoreId, int ClaimWindowDays, int NoReasonDays, bool AcceptsChangedMindOverTheCounter, int Version);

public sealed record ReturnStepView(DateTimeOffset At, TimeSpan Waited, string UserName, ReturnStatus? From, ReturnStatus To, ReturnTrigger? Trigger, string? Note);

public sealed record ReturnView(
    Guid Id,
    string Number,
    ReturnStatus Status,
    Guid StoreId,
    Guid SaleId,
    string SaleNumber,
    SaleChannel Channel,
    decimal SaleTotal,
    Guid CustomerId,
    string CustomerName,
    ReturnKind Kind,
    ReturnReason Reason,
    string Description,
    IReadOnlyList<string> Evidence,
    InspectionResult? Inspection,
    string? InspectionNotes,
    ReturnOutcome? Outcome,
    string? RefusalReason,
    decimal? RefundAmount,
    decimal ShippingCost,
    CostBearer? ShippingBorneBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? InspectedAt,
    DateTimeOffset? EscalatedAt,
    DateTimeOffset? DecidedAt,
    EscalationTarget? EscalatedTo,
    int Version,
    IReadOnlyList<ReturnTrigger> PermittedTriggers,
    IReadOnlyList<ReturnStepView> Steps);

public sealed record ReturnListItem(Guid Id, string Number, ReturnStatus Status, ReturnKind Kind, ReturnReason Reason, string SaleNumber, string CustomerName, DateTimeOffset RequestedAt);

public sealed record SearchReturnsRequest(ReturnStatus? Status = null, Guid? SaleId = null, int Page = 1, int PageSize = 25);

internal sealed class RecordSaleValidator : AbstractValidator<RecordSaleRequest>
{
    public RecordSaleValidator()
    {
        RuleFor(x => x.StoreId).NotEmpty().WithErrorCode("sale.store_required");
        RuleFor(x => x.CustomerId).NotEmpty().WithErrorCode("sale.customer_required");
        RuleFor(x => x.Number).MaximumLength(ProductSale.NumberMaxLength);
        RuleFor(x => x.Channel).IsInEnum();
        RuleForEach(x => x.Items).ChildRules(i =>
        {
            i.RuleFor(x => x.Sku).MaximumLength(SaleItem.SkuMaxLength);
            i.RuleFor(x => x.Description).MaximumLength(SaleItem.DescriptionMaxLength);
        });
    }
}

internal sealed class OpenReturnValidator : AbstractValidator<OpenReturnRequest>
{
    public OpenReturnValidator()
    {
        RuleFor(x => x.SaleId).NotEmpty().WithErrorCode("return.sale_required");
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Reason).IsInEnum();
        RuleFor(x => x.Description).NotEmpty().WithErrorCode("return.description_required").MaximumLength(ReturnRequest.TextMaxLength);
        RuleFor(x => x.Evidence).Must(e => e is null || e.Count <= ReturnRequest.EvidenceMaxItems).WithErrorCode("return.evidence_too_many");
        RuleForEach(x => x.Evidence).MaximumLength(ReturnRequest.EvidenceMaxLength);
    }
}

internal sealed class InspectReturnValidator : AbstractValidator<InspectReturnRequest>
{
    public InspectReturnValidator()
    {
        RuleFor(x => x.Result).IsInEnum();
        RuleFor(x => x.Notes).MaximumLength(ReturnRequest.TextMaxLength);
    }
}

internal sealed class ResolveReturnValidator : AbstractValidator<ResolveReturnRequest>
{
    public ResolveReturnValidator()
    {
        RuleFor(x => x.Outcome).IsInEnum();
        RuleFor(x => x.Note).MaximumLength(ReturnRequest.TextMaxLength);
    }
}

internal sealed class RefuseReturnValidator : AbstractValidator<RefuseReturnRequest>
{
    public RefuseReturnValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithErrorCode("return.refusal_reason_required").MaximumLength(ReturnRequest.TextMaxLength);
}

internal sealed class EscalateReturnValidator : AbstractValidator<EscalateReturnRequest>
{
    public EscalateReturnValidator()
    {
        RuleFor(x => x.Target).IsInEnum();
        RuleFor(x => x.Reason).NotEmpty().WithErrorCode("return.escalation_reason_required").MaximumLength(ReturnEscalation.ReasonMaxLength);
    }
}

internal sealed class ReturnTermsValidator : AbstractValidator<ReturnTermsRequest>
{
    public ReturnTermsValidator()
    {
        RuleFor(x => x.ClaimWindowDays).InclusiveBetween(1, ReturnTerms.MaxDays).WithErrorCode("return.window_days_invalid");
        RuleFor(x => x.NoReasonDays).InclusiveBetween(0, ReturnTerms.MaxDays).WithErrorCode("return.window_days_invalid");
    }
}

/// <summary>Sales, returns and return terms: the after-sales of products sold over the counter or online.</summary>
public sealed class ReturnDesk(AfterSalesDb db, ICurrentUser user, RequestValidation validation, AccessGuard guard, TimeProvider clock)
{
    public const string ChangedBySomeoneElse = "return.changed_by_someone_else";
    public const string EscalationUsed = "return.escalation_used";
    private static readonly TimeZoneInfo GroupZone = TimeZoneInfo.FindSystemTimeZoneById(Store.DefaultTimeZone);

    private Actor Actor => new(user.UserId, user.UserName);

    public async Task<Outcome<SaleView>> RecordSaleAsync(RecordSaleRequest request, CancellationToken ct)
    {
        var items = (request.Items ?? []).Select(i => new SaleItem(i.Sku ?? string.Empty, i.Description ?? string.Empty, i.Quantity, i.UnitPrice)).ToList();
        var errors = (await validation.CheckAsync(request, ct)).Concat(ProductSale.Check(request.Number ?? string.Empty, items, request.CompletedAt, clock.GetUtcNow())).ToList();
        if (errors.Count > 0)
        {
            return Outcome<SaleView>.Invalid(errors);
        }

        if (!user.Scope.Includes(request.StoreId) || !await db.Stores.AnyAsync(s => s.Id == request.StoreId && s.IsActive, ct))
        {
            return Outcome<SaleView>.Invalid("sale.store_unknown", nameof(request.StoreId));
        }

        if (!await db.Customers.AnyAsync(c => c.Id == request.CustomerId, ct))
        {
            return Outcome<SaleView>.Invalid("sale.customer_unknown", nameof(request.CustomerId));
        }

        var number = request.Number!.Trim().ToUpperInvariant();
        if (await db.Set<ProductSale>().IgnoreQueryFilters().AnyAsync(s => s.StoreId == request.StoreId && s.Number == number, ct))
        {
            return Outcome<SaleView>.Invalid("sale.number_taken", nameof(request.Number));
        }

        var sale = ProductSale.Record(request.StoreId, request.CustomerId, number, request.Channel, items, request.CompletedAt.ToUniversalTime(), clock.GetUtcNow());
        db.Add(sale);
        await db.SaveChangesAsync(ct);
        return await SaleViewAsync(sale, ct);
    }

    public async Task<Outcome<SaleView>> GetSaleAsync(Guid id, CancellationToken ct)
    {
        var sale = await db.Set<ProductSale>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return sale is null ? await guard.NotFoundAsync<ProductSale, SaleView>(id, ct) : await SaleViewAsync(sale, ct);
    }

    public async Task<IReadOnlyList<SaleView>> RecentSalesAsync(Guid? customerId, CancellationToken ct)
    {
        var query = db.Set<ProductSale>().AsNoTracking();
        if (customerId is { } c)
        {
            query = query.Where(s => s.CustomerId == c);
        }

        var sales = await query.OrderByDescending(s => s.CompletedAt).Take(50).ToListAsync(ct);
        var views = new List<SaleView>();
        foreach (var sale in sales)
        {
            views.Add(await SaleViewAsync(sale, ct));
        }

        return views;
    }

    public async Task<Outcome<ReturnView>> OpenAsync(OpenReturnRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ReturnView>.Invalid(errors);
        }

        var sale = await db.Set<ProductSale>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.SaleId, ct);
        if (sale is null)
        {
            return await guard.NotFoundAsync<ProductSale, ReturnView>(request.SaleId, ct);
        }

        var (zone, terms) = await TermsAsync(sale.StoreId, ct);
        var now = clock.GetUtcNow();
        if (ReturnWindow.Check(sale.CompletedAt, now, zone, sale.Channel, request.Reason, terms) is { } refused)
        {
            return Outcome<ReturnView>.Invalid(refused, nameof(request.Reason));
        }

        if (await db.Set<ReturnRequest>().AnyAsync(r => r.SaleId == sale.Id && (r.Status == ReturnStatus.Requested || r.Status == ReturnStatus.Inspected || r.Status == ReturnStatus.Escalated), ct))
        {
            return Outcome<ReturnView>.Conflict("return.already_open");
        }

        var year = TimeZoneInfo.ConvertTime(now, GroupZone).Year;
        ReturnRequest request2;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var sequence = await DocumentNumbers.NextAsync(db, $"TH-{year}", ct);
            request2 = ReturnRequest.Open(ReturnRequest.FormatNumber(year, sequence), sale, request.Kind, request.Reason, request.Description, request.Evidence ?? [], Actor, now);
            db.Add(request2);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return await ViewAsync(request2, ct);
    }

    public async Task<Outcome<ReturnView>> GetAsync(Guid id, CancellationToken ct)
    {
        var request = await db.Set<ReturnRequest>().AsNoTracking().Include(r => r.Steps).FirstOrDefaultAsync(r => r.Id == id, ct);
        return request is null ? await guard.NotFoundAsync<ReturnRequest, ReturnView>(id, ct) : await ViewAsync(request, ct);
    }

    public async Task<Page<ReturnListItem>> SearchAsync(SearchReturnsRequest request, CancellationToken ct)
    {
        var query = db.Set<ReturnRequest>().AsNoTracking();
        if (request.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (request.SaleId is { } saleId)
        {
            query = query.Where(r => r.SaleId == saleId);
        }

        var size = Math.Clamp(request.PageSize, 1, 100);
        var page = Math.Max(request.Page, 1);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.RequestedAt).Skip((page - 1) * size).Take(size).ToListAsync(ct);

        // Names in a second query: IgnoreQueryFilters inside the first would lift the store filter from the whole query.
        var saleIds = rows.Select(r => r.SaleId).Distinct().ToList();
        var customerIds = rows.Select(r => r.CustomerId).Distinct().ToList();
        var sales = await db.Set<ProductSale>().IgnoreQueryFilters().Where(s => saleIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Number, ct);
        var customers = await db.Customers.IgnoreQueryFilters().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var items = rows.Select(r => new ReturnListItem(r.Id, r.Number, r.Status, r.Kind, r.Reason, sales[r.SaleId], customers[r.CustomerId], r.RequestedAt)).ToList();
        return new Page<ReturnListItem>(items, page, size, total);
    }

    public Task<Outcome<ReturnView>> InspectAsync(Guid id, InspectReturnRequest request, CancellationToken ct) =>
        MoveAsync(id, request.Version, request, (r, _, now) => r.Inspect(request.Result, request.Notes, Actor, now), ct);

    public Task<Outcome<ReturnView>> ResolveAsync(Guid id, ResolveReturnRequest request, CancellationToken ct) =>
        MoveAsync(id, request.Version, request, (r, sale, now) => r.Resolve(request.Outcome, request.RefundAmount, request.ShippingCost, sale.Total, request.Note, Actor, now), ct);

    public Task<Outcome<ReturnView>> RefuseAsync(Guid id, RefuseReturnRequest request, CancellationToken ct) =>
        MoveAsync(id, request.Version, request, (r, _, now) => r.Refuse(request.Reason, request.ShippingCost, Actor, now), ct);

    /// <summary>Escalates once per sale: the unique index on the escalation's sale turns a second attempt, even a racing one, into a 409.</summary>
    public Task<Outcome<ReturnView>> EscalateAsync(Guid id, EscalateReturnRequest request, CancellationToken ct) =>
        MoveAsync(id, request.Version, request, (r, sale, now) =>
        {
            if (sale.Channel == SaleChannel.OverTheCounter && request.Target == EscalationTarget.Platform)
            {
                return new FieldError("return.platform_only_online", nameof(request.Target));
            }

            if (r.Escalate(request.Target, request.Reason, Actor, now) is { } refused)
            {
                return refused;
            }

            db.Add(ReturnEscalation.Record(r, request.Target, request.Reason, Actor, now));
            return null;
        }, ct);

    public async Task<Outcome<ReturnTermsView>> GetTermsAsync(Guid storeId, CancellationToken ct)
    {
        if (!await db.Stores.AnyAsync(s => s.Id == storeId, ct) || !user.Scope.Includes(storeId))
        {
            return await guard.NotFoundAsync<Store, ReturnTermsView>(storeId, ct);
        }

        var row = await db.Set<StoreReturnTerms>().AsNoTracking().FirstOrDefaultAsync(t => t.StoreId == storeId, ct) ?? new StoreReturnTerms { StoreId = storeId };
        return new ReturnTermsView(storeId, row.ClaimWindowDays, row.NoReasonDays, row.AcceptsChangedMindOverTheCounter, row.Version);
    }

    public async Task<Outcome<ReturnTermsView>> SetTermsAsync(Guid storeId, ReturnTermsRequest request, CancellationToken ct)
    {
        if (!await db.Stores.AnyAsync(s => s.Id == storeId, ct) || !user.Scope.Includes(storeId))
        {
            return await guard.NotFoundAsync<Store, ReturnTermsView>(storeId, ct);
        }

        if (!(user.IsInRole(StaffRole.Administrator) || user.IsInRole(StaffRole.ServiceManager)))
        {
            return Outcome<ReturnTermsView>.Forbidden("return.terms_forbidden");
        }

        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ReturnTermsView>.Invalid(errors);
        }

        var row = await db.Set<StoreReturnTerms>().FirstOrDefaultAsync(t => t.StoreId == storeId, ct);
        if (row is null)
        {
            if (request.Version != 0)
            {
                return Outcome<ReturnTermsView>.Conflict(ChangedBySomeoneElse);
            }

            row = new StoreReturnTerms { StoreId = storeId };
            db.Add(row);
        }
        else if (row.Version != request.Version)
        {
            return Outcome<ReturnTermsView>.Conflict(ChangedBySomeoneElse);
        }

        row.ClaimWindowDays = request.ClaimWindowDays;
        row.NoReasonDays = request.NoReasonDays;
        row.AcceptsChangedMindOverTheCounter = request.AcceptsChangedMindOverTheCounter;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<ReturnTermsView>.Conflict(ChangedBySomeoneElse);
        }

        return new ReturnTermsView(storeId, row.ClaimWindowDays, row.NoReasonDays, row.AcceptsChangedMindOverTheCounter, row.Version);
    }

    private async Task<(TimeZoneInfo Zone, ReturnTerms Terms)> TermsAsync(Guid storeId, CancellationToken ct)
    {
        var zoneId = await db.Stores.IgnoreQueryFilters().Where(s => s.Id == storeId).Select(s => s.TimeZoneId).FirstAsync(ct);
        var row = await db.Set<StoreReturnTerms>().AsNoTracking().FirstOrDefaultAsync(t => t.StoreId == storeId, ct);
        return (TimeZoneInfo.FindSystemTimeZoneById(zoneId), row?.ToTerms() ?? new ReturnTerms());
    }

    private async Task<Outcome<ReturnView>> MoveAsync<TRequest>(Guid id, int version, TRequest request, Func<ReturnRequest, ProductSale, DateTimeOffset, FieldError?> move, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ReturnView>.Invalid(errors);
        }

        var item = await db.Set<ReturnRequest>().Include(r => r.Steps).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (item is null)
        {
            return await guard.NotFoundAsync<ReturnRequest, ReturnView>(id, ct);
        }

        if (item.Version != version)
        {
            return Outcome<ReturnView>.Conflict(ChangedBySomeoneElse);
        }

        var sale = await db.Set<ProductSale>().IgnoreQueryFilters().AsNoTracking().FirstAsync(s => s.Id == item.SaleId, ct);
        if (move(item, sale, clock.GetUtcNow()) is { } refusal)
        {
            return refusal.Field is null ? Outcome<ReturnView>.Conflict(refusal.Code) : Outcome<ReturnView>.Invalid([refusal]);
        }

        db.Entry(item).Property(r => r.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ReturnView>.Conflict(ChangedBySomeoneElse);
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<ReturnEscalation>().Any(e => e.State == EntityState.Added))
        {
            return Outcome<ReturnView>.Conflict(EscalationUsed);
        }

        return await ViewAsync(item, ct);
    }

    private async Task<SaleView> SaleViewAsync(ProductSale sale, CancellationToken ct)
    {
        var (zone, terms) = await TermsAsync(sale.StoreId, ct);
        var storeName = await db.Stores.IgnoreQueryFilters().Where(s => s.Id == sale.StoreId).Select(s => s.Name).FirstAsync(ct);
        var customerName = await db.Customers.IgnoreQueryFilters().Where(c => c.Id == sale.CustomerId).Select(c => c.Name).FirstAsync(ct);
        var escalated = await db.Set<ReturnEscalation>().IgnoreQueryFilters().AnyAsync(e => e.SaleId == sale.Id, ct);
        return new SaleView(sale.Id, sale.Number, sale.StoreId, storeName, sale.CustomerId, customerName, sale.Channel, sale.Items, sale.Total, sale.CompletedAt,
            ReturnWindow.Deadline(sale.CompletedAt, zone, terms.ClaimWindowDays), escalated);
    }

    private async Task<ReturnView> ViewAsync(ReturnRequest r, CancellationToken ct)
    {
        var sale = await db.Set<ProductSale>().IgnoreQueryFilters().AsNoTracking().FirstAsync(s => s.Id == r.SaleId, ct);
        var customerName = await db.Customers.IgnoreQueryFilters().Where(c => c.Id == r.CustomerId).Select(c => c.Name).FirstAsync(ct);
        var escalation = await db.Set<ReturnEscalation>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(e => e.ReturnRequestId == r.Id, ct);
        return new ReturnView(
            r.Id, r.Number, r.Status, r.StoreId, r.SaleId, sale.Number, sale.Channel, sale.Total, r.CustomerId, customerName, r.Kind, r.Reason, r.Description, r.Evidence,
            r.Inspection, r.InspectionNotes, r.Outcome, r.RefusalReason, r.RefundAmount, r.ShippingCost, r.ShippingBorneBy, r.RequestedAt, r.InspectedAt, r.EscalatedAt,
            r.DecidedAt, escalation?.Target, r.Version, r.PermittedTriggers,
            r.Steps.OrderBy(s => s.RequestVersion).Select(s => new ReturnStepView(s.At, s.Waited, s.UserName, s.From, s.To, s.Trigger, s.Note)).ToList());
    }
}
