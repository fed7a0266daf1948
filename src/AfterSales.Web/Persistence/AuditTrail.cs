using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AfterSales.Web.Persistence;

/// <summary>Marks a table whose rows are not business records (logs, indexes) and so are not audited.</summary>
public interface INotAudited;

/// <summary>Turns the change tracker's pending changes into audit entries, written in the same transaction.</summary>
internal static class AuditTrail
{
    private static readonly HashSet<string> SecretProperties = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash"];

    private static readonly HashSet<string> NoiseProperties = ["Version", "NormalizedUserName", "NormalizedEmail", "AccessFailedCount", "LastUsedAt"];

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static List<PendingAudit> Collect(AfterSalesDb db, DateTimeOffset now)
    {
        var result = new List<PendingAudit>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !IsAudited(entry))
            {
                continue;
            }

            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            result.Add(new PendingAudit(
                entry,
                new AuditEntry
                {
                    At = now,
                    UserId = db.ActingUserId,
                    UserName = db.ActingUserName,
                    EntityType = entry.Metadata.ClrType.IsGenericType ? "UserRole" : entry.Metadata.ClrType.Name,
                    Action = entry.State.ToString(),
                    Changes = JsonSerializer.Serialize(changes, Json),
                }));
        }

        return result;
    }

    private static bool IsAudited(EntityEntry entry) =>
        entry.Entity is not (AuditEntry or SearchTerm or INotAudited)
        && entry.Metadata.ClrType is var type
        && (type.Namespace?.StartsWith("AfterSales", StringComparison.Ordinal) == true || type == typeof(IdentityUserRole<Guid>));

    private static List<FieldChange> Changes(EntityEntry entry)
    {
        var changes = new List<FieldChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (NoiseProperties.Contains(name) || property.Metadata.IsShadowProperty())
            {
                continue;
            }

            var from = entry.State == EntityState.Added ? null : Format(property.OriginalValue);
            var to = entry.State == EntityState.Deleted ? null : Format(property.CurrentValue);
            if (entry.State == EntityState.Modified && (!property.IsModified || from == to))
            {
                continue;
            }

            if (SecretProperties.Contains(name))
            {
                (from, to) = (from is null ? null : "***", to is null ? null : "***");
            }

            if (from is null && to is null)
            {
                continue;
            }

            changes.Add(new FieldChange(name, from, to));
        }

        foreach (var collection in entry.ComplexCollections)
        {
            // EF does not expose the original value of a JSON collection; the new list is recorded whole.
            if (entry.State == EntityState.Added || collection.IsModified)
            {
                changes.Add(new FieldChange(FieldName(collection.Metadata.Name), null, JsonSerializer.Serialize(collection.CurrentValue, Json)));
            }
        }

        return changes;
    }

    /// <summary>Collections mapped from backing fields ("_phones") are reported by their property name ("Phones").</summary>
    private static string FieldName(string name) =>
        name.StartsWith('_') && name.Length > 1 ? char.ToUpperInvariant(name[1]) + name[2..] : name;

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("O"),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    internal sealed record FieldChange(string Field, string? From, string? To);

    internal sealed class PendingAudit(EntityEntry entry, AuditEntry audit)
    {
        /// <summary>Reads the keys after the save, when database-generated ones are known.</summary>
        public AuditEntry Complete()
        {
            var key = entry.Metadata.FindPrimaryKey()!.Properties;
            audit.EntityId = key.Select(k => entry.Property(k.Name).CurrentValue).OfType<Guid>().FirstOrDefault();
            audit.StoreId = entry.Metadata.FindProperty("StoreId") is not null ? entry.Property("StoreId").CurrentValue as Guid? : null;
            return audit;
        }
    }
}
