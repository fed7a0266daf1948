using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.ComplaintSla;

/// <summary>
/// Staff tell the customer how their complaint is going (进度更新). With <see cref="SendToCustomer"/> the text goes to the
/// customer's mobile by SMS through the outbox; without it, it records a contact made another way (a call, a visit).
/// Either counts as contact with the customer and restarts the progress-update interval.
/// </summary>
public sealed record RecordProgressUpdateRequest(string Message, bool SendToCustomer = true);

internal sealed class RecordProgressUpdateValidator : AbstractValidator<RecordProgressUpdateRequest>
{
    public RecordProgressUpdateValidator() =>
        RuleFor(x => x.Message).NotEmpty().WithErrorCode("sla.progress_message_required").MaximumLength(ComplaintProgressUpdate.MessageMaxLength);
}

public sealed class RecordProgressUpdate(AfterSalesDb db, ICurrentUser user, AccessGuard guard, RequestValidation validation, Notifications.Notifications notifications, TimeProvider clock)
{
    public async Task<Outcome<ProgressUpdateView>> HandleAsync(Guid complaintId, RecordProgressUpdateRequest request, CancellationToken ct)
    {
        var complaint = await db.Set<Complaint>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == complaintId, ct);
        if (complaint is null)
        {
            return await guard.NotFoundAsync<Complaint, ProgressUpdateView>(complaintId, ct);
        }

        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ProgressUpdateView>.Invalid(errors);
        }

        if (complaint.Status == ComplaintStatus.Closed)
        {
            return Outcome<ProgressUpdateView>.Conflict(ComplaintLifecycle.ClosedReadOnly);
        }

        Guid? messageId = null;
        if (request.SendToCustomer)
        {
            var customer = await db.Customers.IgnoreQueryFilters().AsNoTracking().FirstAsync(c => c.Id == complaint.CustomerId, ct);
            var mobile = customer.Phones.OrderByDescending(p => p.IsPrimary).Select(p => p.Number).FirstOrDefault(PhoneNumber.IsMobile);
            if (mobile is null)
            {
                return Outcome<ProgressUpdateView>.Invalid("sla.customer_has_no_mobile", nameof(request.SendToCustomer));
            }

            var storeName = await db.Stores.Where(s => s.Id == complaint.StoreId).Select(s => s.Name).FirstAsync(ct);
            var sent = notifications.Enqueue(db, new NotificationRequest(
                SlaNotifications.ProgressUpdate,
                NotificationChannel.Sms,
                mobile,
                new Dictionary<string, string> { ["number"] = complaint.Number, ["store"] = storeName, ["message"] = request.Message.Trim() },
                complaint.StoreId,
                customer.Id,
                customer.ContactConsent));
            if (!sent.IsOk)
            {
                return sent.As<ProgressUpdateView>();
            }

            messageId = sent.Value!.Id;
        }

        var now = clock.GetUtcNow();
        var update = ComplaintProgressUpdate.Record(complaint.Id, complaint.StoreId, request.Message, user.UserId, user.UserName, messageId, now);
        db.Add(update);

        await db.SaveChangesAsync(ct);

        // The interval restarts: the escalation job looks at this complaint again on its next run.
        await SlaRecheck.ComplaintAsync(db, complaint.Id, now, ct);
        return new ProgressUpdateView(update.Id, update.At, update.UserName, update.Message, messageId is not null);
    }
}
