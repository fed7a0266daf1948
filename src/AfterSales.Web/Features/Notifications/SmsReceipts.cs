using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using AfterSales.Domain.Common;
using AfterSales.Web.Features.Notifications.Channels;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Features.Notifications;

/// <summary>One delivery receipt (状态报告): whether the phone received the message the gateway accepted as <paramref name="ProviderMessageId"/>.</summary>
public sealed record SmsReceipt(string ProviderMessageId, string Mobile, bool Delivered, DateTimeOffset At, string? Reason);

/// <summary>
/// Records delivery receipts on the messages they name: Sent becomes Delivered or Undelivered (with the gateway's reason).
/// Each receipt is one conditional update, so a repeated receipt, one racing an administrator's resend, or one whose number
/// is not the message's recipient changes nothing.
/// </summary>
public sealed class RecordSmsReceipts(AfterSalesDb db, ILogger<RecordSmsReceipts> logger)
{
    public const int MaxReceipts = 1000;

    /// <returns>How many messages the receipts changed.</returns>
    public async Task<int> HandleAsync(string provider, IReadOnlyList<SmsReceipt> receipts, CancellationToken ct)
    {
        var recorded = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var receipt in receipts)
        {
            var status = receipt.Delivered ? OutboxStatus.Delivered : OutboxStatus.Undelivered;
            var reason = receipt.Delivered ? null : OutboxMessage.Truncate(receipt.Reason ?? string.Empty, OutboxMessage.ErrorMaxLength);
            // The gateway is no staff member of any store: the secret address is its authority, the serial number its scope.
            recorded += await db.Set<OutboxMessage>()
                .IgnoreQueryFilters()
                .Where(m => m.Provider == provider && m.ProviderMessageId == receipt.ProviderMessageId && m.Channel == NotificationChannel.Sms
                    && m.Status == OutboxStatus.Sent && m.ReceiptAt == null && m.Recipient.EndsWith(receipt.Mobile))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.Status, status)
                        .SetProperty(m => m.ReceiptAt, receipt.At)
                        .SetProperty(m => m.LastError, reason),
                    ct);
        }

        await transaction.CommitAsync(ct);
        if (recorded < receipts.Count)
        {
            // Numbers are personal data: the log says how many, not whose.
            logger.LogInformation("{Provider} delivery receipts: {Recorded} of {Received} recorded; the rest repeat an earlier receipt or name no message sent through it", provider, recorded, receipts.Count);
        }

        return recorded;
    }
}

/// <summary>One entry of Tencent Cloud SMS's status callback (短信下发状态通知).</summary>
public sealed record TencentSmsReceipt(
    [property: JsonPropertyName("user_receive_time")] string? UserReceiveTime,
    [property: JsonPropertyName("nationcode")] string? NationCode,
    [property: JsonPropertyName("mobile")] string? Mobile,
    [property: JsonPropertyName("report_status")] string? ReportStatus,
    [property: JsonPropertyName("errmsg")] string? ErrMsg,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("sid")] string? Sid)
{
    /// <summary>Tencent states receive times in Beijing time, without an offset.</summary>
    private static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    internal SmsReceipt? ToReceipt(DateTimeOffset now)
    {
        var delivered = ReportStatus switch
        {
            "SUCCESS" => true,
            "FAIL" => false,
            _ => (bool?)null,
        };
        if (delivered is null || string.IsNullOrWhiteSpace(Sid) || string.IsNullOrWhiteSpace(Mobile))
        {
            return null;
        }

        var at = DateTime.TryParseExact(UserReceiveTime, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, BeijingOffset).ToUniversalTime()
            : now;
        var reason = delivered.Value ? null : $"Not delivered (Tencent receipt): {ErrMsg} {Description}".TrimEnd();
        return new SmsReceipt(Sid.Trim(), Mobile.Trim(), delivered.Value, at, reason);
    }
}

public static class SmsReceiptEndpoints
{
    /// <summary>
    /// Gateways call these without a login, so the address carries a secret (Notifications:Sms:Tencent:ReceiptToken): without
    /// one configured the endpoint does not exist.
    /// </summary>
    public static void MapSmsReceipts(this RouteGroupBuilder callbacks)
    {
        callbacks.MapPost("/sms/tencent/{token}", async (
                string token,
                List<TencentSmsReceipt>? body,
                IOptions<NotificationOptions> options,
                RecordSmsReceipts handler,
                TimeProvider clock,
                Problems problems,
                CancellationToken ct) =>
            {
                if (!TokenMatches(options.Value.Sms.Tencent.ReceiptToken, token))
                {
                    return problems.NotFound();
                }

                var now = clock.GetUtcNow();
                var receipts = body?.Select(r => r.ToReceipt(now)).ToList();
                if (receipts is null || receipts.Count > RecordSmsReceipts.MaxReceipts || receipts.Any(r => r is null))
                {
                    return problems.Validation([new FieldError("sms_receipt.invalid")]);
                }

                await handler.HandleAsync(TencentSmsProvider.ProviderName, receipts!, ct);

                // The answer Tencent's callback expects; anything else makes it deliver the receipts again.
                return Results.Json(new { result = 0, errmsg = "OK" });
            })
            .WithName("RecordTencentSmsReceipts")
            .WithTags("Messages")
            .WithSummary("Tencent Cloud SMS status callback: delivery receipts for messages sent through Tencent. The address's last segment is Notifications:Sms:Tencent:ReceiptToken.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static bool TokenMatches(string? configured, string presented) =>
        !string.IsNullOrEmpty(configured)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(configured), Encoding.UTF8.GetBytes(presented));
}
