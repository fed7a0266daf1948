using AfterSales.Domain.Common;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Components.Shared;

/// <summary>
/// A handler's field errors, placed next to the inputs they concern. Paths are those of the request
/// ("Phones[0].Number", "Assets[0].Vin", "Asset.Vin"); every error is also listed in the summary.
/// </summary>
public sealed class FormErrors
{
    private readonly List<(string Field, string Text)> _errors = [];

    public bool Any => _errors.Count > 0;

    public IEnumerable<string> All => _errors.Select(e => e.Text).Distinct();

    public void Show(IEnumerable<FieldError> errors, IStringLocalizer localizer)
    {
        _errors.Clear();
        _errors.AddRange(errors.Select(e => (e.Field ?? string.Empty, e.Message ?? localizer[e.Code].Value)));
    }

    public void Clear() => _errors.Clear();

    public bool Has(string field) => _errors.Any(e => Same(e.Field, field));

    public string? For(string field)
    {
        var texts = _errors.Where(e => Same(e.Field, field)).Select(e => e.Text).Distinct().ToList();
        return texts.Count == 0 ? null : string.Join(" ", texts);
    }

    public static string Path(string prefix, string field) => prefix.Length == 0 ? field : $"{prefix}.{field}";

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
