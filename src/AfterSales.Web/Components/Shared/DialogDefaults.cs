using MudBlazor;

namespace AfterSales.Web.Components.Shared;

internal static class DialogDefaults
{
    /// <summary>Edit forms: wide on a laptop, full width on a phone; a stray click outside does not lose the input.</summary>
    public static readonly DialogOptions Form = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, BackdropClick = false, CloseButton = true };
}
