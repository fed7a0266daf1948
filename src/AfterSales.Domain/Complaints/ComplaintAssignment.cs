using AfterSales.Domain.Staff;

namespace AfterSales.Domain.Complaints;

/// <summary>
/// An administrator's rule: complaints of this category (any when null) in this store (any when null) go to
/// this specialist and/or team. The most specific matching rule wins (store and category over store over category).
/// </summary>
public sealed class ComplaintAssignmentRule
{
    private ComplaintAssignmentRule()
    {
    }

    public Guid Id { get; private set; }

    public Guid? StoreId { get; private set; }

    public ComplaintCategory? Category { get; private set; }

    public Guid? SpecialistId { get; private set; }

    public Guid? TeamId { get; private set; }

    public int Version { get; private set; }

    public int Specificity => (StoreId is null ? 0 : 2) + (Category is null ? 0 : 1);

    public static ComplaintAssignmentRule Create(Guid? storeId, ComplaintCategory? category, Guid? specialistId, Guid? teamId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StoreId = storeId,
        Category = category,
        SpecialistId = specialistId,
        TeamId = teamId,
    };

    public bool Matches(Guid storeId, ComplaintCategory category) =>
        (StoreId is null || StoreId == storeId) && (Category is null || Category == category);

    /// <summary>The rule that decides, or null; ties between equally specific rules go to the oldest.</summary>
    public static ComplaintAssignmentRule? Pick(IEnumerable<ComplaintAssignmentRule> rules, Guid storeId, ComplaintCategory category) =>
        rules.Where(r => r.Matches(storeId, category)).OrderByDescending(r => r.Specificity).ThenBy(r => r.Id).FirstOrDefault();
}

/// <summary>A group of complaint handlers of one store; any member may work the team's complaints.</summary>
public sealed class ComplaintTeam
{
    public const int NameMaxLength = 100;

    private ComplaintTeam()
    {
    }

    public Guid Id { get; private set; }

    public Guid StoreId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public int Version { get; private set; }

    /// <summary>
    /// A team that handled complaints cannot disappear from their records: deleting it retires it instead. A retired
    /// team takes no new complaints and is not offered anywhere; its name and members stay for the closed complaints.
    /// </summary>
    public bool IsRetired { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    public static ComplaintTeam Create(Guid storeId, string name, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StoreId = storeId,
        Name = name.Trim(),
    };

    /// <summary>A new name or new members: the team's row changes either way, so its version tells editors apart.</summary>
    public void Change(string name, DateTimeOffset now)
    {
        Name = name.Trim();
        UpdatedAt = now;
    }

    public void Retire(DateTimeOffset now)
    {
        IsRetired = true;
        UpdatedAt = now;
    }
}

public sealed class ComplaintTeamMember
{
    public Guid TeamId { get; set; }

    public Guid UserId { get; set; }
}

/// <summary>How much compensation (CNY) a role may grant without someone else's approval; configurable per role.</summary>
public sealed class ComplaintApprovalLimit
{
    private ComplaintApprovalLimit()
    {
    }

    public StaffRole Role { get; private set; }

    public decimal MaxAmount { get; private set; }

    public int Version { get; private set; }

    public static ComplaintApprovalLimit For(StaffRole role, decimal maxAmount) => new() { Role = role, MaxAmount = maxAmount };

    public void Change(decimal maxAmount) => MaxAmount = maxAmount;

    /// <summary>Until an administrator sets them: a specialist grants small goodwill, the service manager more, the group the rest.</summary>
    public static decimal Default(StaffRole role) => role switch
    {
        StaffRole.ComplaintSpecialist => 500m,
        StaffRole.ServiceManager => 5_000m,
        StaffRole.Administrator => 50_000m,
        StaffRole.ServiceAdvisor or StaffRole.CallCentreAgent or StaffRole.WorkshopManager or StaffRole.TeamLead or StaffRole.Technician
            or StaffRole.QcInspector or StaffRole.PartsClerk or StaffRole.Cashier => 0m,
    };

    /// <summary>A user's limit is the highest of their roles' limits.</summary>
    public static decimal LimitOf(IEnumerable<StaffRole> roles, IReadOnlyDictionary<StaffRole, decimal> configured) =>
        roles.Select(r => configured.TryGetValue(r, out var set) ? set : Default(r)).DefaultIfEmpty(0m).Max();
}
