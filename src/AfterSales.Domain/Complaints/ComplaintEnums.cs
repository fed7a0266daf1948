namespace AfterSales.Domain.Complaints;

/// <summary>Where the complaint came in (受理渠道).</summary>
public enum ComplaintChannel
{
    Hotline,
    OnlineApp,
    WeChat,
    Email,
    WalkIn,
    SocialMedia,
    FollowUpCall,
    Other,
}

public enum ComplaintCategory
{
    RepairQuality,
    Parts,
    StaffAttitude,
    ServiceProcess,
    Fees,
    Other,
}

/// <summary>Critical: a safety risk, a media or legal threat.</summary>
public enum ComplaintUrgency
{
    Critical,
    High,
    Normal,
    Low,
}

/// <summary>Who is (or is first thought to be) responsible; the same scale the analysis step uses later.</summary>
public enum Responsibility
{
    TechnicianError,
    PartDefect,
    Communication,
    CustomerMisuse,
    ProcessFlaw,
    None,
}

/// <summary>Why a complaint counts as a repeat (重复投诉): what it shares with the earlier one.</summary>
public enum RepeatBasis
{
    Asset,
    Customer,
    Phone,
}
