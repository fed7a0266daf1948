using AfterSales.Domain.Stores;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Stores;

/// <summary>Opens a new store, optionally with its holiday calendar.</summary>
public sealed record CreateStoreRequest(
    string Code,
    string Name,
    string Address,
    IReadOnlyList<OpeningHoursInput> OpeningHours,
    string TimeZoneId = Store.DefaultTimeZone,
    string? Phone = null,
    IReadOnlyList<HolidayInput>? Holidays = null) : IStoreFields;

internal sealed class CreateStoreValidator : AbstractValidator<CreateStoreRequest>
{
    public CreateStoreValidator()
    {
        this.AddStoreRules();
        this.AddHolidayRules(x => x.Holidays ?? Array.Empty<HolidayInput>());
    }
}

public sealed class CreateStore(AfterSalesDb db, RequestValidation validation)
{
    public async Task<Outcome<StoreView>> HandleAsync(CreateStoreRequest request, CancellationToken ct)
    {
        var errors = StoreFields.CalendarErrors(await validation.CheckAsync(request, ct), request.TimeZoneId, request.OpeningHours, request.Holidays);
        if (errors.Count > 0)
        {
            return Outcome<StoreView>.Invalid(errors);
        }

        var code = StoreFields.NormalizeCode(request.Code);
        if (await StoreCodes.TakenAsync(db, code, null, ct))
        {
            return StoreCodes.Taken<StoreView>();
        }

        var store = Store.Open(code, request.Name, request.Address, request.Phone, request.TimeZoneId, request.OpeningHours.ToDomain());
        store.ReplaceHolidays((request.Holidays ?? []).ToDomain());
        db.Stores.Add(store);
        return await StoreSaving.SaveAsync(db, store, code, ct);
    }
}

internal static class StoreCodes
{
    public static Task<bool> TakenAsync(AfterSalesDb db, string code, Guid? except, CancellationToken ct) =>
        db.Stores.AsNoTracking().AnyAsync(s => s.Code == code && s.Id != except, ct);

    public static Outcome<T> Taken<T>() => Outcome<T>.Invalid("store.code_taken", nameof(IStoreFields.Code));
}
