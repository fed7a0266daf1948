using System.Security.Cryptography;
using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;

namespace AfterSales.Domain.Reminders;

/// <summary>What falls due: the next maintenance (保养), the maker's warranty (保修到期) or an extended-warranty contract (延保到期).</summary>
public enum ReminderKind
{
    Service,
    WarrantyExpiry,
    ExtendedWarrantyExpiry,
}

/// <summary>How the store reached out: a message with a booking link, or a call.</summary>
public enum ReminderChannel
{
    Message,
    Call,
}

public enum ReminderCallOutcome
{
    Reached,
    NoAnswer,
    WrongNumber,
    Declined,
}

/// <summary>One due item of an asset: what, by which key, when, at which odometer reading, from which plan, policy or contract.</summary>
public sealed record DueItem(ReminderKind Kind, string Key, DateOnly DueOn, int? DueKm, DueBasis Basis, string Label);

/// <summary>
/// A reminder (提醒) the store gave a customer for one due item of one asset: a message with a booking link and/or
/// calls. Unique per asset, kind and due key, so the same due service is never reminded twice. A booking made
/// from it is linked here and counted as a conversion.
/// </summary>
public sealed class Reminder
{
    public const int NoteMaxLength = 500;
    public const int TokenLength = 32;
    public const string AlreadySent = "reminder.already_sent";

    private Reminder()
    {
    }

    public Guid Id { get; private set; }

    public Guid StoreId { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid AssetId { get; private set; }

    public ReminderKind Kind { get; private set; }

    public string DueKey { get; private set; } = string.Empty;

    public DateOnly DueOn { get; private set; }

    public int? DueKm { get; private set; }

    public string Label { get; private set; } = string.Empty;

    /// <summary>Unguessable: the booking link carries it so that a booking made from the message is linked back.</summary>
    public string Token { get; private set; } = string.Empty;

    public Guid? MessageId { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public ReminderCallOutcome? CallOutcome { get; private set; }

    public DateTimeOffset? CalledAt { get; private set; }

    public string? CallNote { get; private set; }

    public Guid? ByUserId { get; private set; }

    public string ByUserName { get; private set; } = string.Empty;

    public Guid? AppointmentId { get; private set; }

    public DateTimeOffset? BookedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Version { get; private set; }

    public const int KeyMaxLength = 80;
    public const int LabelMaxLength = 100;

    /// <summary>A reminder for the due item <paramref name="item"/> of an asset, named by its key (see <see cref="ServiceDue.Key"/>).</summary>
    public static Reminder For(Guid storeId, Guid customerId, Guid assetId, DueItem item, Actor by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StoreId = storeId,
        CustomerId = customerId,
        AssetId = assetId,
        Kind = item.Kind,
        DueKey = item.Key,
        DueOn = item.DueOn,
        DueKm = item.DueKm,
        Label = item.Label,
        Token = NewToken(),
        ByUserId = by.UserId,
        ByUserName = by.UserName,
        CreatedAt = now,
    };

    /// <summary>The message with the booking link went out; a second one for the same due item is refused.</summary>
    public FieldError? MessageSent(Guid messageId, Actor by, DateTimeOffset now)
    {
        if (SentAt is not null)
        {
            return new FieldError(AlreadySent);
        }

        MessageId = messageId;
        SentAt = now;
        ByUserId = by.UserId;
        ByUserName = by.UserName;
        return null;
    }

    /// <summary>A call about the due item; a later call replaces the outcome of an earlier one (no answer, then reached).</summary>
    public void Called(ReminderCallOutcome outcome, string? note, Actor by, DateTimeOffset now)
    {
        CallOutcome = outcome;
        CallNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        CalledAt = now;
        ByUserId = by.UserId;
        ByUserName = by.UserName;
    }

    /// <summary>The customer booked from this reminder; the first booking is the conversion.</summary>
    public bool Booked(Guid appointmentId, DateTimeOffset now)
    {
        if (AppointmentId is not null)
        {
            return false;
        }

        AppointmentId = appointmentId;
        BookedAt = now;
        return true;
    }

    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
