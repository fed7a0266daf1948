using System.Text.RegularExpressions;
using AfterSales.Domain.Common;

namespace AfterSales.Domain.Assets;

/// <summary>What each kind of asset must carry, and how its identifiers are written.</summary>
public static partial class AssetRules
{
    public static AssetDetails Normalize(AssetDetails d) => d.Kind switch
    {
        AssetKind.Vehicle => d with
        {
            Brand = d.Brand.Trim(),
            Model = d.Model.Trim(),
            Vin = Blank(Common.Vin.Normalize(d.Vin)),
            Plate = NormalizePlate(d.Plate),
            BatteryCapacityKwh = d.IsElectric ? d.BatteryCapacityKwh : null,
            BatteryType = d.IsElectric ? Blank(d.BatteryType) : null,
            BatterySerial = d.IsElectric ? Blank(d.BatterySerial) : null,
            SerialNumber = null,
            Imei = null,
            PurchaseProof = Blank(d.PurchaseProof),
        },
        AssetKind.Appliance => d with
        {
            Brand = d.Brand.Trim(),
            Model = d.Model.Trim(),
            SerialNumber = Blank(d.SerialNumber)?.ToUpperInvariant(),
            Vin = null,
            Plate = null,
            MileageKm = null,
            IsElectric = false,
            BatteryCapacityKwh = null,
            BatteryType = null,
            BatterySerial = null,
            Imei = null,
            PurchaseProof = Blank(d.PurchaseProof),
        },
        AssetKind.Phone => d with
        {
            Brand = d.Brand.Trim(),
            Model = d.Model.Trim(),
            Imei = Blank(Common.Imei.Normalize(d.Imei)),
            SerialNumber = Blank(d.SerialNumber)?.ToUpperInvariant(),
            Vin = null,
            Plate = null,
            MileageKm = null,
            IsElectric = false,
            BatteryCapacityKwh = null,
            BatteryType = null,
            BatterySerial = null,
            PurchaseProof = Blank(d.PurchaseProof),
        },
    };

    /// <summary>Field errors for a new or changed asset; codes are localization keys.</summary>
    public static IReadOnlyList<FieldError> Check(AssetDetails d, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(d.Brand))
        {
            errors.Add(new("asset.brand_required", nameof(d.Brand)));
        }

        if (string.IsNullOrWhiteSpace(d.Model))
        {
            errors.Add(new("asset.model_required", nameof(d.Model)));
        }

        if (d.PurchaseDate is { } bought && bought > today)
        {
            errors.Add(new("asset.purchase_date_in_future", nameof(d.PurchaseDate)));
        }

        switch (d.Kind)
        {
            case AssetKind.Vehicle:
                if (!Common.Vin.IsValid(d.Vin))
                {
                    errors.Add(new("asset.vin_invalid", nameof(d.Vin)));
                }

                if (!string.IsNullOrWhiteSpace(d.Plate) && !PlatePattern().IsMatch(NormalizePlate(d.Plate)!))
                {
                    errors.Add(new("asset.plate_invalid", nameof(d.Plate)));
                }

                if (d.Year is { } year && (year < 1950 || year > today.Year + 1))
                {
                    errors.Add(new("asset.year_out_of_range", nameof(d.Year)));
                }

                if (d.MileageKm is < 0 or > 3_000_000)
                {
                    errors.Add(new("asset.mileage_out_of_range", nameof(d.MileageKm)));
                }

                if (d.IsElectric && d.BatteryCapacityKwh is <= 0 or > 500)
                {
                    errors.Add(new("asset.battery_capacity_out_of_range", nameof(d.BatteryCapacityKwh)));
                }

                break;
            case AssetKind.Appliance:
                if (string.IsNullOrWhiteSpace(d.SerialNumber))
                {
                    errors.Add(new("asset.serial_required", nameof(d.SerialNumber)));
                }

                break;
            case AssetKind.Phone:
                if (!Common.Imei.IsValid(d.Imei))
                {
                    errors.Add(new("asset.imei_invalid", nameof(d.Imei)));
                }

                break;
        }

        return errors;
    }

    /// <summary>Plates are stored without spaces or the middle dot: 京A·12345 becomes 京A12345.</summary>
    public static string? NormalizePlate(string? plate) =>
        string.IsNullOrWhiteSpace(plate) ? null : new string(plate.Where(c => !char.IsWhiteSpace(c) && c is not ('·' or '-' or '•')).ToArray()).ToUpperInvariant();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Province character, issuing-authority letter, then 5 characters (6 for new-energy plates).
    [GeneratedRegex(@"^[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}$")]
    private static partial Regex PlatePattern();
}
