using AfterSales.Domain.Assets;
using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Domain.Stores;
using AfterSales.Domain.Warranty;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Warranty;

public sealed record ClaimLineInput(ClaimLineKind Kind, string Code, string Description, decimal Quantity, decimal UnitPrice)
{
    public ClaimLine ToLine() => new(Kind, Code ?? string.Empty, Description ?? string.Empty, Quantity, UnitPrice);
}

/// <summary>A claim drafted from a warranty job; the job is named by reference because repair orders land separately.</summary>
public sealed record DraftClaimRequest(Guid AssetId, JobReferenceInput Job, ComponentGroup ComponentGroup, string FailureDescription, IReadOnlyList<ClaimLineInput>? Lines, string? OldPartTag = null);

public sealed record EditClaimRequest(int Version, ComponentGroup ComponentGroup, string FailureDescription, IReadOnlyList<ClaimLineInput>? Lines, string? OldPartTag = null);

public sealed record ClaimMoveRequest(int Version, string? Reason = null, decimal? Amount = null, string? ManufacturerReference = null);

/// <summary>After a rejection: goodwill or customer pay, and why. Recorded as a warranty decision for the job.</summary>
public sealed record ClaimFollowUpRequest(int Version, PayType PayType, string Reason);

public sealed record ClaimShipmentRequest(int Version, string Carrier, string TrackingNumber);

public sealed record ClaimLineView(ClaimLineKind Kind, string Code, string Description, decimal Quantity, decimal UnitPrice, decimal Amount);

public sealed record ClaimStatusChangeView(DateTimeOffset At, string UserName, ClaimStatus? From, ClaimStatus To, ClaimTrigger? Trigger, string? Reason);

public sealed record ClaimView(
    Guid Id,
    string Number,
    ClaimStatus Status,
    Guid StoreId,
    Guid AssetId,
    string AssetName,
    string Manufacturer,
    string JobKind,
    Guid JobId,
    string JobNumber,
    ComponentGroup ComponentGroup,
    string FailureDescription,
    IReadOnlyList<ClaimLineView> Lines,
    string? OldPartTag,
    string? ShipmentCarrier,
    string? ShipmentTrackingNumber,
    DateTimeOffset? ShippedAt,
    decimal ClaimedAmount,
    decimal? ApprovedAmount,
    decimal? PaidAmount,
    string? ManufacturerReference,
    string? RejectionReason,
    Guid? FollowUpDecisionId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? DecidedAt,
    DateTimeOffset? PaidAt,
    int Version,
    IReadOnlyList<ClaimTrigger> PermittedTriggers,
    IReadOnlyList<ClaimStatusChangeView> History)
{
    internal static ClaimView From(WarrantyClaim c, string assetName) => new(
        c.Id, c.Number, c.Status, c.StoreId, c.AssetId, assetName, c.Manufacturer, c.JobKind, c.JobId, c.JobNumber, c.Group, c.FailureDescription,
        c.Lines.Select(l => new ClaimLineView(l.Kind, l.Code, l.Description, l.Quantity, l.UnitPrice, l.Amount)).ToList(),
        c.OldPartTag, c.ShipmentCarrier, c.ShipmentTrackingNumber, c.ShippedAt, c.ClaimedAmount, c.ApprovedAmount, c.PaidAmount, c.ManufacturerReference,
        c.RejectionReason, c.FollowUpDecisionId, c.CreatedAt, c.SubmittedAt, c.DecidedAt, c.PaidAt, c.Version, c.PermittedTriggers,
        c.History.OrderBy(h => h.ClaimVersion).Select(h => new ClaimStatusChangeView(h.At, h.UserName, h.From, h.To, h.Trigger, h.Reason)).ToList());
}

public sealed record ClaimListItem(Guid Id, string Number, ClaimStatus Status, string Manufacturer, string JobNumber, ComponentGroup ComponentGroup, decimal ClaimedAmount, decimal? ApprovedAmount, DateTimeOffset CreatedAt);

internal sealed class ClaimLineValidator : AbstractValidator<ClaimLineInput>
{
    public ClaimLineValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Code).NotEmpty().WithErrorCode("claim.line_code_required").MaximumLength(ClaimLine.CodeMaxLength);
        RuleFor(x => x.Description).NotEmpty().WithErrorCode("claim.line_description_required").MaximumLength(ClaimLine.DescriptionMaxLength);
        RuleFor(x => x.Quantity).GreaterThan(0).WithErrorCode("claim.line_quantity_invalid").LessThanOrEqualTo(10_000);
        RuleFor(x => x.UnitPrice).GreaterThanOrEqualTo(0).WithErrorCode("claim.line_price_invalid").LessThanOrEqualTo(10_000_000);
    }
}

