using AfterSales.Domain.Common;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Components.Shared;

/// <summary>
/// A handler's field errors, placed next to the inputs they concern. Paths are those of the request
/// ("Phones[0].Number", "Assets[0].Vin", "Holidays[2].Name").
/// <list type="bullet">
/// <item><see cref="Has"/>/<see cref="For"/> match one path exactly: an input per item.</item>
/// <item><see cref="HasWithin"/>/<see cref="ForWithin"/> also match the items and members below a path: one input
/// (a table, a multi-select) for a whole collection.</item>
/// <item><see cref="All"/> lists every error; <see cref="General"/> only those no input of the form shows, as
/// declared when calling <see cref="Show"/>, so a form can put them in a summary without repeating the rest.</item>
/// </list>
/// </summary>
public sealed class FormErrors
{
    private readonly List<(string Field, string Text)> _errors = [];
    private string[] _inputs = [];

    public bool Any => _errors.Count > 0;

    public IEnumerable<string> All => _errors.Select(e => e.Text).Distinct();

    public IEnumerable<string> General =>
        _errors.Where(e => !_inputs.Any(input => Within(e.Field, input))).Select(e => e.Text).Distinct();

    /// <param name="errors">The refusal's errors.</param>
    /// <param name="localizer">Texts for errors that carry only a code.</param>
    /// <param name="inputs">
    /// Paths the form has an input for; an input for a collection ("Holidays") covers its items. Only
    /// <see cref="General"/> uses them.
    /// </param>
    public void Show(IEnumerable<FieldError> errors, IStringLocalizer localizer, params string[] inputs)
    {
        _errors.Clear();
        _errors.AddRange(errors.Select(e => (e.Field ?? string.Empty, e.Message ?? localizer[e.Code].Value)));
        _inputs = inputs;
    }

    public void Clear() => _errors.Clear();

    public bool Has(string field) => _errors.Any(e => Same(e.Field, field));

    public string? For(string field) => Join(_errors.Where(e => Same(e.Field, field)));

    public bool HasWithin(string path) => _errors.Any(e => Within(e.Field, path));

    public string? ForWithin(string path) => Join(_errors.Where(e => Within(e.Field, path)));

    public static string Path(string prefix, string field) => prefix.Length == 0 ? field : $"{prefix}.{field}";

    private static string? Join(IEnumerable<(string Field, string Text)> errors)
    {
        var texts = errors.Select(e => e.Text).Distinct().ToList();
        return texts.Count == 0 ? null : string.Join(" ", texts);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    // "Holidays[2].Name" and "Holidays.Count" are within "Holidays"; "HolidaysNote" is not.
    private static bool Within(string field, string path) =>
        path.Length > 0
        && field.StartsWith(path, StringComparison.OrdinalIgnoreCase)
        && (field.Length == path.Length || field[path.Length] is '[' or '.');
}
