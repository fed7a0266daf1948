namespace AfterSales.Domain.RepairOrders;

/// <summary>
/// The repair order's states from reception (接车) to delivery (交车). After <see cref="Signed"/> the order
/// follows its jobs (<see cref="RepairJobLifecycle"/>): the first job started puts it in the workshop, the last
/// job checked sends it to final inspection. Stored by name.
/// </summary>
public enum RepairOrderStatus
{
    Draft,
    AwaitingSignature,

    // The customer's signature, not a numeric type: the word of the trade is kept.
#pragma warning disable CA1720
    Signed,
#pragma warning restore CA1720
    InWorkshop,

    /// <summary>Every job done and checked by its team lead; waiting for QC's final inspection (终检).</summary>
    FinalInspection,

    /// <summary>Final inspection passed; the handover (wash, parking spot, checklist) is being prepared.</summary>
    Inspected,

    /// <summary>Handed over internally and the customer told: waiting for the walk-through and settlement.</summary>
    ReadyForDelivery,
    Delivered,
    Cancelled,
}

public enum RepairOrderTrigger
{
    SubmitForSignature,
    Sign,
    Reopen,
    Cancel,
    StartWork,
    CompleteWork,
    PassFinalInspection,
    FailFinalInspection,
    MarkReady,
    Deliver,
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
    public const string NotSigned = "repair_order.not_signed";
    public const string NotInWorkshop = "repair_order.not_in_workshop";
    public const string NotAwaitingFinalInspection = "repair_order.not_awaiting_final_inspection";
    public const string NotInspected = "repair_order.not_inspected";
    public const string NotReadyForDelivery = "repair_order.not_ready_for_delivery";
    public const string WorkStarted = "repair_order.work_started";
    public const string Delivered = "repair_order.delivered";

