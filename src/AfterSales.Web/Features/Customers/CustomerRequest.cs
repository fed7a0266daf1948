using AfterSales.Domain.Common;
using AfterSales.Domain.Customers;
using FluentValidation;

namespace AfterSales.Web.Features.Customers;

public sealed record PhoneInput(string Number, PhoneLabel Label = PhoneLabel.Mobile, bool IsPrimary = false);

/// <summary>The editable fields of a customer, shared by registration and update.</summary>
public interface ICustomerFields
{
    CustomerKind Kind { get; }

    string Name { get; }

    string? ContactPerson { get; }

    IReadOnlyList<PhoneInput> Phones { get; }

    string? Address { get; }

    TimeOnly? PreferredContactFrom { get; }

    TimeOnly? PreferredContactTo { get; }

    bool ContactConsent { get; }

    string? Notes { get; }
}

internal static class CustomerFields
{
    public static CustomerDetails ToDetails(this ICustomerFields f) => new(
        f.Kind,
        f.Name,
        f.ContactPerson,
        f.Phones.Select(p => new CustomerPhone(p.Number, p.Label, p.IsPrimary)).ToList(),
        f.Address,
        f.PreferredContactFrom,
        f.PreferredContactTo,
        f.ContactConsent,
        f.Notes);

    /// <summary>The rules of a customer record, once, for both registration and update.</summary>
    public static void AddCustomerRules<T>(this AbstractValidator<T> v)
        where T : ICustomerFields
    {
        v.RuleFor(x => x.Kind).IsInEnum();
        v.RuleFor(x => x.Name).NotEmpty().MaximumLength(Customer.NameMaxLength);
        v.RuleFor(x => x.ContactPerson).MaximumLength(Customer.NameMaxLength);
        v.RuleFor(x => x.ContactPerson).NotEmpty().When(x => x.Kind == CustomerKind.Company).WithErrorCode("customer.contact_person_required");
        v.RuleFor(x => x.Address).MaximumLength(Customer.AddressMaxLength);
        v.RuleFor(x => x.Notes).MaximumLength(Customer.NotesMaxLength);
        v.RuleFor(x => x.Phones).NotNull().Must(p => p is { Count: > 0 }).WithErrorCode("customer.phone_required")
            .Must(p => p is null || p.Count <= Customer.MaxPhones).WithErrorCode("customer.too_many_phones");
        v.RuleForEach(x => x.Phones).NotNull().ChildRules(phone =>
        {
            phone.RuleFor(p => p.Number).Must(PhoneNumber.IsValid).WithErrorCode("customer.phone_invalid");
            phone.RuleFor(p => p.Label).IsInEnum();
        });
        v.RuleFor(x => x.Phones).Must(p => p is null || p.Select(n => PhoneNumber.Normalize(n?.Number)).Distinct().Count() == p.Count)
            .WithErrorCode("customer.phone_duplicate");
        v.RuleFor(x => x.PreferredContactTo).GreaterThan(x => x.PreferredContactFrom)
            .When(x => x.PreferredContactFrom is not null && x.PreferredContactTo is not null)
            .WithErrorCode("customer.contact_window_invalid");
    }
}
