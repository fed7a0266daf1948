using AfterSales.Domain.Common;
using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Components.Admin;

/// <summary>A refused outcome's errors for a form: localized messages per field, plus those that belong to no field.</summary>
public sealed class AdminFormErrors(Problems problems)
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> General { get; private set; } = [];

    public bool Any => _byField.Count > 0 || General.Count > 0;

    public void Clear()
    {
        _byField.Clear();
        General = [];
    }

    /// <summary>Shows every error of a refusal; errors of fields the form has no input for go to <see cref="General"/>.</summary>
    public void Show(IEnumerable<FieldError> errors, params string[] formFields)
    {
        Clear();
        var general = new List<string>();
        foreach (var error in errors)
        {
            // "Holidays[2].Name" belongs to the "Holidays" input.
            var field = error.Field?.Split('[', '.')[0];
            if (field is not null && formFields.Contains(field, StringComparer.OrdinalIgnoreCase))
            {
                (_byField.TryGetValue(field, out var list) ? list : _byField[field] = []).Add(problems.Text(error));
            }
            else
            {
                general.Add(problems.Text(error));
            }
        }

        General = general;
    }

    public bool Has(string field) => _byField.ContainsKey(field);

    public string? Of(string field) => _byField.TryGetValue(field, out var list) ? string.Join(" ", list.Distinct()) : null;
}
