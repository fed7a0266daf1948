using System.Globalization;
using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Infrastructure;
using FluentValidation;

namespace AfterSales.Web.Features.RepairOrders;

/// <summary>A status move with an optional note (required to cancel); <see cref="Version"/> is the version the user saw.</summary>
public sealed record RepairOrderMoveRequest(int Version, string? Reason = null);

/// <summary>The customer's signature on screen: a PNG (base64, a data URL is fine) and the name of who signs.</summary>
public sealed record SignRepairOrderRequest(int Version, string SignerName, string SignaturePng);

internal sealed class RepairOrderMoveValidator : AbstractValidator<RepairOrderMoveRequest>
{
    public RepairOrderMoveValidator() => RuleFor(x => x.Reason).MaximumLength(RepairOrder.ReasonMaxLength);
}

internal sealed class SignRepairOrderValidator : AbstractValidator<SignRepairOrderRequest>
{
    public SignRepairOrderValidator()
    {
        RuleFor(x => x.SignerName).NotEmpty().WithErrorCode("repair_order.signer_required").MaximumLength(RepairOrder.SignerNameMaxLength);
        RuleFor(x => x.SignaturePng).NotEmpty().WithErrorCode("repair_order.signature_invalid")
            .Must(s => SignatureImages.Decode(s) is not null).WithErrorCode("repair_order.signature_invalid");
    }
}

internal static class SignatureImages
{
    /// <summary>The PNG bytes of a base64 string or a data URL, or null if it is not a PNG of an acceptable size.</summary>
    public static byte[]? Decode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var comma = value.StartsWith("data:", StringComparison.Ordinal) ? value.IndexOf(',', StringComparison.Ordinal) : -1;
        var base64 = comma >= 0 ? value[(comma + 1)..] : value;
        var buffer = new byte[base64.Length * 3 / 4 + 3];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && RepairOrder.IsPng(buffer[..written]) ? buffer[..written] : null;
    }
}

public sealed class SubmitRepairOrder(RepairOrderGate gate, RequestValidation validation)
{
    public async Task<Outcome<RepairOrderView>> HandleAsync(Guid id, RepairOrderMoveRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        return errors.Count > 0
            ? Outcome<RepairOrderView>.Invalid(errors)
            : await gate.MoveAsync(id, request.Version, (order, actor) => order.SubmitForSignature(actor, request.Reason, gate.Now), ct);
    }
}

public sealed class ReopenRepairOrder(RepairOrderGate gate, RequestValidation validation)
{
    public async Task<Outcome<RepairOrderView>> HandleAsync(Guid id, RepairOrderMoveRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        return errors.Count > 0
            ? Outcome<RepairOrderView>.Invalid(errors)
            : await gate.MoveAsync(id, request.Version, (order, actor) => order.Reopen(actor, request.Reason, gate.Now), ct);
    }
}

public sealed class CancelRepairOrder(RepairOrderGate gate, RequestValidation validation)
{
    public async Task<Outcome<RepairOrderView>> HandleAsync(Guid id, RepairOrderMoveRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors = [.. errors, new("repair_order.cancel_reason_required", nameof(request.Reason))];
        }

        return errors.Count > 0
            ? Outcome<RepairOrderView>.Invalid(errors)
            : await gate.MoveAsync(id, request.Version, (order, actor) => order.Cancel(actor, request.Reason!, gate.Now), ct);
    }
}

/// <summary>The customer signs in person: the order as it stands now becomes the signed text.</summary>
/// <summary>
/// The customer signs in person. Signing also queues the customer's "received" message with the progress link (once per
/// order, in the same save), in the language of the signing screen.
/// </summary>
public sealed class SignRepairOrder(RepairOrderGate gate, RequestValidation validation, Notifications.Notifications notifications)
{
    public async Task<Outcome<RepairOrderView>> HandleAsync(Guid id, SignRepairOrderRequest request, string publicBaseUrl, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<RepairOrderView>.Invalid(errors);
        }

        return await gate.ChangeAsync(id, request.Version, async (order, actor) =>
        {
            var move = RepairOrderLifecycle.Decide(order.Status, RepairOrderTrigger.Sign);
            if (!move.IsAllowed)
            {
                return Outcome<RepairOrderView>.Conflict(move.RefusalCode!);
            }

            var snapshot = await RepairOrderViews.SnapshotAsync(gate.Db, order, ct);
            var refusal = order.Sign(request.SignerName, SignatureChannel.InPerson, SignatureImages.Decode(request.SignaturePng), snapshot.ToJson(), null, actor, gate.Now);
            if (refusal is not null)
            {
                return RepairOrderGate.Refused(refusal);
            }

            await Settlement.ProgressMessages.SendReceivedOnceAsync(gate.Db, notifications, order, publicBaseUrl, CultureInfo.CurrentUICulture.Name, gate.Now, ct);
            return null;
        }, ct);
    }
}
