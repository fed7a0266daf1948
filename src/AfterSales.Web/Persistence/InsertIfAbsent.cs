using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AfterSales.Web.Persistence;

/// <summary>
/// <c>INSERT … ON CONFLICT DO NOTHING</c> for one entity, on SQLite and PostgreSQL alike: for rows where "someone
/// else inserted it first" is an expected outcome, not an error (a unique violation through SaveChanges is logged as a
/// failed command). Bypasses audit, versions and search keys: only for rows that are logs (<see cref="INotAudited"/>).
/// </summary>
public static class InsertIfAbsent
{
    /// <summary>True when the row was inserted, false when a row with the same key or unique index value was already there.</summary>
    public static async Task<bool> InsertIfAbsentAsync<T>(this AfterSalesDb db, T entity, CancellationToken cancellationToken)
        where T : class, INotAudited
    {
        using var parameters = new SqlParameters(db, typeof(T));
        var table = StoreObjectIdentifier.Table(parameters.Entity.GetTableName()!, parameters.Entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = new List<string>();
        var values = new List<string>();
        foreach (var property in parameters.Entity.GetProperties())
        {
            // The mapping's parameter applies the property's value converter (e.g. DateTimeOffset as ticks on SQLite).
            values.Add(parameters.Add(property, property.PropertyInfo?.GetValue(entity)));
            columns.Add(sql.DelimitIdentifier(property.GetColumnName(table)!));
        }

        var statement = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns)}) "
            + $"VALUES ({string.Join(", ", values)}) ON CONFLICT DO NOTHING";
        return await db.Database.ExecuteSqlRawAsync(statement, parameters.Values, cancellationToken) == 1;
    }
}
