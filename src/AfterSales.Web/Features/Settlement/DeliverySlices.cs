using AfterSales.Domain.Assets;
using AfterSales.Domain.Common;
using AfterSales.Domain.Customers;
using AfterSales.Domain.Delivery;
using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Settlement;

/// <summary>The internal handover (交车准备); <see cref="Version"/> is the order's version the user saw.</summary>
public sealed record HandoverRequest(int Version, bool WashDone, string ParkingSpot, bool AllJobsChecked, bool FaultGone, bool OldPartsReady, bool Clean, bool NoToolsLeft, string? Culture = null);

public sealed record SettlementDiscountRequest(int Version, decimal DiscountPercent, string? DiscountReason);

/// <summary>The customer approves the final amount above the signed estimate; the signer's name is recorded.</summary>
public sealed record ApproveDifferenceRequest(int Version, string SignerName);

/// <summary>The buyer's invoice details (发票抬头): a 专票 (Special) needs the tax id, the address and phone and the bank account.</summary>
public sealed record InvoiceDetailsRequest(int Version, InvoiceKind Kind, string BuyerName, string? TaxId = null, string? Email = null, string? AddressPhone = null, string? BankAccount = null);

/// <summary>A payment; <see cref="Tendered"/> is the cash handed over (change is given back), only for cash.</summary>
public sealed record PaymentRequest(int Version, PaymentMethod Method, decimal Amount, decimal? Tendered = null, string? Reference = null);

/// <summary>
/// The walk-through ends with delivery: the customer's signature (PNG, base64 or data URL) acknowledging declined
/// safety items when there are any, the next service, and when the follow-up call suits them (store time).
/// </summary>
public sealed record DeliverRequest(int Version, string? SignerName = null, string? AcknowledgementPng = null, DateOnly? NextServiceDate = null, int? NextServiceMileageKm = null, TimeOnly? FollowUpFrom = null, TimeOnly? FollowUpTo = null);

public sealed record GateCheckRequest(string Code);

public sealed record GateCheckView(GateCheck Result, string? OrderNumber, string? Plate, string? AssetName, string? CustomerName, DateTimeOffset? IssuedAt, DateTimeOffset? UsedAt, string? UsedByName);

public sealed record ProgressLinkView(string Token, string Path, string Url);

internal sealed class HandoverValidator : AbstractValidator<HandoverRequest>
{
    public HandoverValidator() => RuleFor(x => x.ParkingSpot).NotEmpty().WithErrorCode("delivery.parking_spot_required").MaximumLength(OrderDelivery.ParkingSpotMaxLength);
}

internal sealed class SettlementDiscountValidator : AbstractValidator<SettlementDiscountRequest>
{
    public SettlementDiscountValidator()
    {
        RuleFor(x => x.DiscountPercent).InclusiveBetween(0m, 100m).WithErrorCode("settlement.discount_invalid");
        RuleFor(x => x.DiscountReason).MaximumLength(OrderDelivery.ReasonMaxLength);
    }
}

internal sealed class ApproveDifferenceValidator : AbstractValidator<ApproveDifferenceRequest>
{
    public ApproveDifferenceValidator() => RuleFor(x => x.SignerName).NotEmpty().WithErrorCode("repair_order.signer_required").MaximumLength(OrderDelivery.NameMaxLength);
}

internal sealed class PaymentValidator : AbstractValidator<PaymentRequest>
{
    public PaymentValidator()
    {
        RuleFor(x => x.Method).IsInEnum();
        RuleFor(x => x.Amount).GreaterThan(0m).WithErrorCode("settlement.amount_invalid").LessThanOrEqualTo(RepairOrder.MaxUnitPrice * 100).WithErrorCode("settlement.amount_invalid");
        RuleFor(x => x.Tendered).LessThanOrEqualTo(RepairOrder.MaxUnitPrice * 100).WithErrorCode("settlement.tendered_too_little");
        RuleFor(x => x.Reference).MaximumLength(SettlementPayment.ReferenceMaxLength);
    }
}

