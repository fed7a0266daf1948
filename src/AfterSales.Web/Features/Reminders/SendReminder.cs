using System.Globalization;
using AfterSales.Domain.Appointments;
using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Reminders;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Reminders;

/// <summary>
/// Reminds a customer of one due item of their asset: <see cref="ReminderChannel.Message"/> sends an SMS with a
/// booking link, <see cref="ReminderChannel.Call"/> records a call and its outcome. <see cref="Culture"/> is the
/// message's language (zh-CN unless "en").
/// </summary>
public sealed record SendReminderRequest(Guid AssetId, ReminderKind Kind, ReminderChannel Channel, ReminderCallOutcome? CallOutcome = null, string? Note = null, string? Culture = null);

public sealed record ReminderView(
    Guid Id,
    Guid StoreId,
    Guid CustomerId,
    Guid AssetId,
    ReminderKind Kind,
    string DueKey,
    DateOnly DueOn,
    int? DueKm,
    string Label,
    Guid? MessageId,
    DateTimeOffset? SentAt,
    ReminderCallOutcome? CallOutcome,
    DateTimeOffset? CalledAt,
    string? CallNote,
    string ByUserName,
    Guid? AppointmentId,
    DateTimeOffset? BookedAt,
    int Version)
{
    public static ReminderView From(Reminder r) => new(
        r.Id, r.StoreId, r.CustomerId, r.AssetId, r.Kind, r.DueKey, r.DueOn, r.DueKm, r.Label, r.MessageId, r.SentAt, r.CallOutcome, r.CalledAt, r.CallNote,
        r.ByUserName, r.AppointmentId, r.BookedAt, r.Version);
}

internal sealed class SendReminderValidator : AbstractValidator<SendReminderRequest>
{
    public SendReminderValidator()
    {
        RuleFor(x => x.AssetId).NotEmpty().WithErrorCode("reminder.asset_required");
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Channel).IsInEnum();
        RuleFor(x => x.CallOutcome).NotNull().When(x => x.Channel == ReminderChannel.Call).WithErrorCode("reminder.call_outcome_required");
        RuleFor(x => x.CallOutcome).IsInEnum().When(x => x.CallOutcome is not null);
        RuleFor(x => x.Note).MaximumLength(Reminder.NoteMaxLength);
    }
}

/// <summary>The reminder messages of the outbox.</summary>
public static class ReminderMessages
{
    /// <summary>Reminders invite the customer back to the store: marketing, so they need the customer's consent.</summary>
    public static readonly NotificationTemplate ServiceDue = new("reminder_service_due", NotificationPurpose.Marketing, ["name", "store", "asset", "due", "link"]);

    public static readonly NotificationTemplate WarrantyExpiry = new("reminder_warranty_expiry", NotificationPurpose.Marketing, ["name", "store", "asset", "due", "link"]);

    public static readonly NotificationTemplate ExtendedWarrantyExpiry = new("reminder_extended_warranty_expiry", NotificationPurpose.Marketing, ["name", "store", "asset", "due", "link"]);

    public static IReadOnlyList<NotificationTemplate> All { get; } = [ServiceDue, WarrantyExpiry, ExtendedWarrantyExpiry];

    public static NotificationTemplate For(ReminderKind kind) => kind switch
    {
        ReminderKind.Service => ServiceDue,
        ReminderKind.WarrantyExpiry => WarrantyExpiry,
        ReminderKind.ExtendedWarrantyExpiry => ExtendedWarrantyExpiry,
    };

    /// <summary>The customer's booking page, carrying the reminder's token so that a booking made there is linked to it.</summary>
    public static string BookingLink(string publicBaseUrl, string token) => $"{publicBaseUrl.TrimEnd('/')}/my/appointments?reminder={token}";
}

/// <summary>
/// Sends a reminder or records a call for the due item the list shows. The reminder row is unique per asset, kind and
/// due key: of two concurrent senders one wins and the other is told <see cref="Reminder.AlreadySent"/>, and the
/// outbox message commits in the same transaction, so the customer gets one message.
/// </summary>
public sealed class SendReminder(AfterSalesDb db, ICurrentUser user, AccessGuard guard, RequestValidation validation, Notifications.Notifications notifications, TimeProvider clock)
{
    public const string OptedOut = "reminder.opted_out";
    public const string NoMobile = "reminder.no_mobile";
    public const string NotDue = "reminder.not_due";

