using AfterSales.Domain.Assets;

namespace AfterSales.Domain.Tests.Assets;

public sealed class AssetRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly AssetDetails Car = new(AssetKind.Vehicle, "大众", "帕萨特", Year: 2022, Vin: "1M8GDM9AXKP042788", Plate: "京A12345", MileageKm: 42_000);

    private static readonly AssetDetails ElectricCar = new(
        AssetKind.Vehicle, "比亚迪", "汉 EV", Year: 2024, Vin: "11111111111111111", Plate: "粤BD12345", IsElectric: true,
        BatteryCapacityKwh: 85.4m, BatteryType: "磷酸铁锂", BatterySerial: "BT0123456789");

    private static readonly AssetDetails Fridge = new(AssetKind.Appliance, "海尔", "BCD-470WDPG 冰箱", SerialNumber: "hr123456789", PurchaseDate: new DateOnly(2025, 6, 1));

    private static readonly AssetDetails Handset = new(AssetKind.Phone, "华为", "Mate 60 Pro", Imei: "490154203237518", PurchaseDate: new DateOnly(2025, 6, 1));

    private static IEnumerable<string> Codes(AssetDetails details) => AssetRules.Check(details, Today).Select(e => e.Code);

    [Fact]
    public void A_complete_record_of_each_kind_passes()
    {
        Assert.Empty(Codes(Car));
        Assert.Empty(Codes(ElectricCar));
        Assert.Empty(Codes(Fridge));
        Assert.Empty(Codes(Handset));
    }

    [Fact]
    public void Every_kind_needs_a_brand_and_a_model()
    {
        foreach (var asset in new[] { Car, Fridge, Handset })
        {
            Assert.Equal(["asset.brand_required", "asset.model_required"], Codes(asset with { Brand = " ", Model = "" }));
        }
    }

    [Theory]
    [InlineData("京A·12345", "京A12345")]
    [InlineData("京a 12345", "京A12345")]
    [InlineData("沪B-D12345", "沪BD12345")]
    [InlineData(" 粤B•F23456 ", "粤BF23456")]
    public void Plates_are_stored_without_separators_and_in_capitals(string written, string stored)
    {
        Assert.Equal(stored, AssetRules.NormalizePlate(written));
        Assert.Equal(stored, AssetRules.Normalize(Car with { Plate = written }).Plate);
        Assert.Empty(Codes(Car with { Plate = written }));
    }

    [Theory]
    [InlineData("京12345")]
    [InlineData("AA12345")]
    [InlineData("京A1234")]
    [InlineData("京A1234567")]
    public void A_malformed_plate_is_refused(string plate) => Assert.Equal(["asset.plate_invalid"], Codes(Car with { Plate = plate }));

    [Fact]
    public void A_vehicle_may_have_no_plate_yet()
    {
        Assert.Empty(Codes(Car with { Plate = null }));
        Assert.Null(AssetRules.Normalize(Car with { Plate = "  " }).Plate);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1M8GDM9A1KP042788")]
    [InlineData("1M8GDM9AXKP04278")]
    public void A_vehicle_needs_a_valid_vin(string? vin) => Assert.Equal(["asset.vin_invalid"], Codes(Car with { Vin = vin }));

    [Fact]
    public void The_vin_is_stored_in_capitals_without_spaces() =>
        Assert.Equal("1M8GDM9AXKP042788", AssetRules.Normalize(Car with { Vin = " 1m8gdm9axkp 042788" }).Vin);

    [Fact]
    public void Year_mileage_and_battery_capacity_must_be_plausible()
    {
        Assert.Equal(["asset.year_out_of_range"], Codes(Car with { Year = 1949 }));
        Assert.Equal(["asset.year_out_of_range"], Codes(Car with { Year = Today.Year + 2 }));
        Assert.Empty(Codes(Car with { Year = Today.Year + 1 }));
        Assert.Equal(["asset.mileage_out_of_range"], Codes(Car with { MileageKm = -1 }));
        Assert.Equal(["asset.battery_capacity_out_of_range"], Codes(ElectricCar with { BatteryCapacityKwh = 0 }));
        Assert.Equal(["asset.battery_capacity_out_of_range"], Codes(ElectricCar with { BatteryCapacityKwh = 501 }));
    }

    [Fact]
    public void Battery_details_are_kept_for_an_electric_vehicle()
    {
        var ev = AssetRules.Normalize(ElectricCar with { BatteryType = " 磷酸铁锂 " });

        Assert.Equal(85.4m, ev.BatteryCapacityKwh);
        Assert.Equal("磷酸铁锂", ev.BatteryType);
        Assert.Equal("BT0123456789", ev.BatterySerial);
    }

    [Fact]
    public void Battery_details_are_dropped_for_a_vehicle_that_is_not_electric()
    {
        var petrol = AssetRules.Normalize(ElectricCar with { IsElectric = false });

        Assert.Null(petrol.BatteryCapacityKwh);
        Assert.Null(petrol.BatteryType);
        Assert.Null(petrol.BatterySerial);
        Assert.Empty(Codes(ElectricCar with { IsElectric = false, BatteryCapacityKwh = -5 }));
    }

    [Fact]
    public void A_vehicle_keeps_no_serial_number_or_imei()
    {
        var car = AssetRules.Normalize(Car with { SerialNumber = "X1", Imei = "490154203237518" });

        Assert.Null(car.SerialNumber);
        Assert.Null(car.Imei);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_appliance_needs_a_serial_number(string? serial) =>
        Assert.Equal(["asset.serial_required"], Codes(Fridge with { SerialNumber = serial }));

    [Fact]
    public void An_appliance_serial_is_trimmed_and_upper_cased_and_vehicle_fields_are_dropped()
    {
        var fridge = AssetRules.Normalize(Fridge with { SerialNumber = " hr123456789 ", Vin = "1M8GDM9AXKP042788", Plate = "京A12345", MileageKm = 5, IsElectric = true, BatteryCapacityKwh = 10 });

        Assert.Equal("HR123456789", fridge.SerialNumber);
        Assert.Null(fridge.Vin);
        Assert.Null(fridge.Plate);
        Assert.Null(fridge.MileageKm);
        Assert.False(fridge.IsElectric);
        Assert.Null(fridge.BatteryCapacityKwh);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("490154203237519")]
    [InlineData("49015420323751")]
    [InlineData("49015420323751X")]
    public void A_phone_needs_a_valid_imei(string? imei) => Assert.Equal(["asset.imei_invalid"], Codes(Handset with { Imei = imei }));

    [Fact]
    public void A_phone_imei_is_stored_as_fifteen_digits() =>
        Assert.Equal("490154203237518", AssetRules.Normalize(Handset with { Imei = "49-015420-323751-8" }).Imei);

    [Fact]
    public void Missing_identifiers_stay_missing_rather_than_empty()
    {
        Assert.Null(AssetRules.Normalize(Car with { Vin = null }).Vin);
        Assert.Null(AssetRules.Normalize(Handset with { Imei = null }).Imei);
        Assert.Null(AssetRules.Normalize(Handset with { Imei = "  " }).Imei);
    }

    [Fact]
    public void A_purchase_date_in_the_future_is_refused_but_today_is_fine()
    {
        Assert.Equal(["asset.purchase_date_in_future"], Codes(Fridge with { PurchaseDate = Today.AddDays(1) }));
        Assert.Equal(["asset.purchase_date_in_future"], Codes(Handset with { PurchaseDate = Today.AddDays(1) }));
        Assert.Empty(Codes(Fridge with { PurchaseDate = Today }));
    }

    [Fact]
    public void Registering_an_asset_normalizes_it_and_an_update_cannot_change_its_kind()
    {
        var now = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
        var asset = Asset.Register(Guid.NewGuid(), Guid.NewGuid(), Car with { Plate = "京A·12345" }, now);
        Assert.Equal("京A12345", asset.Plate);
        Assert.Equal("京A12345 大众 帕萨特", asset.DisplayName);

        asset.Update(Handset);

        Assert.Equal(AssetKind.Vehicle, asset.Kind);
        Assert.Null(asset.Imei);
    }
}