internal sealed class InvoiceDetailsValidator : AbstractValidator<InvoiceDetailsRequest>
{
    public InvoiceDetailsValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.BuyerName).NotEmpty().WithErrorCode("invoice.buyer_required").MaximumLength(InvoiceDetails.BuyerNameMaxLength);
        RuleFor(x => x.TaxId).Must(t => string.IsNullOrWhiteSpace(t) || TaxIds.IsValid(t.Trim().ToUpperInvariant())).WithErrorCode("invoice.tax_id_invalid");
        RuleFor(x => x.Email).MaximumLength(InvoiceDetails.EmailMaxLength);
        RuleFor(x => x.AddressPhone).MaximumLength(InvoiceDetails.AddressPhoneMaxLength);
        RuleFor(x => x.BankAccount).MaximumLength(InvoiceDetails.BankAccountMaxLength);
    }
}

internal sealed class DeliverValidator : AbstractValidator<DeliverRequest>
{
    public DeliverValidator()
    {
        RuleFor(x => x.SignerName).MaximumLength(OrderDelivery.NameMaxLength);
        RuleFor(x => x.AcknowledgementPng).Must(s => s is null || SignatureImages.Decode(s) is not null).WithErrorCode("repair_order.signature_invalid");
        RuleFor(x => x.NextServiceMileageKm).InclusiveBetween(0, 2_000_000).WithErrorCode("delivery.next_service_mileage_invalid");
    }
}

public sealed class GetDelivery(DeliveryGate gate)
{
    public Task<Outcome<DeliveryView>> HandleAsync(Guid id, CancellationToken ct) => gate.GetAsync(id, ct);
}

/// <summary>Completes the handover: the order becomes ready for delivery and the customer gets the "ready" message with the progress link.</summary>
public sealed class CompleteHandover(DeliveryGate gate, RequestValidation validation, Notifications.Notifications notifications)
{
    public async Task<Outcome<DeliveryView>> HandleAsync(Guid id, HandoverRequest request, string publicBase, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<DeliveryView>.Invalid(errors);
        }

        var list = new HandoverChecklist(request.WashDone, request.ParkingSpot, request.AllJobsChecked, request.FaultGone, request.OldPartsReady, request.Clean, request.NoToolsLeft);
        return await gate.ChangeAsync(id, request.Version, async (order, delivery, actor, _) =>
        {
            var refusal = delivery.CompleteHandover(order, list, actor, gate.Now);
            if (refusal is null)
            {
                await ProgressMessages.SendAsync(gate.Db, notifications, order, ProgressMessages.Ready, publicBase, request.Culture, gate.Now, ct);
            }

            return refusal;
        }, ct);
    }
}

public sealed class SetSettlementDiscount(DeliveryGate gate, RequestValidation validation)
{
    public async Task<Outcome<DeliveryView>> HandleAsync(Guid id, SettlementDiscountRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        return errors.Count > 0
            ? Outcome<DeliveryView>.Invalid(errors)
            : await gate.ChangeAsync(id, request.Version, (order, delivery, actor, _) =>
                Task.FromResult(delivery.SetDiscount(order, request.DiscountPercent, request.DiscountReason, actor)), ct);
    }
}

public sealed class ApproveSettlementDifference(DeliveryGate gate, RequestValidation validation)
{
    public async Task<Outcome<DeliveryView>> HandleAsync(Guid id, ApproveDifferenceRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        return errors.Count > 0
            ? Outcome<DeliveryView>.Invalid(errors)
            : await gate.ChangeAsync(id, request.Version, (order, delivery, _, _) =>
                Task.FromResult(delivery.ApproveDifference(order, request.SignerName, gate.Now)), ct);
    }
}

/// <summary>Records the buyer's invoice details on the settlement; the rules are <see cref="InvoiceDetails.Create"/>.</summary>
public sealed class SetInvoiceDetails(DeliveryGate gate, RequestValidation validation)
{
    public async Task<Outcome<DeliveryView>> HandleAsync(Guid id, InvoiceDetailsRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<DeliveryView>.Invalid(errors);
        }

