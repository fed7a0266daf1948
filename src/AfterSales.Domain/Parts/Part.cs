using AfterSales.Domain.Assets;
using AfterSales.Domain.Common;

namespace AfterSales.Domain.Parts;

/// <summary>What a part fits: a kind of asset, optionally narrowed to a make (brand) and a model or product type.</summary>
public sealed record PartFitment(AssetKind Kind, string? Brand = null, string? Model = null)
{
    public bool Matches(AssetKind kind, string? brand, string? model) =>
        Kind == kind
        && (string.IsNullOrEmpty(Brand) || string.Equals(Brand, brand?.Trim(), StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(Model) || (model ?? string.Empty).Contains(Model, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The catalogue fields of a part, as an editor or an import row gives them.</summary>
public sealed record PartDetails(
    string Number,
    string NameZh,
    string NameEn,
    string Brand,
    PartCategory Category,
    PartUnit Unit,
    decimal ListPrice,
    decimal Cost,
    string? ReplacedByNumber,
    IReadOnlyList<PartFitment> Fits);

/// <summary>
/// A catalogue part (备件), shared by every store of the group; stock lives per store and bin elsewhere.
/// The number is kept normalized (upper case, no spaces) so that the counter finds it however it is typed.
/// A superseded part (被替代) stays in the catalogue so that old numbers still lead to the new one.
/// </summary>
public sealed class Part
{
    public const int NumberMaxLength = 40;
    public const int NameMaxLength = 200;
    public const int BrandMaxLength = 50;
    public const int FitTextMaxLength = 100;
    public const int MaxFitments = 50;

    private readonly List<PartFitment> _fits = [];

    private Part()
    {
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public string NameZh { get; private set; } = string.Empty;

    public string NameEn { get; private set; } = string.Empty;

    /// <summary>Upper-cased English name, so that a name prefix matches whatever the case (an index range, not a scan).</summary>
    public string NameEnKey { get; private set; } = string.Empty;

    public string Brand { get; private set; } = string.Empty;

    public PartCategory Category { get; private set; }

    public PartUnit Unit { get; private set; }

    public decimal ListPrice { get; private set; }

    public decimal Cost { get; private set; }

    /// <summary>The number that replaces this one (替代件号); issue the new part when the old one is gone.</summary>
    public string? ReplacedByNumber { get; private set; }

    public bool IsActive { get; private set; } = true;

    public DateTimeOffset CreatedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<PartFitment> Fits => _fits;

    public static string NormalizeNumber(string? number) =>
        new string((number ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    public static Part Create(PartDetails details, DateTimeOffset now)
    {
        var part = new Part { Id = Guid.CreateVersion7(now), CreatedAt = now };
        part.Update(details);
        return part;
    }

    public void Update(PartDetails details)
    {
        Number = NormalizeNumber(details.Number);
        NameZh = details.NameZh.Trim();
        NameEn = details.NameEn.Trim();
        NameEnKey = NameEn.ToUpperInvariant();
        Brand = details.Brand.Trim();
        Category = details.Category;
        Unit = details.Unit;
        ListPrice = details.ListPrice;
        Cost = details.Cost;
        var replacement = NormalizeNumber(details.ReplacedByNumber);
        ReplacedByNumber = replacement.Length == 0 ? null : replacement;
        _fits.Clear();
        _fits.AddRange(details.Fits
            .Select(f => new PartFitment(f.Kind, Blank(f.Brand), Blank(f.Model)))
            .Distinct());
    }

    public void SetActive(bool active) => IsActive = active;

    public bool FitsAsset(AssetKind kind, string? brand, string? model) =>
        _fits.Count == 0 || _fits.Any(f => f.Matches(kind, brand, model));

    /// <summary>Checks the rules a save must meet; the number's uniqueness is the database's to check.</summary>
    public static IReadOnlyList<FieldError> Check(PartDetails details)
    {
        var errors = new List<FieldError>();
        var number = NormalizeNumber(details.Number);
        if (number.Length == 0)
        {
            errors.Add(new FieldError("part.number_required", nameof(details.Number)));
        }
        else if (number.Length > NumberMaxLength)
        {
            errors.Add(new FieldError("part.number_too_long", nameof(details.Number)));
        }

        if (string.IsNullOrWhiteSpace(details.NameZh) && string.IsNullOrWhiteSpace(details.NameEn))
        {
            errors.Add(new FieldError("part.name_required", nameof(details.NameZh)));
        }

        if (details.ListPrice < 0)
        {
            errors.Add(new FieldError("part.price_negative", nameof(details.ListPrice)));
        }

        if (details.Cost < 0)
        {
            errors.Add(new FieldError("part.cost_negative", nameof(details.Cost)));
        }

        var replacement = NormalizeNumber(details.ReplacedByNumber);
        if (replacement.Length > 0 && replacement == number)
        {
            errors.Add(new FieldError("part.replaces_itself", nameof(details.ReplacedByNumber)));
        }

        return errors;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
