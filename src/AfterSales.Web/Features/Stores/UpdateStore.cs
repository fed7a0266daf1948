using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Stores;

/// <summary>Changes a store's details and opening hours; <see cref="Version"/> is the version the editor started from.</summary>
public sealed record UpdateStoreRequest(
    int Version,
    string Code,
    string Name,
    string Address,
    IReadOnlyList<OpeningHoursInput> OpeningHours,
    string TimeZoneId,
    string? Phone = null) : IStoreFields;

internal sealed class UpdateStoreValidator : AbstractValidator<UpdateStoreRequest>
{
    public UpdateStoreValidator() => this.AddStoreRules();
}

public sealed class UpdateStore(AfterSalesDb db, RequestValidation validation)
{
    public async Task<Outcome<StoreView>> HandleAsync(Guid id, UpdateStoreRequest request, CancellationToken ct)
    {
        var store = await db.Stores.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (store is null)
        {
            return Outcome<StoreView>.NotFound();
        }

        var errors = StoreFields.CalendarErrors(await validation.CheckAsync(request, ct), request.TimeZoneId, request.OpeningHours, null);
        if (errors.Count > 0)
        {
            return Outcome<StoreView>.Invalid(errors);
        }

        var code = StoreFields.NormalizeCode(request.Code);
        if (await StoreCodes.TakenAsync(db, code, id, ct))
        {
            return StoreCodes.Taken<StoreView>();
        }

        db.Entry(store).Property(s => s.Version).OriginalValue = request.Version;
        store.Update(code, request.Name, request.Address, request.Phone, request.TimeZoneId, request.OpeningHours.ToDomain());
        return await StoreSaving.SaveAsync(db, store, code, ct);
    }
}

internal static class StoreSaving
{
    /// <summary>Saves a changed store: a stale version is a conflict, a code taken meanwhile a field error.</summary>
    public static async Task<Outcome<StoreView>> SaveAsync(AfterSalesDb db, Domain.Stores.Store store, string code, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<StoreView>.Conflict("store.changed_by_someone_else");
        }
        catch (DbUpdateException)
        {
            // Someone else may have taken the code between the check and the save.
            db.ChangeTracker.Clear();
            if (await StoreCodes.TakenAsync(db, code, store.Id, ct))
            {
                return StoreCodes.Taken<StoreView>();
            }

            throw;
        }

        return StoreView.From(store);
    }
}
