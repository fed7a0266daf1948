using System.Globalization;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.ComplaintSla;

public sealed record SubCategoryView(Guid Id, ComplaintCategory Category, string NameZh, string NameEn, string Name, bool IsActive, int SortOrder, int Version);

public sealed record ListSubCategoriesRequest(ComplaintCategory? Category = null, bool IncludeInactive = false);

public sealed record CreateSubCategoryRequest(ComplaintCategory Category, string NameZh, string NameEn, int SortOrder = 0);

public sealed record UpdateSubCategoryRequest(int Version, string NameZh, string NameEn, bool IsActive, int SortOrder = 0);

internal sealed class CreateSubCategoryValidator : AbstractValidator<CreateSubCategoryRequest>
{
    public CreateSubCategoryValidator()
    {
        RuleFor(x => x.Category).IsInEnum();
        RuleFor(x => x.NameZh).NotEmpty().WithErrorCode("subcategory.name_required").MaximumLength(ComplaintSubCategory.NameMaxLength);
        RuleFor(x => x.NameEn).NotEmpty().WithErrorCode("subcategory.name_required").MaximumLength(ComplaintSubCategory.NameMaxLength);
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 9999);
    }
}

internal sealed class UpdateSubCategoryValidator : AbstractValidator<UpdateSubCategoryRequest>
{
    public UpdateSubCategoryValidator()
    {
        RuleFor(x => x.NameZh).NotEmpty().WithErrorCode("subcategory.name_required").MaximumLength(ComplaintSubCategory.NameMaxLength);
        RuleFor(x => x.NameEn).NotEmpty().WithErrorCode("subcategory.name_required").MaximumLength(ComplaintSubCategory.NameMaxLength);
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 9999);
    }
}

/// <summary>Sub-categories by category and order; intake asks for the active ones of one category.</summary>
public sealed class ListSubCategories(AfterSalesDb db)
{
    public async Task<IReadOnlyList<SubCategoryView>> HandleAsync(ListSubCategoriesRequest request, CancellationToken ct)
    {
        var query = db.Set<ComplaintSubCategory>().AsNoTracking();
        if (request.Category is { } category)
        {
            query = query.Where(s => s.Category == category);
        }

        if (!request.IncludeInactive)
        {
            query = query.Where(s => s.IsActive);
        }

        // The category is stored by name: order in memory (a short list) so categories keep the enum's order, not the alphabet's.
        var rows = await query.ToListAsync(ct);
        return rows.OrderBy(s => s.Category).ThenBy(s => s.SortOrder).ThenBy(s => s.NameZh, StringComparer.Ordinal).Select(SubCategoryViews.View).ToList();
    }
}

internal static class SubCategoryViews
{
    public const string NameTaken = "subcategory.name_taken";

    public static SubCategoryView View(ComplaintSubCategory s) =>
        new(s.Id, s.Category, s.NameZh, s.NameEn, s.NameIn(CultureInfo.CurrentUICulture.Name), s.IsActive, s.SortOrder, s.Version);
}

public sealed class CreateSubCategory(AfterSalesDb db, RequestValidation validation)
{
    public async Task<Outcome<SubCategoryView>> HandleAsync(CreateSubCategoryRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<SubCategoryView>.Invalid(errors);
        }

        var name = request.NameZh.Trim();
        if (await db.Set<ComplaintSubCategory>().AnyAsync(s => s.Category == request.Category && s.NameZh == name, ct))
        {
            return Outcome<SubCategoryView>.Invalid(SubCategoryViews.NameTaken, nameof(request.NameZh));
        }

        var sub = ComplaintSubCategory.Create(request.Category, request.NameZh, request.NameEn, request.SortOrder);
        db.Add(sub);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved the same name at the same moment: the unique index decided.
            return Outcome<SubCategoryView>.Invalid(SubCategoryViews.NameTaken, nameof(request.NameZh));
        }

        return SubCategoryViews.View(sub);
    }
}

public sealed class UpdateSubCategory(AfterSalesDb db, RequestValidation validation)
{
    public async Task<Outcome<SubCategoryView>> HandleAsync(Guid id, UpdateSubCategoryRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<SubCategoryView>.Invalid(errors);
        }

        var sub = await db.Set<ComplaintSubCategory>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sub is null)
        {
            return Outcome<SubCategoryView>.NotFound();
        }

        var name = request.NameZh.Trim();
        if (await db.Set<ComplaintSubCategory>().AnyAsync(s => s.Id != id && s.Category == sub.Category && s.NameZh == name, ct))
        {
            return Outcome<SubCategoryView>.Invalid(SubCategoryViews.NameTaken, nameof(request.NameZh));
        }

        sub.Update(request.NameZh, request.NameEn, request.IsActive, request.SortOrder);
        db.Entry(sub).Property(s => s.Version).OriginalValue = request.Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<SubCategoryView>.Conflict();
        }

        return SubCategoryViews.View(sub);
    }
}
