using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Stores;
using AfterSales.Web.Features.Complaints.Handling;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints.Capa;

/// <summary>
/// Adds a corrective or preventive action; <see cref="Version"/> is the complaint's version the handler saw.
/// <see cref="MaxRepeats"/> is ignored for a <see cref="CapaMeasure.Manual"/> measure, which <see cref="MeasureNote"/> describes.
/// </summary>
public sealed record AddCapaRequest(
    int Version,
    CapaKind Kind,
    string Description,
    Guid OwnerId,
    DateOnly DueDate,
    DateOnly CheckDate,
    CapaMeasure Measure,
    int MaxRepeats = 0,
    string? MeasureNote = null);

/// <summary>Marks an action carried out; <see cref="Version"/> is the action's own version.</summary>
public sealed record CapaDoneRequest(int Version, string? Note = null);

/// <summary>The reviewer's judgement of a manual measure at its check date, with what it was based on.</summary>
public sealed record CapaJudgementRequest(int Version, bool Effective, string Note);

public sealed record CapaView(
    Guid Id,
    Guid ComplaintId,
    int Version,
    int Round,
    CapaKind Kind,
    string Description,
    Guid OwnerId,
    string OwnerName,
    DateOnly DueDate,
    DateOnly CheckDate,
    CapaMeasure Measure,
    int MaxRepeats,
    string? MeasureNote,
    CapaStatus Status,
    bool IsOverdue,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? DoneAt,
    string? DoneBy,
    string? DoneNote,
    DateTimeOffset? CheckedAt,
    string? CheckedBy,
    DateTimeOffset? CheckedFrom,
    DateTimeOffset? CheckedUntil,
    int? RepeatCount,
    IReadOnlyList<string> RepeatNumbers,
    string? CheckNote,
    bool MayMarkDone,
    bool MayJudge);

/// <summary>The complaint's actions (oldest first) and whether the reader may add one now.</summary>
public sealed record CapaListView(Guid ComplaintId, int ComplaintVersion, bool MayAdd, bool NeedsPreventive, IReadOnlyList<CapaView> Items);

public sealed record CapaOwnerView(Guid Id, string DisplayName);

internal sealed class AddCapaValidator : AbstractValidator<AddCapaRequest>
{
    public AddCapaValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Measure).IsInEnum();
        RuleFor(x => x.Description).NotEmpty().WithErrorCode("capa.description_required").MaximumLength(CapaAction.DescriptionMaxLength);
        RuleFor(x => x.OwnerId).NotEmpty().WithErrorCode("capa.owner_required");
        RuleFor(x => x.MaxRepeats).InclusiveBetween(0, CapaAction.MaxRepeatsLimit).WithErrorCode("capa.max_repeats_invalid");
        RuleFor(x => x.MeasureNote).MaximumLength(CapaAction.MeasureNoteMaxLength);
    }
}

internal sealed class CapaDoneValidator : AbstractValidator<CapaDoneRequest>
{
    public CapaDoneValidator() => RuleFor(x => x.Note).MaximumLength(Complaint.ReasonMaxLength);
}

internal sealed class CapaJudgementValidator : AbstractValidator<CapaJudgementRequest>
{
    public CapaJudgementValidator() =>
        RuleFor(x => x.Note).NotEmpty().WithErrorCode("capa.judgement_note_required").MaximumLength(Complaint.ReasonMaxLength);
}

/// <summary>
/// The CAPA slices (纠正预防措施). Whoever may handle the complaint adds actions and judges manual measures; the
/// action's owner or a handler marks it done; the domain refuses the judgement to the person who did it (four eyes).
/// Each action is saved with its own version; the complaint's version guards only the adding.
/// </summary>
public sealed class ComplaintCapas(AfterSalesDb db, ComplaintAccess access, AccessGuard guard, RequestValidation validation, ICurrentUser user, TimeProvider clock)
{
    public const string OwnerInvalid = "capa.owner_invalid";
    public const string ChangedBySomeoneElse = "capa.changed_by_someone_else";
    public const string MarkDoneForbidden = "capa.done_forbidden";

