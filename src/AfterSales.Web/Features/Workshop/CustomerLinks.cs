using System.Globalization;
using System.Security.Cryptography;
using AfterSales.Domain.Common;
using AfterSales.Domain.Labour;
using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Workshop;

/// <summary>What a link sent to the customer lets them do: answer the proposed extra work, or sign the repair order.</summary>
public enum CustomerLinkPurpose
{
    ExtraWork,
    Signature,
}

/// <summary>A link texted to the customer and when it stops working.</summary>
public sealed record CustomerLinkView(string Link, DateTimeOffset ExpiresAt, Guid? MessageId);

public sealed record SendCustomerLinkRequest(CustomerLinkPurpose Purpose);

public sealed record PublicJobView(
    Guid Id,
    int Position,
    string Name,
    decimal Hours,
    decimal LabourAmount,
    IReadOnlyList<PartLineView> Parts,
    decimal PartsAmount,
    decimal Amount,
    bool IsExtraWork,
    bool SafetyCritical,
    RepairJobStatus Status);

/// <summary>What the customer sees through the link: no staff notes, no internal names, just the work and its prices.</summary>
public sealed record PublicRepairOrderView(
    string Number,
    int Version,
    CustomerLinkPurpose Purpose,
    RepairOrderStatus Status,
    string StoreName,
    string AssetName,
    string? Plate,
    string CustomerWords,
    DateTimeOffset? PromisedAt,
    DateTimeOffset ExpiresAt,
    decimal TaxRate,
    IReadOnlyList<PublicJobView> Jobs,
    RepairOrderTotals Totals,
    bool CanSign);

public sealed record PublicExtraWorkDecisionRequest(int Version, ExtraWorkDecision Decision, string SignerName);

public sealed record PublicSignatureRequest(int Version, string SignerName);

/// <summary>The link messages of the outbox.</summary>
public static class CustomerLinkMessages
{
    public static readonly NotificationTemplate ExtraWork = new("extra_work_approval", NotificationPurpose.Service, ["name", "number", "link", "hours"]);

    public static readonly NotificationTemplate Signature = new("repair_order_sign_link", NotificationPurpose.Service, ["name", "number", "link", "hours"]);
}

/// <summary>
/// Signed, expiring, purpose-bound tokens for a repair order's customer links (the DataProtection pattern of
/// <see cref="PublicAccess.CustomerTokens"/>): a token opens one order for one purpose until it expires.
/// </summary>
public sealed class RepairOrderLinkTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(48);

    private readonly IDataProtector protector = protection.CreateProtector("AfterSales.Workshop.RepairOrderLink.v1");

    public static string PathOf(string token) => $"/p/repair-orders/{Uri.EscapeDataString(token)}";

    internal (string Token, DateTimeOffset ExpiresAt) Issue(Guid orderId, CustomerLinkPurpose purpose)
    {
        var expiresAt = clock.GetUtcNow() + Lifetime;
        var payload = string.Join('|', purpose, orderId.ToString("N"), expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return (protector.Protect(payload), expiresAt);
    }

    /// <summary>The order and purpose a token names; the refusal code if it is forged or expired.</summary>
    internal (Guid OrderId, CustomerLinkPurpose Purpose, DateTimeOffset ExpiresAt, string? Refusal) Read(string? token)
    {
        string payload;
        try
        {
            payload = protector.Unprotect((token ?? string.Empty).Trim());
        }
        catch (CryptographicException)
        {
            return (Guid.Empty, default, default, "common.not_found");
        }

        var parts = payload.Split('|');
        if (parts.Length != 3 || !Enum.TryParse<CustomerLinkPurpose>(parts[0], out var purpose) || !Guid.TryParseExact(parts[1], "N", out var orderId)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return (Guid.Empty, default, default, "common.not_found");
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expires);
        return (orderId, purpose, expiresAt, clock.GetUtcNow() < expiresAt ? null : "repair_order.link_expired");
    }
}

