using AfterSales.Domain.Common;

namespace AfterSales.Web.Features.Notifications;

/// <summary>A row of the message log.</summary>
public sealed record MessageListItem(
    Guid Id,
    DateTimeOffset CreatedAt,
    NotificationChannel Channel,
    string Recipient,
    string TemplateKey,
    string Culture,
    string Subject,
    string Preview,
    OutboxStatus Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? SentAt,
    string? Provider,
    string? LastError);

/// <summary>One message with its full text and delivery details.</summary>
public sealed record MessageView(
    Guid Id,
    Guid? StoreId,
    Guid? CustomerId,
    DateTimeOffset CreatedAt,
    NotificationChannel Channel,
    string Recipient,
    string TemplateKey,
    string Culture,
    string Subject,
    string Body,
    OutboxStatus Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? SentAt,
    string? Provider,
    string? ProviderMessageId,
    string? LastError,
    DateTimeOffset? ReceiptAt,
    DateTimeOffset? LeaseUntil,
    bool CanRetry)
{
    public const int PreviewLength = 80;

    /// <summary>What an administrator may send again: it failed, was given up, had no provider, or never reached the phone.</summary>
    internal static readonly OutboxStatus[] RetriableStatuses = [OutboxStatus.Failed, OutboxStatus.Dead, OutboxStatus.NotSent, OutboxStatus.Undelivered];

    internal static bool Retriable(OutboxStatus status) => RetriableStatuses.Contains(status);

    /// <summary>Only pending and failed messages have a next attempt worth showing.</summary>
    internal static DateTimeOffset? Next(OutboxStatus status, DateTimeOffset next) =>
        status is OutboxStatus.Pending or OutboxStatus.Failed ? next : null;

    internal static string ShownRecipient(NotificationChannel channel, string recipient, bool full) =>
        full || channel != NotificationChannel.Sms ? recipient : Masking.MaskPhone(recipient);

    internal static string Preview(string body) =>
        body.Length <= PreviewLength ? body : body[..(PreviewLength - 1)] + "…";

    internal static MessageView From(OutboxMessage m, bool fullContact) => new(
        m.Id,
        m.StoreId,
        m.CustomerId,
        m.CreatedAt,
        m.Channel,
        ShownRecipient(m.Channel, m.Recipient, fullContact),
        m.TemplateKey,
        m.Culture,
        m.Subject,
        m.Body,
        m.Status,
        m.Attempts,
        Next(m.Status, m.NextAttemptAt),
        m.SentAt,
        m.Provider,
        m.ProviderMessageId,
        m.LastError,
        m.ReceiptAt,
        m.LeaseUntil,
        Retriable(m.Status));
}
