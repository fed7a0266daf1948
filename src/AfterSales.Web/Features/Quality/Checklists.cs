using System.Globalization;
using AfterSales.Domain.Labour;
using AfterSales.Domain.Quality;
using AfterSales.Domain.Service;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Quality;

public sealed record ChecklistItemRequest(string TextZh, string TextEn, bool Safety);

/// <summary>A checklist as the editor sends it; an empty operation code makes it the checklist of the whole trade.</summary>
public sealed record ChecklistRequest(WorkshopSkill Skill, string? OperationCode, string NameZh, string NameEn, bool RoadTestRequired, IReadOnlyList<ChecklistItemRequest> Items)
{
    public ChecklistDetails ToDetails() => new(Skill, OperationCode, NameZh, NameEn, RoadTestRequired, Items.Select(i => new ChecklistItem(i.TextZh, i.TextEn, i.Safety)).ToList());
}

/// <summary>Changes a checklist; <see cref="Version"/> is the version the editor started from.</summary>
public sealed record UpdateChecklistRequest(int Version, ChecklistRequest Checklist, bool IsActive = true);

public sealed record ChecklistItemView(int Index, string TextZh, string TextEn, string Text, bool Safety);

/// <summary>A checklist with its items; <see cref="Name"/> and each item's <c>Text</c> are in the reader's language.</summary>
public sealed record ChecklistView(
    Guid Id, WorkshopSkill Skill, string? OperationCode, string NameZh, string NameEn, string Name, bool RoadTestRequired, bool IsActive, IReadOnlyList<ChecklistItemView> Items, int Version)
{
    public static ChecklistView From(QualityChecklist c) => new(
        c.Id, c.Skill, c.OperationCode.Length == 0 ? null : c.OperationCode, c.NameZh, c.NameEn, ChecklistTexts.Pick(c.NameZh, c.NameEn), c.RoadTestRequired, c.IsActive,
        ChecklistTexts.Items(c.Items), c.Version);
}

/// <summary>The checklist a job is checked against (a stored one, or the general one when its trade has none).</summary>
public sealed record AppliedChecklistView(Guid? ChecklistId, string Name, bool RoadTestRequired, IReadOnlyList<ChecklistItemView> Items)
{
    public static AppliedChecklistView From(AppliedChecklist c) => new(c.ChecklistId, ChecklistTexts.Pick(c.NameZh, c.NameEn), c.RoadTestRequired, ChecklistTexts.Items(c.Items));
}

internal static class ChecklistTexts
{
    public static string Pick(string zh, string en) => LabourOperation.Name(zh, en, CultureInfo.CurrentUICulture.Name);

    public static List<ChecklistItemView> Items(IEnumerable<ChecklistItem> items) =>
        items.Select((i, n) => new ChecklistItemView(n, i.TextZh, i.TextEn, Pick(i.TextZh, i.TextEn), i.Safety)).ToList();

    /// <summary>The active checklists, few enough to hold in memory while choosing one per job.</summary>
    public static async Task<List<QualityChecklist>> ActiveAsync(AfterSalesDb db, CancellationToken ct) =>
        await db.Set<QualityChecklist>().AsNoTracking().Where(c => c.IsActive).ToListAsync(ct);
}

internal sealed class ChecklistRequestValidator : AbstractValidator<ChecklistRequest>
{
    public ChecklistRequestValidator()
    {
        RuleFor(x => x.Skill).IsInEnum();
        RuleFor(x => x.OperationCode).MaximumLength(QualityChecklist.CodeMaxLength)
            .Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$").WithErrorCode("labour.code_invalid").When(x => !string.IsNullOrWhiteSpace(x.OperationCode));
        RuleFor(x => x.NameZh).NotEmpty().WithErrorCode("quality.checklist_name_required").MaximumLength(QualityChecklist.NameMaxLength);
        RuleFor(x => x.NameEn).NotEmpty().WithErrorCode("quality.checklist_name_required").MaximumLength(QualityChecklist.NameMaxLength);
        RuleFor(x => x.Items).NotEmpty().WithErrorCode("quality.checklist_items_required")
            .Must(items => items is null || items.Count <= QualityChecklist.MaxItems).WithErrorCode("quality.checklist_too_many_items");
        RuleForEach(x => x.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.TextZh).NotEmpty().WithErrorCode("quality.item_text_required").MaximumLength(QualityChecklist.ItemTextMaxLength);
            item.RuleFor(i => i.TextEn).NotEmpty().WithErrorCode("quality.item_text_required").MaximumLength(QualityChecklist.ItemTextMaxLength);
        });
    }
}