    private Actor Actor => new(user.UserId, user.UserName);

    public async Task<Outcome<CapaListView>> ListAsync(Guid complaintId, CancellationToken ct)
    {
        var complaint = await db.Set<Complaint>().AsNoTracking().Include(c => c.Capas).FirstOrDefaultAsync(c => c.Id == complaintId, ct);
        if (complaint is null)
        {
            return await guard.NotFoundAsync<Complaint, CapaListView>(complaintId, ct);
        }

        var mayHandle = await access.MayHandleAsync(complaint, ct);
        var today = await TodayAsync(complaint.StoreId, ct);
        return new CapaListView(
            complaint.Id,
            complaint.Version,
            mayHandle && !complaint.IsClosed && complaint.AnalysedAt is not null && complaint.Capas.Count < Complaint.MaxCapas,
            complaint.IsSystemic == true && !complaint.Capas.Any(c => c.Kind == CapaKind.Preventive),
            complaint.Capas.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => View(c, today, mayHandle)).ToList());
    }

    public async Task<Outcome<CapaView>> AddAsync(Guid complaintId, AddCapaRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<CapaView>.Invalid(errors);
        }

        var complaint = await db.Set<Complaint>().Include(c => c.Capas).FirstOrDefaultAsync(c => c.Id == complaintId, ct);
        if (complaint is null)
        {
            return await guard.NotFoundAsync<Complaint, CapaView>(complaintId, ct);
        }

        if (!await access.MayHandleAsync(complaint, ct))
        {
            return Outcome<CapaView>.Forbidden(ComplaintAccess.HandleForbidden);
        }

        if (complaint.Version != request.Version)
        {
            return Outcome<CapaView>.Conflict(ComplaintGate.ChangedBySomeoneElse);
        }

        var ownerName = await db.Users
            .Where(u => u.Id == request.OwnerId && u.IsActive && db.UserStores.Any(s => s.UserId == u.Id && s.StoreId == complaint.StoreId))
            .Select(u => u.DisplayName)
            .FirstOrDefaultAsync(ct);
        if (ownerName is null)
        {
            return Outcome<CapaView>.Invalid(OwnerInvalid, nameof(AddCapaRequest.OwnerId));
        }

        var zone = await ZoneAsync(complaint.StoreId, ct);
        var now = clock.GetUtcNow();
        var today = DayIn(zone, now);
        var input = new CapaInput(request.Kind, request.Description, request.OwnerId, ownerName, request.DueDate, request.CheckDate, request.Measure, request.MaxRepeats, request.MeasureNote);
        if (complaint.AddCapa(input, Actor, now, today) is { } refusal)
        {
            return refusal.Field is null ? Outcome<CapaView>.Conflict(refusal.Code) : Outcome<CapaView>.Invalid(refusal.Code, refusal.Field);
        }

        var added = complaint.Capas[^1];
        db.Entry(added).Property(CapaActionConfiguration.CheckDueAt).CurrentValue = StartOf(zone, added.CheckDate);
        await db.SaveChangesAsync(ct);
        return View(added, today, mayHandle: true);
    }

    public Task<Outcome<CapaView>> MarkDoneAsync(Guid complaintId, Guid capaId, CapaDoneRequest request, CancellationToken ct) =>
        ChangeAsync(complaintId, capaId, request, request.Version, async (complaint, capa, _) =>
            user.UserId == capa.OwnerId || await access.MayHandleAsync(complaint, ct) ? null : Outcome<CapaView>.Forbidden(MarkDoneForbidden),
            (capa, _) => capa.MarkDone(Actor, request.Note, clock.GetUtcNow()), ct);

    public Task<Outcome<CapaView>> JudgeAsync(Guid complaintId, Guid capaId, CapaJudgementRequest request, CancellationToken ct) =>
        ChangeAsync(complaintId, capaId, request, request.Version, async (complaint, _, _) =>
            await access.MayHandleAsync(complaint, ct) ? null : Outcome<CapaView>.Forbidden(ComplaintAccess.HandleForbidden),
            (capa, today) => capa.RecordJudgement(request.Effective, request.Note, Actor, today, clock.GetUtcNow()), ct);

    /// <summary>Active staff of a store in the reader's scope: who can own an action there.</summary>
    public async Task<IReadOnlyList<CapaOwnerView>> OwnersAsync(Guid storeId, CancellationToken ct) =>
        !user.Scope.Includes(storeId)
            ? []
            : await db.Users
                .Where(u => u.IsActive && db.UserStores.Any(s => s.UserId == u.Id && s.StoreId == storeId))
                .OrderBy(u => u.DisplayName)
                .Select(u => new CapaOwnerView(u.Id, u.DisplayName))
                .ToListAsync(ct);

    private async Task<Outcome<CapaView>> ChangeAsync<TRequest>(
        Guid complaintId,
        Guid capaId,
        TRequest request,
        int version,
        Func<Complaint, CapaAction, DateOnly, Task<Outcome<CapaView>?>> check,
        Func<CapaAction, DateOnly, FieldError?> change,
        CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<CapaView>.Invalid(errors);
        }

        // Seeing the complaint is the query filter's business; the action is reached only through it.
        var complaint = await db.Set<Complaint>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == complaintId, ct);
        if (complaint is null)
        {
            return await guard.NotFoundAsync<Complaint, CapaView>(complaintId, ct);
        }

        var capa = await db.Set<CapaAction>().FirstOrDefaultAsync(a => a.Id == capaId && a.ComplaintId == complaintId, ct);
        if (capa is null)
        {
            return Outcome<CapaView>.NotFound();
        }

        var today = await TodayAsync(complaint.StoreId, ct);
        if (await check(complaint, capa, today) is { } refused)
        {
            return refused;
        }

        if (capa.Version != version)
        {
            return Outcome<CapaView>.Conflict(ChangedBySomeoneElse);
        }

        if (change(capa, today) is { } refusal)
        {
            return refusal.Field is null ? Outcome<CapaView>.Conflict(refusal.Code) : Outcome<CapaView>.Invalid(refusal.Code, refusal.Field);
        }

        db.Entry(capa).Property(a => a.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<CapaView>.Conflict(ChangedBySomeoneElse);
        }

        return View(capa, today, await access.MayHandleAsync(complaint, ct));
    }

    private CapaView View(CapaAction c, DateOnly today, bool mayHandle) => new(
        c.Id,
        c.ComplaintId,
        c.Version,
        c.Round,
        c.Kind,
        c.Description,
        c.OwnerId,
        c.OwnerName,
        c.DueDate,
        c.CheckDate,
        c.Measure,
        c.MaxRepeats,
        c.MeasureNote,
        c.Status,
        c.IsOverdue(today),
        c.CreatedAt,
        c.CreatedBy,
        c.DoneAt,
        c.DoneBy,
        c.DoneNote,
        c.CheckedAt,
        c.CheckedBy,
        c.CheckedFrom,
        c.CheckedUntil,
        c.RepeatCount,
        c.RepeatNumbers,
        c.CheckNote,
        c.Status == CapaStatus.Open && (mayHandle || user.UserId == c.OwnerId),
        mayHandle && !c.IsCounted && c.Status == CapaStatus.Done && today >= c.CheckDate && c.DoneById != user.UserId);

    private async Task<TimeZoneInfo> ZoneAsync(Guid storeId, CancellationToken ct) =>
        ZoneOf(await db.Stores.IgnoreQueryFilters().Where(s => s.Id == storeId).Select(s => s.TimeZoneId).FirstOrDefaultAsync(ct));

    private async Task<DateOnly> TodayAsync(Guid storeId, CancellationToken ct) => DayIn(await ZoneAsync(storeId, ct), clock.GetUtcNow());

    internal static TimeZoneInfo ZoneOf(string? timeZoneId) => TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrEmpty(timeZoneId) ? Store.DefaultTimeZone : timeZoneId);

    internal static DateOnly DayIn(TimeZoneInfo zone, DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>Midnight of a store's calendar day, as an instant.</summary>
    internal static DateTimeOffset StartOf(TimeZoneInfo zone, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
