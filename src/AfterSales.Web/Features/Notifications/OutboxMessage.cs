using AfterSales.Web.Persistence;

namespace AfterSales.Web.Features.Notifications;

public enum NotificationChannel
{
    Sms,
    Email,
    WeChat,
}

public enum OutboxStatus
{
    /// <summary>Written with the change that caused it; waits for the dispatcher.</summary>
    Pending,

    /// <summary>Claimed by a dispatcher until its lease ends; an expired lease makes it due again.</summary>
    Sending,

    /// <summary>The provider accepted it; its delivery receipt, if the provider sends one, has not come yet.</summary>
    Sent,

    /// <summary>The provider's delivery receipt (状态报告) says the phone received it.</summary>
    Delivered,

    /// <summary>The provider accepted it but its receipt says the phone did not receive it (switched off, number void…): LastError says why.</summary>
    Undelivered,

    /// <summary>The last attempt failed; another follows at NextAttemptAt.</summary>
    Failed,

    /// <summary>Gave up: attempts exhausted or the provider refused the message for good. Only an administrator's retry revives it.</summary>
    Dead,

    /// <summary>
    /// Nothing could take it: no provider is configured for its channel (e.g. no SMS gateway). Not retried by itself, since
    /// retrying cannot help until someone configures a provider; an administrator's retry then sends it.
    /// </summary>
    NotSent,
}

/// <summary>
/// One message to a customer, rendered when it was queued and delivered at least once by the dispatcher.
/// The dispatcher changes delivery state with conditional bulk updates (see <see cref="DispatchDueMessages"/>),
/// so the setters stay private to everything but EF.
/// </summary>
public sealed class OutboxMessage : INotAudited
{
    public const int RecipientMaxLength = 200;
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 4000;
    public const int ErrorMaxLength = 1000;
    public const int ClaimMaxLength = 120;

    /// <summary>The longest status name ("Undelivered") and some room.</summary>
    public const int StatusMaxLength = 16;

    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The store on whose behalf the message goes out; its staff alone see it. Null for group-wide messages.</summary>
    public Guid? StoreId { get; private set; }

    public Guid? CustomerId { get; private set; }

    public NotificationChannel Channel { get; private set; }

    /// <summary>Mobile number, e-mail address or WeChat openid, depending on the channel.</summary>
    public string Recipient { get; private set; } = string.Empty;

    public string TemplateKey { get; private set; } = string.Empty;

    public string Culture { get; private set; } = NotificationTemplates.DefaultCulture;

    public string Subject { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    /// <summary>
    /// The template's placeholder values as a JSON object. Cloud SMS gateways send only approved templates, filled with these
    /// values in the order the gateway's template declares, never the rendered body.
    /// </summary>
    public string? Parameters { get; private set; }

    public OutboxStatus Status { get; private set; }

    /// <summary>Delivery attempts started (counted when claimed, so a crash mid-send counts too).</summary>
    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>When the provider's delivery receipt (状态报告) says the phone received the message, or that it could not.</summary>
    public DateTimeOffset? ReceiptAt { get; private set; }

    /// <summary>Which adapter delivered it ("development", "smtp", …): tells a real delivery from a development sink.</summary>
    public string? Provider { get; private set; }

    public string? ProviderMessageId { get; private set; }

    /// <summary>Unique per claim (instance and a random part): only the claim holder may record the outcome.</summary>
    public string? ClaimedBy { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    internal static OutboxMessage Queue(
        Guid? storeId,
        Guid? customerId,
        NotificationChannel channel,
        string recipient,
        string templateKey,
        string culture,
        string subject,
        string body,
        IReadOnlyDictionary<string, string> parameters,
        DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            StoreId = storeId,
            CustomerId = customerId,
            Channel = channel,
            Recipient = recipient,
            TemplateKey = templateKey,
            Culture = culture,
            Subject = Truncate(subject, SubjectMaxLength),
            Body = Truncate(body, BodyMaxLength),
            Parameters = System.Text.Json.JsonSerializer.Serialize(parameters),
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };

    /// <summary>The placeholder values the message was queued with (empty for a message queued without them).</summary>
    public IReadOnlyDictionary<string, string> ParameterValues() =>
        string.IsNullOrEmpty(Parameters)
            ? new Dictionary<string, string>()
            : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(Parameters) ?? [];

    /// <summary>
    /// What a delivery receipt says. Only the first receipt for a send counts: a provider repeats receipts, and one that
    /// arrives for an earlier send of a message an administrator resent says nothing about the new send.
    /// </summary>
    internal bool RecordReceipt(bool delivered, DateTimeOffset at, string? reason)
    {
        if (Status != OutboxStatus.Sent || ReceiptAt is not null)
        {
            return false;
        }

        Status = delivered ? OutboxStatus.Delivered : OutboxStatus.Undelivered;
        ReceiptAt = at;
        LastError = delivered ? null : Truncate(reason ?? string.Empty, ErrorMaxLength);
        return true;
    }

    internal static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
