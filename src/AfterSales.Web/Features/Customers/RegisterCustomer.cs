using AfterSales.Domain.Assets;
using AfterSales.Domain.Customers;
using AfterSales.Web.Features.Assets;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Customers;

/// <summary>Registers a customer, optionally with their first assets, in one save.</summary>
public sealed record RegisterCustomerRequest(
    CustomerKind Kind,
    string Name,
    IReadOnlyList<PhoneInput> Phones,
    Guid? StoreId = null,
    string? ContactPerson = null,
    string? Address = null,
    TimeOnly? PreferredContactFrom = null,
    TimeOnly? PreferredContactTo = null,
    bool ContactConsent = false,
    string? Notes = null,
    IReadOnlyList<AssetInput>? Assets = null) : ICustomerFields;

internal sealed class RegisterCustomerValidator : AbstractValidator<RegisterCustomerRequest>
{
    public RegisterCustomerValidator(TimeProvider clock)
    {
        this.AddCustomerRules();
        RuleFor(x => x.Assets).Must(a => a is null || a.Count <= 20).WithErrorCode("customer.too_many_assets");
        RuleForEach(x => x.Assets).NotNull().SetValidator(new AssetInputValidator(clock));
    }
}

public sealed class RegisterCustomer(AfterSalesDb db, ICurrentUser user, RequestValidation validation, TimeProvider clock, Notifications.Notifications notifications)
{
    public async Task<Outcome<CustomerView>> HandleAsync(RegisterCustomerRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<CustomerView>.Invalid(errors);
        }

        var storeId = request.StoreId ?? (user.Scope.StoreIds.Count == 1 ? user.Scope.StoreIds[0] : (Guid?)null);
        if (storeId is null)
        {
            return Outcome<CustomerView>.Invalid("customer.store_required", nameof(request.StoreId));
        }

        var store = await db.Stores.Where(s => s.Id == storeId).Select(s => new { s.Id, s.Name, s.IsActive }).FirstOrDefaultAsync(ct);
        if (store is null || !store.IsActive)
        {
            return Outcome<CustomerView>.Invalid("customer.store_unknown", nameof(request.StoreId));
        }

        if (!user.Scope.Includes(store.Id))
        {
            return Outcome<CustomerView>.Forbidden("common.other_store");
        }

        var now = clock.GetUtcNow();
        var customer = Customer.Register(store.Id, request.ToDetails(), now);
        var assets = (request.Assets ?? []).Select(a => Asset.Register(customer.Id, store.Id, a.ToDetails(), now)).ToList();
        db.Customers.Add(customer);
        db.Assets.AddRange(assets);
        notifications.WelcomeCustomer(db, customer, store.Name);
        await db.SaveChangesAsync(ct);
        return CustomerView.From(customer, store.Name, assets, user.SeesFullContact);
    }
}
