using AfterSales.Domain.Assets;
using AfterSales.Domain.Customers;
using AfterSales.Web.Features.Assets;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Persistence;
using Bogus;

namespace AfterSales.Web.Tests.Infrastructure;

/// <summary>Valid, unique identifiers and ready-made requests, so each test owns the rows it looks for.</summary>
public static class TestData
{
    private static readonly Randomizer Random = new();
    private static readonly Lock Gate = new();

    /// <summary>A mobile number no demo customer has (demo numbers never start with 166).</summary>
    public static string Mobile() => Next(r => "166" + r.Replace("########"));

    public static string Vin() => Next(DemoData.VehicleNumber);

    public static string Imei() => Next(DemoData.ImeiNumber);

    /// <summary>A well-formed VIN whose check digit (position 9) is wrong.</summary>
    public static string VinWithWrongCheckDigit() => Replace(Vin(), 8);

    /// <summary>A 15-digit IMEI whose Luhn check digit is wrong.</summary>
    public static string ImeiWithWrongCheckDigit() => Replace(Imei(), 14);

    /// <summary>A plate from a province the demo data never uses (鲁), so a search finds only ours.</summary>
    public static string Plate() => Next(r => "鲁B" + r.Replace("?####").ToUpperInvariant());

    public static string Serial() => Next(r => "TS" + r.Replace("##########"));

    /// <summary>A name no demo customer has: Latin letters and a unique tail.</summary>
    public static string Name(string prefix = "Test") => $"{prefix} {Next(r => r.Replace("????????"))}";

    public static AssetInput Vehicle(string? vin = null, string? plate = null) =>
        new(AssetKind.Vehicle, "比亚迪", "汉 EV", 2024, vin ?? Vin(), plate ?? Plate(), 12_000, true, 76.9m, "磷酸铁锂");

    public static AssetInput Appliance(string? serial = null) =>
        new(AssetKind.Appliance, "海尔", "BCD-470 冰箱", SerialNumber: serial ?? Serial(), PurchaseDate: new DateOnly(2024, 5, 1));

    public static AssetInput Phone(string? imei = null) =>
        new(AssetKind.Phone, "华为", "Mate 60 Pro", Imei: imei ?? Imei(), PurchaseDate: new DateOnly(2024, 3, 1));

    public static RegisterCustomerRequest Customer(
        string? name = null,
        string? phone = null,
        Guid? storeId = null,
        IReadOnlyList<AssetInput>? assets = null) =>
        new(CustomerKind.Person, name ?? Name(), [new PhoneInput(phone ?? Mobile(), PhoneLabel.Mobile, true)], storeId,
            Address: "北京市朝阳区建国路88号", ContactConsent: true, Assets: assets);

    public static UpdateCustomerRequest Update(CustomerView view, string? name = null, string? notes = null) =>
        new(view.Version, view.Kind, name ?? view.Name, view.Phones.Select(p => new PhoneInput(p.Number, p.Label, p.IsPrimary)).ToList(),
            view.ContactPerson, view.Address, view.PreferredContactFrom, view.PreferredContactTo, view.ContactConsent, notes ?? view.Notes);

    private static string Replace(string value, int index)
    {
        var chars = value.ToCharArray();
        chars[index] = chars[index] == '0' ? '1' : '0';
        return new string(chars);
    }

    private static string Next(Func<Randomizer, string> make)
    {
        lock (Gate)
        {
            return make(Random);
        }
    }
}
