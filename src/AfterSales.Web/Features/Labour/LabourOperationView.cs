using System.Globalization;
using AfterSales.Domain.Labour;
using AfterSales.Domain.Service;

namespace AfterSales.Web.Features.Labour;

/// <summary>A catalogue entry; <see cref="Name"/> is in the reader's language.</summary>
public sealed record LabourOperationView(
    Guid Id,
    Guid StoreId,
    string Code,
    string NameZh,
    string NameEn,
    string Name,
    WorkshopSkill Skill,
    decimal StandardHours,
    bool IsActive,
    int Version)
{
    public static LabourOperationView From(LabourOperation o) =>
        new(o.Id, o.StoreId, o.Code, o.NameZh, o.NameEn, o.NameFor(CultureInfo.CurrentUICulture.Name), o.Skill, o.StandardHours, o.IsActive, o.Version);
}

public sealed record ServiceSettingsView(Guid StoreId, decimal LabourRate, decimal TaxRate, IReadOnlyList<DiscountLimit> DiscountLimits, int Version, decimal SettlementTolerancePercent = ServiceSettings.DefaultSettlementTolerancePercent)
{
    public static ServiceSettingsView From(ServiceSettings s) => new(s.StoreId, s.LabourRate, s.TaxRate, s.DiscountLimits.ToList(), s.Version, s.SettlementTolerancePercent);
}
