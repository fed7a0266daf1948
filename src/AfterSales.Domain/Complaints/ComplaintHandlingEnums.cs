namespace AfterSales.Domain.Complaints;

/// <summary>What a line of the investigation log (调查记录) records.</summary>
public enum ComplaintLogKind
{
    Note,
    CustomerContact,
    OnSiteCheck,
    RepairOrder,
    PartsIssue,
    QcRecord,

    /// <summary>Written by the complaint itself when it changes hands; not for staff to add.</summary>
    Assignment,

    /// <summary>Written at intake when an urgency rule raised the urgency: the rule (a resource key) and the words it found.</summary>
    UrgencyRule,

    /// <summary>Written on both complaints when one is merged into the other as its duplicate: the reason, and the other's number.</summary>
    Merge,
}

/// <summary>How a contact with the customer went.</summary>
public enum ContactOutcome
{
    Reached,
    NoAnswer,
    CallbackRequested,
    CustomerAgreed,
    CustomerDisagreed,
}

/// <summary>One kind of step of a resolution plan (处理方案).</summary>
public enum ResolutionActionKind
{
    ReRepair,
    PartReplacement,
    TechnicalHelp,
    FeeReduction,
    Refund,
    Voucher,
    Points,
    Explanation,
    Escalation,
}

/// <summary>How the round of handling ended with the customer.</summary>
public enum CustomerResponse
{
    Accepted,
    Declined,

    /// <summary>The company decided without the customer's agreement, with its reason (最终处理决定).</summary>
    FinalDecision,
}

public static class ResolutionActions
{
    /// <summary>Actions that are money or money's worth to the customer and so must state an amount.</summary>
    public static bool IsMoney(ResolutionActionKind kind) => kind switch
    {
        ResolutionActionKind.FeeReduction or ResolutionActionKind.Refund or ResolutionActionKind.Voucher or ResolutionActionKind.Points => true,
        ResolutionActionKind.ReRepair or ResolutionActionKind.PartReplacement or ResolutionActionKind.TechnicalHelp
            or ResolutionActionKind.Explanation or ResolutionActionKind.Escalation => false,
    };
}
