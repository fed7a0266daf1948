using AfterSales.Domain.Complaints;
using AfterSales.Domain.Staff;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Imports;

public sealed record CategoryMappingView(Guid Id, string SourceValue, ComplaintCategory Category, int Version)
{
    internal static CategoryMappingView Of(ImportCategoryMapping m) => new(m.Id, m.SourceValue, m.Category, m.Version);
}

/// <summary>Maps a value as files write it to a category; a value mapped already is changed (send the version read).</summary>
public sealed record SaveCategoryMappingRequest(string SourceValue, ComplaintCategory Category, int? Version = null);

internal sealed class SaveCategoryMappingValidator : AbstractValidator<SaveCategoryMappingRequest>
{
    public SaveCategoryMappingValidator()
    {
        RuleFor(x => x.SourceValue).NotEmpty().WithErrorCode("import.mapping_source_required")
            .Must(v => v is null || v.Trim().Length <= ImportCategoryMapping.SourceMaxLength).WithErrorCode("import.mapping_source_too_long");
        RuleFor(x => x.Category).IsInEnum();
    }
}

/// <summary>The category mapping table, read by everyone who imports (managers, administrators).</summary>
public sealed class ListCategoryMappings(AfterSalesDb db, ICurrentUser user)
{
    public async Task<Outcome<IReadOnlyList<CategoryMappingView>>> HandleAsync(CancellationToken ct)
    {
        if (!ComplaintImportPlanner.MayImport(user))
        {
            return Outcome<IReadOnlyList<CategoryMappingView>>.Forbidden("import.forbidden");
        }

        var rows = await db.Set<ImportCategoryMapping>().AsNoTracking().OrderBy(m => m.NormalizedValue).ToListAsync(ct);
        return rows.Select(CategoryMappingView.Of).ToList();
    }
}

/// <summary>Adds or changes a mapping; only administrators edit the table (it is the group's, not a store's).</summary>
public sealed class SaveCategoryMapping(AfterSalesDb db, ICurrentUser user, RequestValidation validation, TimeProvider clock)
{
    public async Task<Outcome<CategoryMappingView>> HandleAsync(SaveCategoryMappingRequest request, CancellationToken ct)
    {
        if (!user.IsInRole(StaffRole.Administrator))
        {
            return Outcome<CategoryMappingView>.Forbidden("import.mapping_forbidden");
        }

        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<CategoryMappingView>.Invalid(errors);
        }

        var key = ImportCategoryMapping.Normalize(request.SourceValue);
        var mapping = await db.Set<ImportCategoryMapping>().FirstOrDefaultAsync(m => m.NormalizedValue == key, ct);
        if (mapping is null)
        {
            mapping = ImportCategoryMapping.Create(request.SourceValue, request.Category, clock.GetUtcNow());
            db.Add(mapping);
        }
        else
        {
            if (request.Version is { } version && version != mapping.Version)
            {
                return Outcome<CategoryMappingView>.Conflict();
            }

            mapping.MapTo(request.Category);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            return Outcome<CategoryMappingView>.Conflict();
        }

        return CategoryMappingView.Of(mapping);
    }
}

public sealed class DeleteCategoryMapping(AfterSalesDb db, ICurrentUser user)
{
    public async Task<Outcome<bool>> HandleAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsInRole(StaffRole.Administrator))
        {
            return Outcome<bool>.Forbidden("import.mapping_forbidden");
        }

        var mapping = await db.Set<ImportCategoryMapping>().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (mapping is null)
        {
            return Outcome<bool>.NotFound();
        }

        db.Remove(mapping);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
