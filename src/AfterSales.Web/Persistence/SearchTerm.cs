namespace AfterSales.Web.Persistence;

/// <summary>
/// One normalized key that finds a customer: name, phone, last four digits, plate, VIN, serial or IMEI.
/// Rebuilt whenever the customer or one of their assets is saved; searched by prefix on an index.
/// </summary>
public sealed class SearchTerm
{
    public long Id { get; set; }

    public Guid CustomerId { get; set; }

    public Guid? AssetId { get; set; }

    public Guid StoreId { get; set; }

    public string Term { get; set; } = string.Empty;
}
