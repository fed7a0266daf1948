using AfterSales.Domain.Parts;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Parts;

public sealed record PartFitRequest(Domain.Assets.AssetKind Kind, string? Brand = null, string? Model = null);

/// <summary>A part as the editor or the API gives it; <see cref="Version"/> only on updates.</summary>
public sealed record SavePartRequest(
    string Number,
    string NameZh,
    string NameEn,
    string Brand,
    PartCategory Category,
    PartUnit Unit,
    decimal ListPrice,
    decimal Cost,
    string? ReplacedByNumber = null,
    IReadOnlyList<PartFitRequest>? Fits = null,
    bool IsActive = true,
    int Version = 0)
{
    public PartDetails ToDetails() => new(
        Number, NameZh ?? string.Empty, NameEn ?? string.Empty, Brand ?? string.Empty, Category, Unit, ListPrice, Cost, ReplacedByNumber,
        (Fits ?? []).Select(f => new PartFitment(f.Kind, f.Brand, f.Model)).ToList());
}

internal sealed class SavePartValidator : AbstractValidator<SavePartRequest>
{
    public SavePartValidator()
    {
        RuleFor(x => x.NameZh).MaximumLength(Part.NameMaxLength);
        RuleFor(x => x.NameEn).MaximumLength(Part.NameMaxLength);
        RuleFor(x => x.Brand).MaximumLength(Part.BrandMaxLength);
        RuleFor(x => x.Category).IsInEnum();
        RuleFor(x => x.Unit).IsInEnum();
        RuleFor(x => x.ListPrice).LessThan(100_000_000m);
        RuleFor(x => x.Cost).LessThan(100_000_000m);
        RuleFor(x => x.Fits).Must(f => f is null || f.Count <= Part.MaxFitments).WithErrorCode("part.too_many_fits");
        RuleForEach(x => x.Fits).ChildRules(f =>
        {
            f.RuleFor(x => x.Kind).IsInEnum();
            f.RuleFor(x => x.Brand).MaximumLength(Part.FitTextMaxLength);
            f.RuleFor(x => x.Model).MaximumLength(Part.FitTextMaxLength);
        });
    }
}

/// <summary>Adds a part to the catalogue or changes one; the number stays unique across the group.</summary>
public sealed class SavePart(AfterSalesDb db, ICurrentUser user, RequestValidation validation, TimeProvider clock)
{
    public Task<Outcome<PartView>> CreateAsync(SavePartRequest request, CancellationToken ct) => SaveAsync(null, request, ct);

    public Task<Outcome<PartView>> UpdateAsync(Guid id, SavePartRequest request, CancellationToken ct) => SaveAsync(id, request, ct);

    private async Task<Outcome<PartView>> SaveAsync(Guid? id, SavePartRequest request, CancellationToken ct)
    {
        if (!PartRoles.ManagesCatalogue(user))
        {
            return Outcome<PartView>.Forbidden();
        }

        var errors = (await validation.CheckAsync(request, ct)).ToList();
        var details = request.ToDetails();
        errors.AddRange(Part.Check(details));
        if (errors.Count > 0)
        {
            return Outcome<PartView>.Invalid(errors);
        }

        Part part;
        if (id is { } existing)
        {
            var found = await db.Set<Part>().FirstOrDefaultAsync(p => p.Id == existing, ct);
            if (found is null)
            {
                return Outcome<PartView>.NotFound();
            }

            part = found;
            db.Entry(part).Property(p => p.Version).OriginalValue = request.Version;
            part.Update(details);
            part.SetActive(request.IsActive);
        }
        else
        {
            part = Part.Create(details, clock.GetUtcNow());
            part.SetActive(request.IsActive);
            db.Add(part);
        }

        if (await NumberTakenAsync(db, part.Number, part.Id, ct))
        {
            return Outcome<PartView>.Invalid("part.number_taken", nameof(request.Number));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<PartView>.Conflict("part.changed_by_someone_else");
        }
        catch (DbUpdateException)
        {
            // Someone else may have taken the number between the check and the save.
            db.ChangeTracker.Clear();
            if (await NumberTakenAsync(db, part.Number, part.Id, ct))
            {
                return Outcome<PartView>.Invalid("part.number_taken", nameof(request.Number));
            }

            throw;
        }

        return await GetPart.ViewAsync(db, part, PartRoles.SeesCost(user), ct);
    }

    internal static Task<bool> NumberTakenAsync(AfterSalesDb db, string number, Guid exceptId, CancellationToken ct) =>
        db.Set<Part>().AnyAsync(p => p.Number == number && p.Id != exceptId, ct);
}