    public async Task<Outcome<ReminderView>> HandleAsync(SendReminderRequest request, string publicBaseUrl, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ReminderView>.Invalid(errors);
        }

        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AssetId, ct);
        if (asset is null)
        {
            return await guard.NotFoundAsync<Domain.Assets.Asset, ReminderView>(request.AssetId, ct);
        }

        var due = await db.Set<AssetDue>().AsNoTracking().FirstOrDefaultAsync(d => d.AssetId == asset.Id && d.Kind == request.Kind, ct);
        if (due is null)
        {
            return Outcome<ReminderView>.Conflict(NotDue);
        }

        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == due.CustomerId, ct);
        if (!customer.ContactConsent || customer.DoNotCall)
        {
            return Outcome<ReminderView>.Conflict(OptedOut);
        }

        var now = clock.GetUtcNow();
        var by = new Actor(user.UserId, user.UserName);
        var reminder = await db.Set<Reminder>().FirstOrDefaultAsync(r => r.AssetId == due.AssetId && r.Kind == due.Kind && r.DueKey == due.DueKey, ct);
        var isNew = reminder is null;
        reminder ??= Reminder.For(due.StoreId, due.CustomerId, due.AssetId, due.Item, by, now);
        if (request.Channel == ReminderChannel.Message)
        {
            if (reminder.SentAt is not null)
            {
                return Outcome<ReminderView>.Conflict(Reminder.AlreadySent);
            }

            var mobile = customer.Phones.OrderByDescending(p => p.IsPrimary).Select(p => p.Number).FirstOrDefault(PhoneNumber.IsMobile);
            if (mobile is null)
            {
                return Outcome<ReminderView>.Conflict(NoMobile);
            }

            var store = await db.Stores.AsNoTracking().FirstAsync(s => s.Id == due.StoreId, ct);
            var message = notifications.Enqueue(db, new NotificationRequest(
                ReminderMessages.For(due.Kind),
                NotificationChannel.Sms,
                mobile,
                new Dictionary<string, string>
                {
                    ["name"] = customer.ContactPerson ?? customer.Name,
                    ["store"] = store.Name,
                    ["asset"] = asset.DisplayName,
                    ["due"] = due.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["link"] = ReminderMessages.BookingLink(publicBaseUrl, reminder.Token),
                },
                due.StoreId,
                customer.Id,
                customer.ContactConsent,
                request.Culture));
            if (!message.IsOk)
            {
                return message.As<ReminderView>();
            }

            reminder.MessageSent(message.Value!.Id, by, now);
        }
        else
        {
            reminder.Called(request.CallOutcome!.Value, request.Note, by, now);
        }

        if (isNew)
        {
            db.Add(reminder);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            return Outcome<ReminderView>.Conflict(Reminder.AlreadySent);
        }

        return ReminderView.From(reminder);
    }
}

/// <summary>
/// Links a booking to the reminder it came from: by the token of the reminder's booking link (the customer's own
/// page), or, for a booking staff record with the channel <see cref="AppointmentChannel.Reminder"/>, the asset's
/// latest reminder not yet booked. Called inside the booking's own save, so both commit together.
/// </summary>
public static class ReminderBookings
{
    /// <summary>A reminder older than this is not what brought the customer in.</summary>
    public const int LinkWindowDays = 90;

    /// <summary>The asset's reminder the token names, if any; the booking made with it is store-initiated.</summary>
    public static Task<Reminder?> ByTokenAsync(AfterSalesDb db, string? token, Guid assetId, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(token)
            ? Task.FromResult<Reminder?>(null)
            : db.Set<Reminder>().IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Token == token && r.AssetId == assetId, ct);

    public static async Task LinkAsync(AfterSalesDb db, Appointment appointment, Reminder? reminder, DateTimeOffset now, CancellationToken ct)
    {
        if (reminder is null && appointment.Channel == AppointmentChannel.Reminder)
        {
            var since = now.AddDays(-LinkWindowDays);
            reminder = await db.Set<Reminder>().IgnoreQueryFilters()
                .Where(r => r.AssetId == appointment.AssetId && r.AppointmentId == null && r.CreatedAt >= since)
                .OrderByDescending(r => r.CreatedAt)
                .FirstOrDefaultAsync(ct);
        }

        reminder?.Booked(appointment.Id, now);
    }
}
