using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Stores;

/// <summary>Replaces a store's whole holiday calendar (public holidays and make-up working days).</summary>
public sealed record ReplaceHolidaysRequest(int Version, IReadOnlyList<HolidayInput> Holidays);

internal sealed class ReplaceHolidaysValidator : AbstractValidator<ReplaceHolidaysRequest>
{
    public ReplaceHolidaysValidator()
    {
        RuleFor(x => x.Holidays).NotNull();
        this.AddHolidayRules(x => x.Holidays ?? Array.Empty<HolidayInput>());
    }
}

public sealed class ReplaceHolidays(AfterSalesDb db, RequestValidation validation)
{
    public async Task<Outcome<StoreView>> HandleAsync(Guid id, ReplaceHolidaysRequest request, CancellationToken ct)
    {
        var store = await db.Stores.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (store is null)
        {
            return Outcome<StoreView>.NotFound();
        }

        var errors = StoreFields.CalendarErrors(await validation.CheckAsync(request, ct), null, null, request.Holidays);
        if (errors.Count > 0)
        {
            return Outcome<StoreView>.Invalid(errors);
        }

        db.Entry(store).Property(s => s.Version).OriginalValue = request.Version;
        store.ReplaceHolidays(request.Holidays.ToDomain());
        return await StoreSaving.SaveAsync(db, store, store.Code, ct);
    }
}
