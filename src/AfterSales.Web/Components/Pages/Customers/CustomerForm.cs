using AfterSales.Domain.Customers;
using AfterSales.Web.Features.Assets;
using AfterSales.Web.Features.Customers;

namespace AfterSales.Web.Components.Pages.Customers;

/// <summary>The editable state of the customer form; the request records are immutable, the form is not.</summary>
public sealed class CustomerForm
{
    public CustomerKind Kind { get; set; } = CustomerKind.Person;

    public string Name { get; set; } = string.Empty;

    public string? ContactPerson { get; set; }

    public List<PhoneRow> Phones { get; set; } = [new() { IsPrimary = true }];

    public string? Address { get; set; }

    public TimeSpan? ContactFrom { get; set; }

    public TimeSpan? ContactTo { get; set; }

    public bool ContactConsent { get; set; }

    public string? Notes { get; set; }

    public Guid? StoreId { get; set; }

    public static CustomerForm From(CustomerView c) => new()
    {
        Kind = c.Kind,
        Name = c.Name,
        ContactPerson = c.ContactPerson,
        Phones = c.Phones.Select(p => new PhoneRow { Number = p.Number, Label = p.Label, IsPrimary = p.IsPrimary }).ToList(),
        Address = c.Address,
        ContactFrom = c.PreferredContactFrom?.ToTimeSpan(),
        ContactTo = c.PreferredContactTo?.ToTimeSpan(),
        ContactConsent = c.ContactConsent,
        Notes = c.Notes,
        StoreId = c.StoreId,
    };

    public void MakePrimary(PhoneRow phone)
    {
        foreach (var p in Phones)
        {
            p.IsPrimary = ReferenceEquals(p, phone);
        }
    }

    public void RemovePhone(PhoneRow phone)
    {
        Phones.Remove(phone);
        if (Phones.Count > 0 && !Phones.Any(p => p.IsPrimary))
        {
            Phones[0].IsPrimary = true;
        }
    }

    public RegisterCustomerRequest ToRegister(IReadOnlyList<AssetInput>? assets) => new(
        Kind, Name, PhoneInputs(), StoreId, CompanyContact(), Address, Time(ContactFrom), Time(ContactTo), ContactConsent, Notes, assets);

    public UpdateCustomerRequest ToUpdate(int version) => new(
        version, Kind, Name, PhoneInputs(), CompanyContact(), Address, Time(ContactFrom), Time(ContactTo), ContactConsent, Notes);

    // A person has no contact person; a value left over from switching the kind back is dropped.
    private string? CompanyContact() => Kind == CustomerKind.Company ? ContactPerson : null;

    private List<PhoneInput> PhoneInputs() => Phones.Select(p => new PhoneInput(p.Number.Trim(), p.Label, p.IsPrimary)).ToList();

    private static TimeOnly? Time(TimeSpan? value) => value is { } t ? TimeOnly.FromTimeSpan(t) : null;
}

public sealed class PhoneRow
{
    public string Number { get; set; } = string.Empty;

    public PhoneLabel Label { get; set; } = PhoneLabel.Mobile;

    public bool IsPrimary { get; set; }
}
