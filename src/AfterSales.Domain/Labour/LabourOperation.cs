using AfterSales.Domain.Service;

namespace AfterSales.Domain.Labour;

/// <summary>What a labour operation is, as the catalogue editor enters it.</summary>
public sealed record LabourOperationDetails(string Code, string NameZh, string NameEn, WorkshopSkill Skill, decimal StandardHours);

/// <summary>
/// One entry of a store's labour operation catalogue (工时项目): a code, its names in both languages, the
/// trade that does it and the standard hours a repair order charges for it. Retired operations stay for
/// the orders that used them but are no longer offered.
/// </summary>
public sealed class LabourOperation
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 100;
    public const decimal MinHours = 0.1m;
    public const decimal MaxHours = 100m;

    private LabourOperation()
    {
    }

    public Guid Id { get; private set; }

    public Guid StoreId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string NameZh { get; private set; } = string.Empty;

    public string NameEn { get; private set; } = string.Empty;

    public WorkshopSkill Skill { get; private set; }

    public decimal StandardHours { get; private set; }

    public bool IsActive { get; private set; } = true;

    public int Version { get; private set; }

    public static LabourOperation Create(Guid storeId, LabourOperationDetails details)
    {
        var operation = new LabourOperation { Id = Guid.CreateVersion7(), StoreId = storeId };
        operation.Update(details);
        return operation;
    }

    public static string NormalizeCode(string code) => code.Trim().ToUpperInvariant();

    public void Update(LabourOperationDetails details)
    {
        Code = NormalizeCode(details.Code);
        NameZh = details.NameZh.Trim();
        NameEn = details.NameEn.Trim();
        Skill = details.Skill;
        StandardHours = decimal.Round(details.StandardHours, 2, MidpointRounding.AwayFromZero);
    }

    public void Retire() => IsActive = false;

    public void Reinstate() => IsActive = true;

    /// <summary>The name in the reader's language: Chinese unless the culture is another one.</summary>
    public string NameFor(string cultureName) => Name(NameZh, NameEn, cultureName);

    public static string Name(string nameZh, string nameEn, string cultureName) =>
        cultureName.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(nameEn) ? nameZh : nameEn;
}
