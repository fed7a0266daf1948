using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Features.RepairOrders;

namespace AfterSales.Web.Components.Pages.RepairOrders;

/// <summary>The walk-around as the check-in screen edits it.</summary>
public sealed class CheckInForm
{
    public int? MileageKm { get; set; }

    public int? EnergyLevelPercent { get; set; }

    public string? Valuables { get; set; }

    public bool? SpareTyrePresent { get; set; }

    public bool? ToolsPresent { get; set; }

    public bool CoversFitted { get; set; }

    public string? ConditionNotes { get; set; }

    public List<MarkForm> Marks { get; } = [];

    public static CheckInForm From(CheckInView view)
    {
        var form = new CheckInForm
        {
            MileageKm = view.MileageKm,
            EnergyLevelPercent = view.EnergyLevelPercent,
            Valuables = view.Valuables,
            SpareTyrePresent = view.SpareTyrePresent,
            ToolsPresent = view.ToolsPresent,
            CoversFitted = view.CoversFitted,
            ConditionNotes = view.ConditionNotes,
        };
        form.Marks.AddRange(view.DamageMarks.Select(m => new MarkForm { Zone = m.Zone, Kind = m.Kind, Note = m.Note }));
        return form;
    }

    public CheckInRequest ToRequest() =>
        new(MileageKm, EnergyLevelPercent, Valuables, SpareTyrePresent, ToolsPresent, CoversFitted, ConditionNotes, Marks.Select(m => new DamageMark(m.Zone, m.Kind, m.Note)).ToList());
}

public sealed class MarkForm
{
    public VehicleZone Zone { get; set; }

    public DamageKind Kind { get; set; } = DamageKind.Scratch;

    public string? Note { get; set; }
}
