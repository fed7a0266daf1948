using AfterSales.Domain.Assets;
using AfterSales.Web.Features.Assets;

namespace AfterSales.Web.Components.Pages.Assets;

/// <summary>The editable state of an asset form for any of the three kinds.</summary>
public sealed class AssetForm
{
    public AssetKind Kind { get; set; } = AssetKind.Vehicle;

    public string Brand { get; set; } = string.Empty;

    public string Model { get; set; } = string.Empty;

    public int? Year { get; set; }

    public string? Vin { get; set; }

    public string? Plate { get; set; }

    public int? MileageKm { get; set; }

    public bool IsElectric { get; set; }

    public decimal? BatteryCapacityKwh { get; set; }

    public string? BatteryType { get; set; }

    public string? BatterySerial { get; set; }

    public string? SerialNumber { get; set; }

    public string? Imei { get; set; }

    public DateTime? PurchaseDate { get; set; }

    public string? PurchaseProof { get; set; }

    public static AssetForm From(AssetView a) => new()
    {
        Kind = a.Kind,
        Brand = a.Brand,
        Model = a.Model,
        Year = a.Year,
        Vin = a.Vin,
        Plate = a.Plate,
        MileageKm = a.MileageKm,
        IsElectric = a.IsElectric,
        BatteryCapacityKwh = a.BatteryCapacityKwh,
        BatteryType = a.BatteryType,
        BatterySerial = a.BatterySerial,
        SerialNumber = a.SerialNumber,
        Imei = a.Imei,
        PurchaseDate = a.PurchaseDate?.ToDateTime(TimeOnly.MinValue),
        PurchaseProof = a.PurchaseProof,
    };

    public AssetInput ToInput() => new(
        Kind,
        Brand,
        Model,
        Year,
        Vin,
        Plate,
        MileageKm,
        IsElectric,
        BatteryCapacityKwh,
        BatteryType,
        BatterySerial,
        SerialNumber,
        Imei,
        PurchaseDate is { } d ? DateOnly.FromDateTime(d) : null,
        PurchaseProof);
}
