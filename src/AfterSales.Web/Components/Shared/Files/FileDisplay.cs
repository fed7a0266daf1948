using System.Globalization;
using AfterSales.Web.Features.Files;
using MudBlazor;

namespace AfterSales.Web.Components.Shared.Files;

internal static class FileDisplay
{
    public static string Icon(StoredFileKind kind) => kind switch
    {
        StoredFileKind.Video => Icons.Material.Filled.Movie,
        StoredFileKind.Document => Icons.Material.Filled.PictureAsPdf,
        StoredFileKind.Image => Icons.Material.Filled.Image,
    };

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024.0)).ToString("0.0 'MB'", CultureInfo.CurrentCulture)
        : Math.Max(1, bytes / 1024).ToString("0 'KB'", CultureInfo.CurrentCulture);
}
