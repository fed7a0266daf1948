namespace AfterSales.Web;

/// <summary>Marker for the shared string table in Resources/SharedResource(.zh-CN).resx.</summary>
public sealed class SharedResource;
