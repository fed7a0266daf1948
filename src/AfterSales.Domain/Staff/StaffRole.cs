namespace AfterSales.Domain.Staff;

/// <summary>The staff roles of DOMAIN.md. Stored by name; the names are also the Identity role names.</summary>
public enum StaffRole
{
    ServiceAdvisor,
    CallCentreAgent,
    WorkshopManager,
    TeamLead,
    Technician,
    QcInspector,
    PartsClerk,
    Cashier,
    ComplaintSpecialist,
    ServiceManager,
    Administrator,
}

public static class StaffRoles
{
    public static IReadOnlyList<StaffRole> All { get; } = Enum.GetValues<StaffRole>();

    /// <summary>Roles that work across the whole dealer group rather than in their own stores.</summary>
    public static bool SpansGroup(StaffRole role) => role switch
    {
        StaffRole.Administrator => true,
        StaffRole.ServiceAdvisor or StaffRole.CallCentreAgent or StaffRole.WorkshopManager or StaffRole.TeamLead
            or StaffRole.Technician or StaffRole.QcInspector or StaffRole.PartsClerk or StaffRole.Cashier
            or StaffRole.ComplaintSpecialist or StaffRole.ServiceManager => false,
    };

    /// <summary>Roles that talk to customers and so see their full phone numbers and addresses.</summary>
    public static bool SeesFullContact(StaffRole role) => role switch
    {
        StaffRole.ServiceAdvisor or StaffRole.CallCentreAgent or StaffRole.ComplaintSpecialist
            or StaffRole.ServiceManager or StaffRole.Administrator => true,
        StaffRole.WorkshopManager or StaffRole.TeamLead or StaffRole.Technician or StaffRole.QcInspector
            or StaffRole.PartsClerk or StaffRole.Cashier => false,
    };

    // Enum.TryParse would also take numbers (" 1"), padded names and comma lists; a role claim must be an exact name.
    private static readonly Dictionary<string, StaffRole> ByName = All.ToDictionary(r => r.ToString(), StringComparer.Ordinal);

    public static bool TryParse(string? name, out StaffRole role) => ByName.TryGetValue(name ?? string.Empty, out role);
}
