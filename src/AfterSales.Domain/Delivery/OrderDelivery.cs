using AfterSales.Domain.Common;
using AfterSales.Domain.Labour;
using AfterSales.Domain.RepairOrders;

namespace AfterSales.Domain.Delivery;

/// <summary>The internal handover checklist (交车前内部检查) that must be complete before the customer is told the car is ready.</summary>
public sealed record HandoverChecklist(bool WashDone, string ParkingSpot, bool AllJobsChecked, bool FaultGone, bool OldPartsReady, bool Clean, bool NoToolsLeft);

/// <summary>One payment towards a settlement; cash records what was tendered and the change given back.</summary>
public sealed class SettlementPayment
{
    public const int ReferenceMaxLength = 100;

    private SettlementPayment()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrderDeliveryId { get; private set; }

    public PaymentMethod Method { get; private set; }

    public decimal Amount { get; private set; }

    public decimal? Tendered { get; private set; }

    public decimal Change { get; private set; }

    public string? Reference { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string RecordedByName { get; private set; } = string.Empty;

    internal static SettlementPayment Record(Guid deliveryId, PaymentMethod method, decimal amount, decimal? tendered, string? reference, string by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrderDeliveryId = deliveryId,
        Method = method,
        Amount = amount,
        Tendered = tendered,
        Change = tendered is { } t ? t - amount : 0m,
        Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(),
        At = now,
        RecordedByName = by,
    };
}

/// <summary>
/// Everything that happens to a repair order after final inspection (交车 / 结算), one row per order: the handover
/// checklist, the settlement statement with its discount, the customer's approval of a difference from the
/// signed estimate, the payments and the invoice number, the walk-through with the customer's acknowledgement
/// of declined safety items, and the gate pass (出门证) that the gate may use once. The order's own status
/// moves (MarkReady, Deliver) are made by the caller on <see cref="RepairOrder"/> in the same save.
/// </summary>
public sealed class OrderDelivery
{
    public const int ParkingSpotMaxLength = 30;
    public const int NameMaxLength = 50;
    public const int ReasonMaxLength = 200;
    public const int InvoiceNumberLength = 20;
    public const int GatePassCodeLength = 22;
    public const string NotReady = "delivery.not_ready_for_settlement";
    public const string AlreadySettled = "settlement.already_settled";

    /// <summary>A job's pay type is still "pending decision": nobody would be billed for it.</summary>
    public const string PayTypePending = "settlement.pay_type_pending";

    private readonly List<SettlementPayment> _payments = [];

    private OrderDelivery()
    {
    }

    public Guid Id { get; private set; }

    public Guid RepairOrderId { get; private set; }

    public Guid StoreId { get; private set; }

    // Handover (交车准备)
    public bool WashDone { get; private set; }

    public string? ParkingSpot { get; private set; }

    public DateTimeOffset? HandedOverAt { get; private set; }

    public string? HandedOverByName { get; private set; }

    // Settlement (结算)
    /// <summary>The discount of the settlement in percent of the customer-paid amount; starts as the order's signed discount.</summary>
    public decimal DiscountPercent { get; private set; }

    public string? DiscountReason { get; private set; }

    public string? DiscountByName { get; private set; }

    /// <summary>What the customer was to pay by the signed estimate (the current signature's snapshot).</summary>
    public decimal EstimateTotal { get; private set; }

    /// <summary>The amount the customer approved when the final bill went beyond the store's tolerance.</summary>
    public decimal? ApprovedTotal { get; private set; }

