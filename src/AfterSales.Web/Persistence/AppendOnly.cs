using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Persistence;

/// <summary>
/// Tables whose rows are evidence (a customer's signature with the text signed): inserted once, never
/// updated or deleted. An entity configuration marks them with <see cref="Mark{T}"/>; every save checks.
/// </summary>
public static class AppendOnly
{
    private const string Annotation = "AfterSales:AppendOnly";

    public static void Mark<T>(EntityTypeBuilder<T> builder)
        where T : class => builder.HasAnnotation(Annotation, true);

    public static bool IsAppendOnly(IReadOnlyEntityType type) => type.FindAnnotation(Annotation)?.Value is true;

    /// <summary>A change to such a row is a bug, never a business case: it throws before anything is written.</summary>
    public static void Check(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is Microsoft.EntityFrameworkCore.EntityState.Modified or Microsoft.EntityFrameworkCore.EntityState.Deleted && IsAppendOnly(entry.Metadata))
            {
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} rows are append-only: they cannot be {entry.State.ToString().ToLowerInvariant()}.");
            }
        }
    }
}
