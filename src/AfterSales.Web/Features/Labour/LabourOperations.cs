using AfterSales.Domain.Labour;
using AfterSales.Domain.Service;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Labour;

/// <summary>The catalogue of one store; text matches the code by prefix or either name by part; paged.</summary>
public sealed record SearchLabourOperationsRequest(string? Query = null, WorkshopSkill? Skill = null, bool IncludeRetired = false, int? Page = null, int? PageSize = null);

/// <summary>The fields both the create and the update requests carry, checked by one set of rules.</summary>
public interface ILabourOperationFields
{
    string Code { get; }

    string NameZh { get; }

    string NameEn { get; }

    WorkshopSkill Skill { get; }

    decimal StandardHours { get; }
}

public sealed record LabourOperationRequest(string Code, string NameZh, string NameEn, WorkshopSkill Skill, decimal StandardHours) : ILabourOperationFields
{
    public LabourOperationDetails ToDetails() => new(Code, NameZh, NameEn, Skill, StandardHours);
}

/// <summary>Changes an entry; <see cref="Version"/> is the version the editor started from.</summary>
public sealed record UpdateLabourOperationRequest(int Version, string Code, string NameZh, string NameEn, WorkshopSkill Skill, decimal StandardHours, bool IsActive = true)
    : ILabourOperationFields;

internal abstract class LabourOperationFieldsValidator<T> : AbstractValidator<T>
    where T : ILabourOperationFields
{
    protected LabourOperationFieldsValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithErrorCode("labour.code_required").MaximumLength(LabourOperation.CodeMaxLength)
            .Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$").WithErrorCode("labour.code_invalid");
        RuleFor(x => x.NameZh).NotEmpty().WithErrorCode("labour.name_zh_required").MaximumLength(LabourOperation.NameMaxLength);
        RuleFor(x => x.NameEn).NotEmpty().WithErrorCode("labour.name_en_required").MaximumLength(LabourOperation.NameMaxLength);
        RuleFor(x => x.Skill).IsInEnum();
        RuleFor(x => x.StandardHours).InclusiveBetween(LabourOperation.MinHours, LabourOperation.MaxHours).WithErrorCode("labour.hours_invalid");
    }
}

internal sealed class LabourOperationRequestValidator : LabourOperationFieldsValidator<LabourOperationRequest>;

internal sealed class UpdateLabourOperationValidator : LabourOperationFieldsValidator<UpdateLabourOperationRequest>;

public sealed class SearchLabourOperations(AfterSalesDb db, ICurrentUser user)
{
    public async Task<Page<LabourOperationView>> HandleAsync(Guid storeId, SearchLabourOperationsRequest request, CancellationToken ct)
    {
        var (page, size) = Paging.Clamp(request.Page, request.PageSize);
        if (!user.Scope.Includes(storeId))
        {
            return new Page<LabourOperationView>([], page, size, 0);
        }

        var operations = db.Set<LabourOperation>().AsNoTracking().Where(o => o.StoreId == storeId);
        if (!request.IncludeRetired)
        {
            operations = operations.Where(o => o.IsActive);
        }

        if (request.Skill is { } skill)
        {
            operations = operations.Where(o => o.Skill == skill);
        }

        if (!string.IsNullOrWhiteSpace(request.Query))
        {
            // A catalogue holds hundreds of rows per store, not millions: a scan within the store index is fine.
            var text = request.Query.Trim();
            var code = text.ToUpperInvariant();
            var lower = text.ToLowerInvariant();

            // ToLower is translated to SQL on both databases; the StringComparison overload is not.
#pragma warning disable CA1862
            operations = operations.Where(o => o.Code.StartsWith(code) || o.NameZh.Contains(text) || o.NameEn.ToLower().Contains(lower));
#pragma warning restore CA1862
        }

        var ordered = operations.OrderBy(o => o.Code);
        var total = await ordered.CountAsync(ct);
        var rows = await ordered.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<LabourOperationView>(rows.Select(LabourOperationView.From).ToList(), page, size, total);
    }
}

public sealed class GetLabourOperation(AfterSalesDb db, AccessGuard guard)
{
    public async Task<Outcome<LabourOperationView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var operation = await db.Set<LabourOperation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        return operation is null ? await guard.NotFoundAsync<LabourOperation, LabourOperationView>(id, ct) : LabourOperationView.From(operation);
    }
}

public sealed class CreateLabourOperation(AfterSalesDb db, ICurrentUser user, RequestValidation validation)
{
    public async Task<Outcome<LabourOperationView>> HandleAsync(Guid storeId, LabourOperationRequest request, CancellationToken ct)
    {
        if (!user.Scope.Includes(storeId) || !await db.Stores.AnyAsync(s => s.Id == storeId, ct))
        {
            return Outcome<LabourOperationView>.NotFound();
        }

        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<LabourOperationView>.Invalid(errors);
        }

        var operation = LabourOperation.Create(storeId, request.ToDetails());
        if (await LabourCodes.TakenAsync(db, storeId, operation.Code, null, ct))
        {
            return LabourCodes.Taken<LabourOperationView>();
        }

        db.Add(operation);
        return await LabourCodes.SaveAsync(db, operation, ct);
    }
}

public sealed class UpdateLabourOperation(AfterSalesDb db, RequestValidation validation, AccessGuard guard)
{
    public async Task<Outcome<LabourOperationView>> HandleAsync(Guid id, UpdateLabourOperationRequest request, CancellationToken ct)
    {
        var operation = await db.Set<LabourOperation>().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (operation is null)
        {
            return await guard.NotFoundAsync<LabourOperation, LabourOperationView>(id, ct);
        }

        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<LabourOperationView>.Invalid(errors);
        }

        var code = LabourOperation.NormalizeCode(request.Code);
        if (await LabourCodes.TakenAsync(db, operation.StoreId, code, operation.Id, ct))
        {
            return LabourCodes.Taken<LabourOperationView>();
        }

        db.Entry(operation).Property(o => o.Version).OriginalValue = request.Version;
        operation.Update(new LabourOperationDetails(code, request.NameZh, request.NameEn, request.Skill, request.StandardHours));
        if (request.IsActive)
        {
            operation.Reinstate();
        }
        else
        {
            operation.Retire();
        }

        return await LabourCodes.SaveAsync(db, operation, ct);
    }
}

internal static class LabourCodes
{
    public static Task<bool> TakenAsync(AfterSalesDb db, Guid storeId, string code, Guid? except, CancellationToken ct) =>
        db.Set<LabourOperation>().AsNoTracking().AnyAsync(o => o.StoreId == storeId && o.Code == code && o.Id != except, ct);

    public static Outcome<T> Taken<T>() => Outcome<T>.Invalid("labour.code_taken", "Code");

    public static async Task<Outcome<LabourOperationView>> SaveAsync(AfterSalesDb db, LabourOperation operation, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<LabourOperationView>.Conflict("labour.changed_by_someone_else");
        }
        catch (DbUpdateException)
        {
            // Someone else may have taken the code between the check and the save.
            db.ChangeTracker.Clear();
            if (await TakenAsync(db, operation.StoreId, operation.Code, operation.Id, ct))
            {
                return Taken<LabourOperationView>();
            }

            throw;
        }

        return LabourOperationView.From(operation);
    }
}