internal sealed class DraftClaimValidator : AbstractValidator<DraftClaimRequest>
{
    public DraftClaimValidator()
    {
        RuleFor(x => x.AssetId).NotEmpty().WithErrorCode("warranty.asset_required");
        RuleFor(x => x.Job).NotNull().WithErrorCode("warranty.job_required").SetValidator(new JobReferenceValidator());
        RuleFor(x => x.ComponentGroup).IsInEnum();
        RuleFor(x => x.FailureDescription).NotEmpty().WithErrorCode("claim.failure_required").MaximumLength(WarrantyClaim.TextMaxLength);
        RuleForEach(x => x.Lines).SetValidator(new ClaimLineValidator());
        RuleFor(x => x.OldPartTag).MaximumLength(WarrantyClaim.ShortMaxLength);
    }
}

internal sealed class EditClaimValidator : AbstractValidator<EditClaimRequest>
{
    public EditClaimValidator()
    {
        RuleFor(x => x.ComponentGroup).IsInEnum();
        RuleFor(x => x.FailureDescription).NotEmpty().WithErrorCode("claim.failure_required").MaximumLength(WarrantyClaim.TextMaxLength);
        RuleForEach(x => x.Lines).SetValidator(new ClaimLineValidator());
        RuleFor(x => x.OldPartTag).MaximumLength(WarrantyClaim.ShortMaxLength);
    }
}

internal sealed class ClaimMoveValidator : AbstractValidator<ClaimMoveRequest>
{
    public ClaimMoveValidator()
    {
        RuleFor(x => x.Reason).MaximumLength(WarrantyClaim.ReasonMaxLength);
        RuleFor(x => x.ManufacturerReference).MaximumLength(WarrantyClaim.ShortMaxLength);
    }
}

internal sealed class ClaimFollowUpValidator : AbstractValidator<ClaimFollowUpRequest>
{
    public ClaimFollowUpValidator()
    {
        RuleFor(x => x.PayType).IsInEnum();
        RuleFor(x => x.Reason).NotEmpty().WithErrorCode("warranty.override_reason_required").MaximumLength(WarrantyDecision.ReasonMaxLength);
    }
}

internal sealed class ClaimShipmentValidator : AbstractValidator<ClaimShipmentRequest>
{
    public ClaimShipmentValidator()
    {
        RuleFor(x => x.Carrier).NotEmpty().WithErrorCode("claim.carrier_required").MaximumLength(WarrantyClaim.ShortMaxLength);
        RuleFor(x => x.TrackingNumber).NotEmpty().WithErrorCode("claim.tracking_required").MaximumLength(WarrantyClaim.ShortMaxLength);
    }
}

/// <summary>Drafts a claim to the asset's manufacturer, numbered SP-yyyy-NNNNNN without gaps.</summary>
public sealed class DraftClaim(AfterSalesDb db, ICurrentUser user, RequestValidation validation, AccessGuard guard, TimeProvider clock)
{
    private static readonly TimeZoneInfo GroupZone = TimeZoneInfo.FindSystemTimeZoneById(Store.DefaultTimeZone);

