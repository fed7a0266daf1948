using AfterSales.Domain.Assets;
using AfterSales.Domain.Common;
using AfterSales.Domain.Customers;
using AfterSales.Web.Features.Assets;

namespace AfterSales.Web.Features.Customers;

public sealed record PhoneView(string Number, PhoneLabel Label, bool IsPrimary);

public sealed record CustomerView(
    Guid Id,
    Guid StoreId,
    string StoreName,
    CustomerKind Kind,
    string Name,
    string? ContactPerson,
    IReadOnlyList<PhoneView> Phones,
    string? Address,
    TimeOnly? PreferredContactFrom,
    TimeOnly? PreferredContactTo,
    bool ContactConsent,
    string? Notes,
    DateTimeOffset CreatedAt,
    int Version,
    bool ContactMasked,
    IReadOnlyList<AssetView> Assets)
{
    public static CustomerView From(Customer c, string storeName, IEnumerable<Asset> assets, bool seesFullContact) => new(
        c.Id,
        c.StoreId,
        storeName,
        c.Kind,
        c.Name,
        c.ContactPerson,
        c.Phones.Select(p => new PhoneView(seesFullContact ? p.Number : Masking.MaskPhone(p.Number), p.Label, p.IsPrimary)).ToList(),
        seesFullContact || c.Address is null ? c.Address : Masking.MaskAddress(c.Address),
        c.PreferredContactFrom,
        c.PreferredContactTo,
        c.ContactConsent,
        c.Notes,
        c.CreatedAt,
        c.Version,
        !seesFullContact,
        assets.Select(AssetView.From).ToList());
}

/// <summary>A row of the customer list: enough to recognise the right person at the counter.</summary>
public sealed record CustomerListItem(
    Guid Id,
    CustomerKind Kind,
    string Name,
    string? Phone,
    string? Address,
    string StoreName,
    IReadOnlyList<string> Assets,
    DateTimeOffset CreatedAt);
