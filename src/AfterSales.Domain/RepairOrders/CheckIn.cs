namespace AfterSales.Domain.RepairOrders;

/// <summary>Where on the vehicle's top view a damage mark sits. Stored by name.</summary>
public enum VehicleZone
{
    FrontBumper,
    Bonnet,
    Windscreen,
    Roof,
    RearWindow,
    Boot,
    RearBumper,
    FrontLeftWing,
    FrontLeftDoor,
    RearLeftDoor,
    RearLeftWing,
    FrontRightWing,
    FrontRightDoor,
    RearRightDoor,
    RearRightWing,
    LeftMirror,
    RightMirror,
    FrontLeftWheel,
    FrontRightWheel,
    RearLeftWheel,
    RearRightWheel,
}

public enum DamageKind
{
    Scratch,
    Dent,
    Crack,
    Chip,
    Missing,
    Other,
}

/// <summary>One existing damage found at the walk-around, marked on the diagram, with a note.</summary>
public sealed record DamageMark(VehicleZone Zone, DamageKind Kind, string? Note);

/// <summary>
/// The walk-around inspection at reception (环车检查). Vehicles get marks on the diagram; appliances and
/// phones get their condition described in <see cref="ConditionNotes"/>.
/// </summary>
public sealed record CheckInDetails(
    int? MileageKm,
    int? EnergyLevelPercent,
    string? Valuables,
    bool? SpareTyrePresent,
    bool? ToolsPresent,
    bool CoversFitted,
    string? ConditionNotes,
    IReadOnlyList<DamageMark> DamageMarks)
{
    public const int NoteMaxLength = 200;
    public const int TextMaxLength = 1000;
    public const int MaxMarks = 50;
    public const int MaxMileageKm = 3_000_000;
}
