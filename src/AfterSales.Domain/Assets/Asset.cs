namespace AfterSales.Domain.Assets;

public enum AssetKind
{
    Vehicle,
    Appliance,
    Phone,
}

/// <summary>
/// What gets repaired (车辆 / 产品档案): a vehicle, an appliance or a phone. One table for the three kinds,
/// because the search box and the service history treat them alike; <see cref="AssetRules"/> says which
/// fields each kind needs.
/// </summary>
public sealed class Asset
{
    public const int TextMaxLength = 100;

    private Asset()
    {
    }

    public Guid Id { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid StoreId { get; private set; }

    public AssetKind Kind { get; private set; }

    /// <summary>Make of a vehicle, brand of an appliance or phone.</summary>
    public string Brand { get; private set; } = string.Empty;

    public string Model { get; private set; } = string.Empty;

    public int? Year { get; private set; }

    public string? Vin { get; private set; }

    public string? Plate { get; private set; }

    public int? MileageKm { get; private set; }

    public bool IsElectric { get; private set; }

    public decimal? BatteryCapacityKwh { get; private set; }

    public string? BatteryType { get; private set; }

    public string? BatterySerial { get; private set; }

    public string? SerialNumber { get; private set; }

    public string? Imei { get; private set; }

    public DateOnly? PurchaseDate { get; private set; }

    /// <summary>Invoice or receipt number that proves the purchase date (for warranty).</summary>
    public string? PurchaseProof { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Version { get; private set; }

    public string DisplayName => Kind switch
    {
        AssetKind.Vehicle => $"{Plate ?? Vin} {Brand} {Model}".Trim(),
        AssetKind.Appliance => $"{Brand} {Model} {SerialNumber}".Trim(),
        AssetKind.Phone => $"{Brand} {Model} {Imei}".Trim(),
    };

    public static Asset Register(Guid customerId, Guid storeId, AssetDetails details, DateTimeOffset now)
    {
        var asset = new Asset { Id = Guid.CreateVersion7(now), CustomerId = customerId, StoreId = storeId, Kind = details.Kind, CreatedAt = now };
        asset.Update(details);
        return asset;
    }

    /// <summary>Updates the record; the kind of an asset never changes.</summary>
    public void Update(AssetDetails details)
    {
        var d = AssetRules.Normalize(details with { Kind = Kind });
        Brand = d.Brand;
        Model = d.Model;
        Year = d.Year;
        Vin = d.Vin;
        Plate = d.Plate;
        MileageKm = d.MileageKm;
        IsElectric = d.IsElectric;
        BatteryCapacityKwh = d.BatteryCapacityKwh;
        BatteryType = d.BatteryType;
        BatterySerial = d.BatterySerial;
        SerialNumber = d.SerialNumber;
        Imei = d.Imei;
        PurchaseDate = d.PurchaseDate;
        PurchaseProof = d.PurchaseProof;
    }

    public void MoveTo(Guid storeId) => StoreId = storeId;
}

public sealed record AssetDetails(
    AssetKind Kind,
    string Brand,
    string Model,
    int? Year = null,
    string? Vin = null,
    string? Plate = null,
    int? MileageKm = null,
    bool IsElectric = false,
    decimal? BatteryCapacityKwh = null,
    string? BatteryType = null,
    string? BatterySerial = null,
    string? SerialNumber = null,
    string? Imei = null,
    DateOnly? PurchaseDate = null,
    string? PurchaseProof = null);