/// <summary>The advisor texts the customer a link to answer the extra work or to sign the order remotely.</summary>
public sealed class SendCustomerLink(AfterSalesDb db, AccessGuard guard, RepairOrderLinkTokens tokens, Notifications.Notifications notifications)
{
    public async Task<Outcome<CustomerLinkView>> HandleAsync(Guid orderId, SendCustomerLinkRequest request, string publicBaseUrl, CancellationToken ct)
    {
        var order = await RepairOrderViews.LoadAsync(db, orderId, tracking: false, ct);
        if (order is null)
        {
            return await guard.NotFoundAsync<RepairOrder, CustomerLinkView>(orderId, ct);
        }

        if (!Enum.IsDefined(request.Purpose))
        {
            return Outcome<CustomerLinkView>.Invalid("common.invalid_value", nameof(request.Purpose));
        }

        if (request.Purpose == CustomerLinkPurpose.Signature && order.Status != RepairOrderStatus.AwaitingSignature)
        {
            return Outcome<CustomerLinkView>.Conflict(RepairOrderLifecycle.Decide(order.Status, RepairOrderTrigger.Sign).RefusalCode ?? "repair_order.not_awaiting_signature");
        }

        if (request.Purpose == CustomerLinkPurpose.ExtraWork && !order.Jobs.Any(j => j.Status == RepairJobStatus.Proposed))
        {
            return Outcome<CustomerLinkView>.Conflict("repair_order.no_proposed_work");
        }

        var (token, expiresAt) = tokens.Issue(order.Id, request.Purpose);
        var link = publicBaseUrl.TrimEnd('/') + RepairOrderLinkTokens.PathOf(token);
        var (customer, mobile) = await TechnicianViews.CustomerAsync(db, order.CustomerId, ct);
        OutboxMessage? message = null;
        if (mobile is not null)
        {
            message = notifications.Enqueue(db, new NotificationRequest(
                request.Purpose == CustomerLinkPurpose.ExtraWork ? CustomerLinkMessages.ExtraWork : CustomerLinkMessages.Signature,
                NotificationChannel.Sms,
                mobile,
                new Dictionary<string, string>
                {
                    ["name"] = customer.ContactPerson ?? customer.Name,
                    ["number"] = order.Number,
                    ["link"] = link,
                    ["hours"] = ((int)RepairOrderLinkTokens.Lifetime.TotalHours).ToString(CultureInfo.InvariantCulture),
                },
                order.StoreId,
                customer.Id,
                customer.ContactConsent,
                CultureInfo.CurrentUICulture.Name)).Value;
            await db.SaveChangesAsync(ct);
        }

        return new CustomerLinkView(link, expiresAt, message?.Id);
    }
}

/// <summary>
/// The customer's side of the link, without a login: the token names the order and what may be done. Every query here
/// ignores the staff store filter; the token is the only key.
/// </summary>
public sealed class PublicRepairOrderLinks(AfterSalesDb db, RepairOrderLinkTokens tokens, TimeProvider clock, Notifications.Notifications notifications)
{
    public async Task<Outcome<PublicRepairOrderView>> GetAsync(string token, CancellationToken ct)
    {
        var (order, purpose, expiresAt, refusal) = await OpenAsync(token, tracking: false, ct);
        return order is null ? Refuse<PublicRepairOrderView>(refusal!) : await ViewAsync(order, purpose, expiresAt, ct);
    }