    public static RepairOrderMove Decide(RepairOrderStatus state, RepairOrderTrigger trigger) => state switch
    {
        RepairOrderStatus.Draft => trigger switch
        {
            RepairOrderTrigger.SubmitForSignature => RepairOrderMove.Allow(RepairOrderStatus.AwaitingSignature),
            RepairOrderTrigger.Sign => RepairOrderMove.Refuse(NotAwaitingSignature),
            RepairOrderTrigger.Reopen => RepairOrderMove.Refuse(AlreadyDraft),
            RepairOrderTrigger.Cancel => RepairOrderMove.Allow(RepairOrderStatus.Cancelled),
            RepairOrderTrigger.StartWork => RepairOrderMove.Refuse(NotSigned),
            RepairOrderTrigger.CompleteWork => RepairOrderMove.Refuse(NotInWorkshop),
            RepairOrderTrigger.PassFinalInspection or RepairOrderTrigger.FailFinalInspection => RepairOrderMove.Refuse(NotAwaitingFinalInspection),
            RepairOrderTrigger.MarkReady => RepairOrderMove.Refuse(NotInspected),
            RepairOrderTrigger.Deliver => RepairOrderMove.Refuse(NotReadyForDelivery),
        },
        RepairOrderStatus.AwaitingSignature => trigger switch
        {
            RepairOrderTrigger.SubmitForSignature => RepairOrderMove.Refuse(AlreadyAwaitingSignature),
            RepairOrderTrigger.Sign => RepairOrderMove.Allow(RepairOrderStatus.Signed),
            RepairOrderTrigger.Reopen => RepairOrderMove.Allow(RepairOrderStatus.Draft),
            RepairOrderTrigger.Cancel => RepairOrderMove.Allow(RepairOrderStatus.Cancelled),
            RepairOrderTrigger.StartWork => RepairOrderMove.Refuse(NotSigned),
            RepairOrderTrigger.CompleteWork => RepairOrderMove.Refuse(NotInWorkshop),
            RepairOrderTrigger.PassFinalInspection or RepairOrderTrigger.FailFinalInspection => RepairOrderMove.Refuse(NotAwaitingFinalInspection),
            RepairOrderTrigger.MarkReady => RepairOrderMove.Refuse(NotInspected),
            RepairOrderTrigger.Deliver => RepairOrderMove.Refuse(NotReadyForDelivery),
        },

        // A signed order changes only by going back to draft: the change then needs a new signature.
        RepairOrderStatus.Signed => trigger switch
        {
            RepairOrderTrigger.SubmitForSignature or RepairOrderTrigger.Sign => RepairOrderMove.Refuse(AlreadySigned),
            RepairOrderTrigger.Reopen => RepairOrderMove.Allow(RepairOrderStatus.Draft),
            RepairOrderTrigger.Cancel => RepairOrderMove.Allow(RepairOrderStatus.Cancelled),
            RepairOrderTrigger.StartWork => RepairOrderMove.Allow(RepairOrderStatus.InWorkshop),
            RepairOrderTrigger.CompleteWork => RepairOrderMove.Refuse(NotInWorkshop),
            RepairOrderTrigger.PassFinalInspection or RepairOrderTrigger.FailFinalInspection => RepairOrderMove.Refuse(NotAwaitingFinalInspection),
            RepairOrderTrigger.MarkReady => RepairOrderMove.Refuse(NotInspected),
            RepairOrderTrigger.Deliver => RepairOrderMove.Refuse(NotReadyForDelivery),
        },

        // Once work has started the signed text stands: further work comes as extra jobs the customer approves.
        RepairOrderStatus.InWorkshop => trigger switch
        {
            RepairOrderTrigger.SubmitForSignature or RepairOrderTrigger.Sign => RepairOrderMove.Refuse(AlreadySigned),
            RepairOrderTrigger.Reopen or RepairOrderTrigger.Cancel => RepairOrderMove.Refuse(WorkStarted),
            RepairOrderTrigger.StartWork => RepairOrderMove.Refuse(WorkStarted),
            RepairOrderTrigger.CompleteWork => RepairOrderMove.Allow(RepairOrderStatus.FinalInspection),
            RepairOrderTrigger.PassFinalInspection or RepairOrderTrigger.FailFinalInspection => RepairOrderMove.Refuse(NotAwaitingFinalInspection),
            RepairOrderTrigger.MarkReady => RepairOrderMove.Refuse(NotInspected),
            RepairOrderTrigger.Deliver => RepairOrderMove.Refuse(NotReadyForDelivery),
        },
        RepairOrderStatus.FinalInspection => trigger switch
        {
            RepairOrderTrigger.SubmitForSignature or RepairOrderTrigger.Sign => RepairOrderMove.Refuse(AlreadySigned),
            RepairOrderTrigger.Reopen or RepairOrderTrigger.Cancel or RepairOrderTrigger.StartWork => RepairOrderMove.Refuse(WorkStarted),
            RepairOrderTrigger.CompleteWork => RepairOrderMove.Refuse(NotInWorkshop),
            RepairOrderTrigger.PassFinalInspection => RepairOrderMove.Allow(RepairOrderStatus.Inspected),
            RepairOrderTrigger.FailFinalInspection => RepairOrderMove.Allow(RepairOrderStatus.InWorkshop),
            RepairOrderTrigger.MarkReady => RepairOrderMove.Refuse(NotInspected),
            RepairOrderTrigger.Deliver => RepairOrderMove.Refuse(NotReadyForDelivery),
        },
        RepairOrderStatus.Inspected => trigger switch
        {
            RepairOrderTrigger.SubmitForSignature or RepairOrderTrigger.Sign => RepairOrderMove.Refuse(AlreadySigned),
            RepairOrderTrigger.Reopen or RepairOrderTrigger.Cancel or RepairOrderTrigger.StartWork => RepairOrderMove.Refuse(WorkStarted),
            RepairOrderTrigger.CompleteWork => RepairOrderMove.Refuse(NotInWorkshop),
            RepairOrderTrigger.PassFinalInspection or RepairOrderTrigger.FailFinalInspection => RepairOrderMove.Refuse(NotAwaitingFinalInspection),
            RepairOrderTrigger.MarkReady => RepairOrderMove.Allow(RepairOrderStatus.ReadyForDelivery),
            RepairOrderTrigger.Deliver => RepairOrderMove.Refuse(NotReadyForDelivery),
        },
        RepairOrderStatus.ReadyForDelivery => trigger switch
        {
            RepairOrderTrigger.SubmitForSignature or RepairOrderTrigger.Sign => RepairOrderMove.Refuse(AlreadySigned),
            RepairOrderTrigger.Reopen or RepairOrderTrigger.Cancel or RepairOrderTrigger.StartWork => RepairOrderMove.Refuse(WorkStarted),
            RepairOrderTrigger.CompleteWork => RepairOrderMove.Refuse(NotInWorkshop),
            RepairOrderTrigger.PassFinalInspection or RepairOrderTrigger.FailFinalInspection => RepairOrderMove.Refuse(NotAwaitingFinalInspection),
            RepairOrderTrigger.MarkReady => RepairOrderMove.Refuse(NotInspected),
            RepairOrderTrigger.Deliver => RepairOrderMove.Allow(RepairOrderStatus.Delivered),
        },
        RepairOrderStatus.Delivered => trigger switch
        {
            RepairOrderTrigger.SubmitForSignature or RepairOrderTrigger.Sign or RepairOrderTrigger.Reopen or RepairOrderTrigger.Cancel
                or RepairOrderTrigger.StartWork or RepairOrderTrigger.CompleteWork or RepairOrderTrigger.PassFinalInspection
                or RepairOrderTrigger.FailFinalInspection or RepairOrderTrigger.MarkReady or RepairOrderTrigger.Deliver => RepairOrderMove.Refuse(Delivered),
        },
        RepairOrderStatus.Cancelled => trigger switch
        {
            RepairOrderTrigger.SubmitForSignature or RepairOrderTrigger.Sign or RepairOrderTrigger.Reopen or RepairOrderTrigger.Cancel
                or RepairOrderTrigger.StartWork or RepairOrderTrigger.CompleteWork or RepairOrderTrigger.PassFinalInspection
                or RepairOrderTrigger.FailFinalInspection or RepairOrderTrigger.MarkReady or RepairOrderTrigger.Deliver => RepairOrderMove.Refuse(Cancelled),
        },
    };

