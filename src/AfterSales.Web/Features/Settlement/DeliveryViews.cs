using AfterSales.Domain.Customers;
using AfterSales.Domain.Delivery;
using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Features.RepairOrders;

namespace AfterSales.Web.Features.Settlement;

public sealed record HandoverView(bool WashDone, string? ParkingSpot, DateTimeOffset? HandedOverAt, string? HandedOverByName);

public sealed record PaymentView(Guid Id, PaymentMethod Method, decimal Amount, decimal? Tendered, decimal Change, string? Reference, DateTimeOffset At, string RecordedByName);

/// <summary>
/// The settlement statement (结算单): the agreed work per pay type with the settlement's discount and tax, the signed
/// estimate it is checked against, the customer's approval of a difference, and what was paid.
/// <see cref="PayTypePending"/>: a job still waits for its pay-type decision, so nothing can be settled.
/// </summary>
public sealed record StatementView(
    IReadOnlyList<PayTypeTotal> ByPayType,
    decimal Labour,
    decimal Parts,
    decimal Discount,
    decimal Net,
    decimal Tax,
    decimal Total,
    decimal CustomerPays,
    decimal Estimate,
    decimal Difference,
    decimal TolerancePercent,
    bool NeedsApproval,
    string? ApprovedBySigner,
    DateTimeOffset? ApprovedAt,
    decimal DiscountPercent,
    string? DiscountReason,
    string? DiscountByName,
    decimal Paid,
    decimal OnAccount,
    decimal Outstanding,
    decimal ChangeGiven,
    string? InvoiceNumber,
    DateTimeOffset? SettledAt,
    bool PayTypePending,
    InvoiceDetailsView? Invoice);

/// <summary>The buyer's invoice details recorded on the settlement, and who recorded them.</summary>
public sealed record InvoiceDetailsView(InvoiceKind Kind, string BuyerName, string? TaxId, string? Email, string? AddressPhone, string? BankAccount, string? RecordedByName, DateTimeOffset? RecordedAt);

public sealed record DeclinedItemView(Guid JobId, string Name, bool SafetyCritical, string? Reason);

public sealed record WalkThroughView(DateTimeOffset? AcknowledgedAt, string? AcknowledgedBySigner, DateOnly? NextServiceDate, int? NextServiceMileageKm, TimeOnly? FollowUpFrom, TimeOnly? FollowUpTo);

public sealed record GatePassView(string Token, DateTimeOffset IssuedAt, DateTimeOffset? UsedAt, string? UsedByName);

public sealed record DeliveryView(
    Guid OrderId,
    string OrderNumber,
    RepairOrderStatus Status,
    int Version,
    Guid StoreId,
    string StoreName,
    string CustomerName,
    string? CustomerPhone,
    bool CustomerIsCompany,
    string AssetName,
    string? Plate,
    string? Vin,
    int? MileageKm,
    string AdvisorName,
    bool FreeWash,
    OldPartsHandling OldParts,
    IReadOnlyList<RepairJobView> Jobs,
    HandoverView Handover,
    StatementView Statement,
    IReadOnlyList<PaymentView> Payments,
    IReadOnlyList<DeclinedItemView> DeclinedItems,
    WalkThroughView WalkThrough,
    GatePassView? GatePass,
    DateTimeOffset? DeliveredAt)
{
    public bool HasDeclinedSafetyItems => DeclinedItems.Any(d => d.SafetyCritical);

    public bool IsSettled => Statement.SettledAt is not null;
}

internal static class DeliveryViews
{
    public static DeliveryView Build(RepairOrderView order, RepairOrder o, OrderDelivery d, decimal tolerancePercent, CustomerKind kind, string? gateToken)
    {
        var totals = d.Totals(o);
        var statement = new StatementView(
            totals.ByPayType, totals.Labour, totals.Parts, totals.Discount, totals.Net, totals.Tax, totals.Total, totals.CustomerPays,
            d.EstimateTotal, totals.CustomerPays - d.EstimateTotal, tolerancePercent, d.NeedsApproval(o, tolerancePercent),
            d.ApprovedBySigner, d.ApprovedAt, d.DiscountPercent, d.DiscountReason, d.DiscountByName,
            d.Paid, d.Payments.Where(p => p.Method == PaymentMethod.Account).Sum(p => p.Amount), d.Outstanding(o), d.Payments.Sum(p => p.Change),
            d.InvoiceNumber, d.SettledAt, o.HasPendingPayType,
            d.Invoice is { } i ? new InvoiceDetailsView(i.Kind, i.BuyerName, i.TaxId, i.Email, i.AddressPhone, i.BankAccount, d.InvoiceDetailsByName, d.InvoiceDetailsAt) : null);
        var jobsById = order.Jobs.ToDictionary(j => j.Id);
        var declined = o.Jobs.Where(j => j.Status == RepairJobStatus.Declined).OrderBy(j => j.Position)
            .Select(j => new DeclinedItemView(j.Id, jobsById[j.Id].Name, j.SafetyCritical, j.StatusReason)).ToList();
        return new DeliveryView(
            order.Id, order.Number, order.Status, order.Version, order.StoreId, order.StoreName, order.CustomerName, order.CustomerPhone, kind == CustomerKind.Company,
            order.AssetName, order.Plate, order.Vin, order.CheckIn.MileageKm, order.AdvisorName, order.FreeWash, order.OldParts,
            order.Jobs.Where(j => j.Status != RepairJobStatus.Proposed).ToList(),
            new HandoverView(d.WashDone, d.ParkingSpot, d.HandedOverAt, d.HandedOverByName),
            statement,
            d.Payments.OrderBy(p => p.At).Select(p => new PaymentView(p.Id, p.Method, p.Amount, p.Tendered, p.Change, p.Reference, p.At, p.RecordedByName)).ToList(),
            declined,
            new WalkThroughView(d.AcknowledgedAt, d.AcknowledgedBySigner, d.NextServiceDate, d.NextServiceMileageKm, o.FollowUpPreferredFrom, o.FollowUpPreferredTo),
            gateToken is null ? null : new GatePassView(gateToken, d.GatePassIssuedAt!.Value, d.GatePassUsedAt, d.GatePassUsedByName),
            o.DeliveredAt);
    }

    /// <summary>
    /// What the customer agreed to as the estimate: the customer-paid total of the current signature's snapshot plus the
    /// extra work they approved since (each approval was for its price, so it needs no second approval at settlement).
    /// </summary>
    public static decimal SignedEstimate(RepairOrder order)
    {
        var signature = order.Signatures.FirstOrDefault(s => s.Id == order.CurrentSignatureId)
            ?? order.Signatures.OrderByDescending(s => s.SignedAt).FirstOrDefault();
        if (signature is null || SignedOrderSnapshot.FromJson(signature.SnapshotJson) is not { } snapshot)
        {
            return order.Totals.CustomerPays;
        }

        var signedJobs = snapshot.Jobs.Select(j => j.Id).ToHashSet();
        var approvedExtra = order.Jobs.Where(j => j.IsExtraWork && RepairJobLifecycle.IsAgreed(j.Status) && !signedJobs.Contains(j.Id)).ToList();
        return approvedExtra.Count == 0
            ? snapshot.Totals.CustomerPays
            : snapshot.Totals.CustomerPays + RepairOrderTotals.Of(approvedExtra.Select(j => (j.Status, j.PayType, j.LabourAmount, j.PartsAmount)), order.DiscountPercent, order.TaxRate).CustomerPays;
    }
}
