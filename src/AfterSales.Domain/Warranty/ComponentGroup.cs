using System.Globalization;
using AfterSales.Domain.Assets;

namespace AfterSales.Domain.Warranty;

/// <summary>
/// What part of an asset a job works on, as warranty terms divide it (保修部件组). Stored by name.
/// The whole-asset groups (<see cref="WholeVehicle"/>, <see cref="WholeUnit"/>) cover every component group of
/// their kind that has no terms of its own, except wear parts and the first free service, which are only
/// covered by terms that name them.
/// </summary>
public enum ComponentGroup
{
    WholeVehicle,
    Powertrain,
    TractionBattery,
    DriveMotor,
    ElectronicControl,
    WearParts,
    FirstService,
    WholeUnit,
    Compressor,
    Motor,
    ControlBoard,
    PhoneBattery,
    Charger,
}

/// <summary>A text in both languages the product speaks; the domain writes its reasons in both so that any reader can show either.</summary>
public sealed record LocalizedText(string ZhCn, string En)
{
    public string In(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? ZhCn : En;

    public override string ToString() => ZhCn;
}

public static class ComponentGroups
{
    public static bool AppliesTo(ComponentGroup group, AssetKind kind) => group switch
    {
        ComponentGroup.WholeVehicle or ComponentGroup.Powertrain or ComponentGroup.TractionBattery or ComponentGroup.DriveMotor
            or ComponentGroup.ElectronicControl or ComponentGroup.WearParts or ComponentGroup.FirstService => kind == AssetKind.Vehicle,
        ComponentGroup.WholeUnit => kind is AssetKind.Appliance or AssetKind.Phone,
        ComponentGroup.Compressor or ComponentGroup.Motor or ComponentGroup.ControlBoard => kind == AssetKind.Appliance,
        ComponentGroup.PhoneBattery or ComponentGroup.Charger => kind == AssetKind.Phone,
    };

    /// <summary>The group whose terms cover a whole asset of this kind.</summary>
    public static ComponentGroup WholeGroup(AssetKind kind) => kind switch
    {
        AssetKind.Vehicle => ComponentGroup.WholeVehicle,
        AssetKind.Appliance or AssetKind.Phone => ComponentGroup.WholeUnit,
    };

    /// <summary>Whether the whole-asset terms cover this group when it has no terms of its own.</summary>
    public static bool FallsBackToWhole(ComponentGroup group) =>
        group is not (ComponentGroup.WearParts or ComponentGroup.FirstService or ComponentGroup.WholeVehicle or ComponentGroup.WholeUnit);

    public static IReadOnlyList<ComponentGroup> For(AssetKind kind) =>
        Enum.GetValues<ComponentGroup>().Where(g => AppliesTo(g, kind)).ToList();

    public static LocalizedText Name(ComponentGroup group) => group switch
    {
        ComponentGroup.WholeVehicle => new("整车", "whole vehicle"),
        ComponentGroup.Powertrain => new("动力总成（发动机、变速器）", "powertrain (engine, transmission)"),
        ComponentGroup.TractionBattery => new("动力电池", "traction battery"),
        ComponentGroup.DriveMotor => new("驱动电机", "drive motor"),
        ComponentGroup.ElectronicControl => new("电控系统", "electronic control"),
        ComponentGroup.WearParts => new("易损件", "wear parts"),
        ComponentGroup.FirstService => new("首次保养", "first service"),
        ComponentGroup.WholeUnit => new("整机", "whole unit"),
        ComponentGroup.Compressor => new("压缩机", "compressor"),
        ComponentGroup.Motor => new("电机", "motor"),
        ComponentGroup.ControlBoard => new("主控板", "control board"),
        ComponentGroup.PhoneBattery => new("电池", "battery"),
        ComponentGroup.Charger => new("充电器", "charger"),
    };
}
