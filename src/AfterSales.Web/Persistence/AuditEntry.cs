namespace AfterSales.Web.Persistence;

/// <summary>One audited change of one record: who, when, what, and the changed values.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? UserId { get; set; }

    public string UserName { get; set; } = string.Empty;

    public string EntityType { get; set; } = string.Empty;

    public Guid EntityId { get; set; }

    public Guid? StoreId { get; set; }

    /// <summary>Added, Modified or Deleted.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>JSON array of { field, from, to }.</summary>
    public string Changes { get; set; } = "[]";
}
