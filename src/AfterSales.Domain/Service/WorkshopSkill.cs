namespace AfterSales.Domain.Service;

/// <summary>
/// The trades a workshop plans capacity by: appointment slots, labour operations and technicians all
/// name one. Stored by name.
/// </summary>
public enum WorkshopSkill
{
    Maintenance,
    Mechanical,
    Electrical,
    EvHighVoltage,
    BodyPaint,
    Appliance,
    Phone,
}
