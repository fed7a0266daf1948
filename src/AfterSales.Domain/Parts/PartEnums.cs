namespace AfterSales.Domain.Parts;

/// <summary>Catalogue groups, as the parts counter and the reports group them.</summary>
public enum PartCategory
{
    Filter,
    Fluid,
    Brake,
    Suspension,
    Electrical,
    Engine,
    Body,
    Tyre,
    HighVoltage,
    Appliance,
    Phone,
    Accessory,
    Other,
}

/// <summary>How a part is counted and sold.</summary>
public enum PartUnit
{
    Piece,
    Set,
    Pair,
    Litre,
    Metre,
    Kit,
}