    public static IReadOnlyList<RepairOrderTrigger> PermittedTriggers(RepairOrderStatus state) =>
        Enum.GetValues<RepairOrderTrigger>().Where(t => Decide(state, t).IsAllowed).ToList();

    /// <summary>Jobs, prices, terms and the check-in change only on a draft; the signed text stays as signed.</summary>
    public static bool IsEditable(RepairOrderStatus state) => state switch
    {
        RepairOrderStatus.Draft => true,
        RepairOrderStatus.AwaitingSignature or RepairOrderStatus.Signed or RepairOrderStatus.InWorkshop or RepairOrderStatus.FinalInspection
            or RepairOrderStatus.Inspected or RepairOrderStatus.ReadyForDelivery or RepairOrderStatus.Delivered or RepairOrderStatus.Cancelled => false,
    };

    /// <summary>Jobs are dispatched and worked only on a signed order that has not yet passed final inspection.</summary>
    public static bool IsInWork(RepairOrderStatus state) => state switch
    {
        RepairOrderStatus.Signed or RepairOrderStatus.InWorkshop or RepairOrderStatus.FinalInspection => true,
        RepairOrderStatus.Draft or RepairOrderStatus.AwaitingSignature or RepairOrderStatus.Inspected or RepairOrderStatus.ReadyForDelivery
            or RepairOrderStatus.Delivered or RepairOrderStatus.Cancelled => false,
    };
}
