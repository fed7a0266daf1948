using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Persistence;

/// <summary>
/// Marks text columns searched by prefix with a range (<c>x &gt;= 'AB' AND x &lt; 'AC'</c>): PostgreSQL gives them
/// the byte-order collation "C" so that the range is an index scan and agrees with SQLite's ordering.
/// </summary>
public static class PrefixSearch
{
    public const string Annotation = "AfterSales:PrefixSearch";

    public static PropertyBuilder<string> IsPrefixSearched(this PropertyBuilder<string> property) =>
        property.HasAnnotation(Annotation, true);

    internal static IEnumerable<IMutableProperty> Properties(IMutableModel model) =>
        model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.FindAnnotation(Annotation)?.Value is true);
}