    public async Task<Outcome<ClaimView>> HandleAsync(DraftClaimRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ClaimView>.Invalid(errors);
        }

        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AssetId, ct);
        if (asset is null)
        {
            return await guard.NotFoundAsync<Asset, ClaimView>(request.AssetId, ct);
        }

        if (!ComponentGroups.AppliesTo(request.ComponentGroup, asset.Kind))
        {
            return Outcome<ClaimView>.Invalid("warranty.group_not_for_kind", nameof(request.ComponentGroup));
        }

        if (await db.Set<WarrantyClaim>().IgnoreQueryFilters().AnyAsync(c => c.JobId == request.Job.Id && c.Status != ClaimStatus.Closed, ct))
        {
            return Outcome<ClaimView>.Conflict("claim.job_already_claimed");
        }

        if (await ClaimableAsync(asset, request.Job, request.ComponentGroup, ct) is { } refusal)
        {
            return refusal.Field is null ? Outcome<ClaimView>.Conflict(refusal.Code) : Outcome<ClaimView>.Invalid([refusal]);
        }

        var now = clock.GetUtcNow();
        var year = TimeZoneInfo.ConvertTime(now, GroupZone).Year;
        WarrantyClaim claim;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var sequence = await DocumentNumbers.NextAsync(db, $"SP-{year}", ct);
            claim = WarrantyClaim.Draft(
                WarrantyClaim.FormatNumber(year, sequence), asset.StoreId, asset.Id, asset.Brand, request.Job.ToReference(), request.ComponentGroup,
                request.FailureDescription, (request.Lines ?? []).Select(l => l.ToLine()), request.OldPartTag, new Actor(user.UserId, user.UserName), now);
            db.Add(claim);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return ClaimView.From(claim, asset.DisplayName);
    }

    /// <summary>
    /// The manufacturer pays only for a real warranty job: a job of an order of this asset, whose pay type is Warranty by a
    /// recorded decision (the newest for the job), and that the policies or a contract cover for the claimed group at the
    /// order's date and check-in mileage. Each case has its own refusal.
    /// </summary>
    private async Task<FieldError?> ClaimableAsync(Asset asset, JobReferenceInput named, ComponentGroup group, CancellationToken ct)
    {
        var order = WarrantyJobs.IsRepairOrderJob(named.Kind) ? await WarrantyJobs.OrderOfAsync(db, asset.Id, named.Id, ct) : null;
        if (order is null)
        {
            return new FieldError(WarrantyJobs.JobNotFound, nameof(DraftClaimRequest.Job));
        }

        var job = order.Jobs.Single(j => j.Id == named.Id);
        if (job.Status is RepairJobStatus.Proposed or RepairJobStatus.Declined)
        {
            return new FieldError("claim.job_not_agreed");
        }

        var decision = await db.Set<WarrantyDecision>().IgnoreQueryFilters().AsNoTracking().Where(d => d.JobId == job.Id)
            .OrderByDescending(d => d.DecidedAt).FirstOrDefaultAsync(ct);
        if (decision?.Chosen != PayType.Warranty)
        {
            return new FieldError("claim.no_warranty_decision");
        }

        if (job.PayType != PayType.Warranty)
        {
            return new FieldError("claim.job_not_warranty");
        }

        // Coverage as it was when the car came in, not today: the order's day in the store's zone and its check-in mileage.
        var zoneId = await db.Stores.IgnoreQueryFilters().Where(s => s.Id == order.StoreId).Select(s => s.TimeZoneId).FirstAsync(ct);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(order.OpenedAt, TimeZoneInfo.FindSystemTimeZoneById(zoneId)).DateTime);
        var firstServiceUsed = await db.Set<WarrantyDecision>().IgnoreQueryFilters()
            .AnyAsync(d => d.AssetId == asset.Id && d.JobId != job.Id && d.Group == ComponentGroup.FirstService && d.Chosen == PayType.Warranty && d.DecidedAt < decision.DecidedAt, ct);
        var (proposal, _) = await ProposePayType.ProposeAsync(db, asset, group, JobComponentGroups.Mileage(order, asset.Kind) ?? asset.MileageKm, firstServiceUsed, clock, ct, day);
        return proposal.PayType == PayType.Warranty ? null : new FieldError("claim.not_covered", nameof(DraftClaimRequest.ComponentGroup));
    }
}

public sealed class GetClaim(AfterSalesDb db, AccessGuard guard)
{
    public async Task<Outcome<ClaimView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var claim = await db.Set<WarrantyClaim>().AsNoTracking().Include(c => c.History).FirstOrDefaultAsync(c => c.Id == id, ct);
        return claim is null ? await guard.NotFoundAsync<WarrantyClaim, ClaimView>(id, ct) : await ClaimGate.ViewAsync(db, claim, ct);
    }
}

public sealed record SearchClaimsRequest(ClaimStatus? Status = null, Guid? JobId = null, int Page = 1, int PageSize = 25);

public sealed class SearchClaims(AfterSalesDb db)
{
    public async Task<Page<ClaimListItem>> HandleAsync(SearchClaimsRequest request, CancellationToken ct)
    {
        var query = db.Set<WarrantyClaim>().AsNoTracking();
        if (request.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (request.JobId is { } jobId)
        {
            query = query.Where(c => c.JobId == jobId);
        }

        var size = Math.Clamp(request.PageSize, 1, 100);
        var page = Math.Max(request.Page, 1);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.CreatedAt).Skip((page - 1) * size).Take(size)
            .Select(c => new ClaimListItem(c.Id, c.Number, c.Status, c.Manufacturer, c.JobNumber, c.Group, c.ClaimedAmount, c.ApprovedAmount, c.CreatedAt))
            .ToListAsync(ct);
        return new Page<ClaimListItem>(items, page, size, total);
    }
}

/// <summary>The one gate for claim moves: loads in the user's stores, checks the editor's version, applies, maps refusals to 409.</summary>
public sealed class ClaimGate(AfterSalesDb db, ICurrentUser user, RequestValidation validation, AccessGuard guard, TimeProvider clock)
{
    public const string ChangedBySomeoneElse = "claim.changed_by_someone_else";

    public Task<Outcome<ClaimView>> EditAsync(Guid id, EditClaimRequest request, CancellationToken ct) =>
        MoveAsync(id, request.Version, request, (c, _) => c.Edit(request.ComponentGroup, request.FailureDescription, (request.Lines ?? []).Select(l => l.ToLine()), request.OldPartTag), ct);

    public Task<Outcome<ClaimView>> SubmitAsync(Guid id, ClaimMoveRequest request, CancellationToken ct) =>
        MoveAsync(id, request.Version, request, (c, now) => c.Submit(Actor, now), ct);

