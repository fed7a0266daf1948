using AfterSales.Domain.Assets;
using AfterSales.Domain.Parts;
using AfterSales.Domain.Staff;
using AfterSales.Web.Infrastructure;

namespace AfterSales.Web.Features.Parts;

public sealed record PartFitView(AssetKind Kind, string? Brand, string? Model);

/// <summary>A catalogue part; <see cref="ReplacedBy"/> names the part to use instead when this one is superseded.</summary>
public sealed record PartView(
    Guid Id,
    string Number,
    string NameZh,
    string NameEn,
    string Brand,
    PartCategory Category,
    PartUnit Unit,
    decimal ListPrice,
    decimal? Cost,
    string? ReplacedByNumber,
    PartSummary? ReplacedBy,
    IReadOnlyList<PartSummary> Replaces,
    IReadOnlyList<PartFitView> Fits,
    bool IsActive,
    int Version)
{
    public static PartView From(Part p, bool seesCost, PartSummary? replacedBy, IReadOnlyList<PartSummary> replaces) => new(
        p.Id,
        p.Number,
        p.NameZh,
        p.NameEn,
        p.Brand,
        p.Category,
        p.Unit,
        p.ListPrice,
        seesCost ? p.Cost : null,
        p.ReplacedByNumber,
        replacedBy,
        replaces,
        p.Fits.Select(f => new PartFitView(f.Kind, f.Brand, f.Model)).ToList(),
        p.IsActive,
        p.Version);
}

/// <summary>A part as a list row or a pick shows it.</summary>
public sealed record PartSummary(
    Guid Id,
    string Number,
    string NameZh,
    string NameEn,
    string Brand,
    PartCategory Category,
    PartUnit Unit,
    decimal ListPrice,
    string? ReplacedByNumber,
    bool IsActive)
{
    public static PartSummary From(Part p) => new(p.Id, p.Number, p.NameZh, p.NameEn, p.Brand, p.Category, p.Unit, p.ListPrice, p.ReplacedByNumber, p.IsActive);

    /// <summary>The name in the reader's language, falling back to the other one.</summary>
    public string Name(bool chinese) => chinese
        ? (NameZh.Length > 0 ? NameZh : NameEn)
        : (NameEn.Length > 0 ? NameEn : NameZh);
}

/// <summary>Who may change the catalogue and see purchase costs.</summary>
public static class PartRoles
{
    public static bool ManagesCatalogue(ICurrentUser user) =>
        user.IsInRole(StaffRole.PartsClerk) || user.IsInRole(StaffRole.ServiceManager) || user.IsInRole(StaffRole.Administrator);

    public static bool SeesCost(ICurrentUser user) => ManagesCatalogue(user) || user.IsInRole(StaffRole.WorkshopManager) || user.IsInRole(StaffRole.Cashier);
}
