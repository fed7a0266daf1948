using AfterSales.Domain.Common;

namespace AfterSales.Domain.Customers;

public enum CustomerKind
{
    Person,
    Company,
}

public enum PhoneLabel
{
    Mobile,
    Home,
    Work,
    Other,
}

/// <summary>A customer record (客户档案): a person or a company, owned by the store that serves it.</summary>
public sealed class Customer
{
    public const int NameMaxLength = 100;
    public const int AddressMaxLength = 300;
    public const int NotesMaxLength = 2000;
    public const int MaxPhones = 5;

    private readonly List<CustomerPhone> _phones = [];

    private Customer()
    {
    }

    public Guid Id { get; private set; }

    public Guid StoreId { get; private set; }

    public CustomerKind Kind { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>For a company: the person who deals with us.</summary>
    public string? ContactPerson { get; private set; }

    public string? Address { get; private set; }

    public TimeOnly? PreferredContactFrom { get; private set; }

    public TimeOnly? PreferredContactTo { get; private set; }

    public bool ContactConsent { get; private set; }

    /// <summary>The customer asked not to be called (拒绝回访): follow-up calls and reminder calls skip them everywhere.</summary>
    public bool DoNotCall { get; private set; }

    public DateTimeOffset? DoNotCallSince { get; private set; }

    public string? Notes { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<CustomerPhone> Phones => _phones;

    public string? PrimaryPhone => _phones.FirstOrDefault(p => p.IsPrimary)?.Number ?? _phones.FirstOrDefault()?.Number;

    public static Customer Register(Guid storeId, CustomerDetails details, DateTimeOffset now)
    {
        var customer = new Customer { Id = Guid.CreateVersion7(now), StoreId = storeId, CreatedAt = now };
        customer.Update(details);
        return customer;
    }

    public void Update(CustomerDetails details)
    {
        Kind = details.Kind;
        Name = details.Name.Trim();
        ContactPerson = Blank(details.ContactPerson);
        Address = Blank(details.Address);
        PreferredContactFrom = details.PreferredContactFrom;
        PreferredContactTo = details.PreferredContactTo;
        ContactConsent = details.ContactConsent;
        Notes = Blank(details.Notes);

        var phones = details.Phones
            .Select(p => new CustomerPhone(PhoneNumber.Normalize(p.Number), p.Label, p.IsPrimary))
            .DistinctBy(p => p.Number)
            .ToList();
        // Exactly one primary: the first one marked, else the first one given.
        var primary = Math.Max(0, phones.FindIndex(p => p.IsPrimary));
        _phones.Clear();
        _phones.AddRange(phones.Select((p, i) => p with { IsPrimary = i == primary }));
    }

    /// <summary>Records the customer's wish not to be called, or its withdrawal.</summary>
    public void RecordDoNotCall(bool doNotCall, DateTimeOffset now)
    {
        if (doNotCall != DoNotCall)
        {
            DoNotCall = doNotCall;
            DoNotCallSince = doNotCall ? now : null;
        }
    }

    /// <summary>Moves the customer to another store (only an administrator or their home store may do it).</summary>
    public void MoveTo(Guid storeId) => StoreId = storeId;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record CustomerPhone(string Number, PhoneLabel Label, bool IsPrimary);

public sealed record CustomerDetails(
    CustomerKind Kind,
    string Name,
    string? ContactPerson,
    IReadOnlyList<CustomerPhone> Phones,
    string? Address,
    TimeOnly? PreferredContactFrom,
    TimeOnly? PreferredContactTo,
    bool ContactConsent,
    string? Notes);
