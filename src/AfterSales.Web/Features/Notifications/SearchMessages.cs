using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Notifications;

/// <summary>The message log, newest first: by status, channel, customer, and text (recipient prefix, or words of subject or body).</summary>
public sealed record SearchMessagesRequest(
    OutboxStatus? Status = null,
    NotificationChannel? Channel = null,
    string? Query = null,
    Guid? CustomerId = null,
    int? Page = null,
    int? PageSize = null);

public sealed class SearchMessages(AfterSalesDb db, ICurrentUser user)
{
    public async Task<Page<MessageListItem>> HandleAsync(SearchMessagesRequest request, CancellationToken ct)
    {
        var (page, size) = Paging.Clamp(request.Page, request.PageSize);
        var messages = db.Set<OutboxMessage>().AsNoTracking();
        if (request.Status is { } status)
        {
            messages = messages.Where(m => m.Status == status);
        }

        if (request.Channel is { } channel)
        {
            messages = messages.Where(m => m.Channel == channel);
        }

        if (request.CustomerId is { } customerId)
        {
            messages = messages.Where(m => m.CustomerId == customerId);
        }

        var text = request.Query?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            // A phone number as typed ("138 0013 8000") is stored as digits; an e-mail address or openid with digits in it is not a phone number.
            var digits = AfterSales.Domain.Common.PhoneNumber.Normalize(text);
            var phoneLike = text.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')');
            var recipient = digits.Length >= 3 && phoneLike ? digits : text;
            messages = messages.Where(m => m.Recipient.StartsWith(recipient) || m.Subject.Contains(text) || m.Body.Contains(text));
        }

        var total = await messages.CountAsync(ct);
        var rows = await messages
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * size)
            .Take(size)
            .ToListAsync(ct);

        var full = user.SeesFullContact;
        var items = rows.Select(m => new MessageListItem(
            m.Id,
            m.CreatedAt,
            m.Channel,
            MessageView.ShownRecipient(m.Channel, m.Recipient, full),
            m.TemplateKey,
            m.Culture,
            m.Subject,
            MessageView.Preview(m.Body),
            m.Status,
            m.Attempts,
            MessageView.Next(m.Status, m.NextAttemptAt),
            m.SentAt,
            m.Provider,
            m.LastError)).ToList();
        return new Page<MessageListItem>(items, page, size, total);
    }
}