        var (details, refusal) = InvoiceDetails.Create(request.Kind, request.BuyerName, request.TaxId, request.Email, request.AddressPhone, request.BankAccount);
        return refusal is not null
            ? Outcome<DeliveryView>.Invalid([refusal])
            : await gate.ChangeAsync(id, request.Version, (order, delivery, actor, _) => Task.FromResult(delivery.SetInvoiceDetails(order, details!, actor, gate.Now)), ct);
    }
}

/// <summary>Takes a payment; the settlement closes with its invoice number when nothing is outstanding.</summary>
public sealed class RecordPayment(DeliveryGate gate, RequestValidation validation)
{
    public async Task<Outcome<DeliveryView>> HandleAsync(Guid id, PaymentRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<DeliveryView>.Invalid(errors);
        }

        return await gate.ChangeAsync(id, request.Version, async (order, delivery, actor, settings) =>
        {
            var kind = await gate.Db.Customers.IgnoreQueryFilters().Where(c => c.Id == order.CustomerId).Select(c => c.Kind).FirstAsync(ct);
            return delivery.Pay(order, settings.SettlementTolerancePercent, request.Method, request.Amount, request.Tendered, request.Reference, kind == CustomerKind.Company, actor, gate.Now);
        }, ct);
    }
}

/// <summary>Delivers the car: refused before settlement or without the acknowledgement of declined safety items; issues the gate pass.</summary>
public sealed class DeliverOrder(DeliveryGate gate, RequestValidation validation)
{
    public async Task<Outcome<DeliveryView>> HandleAsync(Guid id, DeliverRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<DeliveryView>.Invalid(errors);
        }

        var walk = new WalkThrough(request.SignerName, SignatureImages.Decode(request.AcknowledgementPng), request.NextServiceDate, request.NextServiceMileageKm, request.FollowUpFrom, request.FollowUpTo);
        return await gate.ChangeAsync(id, request.Version, (order, delivery, actor, _) =>
            Task.FromResult(delivery.Deliver(order, walk, DeliveryGate.NewGatePassCode(), actor, gate.Now)), ct);
    }
}

/// <summary>The gate scans a pass: valid the first time (recorded), then already used; anything else is invalid.</summary>
public sealed class CheckGatePass(DeliveryGate gate)
{
    public async Task<Outcome<GateCheckView>> HandleAsync(GateCheckRequest request, CancellationToken ct)
    {
        var invalid = new GateCheckView(GateCheck.Invalid, null, null, null, null, null, null, null);
        var delivery = gate.ReadGatePass(request.Code) is { } code
            ? await gate.Db.Set<OrderDelivery>().FirstOrDefaultAsync(d => d.GatePassCode == code, ct)
            : await ByPlateAsync(request.Code, ct);
        if (delivery is null)
        {
            return invalid;
        }

        var result = delivery.UseGatePass(gate.User.UserName, gate.Now);
        if (result == GateCheck.Valid)
        {
            try
            {
                await gate.Db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Two gates scanned the same pass at once: the other one let the car out.
                result = GateCheck.AlreadyUsed;
            }
        }

        var order = await gate.Db.Set<RepairOrder>().AsNoTracking().Where(o => o.Id == delivery.RepairOrderId)
            .Select(o => new { o.Number, o.AssetId, o.CustomerId }).FirstAsync(ct);
        var asset = await gate.Db.Assets.IgnoreQueryFilters().AsNoTracking().Where(a => a.Id == order.AssetId).Select(a => new { a.Plate, a.Brand, a.Model }).FirstAsync(ct);
        var customer = await gate.Db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == order.CustomerId).Select(c => c.Name).FirstAsync(ct);
        return new GateCheckView(result, order.Number, asset.Plate, $"{asset.Brand} {asset.Model}".Trim(), customer, delivery.GatePassIssuedAt, delivery.GatePassUsedAt, delivery.GatePassUsedByName);
    }

    /// <summary>
    /// The guard types the plate when the pass cannot be scanned: the car's pass not used yet, else its latest one
    /// (which then reads "already used"). Only cars of the guard's stores are found.
    /// </summary>
    private async Task<OrderDelivery?> ByPlateAsync(string? typed, CancellationToken ct)
    {
        if (AssetRules.NormalizePlate(typed) is not { } plate)
        {
            return null;
        }

        var orders = gate.Db.Set<RepairOrder>().Where(o => gate.Db.Assets.Any(a => a.Id == o.AssetId && a.Plate == plate)).Select(o => o.Id);
        return await gate.Db.Set<OrderDelivery>()
            .Where(d => d.GatePassCode != null && orders.Contains(d.RepairOrderId))
            .OrderBy(d => d.GatePassUsedAt != null)
            .ThenByDescending(d => d.GatePassIssuedAt)
            .FirstOrDefaultAsync(ct);
    }
}

