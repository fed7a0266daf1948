using AfterSales.Domain.RepairOrders;
using FluentValidation;

namespace AfterSales.Web.Features.RepairOrders;

/// <summary>The walk-around as the check-in screen sends it.</summary>
public sealed record CheckInRequest(
    int? MileageKm = null,
    int? EnergyLevelPercent = null,
    string? Valuables = null,
    bool? SpareTyrePresent = null,
    bool? ToolsPresent = null,
    bool CoversFitted = false,
    string? ConditionNotes = null,
    IReadOnlyList<DamageMark>? DamageMarks = null)
{
    public CheckInDetails ToDetails() => new(MileageKm, EnergyLevelPercent, Valuables, SpareTyrePresent, ToolsPresent, CoversFitted, ConditionNotes, DamageMarks ?? []);
}

internal sealed class CheckInRequestValidator : AbstractValidator<CheckInRequest>
{
    public CheckInRequestValidator()
    {
        RuleFor(x => x.MileageKm).InclusiveBetween(0, CheckInDetails.MaxMileageKm).WithErrorCode("repair_order.mileage_invalid");
        RuleFor(x => x.EnergyLevelPercent).InclusiveBetween(0, 100).WithErrorCode("repair_order.energy_level_invalid");
        RuleFor(x => x.Valuables).MaximumLength(CheckInDetails.TextMaxLength);
        RuleFor(x => x.ConditionNotes).MaximumLength(CheckInDetails.TextMaxLength);
        RuleFor(x => x.DamageMarks).Must(m => m is null || m.Count <= CheckInDetails.MaxMarks).WithErrorCode("repair_order.too_many_marks");
        RuleForEach(x => x.DamageMarks).ChildRules(mark =>
        {
            mark.RuleFor(m => m.Zone).IsInEnum();
            mark.RuleFor(m => m.Kind).IsInEnum();
            mark.RuleFor(m => m.Note).MaximumLength(CheckInDetails.NoteMaxLength);
        });
    }
}
