using AfterSales.Domain.Customers;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Customers;

/// <summary>Changes a customer's record; <see cref="Version"/> is the version the editor started from.</summary>
public sealed record UpdateCustomerRequest(
    int Version,
    CustomerKind Kind,
    string Name,
    IReadOnlyList<PhoneInput> Phones,
    string? ContactPerson = null,
    string? Address = null,
    TimeOnly? PreferredContactFrom = null,
    TimeOnly? PreferredContactTo = null,
    bool ContactConsent = false,
    string? Notes = null) : ICustomerFields;

internal sealed class UpdateCustomerValidator : AbstractValidator<UpdateCustomerRequest>
{
    public UpdateCustomerValidator() => this.AddCustomerRules();
}

public sealed class UpdateCustomer(AfterSalesDb db, ICurrentUser user, RequestValidation validation, AccessGuard guard)
{
    public async Task<Outcome<CustomerView>> HandleAsync(Guid id, UpdateCustomerRequest request, CancellationToken ct)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null)
        {
            return await guard.NotFoundAsync<Customer, CustomerView>(id, ct);
        }

        // A role that only sees masked contact data cannot write it back.
        if (!user.SeesFullContact)
        {
            return Outcome<CustomerView>.Forbidden("customer.contact_edit_forbidden");
        }

        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<CustomerView>.Invalid(errors);
        }

        db.Entry(customer).Property(c => c.Version).OriginalValue = request.Version;
        customer.Update(request.ToDetails());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<CustomerView>.Conflict("customer.changed_by_someone_else");
        }

        return await GetCustomer.ViewAsync(db, customer, user, ct);
    }
}
