using AfterSales.Domain.Common;
using AfterSales.Domain.Customers;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;

namespace AfterSales.Web.Features.Notifications;

/// <summary>What to send, to whom, on behalf of which store; <see cref="Values"/> fill the template's placeholders.</summary>
public sealed record NotificationRequest(
    NotificationTemplate Template,
    NotificationChannel Channel,
    string Recipient,
    IReadOnlyDictionary<string, string> Values,
    Guid? StoreId = null,
    Guid? CustomerId = null,
    bool ContactConsent = false,
    string? Culture = null);

/// <summary>
/// The one way to message a customer. <see cref="Enqueue"/> only adds an outbox row to the caller's context, so it
/// commits or rolls back with the caller's own SaveChanges (one transaction); the dispatcher delivers it later.
/// </summary>
public sealed class Notifications(TimeProvider clock)
{
    public Outcome<OutboxMessage> Enqueue(AfterSalesDb db, NotificationRequest request)
    {
        if (request.Template.Purpose == NotificationPurpose.Marketing && !request.ContactConsent)
        {
            return Outcome<OutboxMessage>.Forbidden("notification.consent_required");
        }

        var recipient = request.Recipient.Trim();
        if (recipient.Length == 0 || recipient.Length > OutboxMessage.RecipientMaxLength)
        {
            return Outcome<OutboxMessage>.Invalid("notification.recipient_invalid", nameof(request.Recipient));
        }

        var culture = NotificationTemplates.NormalizeCulture(request.Culture);
        var (subject, body) = NotificationTemplates.Render(request.Template, culture, request.Values);
        var message = OutboxMessage.Queue(
            request.StoreId,
            request.CustomerId,
            request.Channel,
            recipient,
            request.Template.Key,
            culture,
            subject,
            body,
            request.Template.Placeholders.ToDictionary(p => p, p => request.Values[p]),
            clock.GetUtcNow());
        db.Set<OutboxMessage>().Add(message);
        return message;
    }

    /// <summary>
    /// Welcomes a newly registered customer by SMS on their mobile number, if they agreed to be contacted.
    /// Returns null when there is nobody to send it to (no consent or no mobile phone).
    /// </summary>
    public OutboxMessage? WelcomeCustomer(AfterSalesDb db, Customer customer, string storeName, string? culture = null)
    {
        var mobile = customer.Phones.OrderByDescending(p => p.IsPrimary).Select(p => p.Number).FirstOrDefault(PhoneNumber.IsMobile);
        if (!customer.ContactConsent || mobile is null)
        {
            return null;
        }

        var outcome = Enqueue(db, new NotificationRequest(
            NotificationTemplates.Welcome,
            NotificationChannel.Sms,
            mobile,
            new Dictionary<string, string> { ["name"] = customer.ContactPerson ?? customer.Name, ["store"] = storeName },
            customer.StoreId,
            customer.Id,
            customer.ContactConsent,
            culture));
        return outcome.Value;
    }
}
