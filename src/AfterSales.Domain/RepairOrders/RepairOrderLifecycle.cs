namespace AfterSales.Domain.RepairOrders;

/// <summary>
/// The repair order's states so far (接车 to signature). The workshop steps of issue 4 add states after
/// <see cref="Signed"/>; jobs will carry their own states. Stored by name.
/// </summary>
public enum RepairOrderStatus
{
    Draft,
    AwaitingSignature,

    // The customer's signature, not a numeric type: the word of the trade is kept.
#pragma warning disable CA1720
    Signed,
#pragma warning restore CA1720
    Cancelled,
}

public enum RepairOrderTrigger
{
    SubmitForSignature,
    Sign,
    Reopen,
    Cancel,
}

/// <summary>The answer of the transition table: the state to move to, or the code of the refusal.</summary>
public readonly record struct RepairOrderMove(RepairOrderStatus? To, string? RefusalCode)
{
    public bool IsAllowed => To is not null;

    internal static RepairOrderMove Allow(RepairOrderStatus to) => new(to, null);

    internal static RepairOrderMove Refuse(string code) => new(null, code);
}

/// <summary>
/// The one transition table of a repair order. Every state lists every trigger without a discard arm, so
/// a new state or trigger does not compile (CS8509) until its moves are decided everywhere.
/// </summary>
public static class RepairOrderLifecycle
{
    public const string NotAwaitingSignature = "repair_order.not_awaiting_signature";
    public const string AlreadyAwaitingSignature = "repair_order.already_awaiting_signature";
    public const string AlreadySigned = "repair_order.already_signed";
    public const string AlreadyDraft = "repair_order.already_draft";
    public const string Cancelled = "repair_order.cancelled";
    public const string NotEditable = "repair_order.not_editable";

    public static RepairOrderMove Decide(RepairOrderStatus state, RepairOrderTrigger trigger) => state switch
    {
        RepairOrderStatus.Draft => trigger switch
        {
            RepairOrderTrigger.SubmitForSignature => RepairOrderMove.Allow(RepairOrderStatus.AwaitingSignature),
            RepairOrderTrigger.Sign => RepairOrderMove.Refuse(NotAwaitingSignature),
            RepairOrderTrigger.Reopen => RepairOrderMove.Refuse(AlreadyDraft),
            RepairOrderTrigger.Cancel => RepairOrderMove.Allow(RepairOrderStatus.Cancelled),
        },
        RepairOrderStatus.AwaitingSignature => trigger switch
        {
            RepairOrderTrigger.SubmitForSignature => RepairOrderMove.Refuse(AlreadyAwaitingSignature),
            RepairOrderTrigger.Sign => RepairOrderMove.Allow(RepairOrderStatus.Signed),
            RepairOrderTrigger.Reopen => RepairOrderMove.Allow(RepairOrderStatus.Draft),
            RepairOrderTrigger.Cancel => RepairOrderMove.Allow(RepairOrderStatus.Cancelled),
        },

        // A signed order changes only by going back to draft: the change then needs a new signature.
        RepairOrderStatus.Signed => trigger switch
        {
            RepairOrderTrigger.SubmitForSignature or RepairOrderTrigger.Sign => RepairOrderMove.Refuse(AlreadySigned),
            RepairOrderTrigger.Reopen => RepairOrderMove.Allow(RepairOrderStatus.Draft),
            RepairOrderTrigger.Cancel => RepairOrderMove.Allow(RepairOrderStatus.Cancelled),
        },
        RepairOrderStatus.Cancelled => trigger switch
        {
            RepairOrderTrigger.SubmitForSignature or RepairOrderTrigger.Sign or RepairOrderTrigger.Reopen or RepairOrderTrigger.Cancel => RepairOrderMove.Refuse(Cancelled),
        },
    };

    public static IReadOnlyList<RepairOrderTrigger> PermittedTriggers(RepairOrderStatus state) =>
        Enum.GetValues<RepairOrderTrigger>().Where(t => Decide(state, t).IsAllowed).ToList();

    /// <summary>Jobs, prices, terms and the check-in change only on a draft; the signed text stays as signed.</summary>
    public static bool IsEditable(RepairOrderStatus state) => state switch
    {
        RepairOrderStatus.Draft => true,
        RepairOrderStatus.AwaitingSignature or RepairOrderStatus.Signed or RepairOrderStatus.Cancelled => false,
    };
}
