using System.Net.Mail;
using AfterSales.Domain.Common;

namespace AfterSales.Domain.Delivery;

/// <summary>The kind of 发票: 增值税普通发票 (普票) or 增值税专用发票 (专票), which lets a VAT-registered buyer deduct the input tax.</summary>
public enum InvoiceKind
{
    Ordinary,
    Special,
}

/// <summary>
/// The buyer's details the 发票 is issued with (issuing it through the tax platform is outside this system): the buyer's
/// name (company or person), the taxpayer id (纳税人识别号), the e-mail the e-invoice goes to, and for a 专票 also the
/// buyer's registered address and phone and bank account, which the tax platform requires.
/// </summary>
public sealed record InvoiceDetails(InvoiceKind Kind, string BuyerName, string? TaxId, string? Email, string? AddressPhone, string? BankAccount)
{
    public const int BuyerNameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int AddressPhoneMaxLength = 200;
    public const int BankAccountMaxLength = 200;

    /// <summary>
    /// The details trimmed, the tax id in upper case, or the first refusal: a buyer name; a tax id of 15, 18 or 20 digits
    /// and upper-case letters when given; a valid e-mail when given; a 专票 needs the tax id, the address and phone and the bank account.
    /// </summary>
    public static (InvoiceDetails? Details, FieldError? Error) Create(InvoiceKind kind, string? buyerName, string? taxId, string? email, string? addressPhone, string? bankAccount)
    {
        var name = Blank(buyerName);
        var id = Blank(taxId)?.ToUpperInvariant();
        var mail = Blank(email);
        var address = Blank(addressPhone);
        var bank = Blank(bankAccount);
        if (name is null)
        {
            return (null, new FieldError("invoice.buyer_required", nameof(BuyerName)));
        }

        if (id is not null && !TaxIds.IsValid(id))
        {
            return (null, new FieldError("invoice.tax_id_invalid", nameof(TaxId)));
        }

        if (mail is not null && !IsEmail(mail))
        {
            return (null, new FieldError("invoice.email_invalid", nameof(Email)));
        }

        if (kind == InvoiceKind.Special)
        {
            if (id is null)
            {
                return (null, new FieldError("invoice.tax_id_required", nameof(TaxId)));
            }

            if (address is null)
            {
                return (null, new FieldError("invoice.address_required", nameof(AddressPhone)));
            }

            if (bank is null)
            {
                return (null, new FieldError("invoice.bank_required", nameof(BankAccount)));
            }
        }

        return (new InvoiceDetails(kind, name, id, mail, address, bank), null);
    }

    private static bool IsEmail(string value) =>
        value.Length <= EmailMaxLength && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// The taxpayer id (纳税人识别号) on a 发票: the 18-character unified social credit code (统一社会信用代码) of today,
/// or the older 15- or 20-character tax registration numbers; digits and upper-case letters only.
/// </summary>
public static class TaxIds
{
    public static bool IsValid(string? value) =>
        value is { Length: 15 or 18 or 20 } && value.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));
}