internal sealed class UpdateChecklistValidator : AbstractValidator<UpdateChecklistRequest>
{
    public UpdateChecklistValidator() => RuleFor(x => x.Checklist).NotNull().SetValidator(new ChecklistRequestValidator());
}

/// <summary>The checklists of the dealer group, by trade and operation code.</summary>
public sealed class SearchChecklists(AfterSalesDb db)
{
    public async Task<IReadOnlyList<ChecklistView>> HandleAsync(WorkshopSkill? skill, bool includeRetired, CancellationToken ct)
    {
        var checklists = db.Set<QualityChecklist>().AsNoTracking();
        if (!includeRetired)
        {
            checklists = checklists.Where(c => c.IsActive);
        }

        if (skill is { } s)
        {
            checklists = checklists.Where(c => c.Skill == s);
        }

        var rows = await checklists.ToListAsync(ct);
        return rows.OrderBy(c => c.Skill).ThenBy(c => c.OperationCode, StringComparer.Ordinal).Select(ChecklistView.From).ToList();
    }
}

public sealed class GetChecklist(AfterSalesDb db)
{
    public async Task<Outcome<ChecklistView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var checklist = await db.Set<QualityChecklist>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return checklist is null ? Outcome<ChecklistView>.NotFound() : ChecklistView.From(checklist);
    }
}

public sealed class CreateChecklist(AfterSalesDb db, RequestValidation validation, TimeProvider clock)
{
    public async Task<Outcome<ChecklistView>> HandleAsync(ChecklistRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ChecklistView>.Invalid(errors);
        }

        var checklist = QualityChecklist.Create(request.ToDetails(), clock.GetUtcNow());
        db.Add(checklist);
        return await ChecklistSaving.SaveAsync(db, checklist, ct);
    }
}

public sealed class UpdateChecklist(AfterSalesDb db, RequestValidation validation)
{
    public async Task<Outcome<ChecklistView>> HandleAsync(Guid id, UpdateChecklistRequest request, CancellationToken ct)
    {
        var checklist = await db.Set<QualityChecklist>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (checklist is null)
        {
            return Outcome<ChecklistView>.NotFound();
        }

        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ChecklistView>.Invalid(errors);
        }

        db.Entry(checklist).Property(c => c.Version).OriginalValue = request.Version;
        checklist.Update(request.Checklist.ToDetails());
        if (request.IsActive)
        {
            checklist.Reinstate();
        }
        else
        {
            checklist.Retire();
        }

        // The items are a JSON column: the row changes with them, so two editors collide.
        db.Entry(checklist).Property(c => c.Version).IsModified = true;
        return await ChecklistSaving.SaveAsync(db, checklist, ct);
    }
}

internal static class ChecklistSaving
{
    public const string Taken = "quality.checklist_taken";

    public static async Task<Outcome<ChecklistView>> SaveAsync(AfterSalesDb db, QualityChecklist checklist, CancellationToken ct)
    {
        if (await db.Set<QualityChecklist>().AsNoTracking().AnyAsync(c => c.Skill == checklist.Skill && c.OperationCode == checklist.OperationCode && c.Id != checklist.Id, ct))
        {
            return Outcome<ChecklistView>.Invalid(Taken, "OperationCode");
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ChecklistView>.Conflict("quality.checklist_changed_by_someone_else");
        }
        catch (DbUpdateException)
        {
            // Someone else saved a checklist for the same trade and operation between the check and the save.
            db.ChangeTracker.Clear();
            return Outcome<ChecklistView>.Invalid(Taken, "OperationCode");
        }

        return ChecklistView.From(checklist);
    }
}