    public string? ApprovedBySigner { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public string? InvoiceNumber { get; private set; }

    public DateTimeOffset? SettledAt { get; private set; }

    /// <summary>Left to the company's account (挂账) when the settlement closed.</summary>
    public decimal OnAccount { get; private set; }

    // The buyer's invoice details (发票抬头), for the 发票 issued on the tax platform.
    public InvoiceKind? InvoiceKind { get; private set; }

    public string? InvoiceBuyerName { get; private set; }

    public string? InvoiceTaxId { get; private set; }

    public string? InvoiceEmail { get; private set; }

    public string? InvoiceAddressPhone { get; private set; }

    public string? InvoiceBankAccount { get; private set; }

    public string? InvoiceDetailsByName { get; private set; }

    public DateTimeOffset? InvoiceDetailsAt { get; private set; }

    public InvoiceDetails? Invoice => InvoiceKind is { } kind && InvoiceBuyerName is { } buyer
        ? new InvoiceDetails(kind, buyer, InvoiceTaxId, InvoiceEmail, InvoiceAddressPhone, InvoiceBankAccount)
        : null;

    public IReadOnlyList<SettlementPayment> Payments => _payments;

    // Walk-through (交车说明)
    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public string? AcknowledgedBySigner { get; private set; }

    public byte[]? AcknowledgementPng { get; private set; }

    public DateOnly? NextServiceDate { get; private set; }

    public int? NextServiceMileageKm { get; private set; }

    // Gate pass (出门证)
    public string? GatePassCode { get; private set; }

    public DateTimeOffset? GatePassIssuedAt { get; private set; }

    public DateTimeOffset? GatePassUsedAt { get; private set; }

    public string? GatePassUsedByName { get; private set; }

    public int Version { get; private set; }

    public bool IsSettled => SettledAt is not null;

    public decimal Paid => _payments.Where(p => p.Method != PaymentMethod.Account).Sum(p => p.Amount);

    public static OrderDelivery Start(RepairOrder order, decimal estimateTotal, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RepairOrderId = order.Id,
        StoreId = order.StoreId,
        DiscountPercent = order.DiscountPercent,
        DiscountReason = order.DiscountReason,
        DiscountByName = order.DiscountApprovedByName,
        EstimateTotal = Amounts.Round(estimateTotal),
    };

    /// <summary>The totals of the agreed work with this settlement's discount, per pay type.</summary>
    public RepairOrderTotals Totals(RepairOrder order) => RepairOrderTotals.Of(order, DiscountPercent);

    /// <summary>Customer pay minus everything received or left on account.</summary>
    public decimal Outstanding(RepairOrder order) => Totals(order).CustomerPays - _payments.Sum(p => p.Amount);

    /// <summary>
    /// Records the buyer's invoice details, before or after the bill is paid (the 发票 is issued from them), while the car
    /// is ready or delivered; a correction replaces them and the audit keeps the earlier ones.
    /// </summary>
    public FieldError? SetInvoiceDetails(RepairOrder order, InvoiceDetails details, RepairOrderActor by, DateTimeOffset now)
    {
        if (order.Status is not (RepairOrderStatus.ReadyForDelivery or RepairOrderStatus.Delivered))
        {
            return new FieldError(NotReady);
        }

        InvoiceKind = details.Kind;
        InvoiceBuyerName = details.BuyerName;
        InvoiceTaxId = details.TaxId;
        InvoiceEmail = details.Email;
        InvoiceAddressPhone = details.AddressPhone;
        InvoiceBankAccount = details.BankAccount;
        InvoiceDetailsByName = by.UserName;
        InvoiceDetailsAt = now;
        return null;
    }

    /// <summary>Whether the final bill exceeds the signed estimate by more than the tolerance and the customer has not approved this amount.</summary>
    public bool NeedsApproval(RepairOrder order, decimal tolerancePercent)
    {
        var due = Totals(order).CustomerPays;
        var allowed = Amounts.Round(EstimateTotal * (1 + tolerancePercent / 100m));
        return due > allowed && ApprovedTotal != due;
    }

    /// <summary>Internal handover done: the order is marked ready on <paramref name="order"/> by the same call.</summary>
    public FieldError? CompleteHandover(RepairOrder order, HandoverChecklist list, RepairOrderActor by, DateTimeOffset now)
    {
        if (order.FreeWash && !list.WashDone)
        {
            return new FieldError("delivery.wash_required", nameof(list.WashDone));
        }

        if (string.IsNullOrWhiteSpace(list.ParkingSpot))
        {
            return new FieldError("delivery.parking_spot_required", nameof(list.ParkingSpot));
        }

        if (!(list.AllJobsChecked && list.FaultGone && list.OldPartsReady && list.Clean && list.NoToolsLeft))
        {
            return new FieldError("delivery.checklist_incomplete", "Checklist");
        }

        if (order.Jobs.Any(j => j.IsAgreed && j.Status != RepairJobStatus.Checked))
        {
            return new FieldError("delivery.jobs_not_checked");
        }

        var refusal = order.MarkReady(by, list.ParkingSpot.Trim(), now);
        if (refusal is not null)
        {
            return refusal;
        }

        WashDone = list.WashDone;
        ParkingSpot = list.ParkingSpot.Trim();
        HandedOverAt = now;
        HandedOverByName = by.UserName;
        return null;
    }

    /// <summary>Changes the settlement's discount; within the actor's role limit, and only before any payment.</summary>
    public FieldError? SetDiscount(RepairOrder order, decimal percent, string? reason, RepairOrderActor by)
    {
        var refusal = CheckSettling(order);
        if (refusal is not null)
        {
            return refusal;
        }

        if (_payments.Count > 0)
        {
            return new FieldError("settlement.discount_after_payment");
        }

        var rounded = decimal.Round(percent, 2, MidpointRounding.AwayFromZero);
        if (rounded is < 0 or > 100)
        {
            return new FieldError("settlement.discount_invalid", "DiscountPercent");
        }

        if (rounded > 0 && string.IsNullOrWhiteSpace(reason))
        {
            return new FieldError("settlement.discount_reason_required", "DiscountReason");
        }

        if (rounded > by.DiscountLimit && rounded != DiscountPercent)
        {
            return new FieldError("repair_order.discount_above_your_limit", "DiscountPercent");
        }

        DiscountPercent = rounded;
        DiscountReason = rounded > 0 ? reason!.Trim() : null;
        DiscountByName = rounded > 0 ? by.UserName : null;
        return null;
    }

    /// <summary>The customer approves the final amount beyond the estimate (signed name recorded).</summary>
    public FieldError? ApproveDifference(RepairOrder order, string signerName, DateTimeOffset now)
    {
        var refusal = CheckSettling(order);
        if (refusal is not null)
        {
            return refusal;
        }

        ApprovedTotal = Totals(order).CustomerPays;
        ApprovedBySigner = signerName.Trim();
        ApprovedAt = now;
        return null;
    }

    /// <summary>
    /// Takes a payment. Cash may be tendered above the amount (change is given back); other methods pay exactly
    /// the amount; the account (挂账) is for companies only. Returns whether this payment settled the bill, so the
    /// caller can take an invoice number in the same transaction.
    /// </summary>
    public FieldError? Pay(RepairOrder order, decimal tolerancePercent, PaymentMethod method, decimal amount, decimal? tendered, string? reference, bool accountAllowed, RepairOrderActor by, DateTimeOffset now)
    {
        var refusal = CheckSettling(order);
        if (refusal is not null)
        {
            return refusal;
        }

        if (NeedsApproval(order, tolerancePercent))
        {
            return new FieldError("settlement.approval_required");
        }

        amount = Amounts.Round(amount);
        var outstanding = Outstanding(order);
        if (amount <= 0 || amount > outstanding)
        {
            return new FieldError("settlement.amount_invalid", "Amount");
        }

        if (method == PaymentMethod.Account && !accountAllowed)
        {
            return new FieldError("settlement.account_not_allowed", "Method");
        }

        if (tendered is not null && method != PaymentMethod.Cash)
        {
            return new FieldError("settlement.tendered_cash_only", "Tendered");
        }

        if (method == PaymentMethod.Cash && tendered is { } t && Amounts.Round(t) < amount)
        {
            return new FieldError("settlement.tendered_too_little", "Tendered");
        }

        _payments.Add(SettlementPayment.Record(Id, method, amount, tendered is { } cash ? Amounts.Round(cash) : null, reference, by.UserName, now));
        return null;
    }

    /// <summary>
    /// Whether the settlement can close now: ready for delivery, every agreed job's pay type decided, nothing
    /// outstanding and no difference waiting for the customer's approval. The caller takes an invoice number only then.
    /// </summary>
    public bool CanSettle(RepairOrder order, decimal tolerancePercent) =>
        CheckSettling(order) is null && Outstanding(order) == 0 && !NeedsApproval(order, tolerancePercent);

    /// <summary>Closes the settlement once it <see cref="CanSettle"/>, with its invoice number.</summary>
    public bool TrySettle(RepairOrder order, decimal tolerancePercent, Func<string> invoiceNumber, DateTimeOffset now)
    {
        if (!CanSettle(order, tolerancePercent))
        {
            return false;
        }

        InvoiceNumber = invoiceNumber();
        OnAccount = _payments.Where(p => p.Method == PaymentMethod.Account).Sum(p => p.Amount);
        SettledAt = now;
        return true;
    }

    /// <summary>
    /// The walk-through ends with the customer driving away: settled, every declined safety-critical item acknowledged
    /// with a signature (kept, never replaced), then <see cref="RepairOrder.Deliver"/> and the gate pass.
    /// </summary>
    public FieldError? Deliver(RepairOrder order, WalkThrough walk, string gatePassCode, RepairOrderActor by, DateTimeOffset now)
    {
        if (!IsSettled)
        {
            return new FieldError("delivery.not_settled");
        }

        var declinedSafety = order.Jobs.Any(j => j.Status == RepairJobStatus.Declined && j.SafetyCritical);
        if (declinedSafety && AcknowledgedAt is null)
        {
            if (walk.AcknowledgementPng is null || string.IsNullOrWhiteSpace(walk.SignerName))
            {
                return new FieldError("delivery.acknowledgement_required", "AcknowledgementPng");
            }
        }

        if (walk.NextServiceMileageKm is < 0)
        {
            return new FieldError("delivery.next_service_mileage_invalid", nameof(walk.NextServiceMileageKm));
        }

        if (walk.NextServiceDate is { } next && next <= DateOnly.FromDateTime(now.UtcDateTime))
        {
            return new FieldError("delivery.next_service_date_invalid", nameof(walk.NextServiceDate));
        }

        var refusal = order.Deliver(walk.FollowUpFrom, walk.FollowUpTo, by, now);
        if (refusal is not null)
        {
            return refusal;
        }

        if (declinedSafety && AcknowledgedAt is null)
        {
            AcknowledgedAt = now;
            AcknowledgedBySigner = walk.SignerName!.Trim();
            AcknowledgementPng = walk.AcknowledgementPng;
        }

        NextServiceDate = walk.NextServiceDate;
        NextServiceMileageKm = walk.NextServiceMileageKm;
        GatePassCode = gatePassCode;
        GatePassIssuedAt = now;
        return null;
    }

    /// <summary>The gate scans the pass: valid once, then "already used" with when.</summary>
    public GateCheck UseGatePass(string byName, DateTimeOffset now)
    {
        if (GatePassCode is null)
        {
            return GateCheck.Invalid;
        }

        if (GatePassUsedAt is not null)
        {
            return GateCheck.AlreadyUsed;
        }

        GatePassUsedAt = now;
        GatePassUsedByName = byName;
        return GateCheck.Valid;
    }

    private FieldError? CheckSettling(RepairOrder order)
    {
        if (IsSettled)
        {
            return new FieldError(AlreadySettled);
        }

        if (order.Status != RepairOrderStatus.ReadyForDelivery)
        {
            return new FieldError(NotReady);
        }

        return order.HasPendingPayType ? new FieldError(PayTypePending) : null;
    }
}

/// <summary>What the walk-through with the customer records.</summary>
public sealed record WalkThrough(string? SignerName, byte[]? AcknowledgementPng, DateOnly? NextServiceDate, int? NextServiceMileageKm, TimeOnly? FollowUpFrom, TimeOnly? FollowUpTo);

public enum GateCheck
{
    Valid,
    AlreadyUsed,
    Invalid,
}
