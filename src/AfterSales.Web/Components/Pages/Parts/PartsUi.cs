using System.Globalization;
using AfterSales.Web.Components.Shared;
using AfterSales.Web.Features.Stores;
using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Components.Pages.Parts;

/// <summary>Small helpers the parts pages share: the stores the user works in and names in the reader's language.</summary>
internal static class PartsUi
{
    public static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static string Name(string zh, string en) => Chinese ? (zh.Length > 0 ? zh : en) : (en.Length > 0 ? en : zh);

    public static string Quantity(decimal value) => value.ToString("0.##", CultureInfo.CurrentCulture);

    public static string Money(decimal value) => value.ToString("N2", CultureInfo.CurrentCulture);

    /// <summary>Active stores within the user's scope: a clerk sees only the stores whose stock they handle.</summary>
    public static Task<List<StoreView>> MyStoresAsync(HandlerScope handlers) =>
        handlers.RunAsync(async services =>
        {
            var user = services.GetRequiredService<ICurrentUser>();
            var stores = await services.GetRequiredService<ListStores>().HandleAsync(new ListStoresRequest(), CancellationToken.None);
            return stores.Where(s => user.Scope.Includes(s.Id)).ToList();
        });
}
