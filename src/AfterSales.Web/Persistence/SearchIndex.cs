using AfterSales.Domain.Assets;
using AfterSales.Domain.Common;
using AfterSales.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Persistence;

/// <summary>
/// The keys that find a customer from the one search box, and the range query over them.
/// Keys are upper-cased and stripped of spaces and separators, so "京A·12345" and "jA12345" meet.
/// </summary>
public static class SearchIndex
{
    public const int MaxLength = 100;

    public static string Normalize(string? text)
    {
        var chars = (text ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '·' or '•' or '(' or ')' or '+')).ToArray();
        var normalized = new string(chars).ToUpperInvariant();
        return normalized.Length > MaxLength ? normalized[..MaxLength] : normalized;
    }

    /// <summary>The exclusive upper bound of all strings that start with <paramref name="prefix"/>, in code-point order.</summary>
    public static string UpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    public static IEnumerable<string> For(Customer customer)
    {
        yield return Normalize(customer.Name);
        if (customer.ContactPerson is { } contact)
        {
            yield return Normalize(contact);
        }

        foreach (var phone in customer.Phones)
        {
            yield return phone.Number;
            yield return PhoneNumber.LastFour(phone.Number);
        }
    }

    public static IEnumerable<string> For(Asset asset)
    {
        string?[] keys = [asset.Vin, asset.Plate, asset.SerialNumber, asset.Imei];
        return keys.Where(k => !string.IsNullOrEmpty(k)).Select(Normalize!);
    }

    /// <summary>Replaces the keys of every customer and asset about to be saved.</summary>
    internal static async Task RebuildAsync(AfterSalesDb db, CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is Customer or Asset)
            .Select(e => (e.Entity, e.State))
            .ToList();
        foreach (var (entity, state) in changed)
        {
            switch (entity)
            {
                case Customer customer:
                    if (state != EntityState.Added)
                    {
                        await db.SearchTerms.Where(t => t.CustomerId == customer.Id && t.AssetId == null).ExecuteDeleteAsync(ct);
                    }

                    if (state != EntityState.Deleted)
                    {
                        db.SearchTerms.AddRange(For(customer).Where(t => t.Length > 0).Distinct().Select(t => new SearchTerm { CustomerId = customer.Id, StoreId = customer.StoreId, Term = t }));
                    }

                    break;
                case Asset asset:
                    if (state != EntityState.Added)
                    {
                        await db.SearchTerms.Where(t => t.AssetId == asset.Id).ExecuteDeleteAsync(ct);
                    }

                    if (state != EntityState.Deleted)
                    {
                        db.SearchTerms.AddRange(For(asset).Distinct().Select(t => new SearchTerm { CustomerId = asset.CustomerId, AssetId = asset.Id, StoreId = asset.StoreId, Term = t }));
                    }

                    break;
            }
        }
    }
}
