using AfterSales.Domain.Assets;
using AfterSales.Web.Features.Assets;
using MudBlazor;

namespace AfterSales.Web.Components.Pages.Assets;

internal static class AssetIcons
{
    public static string For(AssetKind kind) => kind switch
    {
        AssetKind.Vehicle => Icons.Material.Filled.DirectionsCar,
        AssetKind.Appliance => Icons.Material.Filled.Kitchen,
        AssetKind.Phone => Icons.Material.Filled.Smartphone,
    };

    /// <summary>The number staff read out at the counter: VIN, serial number or IMEI.</summary>
    public static string Identifier(AssetView a) => a.Kind switch
    {
        AssetKind.Vehicle => a.Vin ?? string.Empty,
        AssetKind.Appliance => a.SerialNumber ?? string.Empty,
        AssetKind.Phone => a.Imei ?? string.Empty,
    };
}
