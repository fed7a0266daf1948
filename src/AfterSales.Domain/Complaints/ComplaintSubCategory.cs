namespace AfterSales.Domain.Complaints;

/// <summary>A finer class within a category (e.g. 维修质量 → 返修未修好), maintained by an administrator; inactive ones are kept for old complaints.</summary>
public sealed class ComplaintSubCategory
{
    public const int NameMaxLength = 100;

    private ComplaintSubCategory()
    {
    }

    public Guid Id { get; private set; }

    public ComplaintCategory Category { get; private set; }

    public string NameZh { get; private set; } = string.Empty;

    public string NameEn { get; private set; } = string.Empty;

    public bool IsActive { get; private set; }

    public int SortOrder { get; private set; }

    public int Version { get; private set; }

    public static ComplaintSubCategory Create(ComplaintCategory category, string nameZh, string nameEn, int sortOrder)
    {
        var sub = new ComplaintSubCategory { Id = Guid.CreateVersion7(), Category = category, IsActive = true };
        sub.Update(nameZh, nameEn, true, sortOrder);
        return sub;
    }

    public void Update(string nameZh, string nameEn, bool isActive, int sortOrder)
    {
        NameZh = nameZh.Trim();
        NameEn = nameEn.Trim();
        IsActive = isActive;
        SortOrder = sortOrder;
    }

    /// <summary>The name in a UI language: English for "en…", Chinese otherwise.</summary>
    public string NameIn(string? culture) => NameFor(culture, NameZh, NameEn);

    public static string NameFor(string? culture, string nameZh, string nameEn) =>
        culture is not null && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) && nameEn.Length > 0 ? nameEn : nameZh;
}