    public Task<Outcome<ClaimView>> ApproveAsync(Guid id, ClaimMoveRequest request, CancellationToken ct) =>
        MoveAsync(id, request.Version, request, (c, now) => c.Approve(request.Amount ?? 0, request.ManufacturerReference, Actor, now), ct);

    public Task<Outcome<ClaimView>> RejectAsync(Guid id, ClaimMoveRequest request, CancellationToken ct) =>
        MoveAsync(id, request.Version, request, (c, now) => c.Reject(request.Reason ?? string.Empty, request.ManufacturerReference, Actor, now), ct);

    public Task<Outcome<ClaimView>> RecordPaymentAsync(Guid id, ClaimMoveRequest request, CancellationToken ct) =>
        MoveAsync(id, request.Version, request, (c, now) => c.RecordPayment(request.Amount ?? 0, Actor, now), ct);

    public Task<Outcome<ClaimView>> ReviseAsync(Guid id, ClaimMoveRequest request, CancellationToken ct) =>
        MoveAsync(id, request.Version, request, (c, now) => c.Revise(request.Reason, Actor, now), ct);

    public Task<Outcome<ClaimView>> RecordShipmentAsync(Guid id, ClaimShipmentRequest request, CancellationToken ct) =>
        MoveAsync(id, request.Version, request, (c, now) => c.RecordShipment(request.Carrier, request.TrackingNumber, now), ct);

    /// <summary>
    /// The only way a rejected claim changes who pays: a decision for the job, recorded with the claim closed. While the job's
    /// order is not settled the decision is also the job's pay type; once billed, it stands as the record for charging separately.
    /// </summary>
    public async Task<Outcome<ClaimView>> DecideAfterRejectionAsync(Guid id, ClaimFollowUpRequest request, CancellationToken ct)
    {
        var named = await db.Set<WarrantyClaim>().AsNoTracking().Where(c => c.Id == id).Select(c => new { c.AssetId, c.JobKind, c.JobId }).FirstOrDefaultAsync(ct);
        var order = named is not null && WarrantyJobs.IsRepairOrderJob(named.JobKind) ? await WarrantyJobs.OrderOfAsync(db, named.AssetId, named.JobId, ct) : null;
        var open = order is not null && order.Status is not (RepairOrderStatus.Delivered or RepairOrderStatus.Cancelled) && !await WarrantyJobs.IsSettledAsync(db, order.Id, ct);
        return await MoveAsync(id, request.Version, request, (claim, now) =>
        {
            var proposal = new PayTypeProposal(PayType.Warranty, "claim.rejected", new($"索赔被拒：{claim.RejectionReason}", $"Claim rejected: {claim.RejectionReason}"));
            var (decision, error) = WarrantyDecision.Record(claim.StoreId, claim.AssetId, claim.Group, null, proposal, request.PayType, request.Reason, claim.Job, Actor, now, claim.Id);
            if (error is not null)
            {
                return error;
            }

            if (claim.DecideAfterRejection(decision!, Actor, now) is { } refused)
            {
                return refused;
            }

            if (open && order!.DecidePayType(claim.JobId, decision!.Chosen) is null)
            {
                db.Entry(order).Property(o => o.Version).IsModified = true;
            }

            db.Add(decision!);
            return null;
        }, ct);
    }

    private Actor Actor => new(user.UserId, user.UserName);

    private async Task<Outcome<ClaimView>> MoveAsync<TRequest>(Guid id, int version, TRequest request, Func<WarrantyClaim, DateTimeOffset, FieldError?> move, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ClaimView>.Invalid(errors);
        }

        var claim = await db.Set<WarrantyClaim>().Include(c => c.History).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (claim is null)
        {
            return await guard.NotFoundAsync<WarrantyClaim, ClaimView>(id, ct);
        }

        if (claim.Version != version)
        {
            return Outcome<ClaimView>.Conflict(ChangedBySomeoneElse);
        }

        if (move(claim, clock.GetUtcNow()) is { } refusal)
        {
            // A refused state move is a conflict; a bad value for an allowed move is a field error.
            return refusal.Field is null ? Outcome<ClaimView>.Conflict(refusal.Code) : Outcome<ClaimView>.Invalid([refusal]);
        }

        db.Entry(claim).Property(c => c.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ClaimView>.Conflict(ChangedBySomeoneElse);
        }

        return await ViewAsync(db, claim, ct);
    }

    internal static async Task<ClaimView> ViewAsync(AfterSalesDb db, WarrantyClaim claim, CancellationToken ct)
    {
        var asset = await db.Assets.IgnoreQueryFilters().AsNoTracking().FirstAsync(a => a.Id == claim.AssetId, ct);
        return ClaimView.From(claim, asset.DisplayName);
    }
}