/// <summary>
/// Sends the customer the "received" message with the progress link again (signing sent it first), e.g. when the customer
/// lost it or has a new phone, and returns the link for the advisor to read out.
/// </summary>
public sealed class SendProgressLink(AfterSalesDb db, AccessGuard guard, Notifications.Notifications notifications, TimeProvider clock)
{
    public async Task<Outcome<ProgressLinkView>> HandleAsync(Guid id, string publicBase, string? culture, CancellationToken ct)
    {
        var order = await db.Set<RepairOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return await guard.NotFoundAsync<RepairOrder, ProgressLinkView>(id, ct);
        }

        var link = await ProgressMessages.SendAsync(db, notifications, order, ProgressMessages.Received, publicBase, culture, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return new ProgressLinkView(link.Token, RepairOrderProgressLink.PathOf(link.Token), publicBase.TrimEnd('/') + RepairOrderProgressLink.PathOf(link.Token));
    }
}

/// <summary>The customer's messages about the order: "received" and "ready", each with the progress link.</summary>
public static class ProgressMessages
{
    public static readonly NotificationTemplate Received = new("repair_received", NotificationPurpose.Service, ["name", "store", "number", "link"]);

    public static readonly NotificationTemplate Ready = new("repair_ready", NotificationPurpose.Service, ["name", "store", "number", "link"]);

    /// <summary>
    /// The "received" message when the order is signed, once per order: the progress link is made with the first message,
    /// so an order that already has one (signed before, reopened and signed again) is not messaged again. Adds to the caller's save.
    /// </summary>
    internal static async Task SendReceivedOnceAsync(AfterSalesDb db, Notifications.Notifications notifications, RepairOrder order, string publicBase, string? culture, DateTimeOffset now, CancellationToken ct)
    {
        if (!await db.Set<RepairOrderProgressLink>().AnyAsync(l => l.RepairOrderId == order.Id, ct))
        {
            await SendAsync(db, notifications, order, Received, publicBase, culture, now, ct);
        }
    }

    /// <summary>Adds the message (and the link if the order has none yet) to the caller's save.</summary>
    internal static async Task<RepairOrderProgressLink> SendAsync(AfterSalesDb db, Notifications.Notifications notifications, RepairOrder order, NotificationTemplate template, string publicBase, string? culture, DateTimeOffset now, CancellationToken ct)
    {
        var link = await db.Set<RepairOrderProgressLink>().FirstOrDefaultAsync(l => l.RepairOrderId == order.Id, ct);
        if (link is null)
        {
            link = RepairOrderProgressLink.Create(order.Id, now);
            db.Add(link);
        }

        var customer = await db.Customers.IgnoreQueryFilters().AsNoTracking().FirstAsync(c => c.Id == order.CustomerId, ct);
        var mobile = customer.Phones.OrderByDescending(p => p.IsPrimary).Select(p => p.Number).FirstOrDefault(PhoneNumber.IsMobile);
        if (mobile is not null)
        {
            var store = await db.Stores.IgnoreQueryFilters().Where(s => s.Id == order.StoreId).Select(s => s.Name).FirstAsync(ct);
            notifications.Enqueue(db, new NotificationRequest(
                template,
                NotificationChannel.Sms,
                mobile,
                new Dictionary<string, string>
                {
                    ["name"] = customer.ContactPerson ?? customer.Name,
                    ["store"] = store,
                    ["number"] = order.Number,
                    ["link"] = publicBase.TrimEnd('/') + RepairOrderProgressLink.PathOf(link.Token),
                },
                order.StoreId,
                customer.Id,
                customer.ContactConsent,
                culture));
        }

        return link;
    }
}
