using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AfterSales.Web.Persistence;

/// <summary>
/// Parameters for raw SQL that go through the mapped property's converter, so a value compares with its column
/// (on SQLite a DateTimeOffset is stored as a number, which a plain parameter would send as text).
/// </summary>
internal sealed class SqlParameters(AfterSalesDb db, Type entity) : IDisposable
{
    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();

    private readonly System.Data.Common.DbCommand _command = db.Database.GetDbConnection().CreateCommand();

    public IEntityType Entity { get; } = db.Model.FindEntityType(entity)
        ?? throw new InvalidOperationException($"{entity.Name} is not mapped.");

    public List<object> Values { get; } = [];

    /// <summary>Adds a value typed like <paramref name="property"/> and returns its placeholder.</summary>
    public string Add(string property, object? value) =>
        Add(Entity.FindProperty(property) ?? throw new InvalidOperationException($"{Entity.DisplayName()} has no {property}."), value);

    /// <inheritdoc cref="Add(string, object?)"/>
    public string Add(IProperty property, object? value)
    {
        var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
        var name = "p" + Values.Count;
        Values.Add(mapping.CreateParameter(_command, _sql.GenerateParameterName(name), value, property.IsNullable));
        return _sql.GenerateParameterNamePlaceholder(name);
    }

    public void Dispose() => _command.Dispose();
}
