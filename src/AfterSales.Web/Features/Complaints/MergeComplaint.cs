using System.Globalization;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.Complaints.Handling;
using AfterSales.Web.Features.Complaints.Public;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AfterSales.Web.Features.Complaints;

/// <summary>Marks the complaint as a duplicate of <see cref="IntoId"/> and merges it there; <see cref="Version"/> is the duplicate's version the user saw.</summary>
public sealed record MergeComplaintRequest(int Version, Guid IntoId, string Reason);

internal sealed class MergeComplaintValidator : AbstractValidator<MergeComplaintRequest>
{
    public MergeComplaintValidator()
    {
        RuleFor(x => x.IntoId).NotEmpty().WithErrorCode("complaint.merge_target_required");
        RuleFor(x => x.Reason).NotEmpty().WithErrorCode("complaint.reason_required").MaximumLength(Complaint.ReasonMaxLength);
    }
}

/// <summary>
/// Merges a duplicate into the complaint that handles both: the duplicate closes as such (its history, log, evidence and
/// clocks kept, and shown on the survivor), both logs record it, and the customer is told once, on the survivor's
/// conversation and by one text with its tracking link. The user must be able to handle both complaints.
/// </summary>
public sealed class MergeComplaint(AfterSalesDb db, ICurrentUser user, RequestValidation validation, AccessGuard guard, ComplaintAccess access, ComplaintConversation conversation, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<ComplaintView>> HandleAsync(Guid id, MergeComplaintRequest request, string publicBaseUrl, CancellationToken ct)
    {
        var duplicate = await db.Set<Complaint>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (duplicate is null)
        {
            return await guard.NotFoundAsync<Complaint, ComplaintView>(id, ct);
        }

        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ComplaintView>.Invalid(errors);
        }

        // A survivor the user cannot see is as unknown as one that does not exist.
        var survivor = await db.Set<Complaint>().FirstOrDefaultAsync(c => c.Id == request.IntoId, ct);
        if (survivor is null)
        {
            return Outcome<ComplaintView>.Invalid("complaint.merge_target_unknown", nameof(request.IntoId));
        }

        if (!await access.MayHandleAsync(duplicate, ct) || !await access.MayHandleAsync(survivor, ct))
        {
            return Outcome<ComplaintView>.Forbidden(ComplaintAccess.HandleForbidden);
        }

        if (duplicate.Version != request.Version)
        {
            return Outcome<ComplaintView>.Conflict(ComplaintGate.ChangedBySomeoneElse);
        }

        var now = clock.GetUtcNow();
        var by = new Actor(user.UserId, user.UserName);
        if (duplicate.MergeInto(survivor, by, request.Reason, now) is { } refusal)
        {
            return refusal.Field is null ? Outcome<ComplaintView>.Conflict(refusal.Code) : Outcome<ComplaintView>.Invalid(refusal.Code, refusal.Field);
        }

        var text = string.Format(CultureInfo.CurrentCulture, l["complaint.merged_message"].Value, duplicate.Number, survivor.Number);
        await conversation.TellAsync(survivor.Id, survivor.Number, survivor.StoreId, survivor.CustomerId, by, text, publicBaseUrl, now, ct);
        db.Entry(duplicate).Property(c => c.Version).OriginalValue = request.Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ComplaintView>.Conflict(ComplaintGate.ChangedBySomeoneElse);
        }

        return await ComplaintViews.ViewAsync(db, duplicate, user.SeesFullContact, ct);
    }
}
