using Microsoft.Extensions.Localization;
using MudBlazor;

namespace AfterSales.Web.Components.Shared;

/// <summary>
/// MudBlazor's own texts (picker buttons, pagers, close buttons: mostly aria-labels that screen readers speak) from
/// our resources under "mud.&lt;MudBlazor key&gt;". A key we do not translate comes back as not found, and MudBlazor
/// then uses its built-in English.
/// </summary>
public sealed class AppMudLocalizer(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var text = localizer["mud." + key];
            return new LocalizedString(key, text.Value, text.ResourceNotFound);
        }
    }
}
