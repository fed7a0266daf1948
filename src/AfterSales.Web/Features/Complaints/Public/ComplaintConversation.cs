using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints.Public;

public static class ComplaintNotifications
{
    /// <summary>Sent when a customer files a complaint online: the number and the tracking link.</summary>
    public static readonly NotificationTemplate Received = new("complaint_received", NotificationPurpose.Service, ["number", "link"]);

    /// <summary>Sent when a handler replies: the reply and the tracking link, where the customer can answer.</summary>
    public static readonly NotificationTemplate Reply = new("complaint_reply", NotificationPurpose.Service, ["number", "message", "link"]);
}

/// <summary>Staff read the customer's messages on a complaint and reply; a reply is texted to the customer with the tracking link.</summary>
public sealed class ComplaintConversation(AfterSalesDb db, ICurrentUser user, RequestValidation validation, TimeProvider clock, Notifications.Notifications notifications, AccessGuard guard)
{
    /// <summary>Replies longer than this are cut in the text message; the tracking page shows them whole.</summary>
    private const int SmsExcerptLength = 120;

    public async Task<Outcome<IReadOnlyList<ComplaintMessageView>>> ListAsync(Guid complaintId, CancellationToken ct)
    {
        if (!await db.Set<Complaint>().AnyAsync(c => c.Id == complaintId, ct))
        {
            return await guard.NotFoundAsync<Complaint, IReadOnlyList<ComplaintMessageView>>(complaintId, ct);
        }

        var messages = await db.Set<ComplaintMessage>().AsNoTracking().Where(m => m.ComplaintId == complaintId).OrderBy(m => m.At)
            .Select(m => new ComplaintMessageView(m.Id, m.At, m.FromCustomer, m.AuthorName, m.Body))
            .ToListAsync(ct);
        return messages;
    }

    public async Task<Outcome<ComplaintMessageView>> ReplyAsync(Guid complaintId, ComplaintMessageRequest request, string publicBaseUrl, CancellationToken ct)
    {
        var complaint = await db.Set<Complaint>().AsNoTracking().Where(c => c.Id == complaintId)
            .Select(c => new { c.Id, c.Number, c.Status, c.StoreId, c.CustomerId })
            .FirstOrDefaultAsync(ct);
        if (complaint is null)
        {
            return await guard.NotFoundAsync<Complaint, ComplaintMessageView>(complaintId, ct);
        }

        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ComplaintMessageView>.Invalid(errors);
        }

        if (complaint.Status == ComplaintStatus.Closed)
        {
            return Outcome<ComplaintMessageView>.Conflict("complaint.closed_no_messages");
        }

        var message = await TellAsync(complaint.Id, complaint.Number, complaint.StoreId, complaint.CustomerId, new Actor(user.UserId, user.UserName), request.Body, publicBaseUrl, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return new ComplaintMessageView(message.Id, message.At, false, message.AuthorName, message.Body);
    }

    /// <summary>
    /// Adds a staff message to the complaint's conversation and texts it to the customer's mobile with the tracking link
    /// (made now for complaints staff recorded); the caller saves, so the message commits with whatever prompted it.
    /// </summary>
    internal async Task<ComplaintMessage> TellAsync(Guid complaintId, string number, Guid storeId, Guid customerId, Actor by, string body, string publicBaseUrl, DateTimeOffset now, CancellationToken ct)
    {
        var message = ComplaintMessage.FromStaff(complaintId, by, body, now);
        db.Add(message);
        var token = await db.Set<ComplaintTrackingLink>().Where(l => l.ComplaintId == complaintId).Select(l => l.Token).FirstOrDefaultAsync(ct);
        if (token is null)
        {
            var link = ComplaintTrackingLink.Create(complaintId, now);
            db.Add(link);
            token = link.Token;
        }

        var customer = await db.Customers.IgnoreQueryFilters().AsNoTracking().FirstAsync(c => c.Id == customerId, ct);
        var mobile = customer.Phones.OrderByDescending(p => p.IsPrimary).Select(p => p.Number).FirstOrDefault(PhoneNumber.IsMobile);
        if (mobile is not null)
        {
            var excerpt = message.Body.Length > SmsExcerptLength ? message.Body[..SmsExcerptLength] + "…" : message.Body;
            notifications.Enqueue(db, new NotificationRequest(
                ComplaintNotifications.Reply,
                NotificationChannel.Sms,
                mobile,
                new Dictionary<string, string> { ["number"] = number, ["message"] = excerpt, ["link"] = PublicComplaints.Absolute(publicBaseUrl, token) },
                storeId,
                customer.Id));
        }

        return message;
    }
}
