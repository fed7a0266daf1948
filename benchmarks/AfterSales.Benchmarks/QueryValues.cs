using AfterSales.Domain.Assets;
using AfterSales.Domain.Common;
using AfterSales.Domain.Customers;

namespace AfterSales.Benchmarks;

/// <summary>What people type into the search box at the counter or on the phone.</summary>
internal enum QueryKind
{
    LastFour,
    FullPhone,
    Plate,
    PlatePrefix,
    Vin,
    Imei,
    Serial,
    Surname,
    FullName,
}

/// <summary>Search box inputs taken from the seeded customers, per kind of query.</summary>
internal sealed class QueryValues
{
    private readonly Dictionary<QueryKind, List<string>> _values = Enum.GetValues<QueryKind>().ToDictionary(k => k, _ => new List<string>());

    public void Add(Customer customer, IEnumerable<Asset> assets)
    {
        var phone = customer.PrimaryPhone!;
        _values[QueryKind.LastFour].Add(PhoneNumber.LastFour(phone));
        _values[QueryKind.FullPhone].Add(phone);
        _values[QueryKind.FullName].Add(customer.Name);
        if (customer.Kind == CustomerKind.Person)
        {
            _values[QueryKind.Surname].Add(customer.Name[..1]);
        }

        foreach (var asset in assets)
        {
            if (asset.Plate is { } plate)
            {
                // As written on a note: with the middle dot, and a partial one of province, authority and two characters.
                _values[QueryKind.Plate].Add($"{plate[..2]}·{plate[2..]}");
                _values[QueryKind.PlatePrefix].Add(plate[..4]);
            }

            Add(QueryKind.Vin, asset.Vin);
            Add(QueryKind.Imei, asset.Imei);
            Add(QueryKind.Serial, asset.SerialNumber);
        }
    }

    /// <summary>A deterministic, evenly mixed list of (kind, text) queries.</summary>
    public IReadOnlyList<(QueryKind Kind, string Text)> Mix(int count, int seed)
    {
        var random = new Random(seed);
        var kinds = _values.Where(v => v.Value.Count > 0).Select(v => v.Key).ToArray();
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var kind = kinds[i % kinds.Length];
            var values = _values[kind];
            return (kind, values[random.Next(values.Count)]);
        })];
    }

    private void Add(QueryKind kind, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _values[kind].Add(value);
        }
    }
}