    /// <summary>The customer approves or declines one proposed job; a job already answered is refused.</summary>
    public async Task<Outcome<PublicRepairOrderView>> DecideAsync(string token, Guid jobId, PublicExtraWorkDecisionRequest request, string? remoteAddress, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.SignerName) || request.SignerName.Trim().Length > RepairOrder.SignerNameMaxLength)
        {
            return Outcome<PublicRepairOrderView>.Invalid("repair_order.signer_required", nameof(request.SignerName));
        }

        if (!Enum.IsDefined(request.Decision))
        {
            return Outcome<PublicRepairOrderView>.Invalid("common.invalid_value", nameof(request.Decision));
        }

        return await ChangeAsync(token, CustomerLinkPurpose.ExtraWork, request.Version, order =>
            order.FindJob(jobId) is { IsExtraWork: true } job
                ? order.DecideExtraWork(jobId, request.Decision, ExtraWorkChannel.RemoteLink, request.SignerName, null, order.ExtraWorkSnapshot(job), remoteAddress,
                    new RepairOrderActor(null, request.SignerName.Trim()), clock.GetUtcNow())
                : new FieldError(RepairOrder.JobNotFound), ct);
    }

    /// <summary>
    /// The customer signs the order remotely: the text shown is what is signed (by its version). Signing queues the
    /// "received" message with the progress link (once per order), in the language of the customer's page.
    /// </summary>
    public async Task<Outcome<PublicRepairOrderView>> SignAsync(string token, PublicSignatureRequest request, string? remoteAddress, string publicBaseUrl, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.SignerName) || request.SignerName.Trim().Length > RepairOrder.SignerNameMaxLength)
        {
            return Outcome<PublicRepairOrderView>.Invalid("repair_order.signer_required", nameof(request.SignerName));
        }

        string? snapshot = null;
        return await ChangeAsync(token, CustomerLinkPurpose.Signature, request.Version, order =>
            order.Sign(request.SignerName, SignatureChannel.RemoteLink, null, snapshot!, remoteAddress, new RepairOrderActor(null, request.SignerName.Trim()), clock.GetUtcNow()),
            ct,
            async order => snapshot = (await RepairOrderViews.SnapshotAsync(db, order, ct)).ToJson(),
            order => Settlement.ProgressMessages.SendReceivedOnceAsync(db, notifications, order, publicBaseUrl, CultureInfo.CurrentUICulture.Name, clock.GetUtcNow(), ct));
    }

    private async Task<Outcome<PublicRepairOrderView>> ChangeAsync(
        string token, CustomerLinkPurpose purpose, int version, Func<RepairOrder, FieldError?> change, CancellationToken ct,
        Func<RepairOrder, Task>? prepare = null, Func<RepairOrder, Task>? changed = null)
    {
        var (order, linkPurpose, expiresAt, refusal) = await OpenAsync(token, tracking: true, ct);
        if (order is null)
        {
            return Refuse<PublicRepairOrderView>(refusal!);
        }

        if (linkPurpose != purpose)
        {
            return Outcome<PublicRepairOrderView>.NotFound();
        }

        if (order.Version != version)
        {
            return Outcome<PublicRepairOrderView>.Conflict(RepairOrderGate.ChangedBySomeoneElse);
        }

        if (prepare is not null)
        {
            await prepare(order);
        }

        if (change(order) is { } refused)
        {
            return refused.Code == RepairOrder.JobNotFound ? Outcome<PublicRepairOrderView>.NotFound() : Outcome<PublicRepairOrderView>.Conflict(refused.Code);
        }

        if (changed is not null)
        {
            await changed(order);
        }

        db.Entry(order).Property(o => o.Version).OriginalValue = version;
        db.Entry(order).Property(o => o.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<PublicRepairOrderView>.Conflict(RepairOrderGate.ChangedBySomeoneElse);
        }

        return await ViewAsync(order, linkPurpose, expiresAt, ct);
    }

    private async Task<(RepairOrder? Order, CustomerLinkPurpose Purpose, DateTimeOffset ExpiresAt, string? Refusal)> OpenAsync(string token, bool tracking, CancellationToken ct)
    {
        var (orderId, purpose, expiresAt, refusal) = tokens.Read(token);
        if (refusal is not null)
        {
            return (null, purpose, expiresAt, refusal);
        }

        var orders = db.Set<RepairOrder>().IgnoreQueryFilters().Include(o => o.Jobs).ThenInclude(j => j.Parts).Include(o => o.Signatures).Include(o => o.ClockSessions).AsSplitQuery();
        var order = await (tracking ? orders : orders.AsNoTracking()).FirstOrDefaultAsync(o => o.Id == orderId, ct);
        return order is null || order.Status == RepairOrderStatus.Cancelled ? (null, purpose, expiresAt, "common.not_found") : (order, purpose, expiresAt, null);
    }

    private static Outcome<T> Refuse<T>(string code) => code == "repair_order.link_expired" ? Outcome<T>.Forbidden(code) : Outcome<T>.NotFound();

    private async Task<PublicRepairOrderView> ViewAsync(RepairOrder order, CustomerLinkPurpose purpose, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var asset = await db.Assets.IgnoreQueryFilters().AsNoTracking().FirstAsync(a => a.Id == order.AssetId, ct);
        var storeName = await db.Stores.IgnoreQueryFilters().Where(s => s.Id == order.StoreId).Select(s => s.Name).FirstAsync(ct);
        var culture = CultureInfo.CurrentUICulture.Name;
        var jobs = order.Jobs.Where(j => purpose == CustomerLinkPurpose.Signature || j.IsExtraWork).OrderBy(j => j.Position)
            .Select(j => new PublicJobView(
                j.Id, j.Position, LabourOperation.Name(j.NameZh, j.NameEn, culture), j.Hours, j.LabourAmount,
                j.Parts.OrderBy(p => p.Position).Select(p => new PartLineView(p.Id, p.PartId, p.PartNumber, p.Name, p.Quantity, p.UnitPrice, p.Amount)).ToList(),
                j.PartsAmount, j.LabourAmount + j.PartsAmount, j.IsExtraWork, j.SafetyCritical, j.Status))
            .ToList();
        return new PublicRepairOrderView(
            order.Number, order.Version, purpose, order.Status, storeName, $"{asset.Brand} {asset.Model}".Trim(), asset.Plate, order.CustomerWords, order.PromisedAt, expiresAt, order.TaxRate,
            jobs, order.Totals, purpose == CustomerLinkPurpose.Signature && order.Status == RepairOrderStatus.AwaitingSignature);
    }
}
