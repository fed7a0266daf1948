namespace AfterSales.Domain.Appointments;

/// <summary>The appointment lifecycle of DOMAIN.md step 1. Stored by name.</summary>
public enum AppointmentStatus
{
    Requested,
    Confirmed,
    Ready,
    Arrived,
    Converted,
    Rescheduled,
    Cancelled,
    NoShow,
}

public enum AppointmentTrigger
{
    Confirm,
    MarkReady,
    Arrive,
    Convert,
    Reschedule,
    Cancel,
    MarkNoShow,
}

/// <summary>The answer of the transition table: the state to move to, or the code of the refusal.</summary>
public readonly record struct AppointmentMove(AppointmentStatus? To, string? RefusalCode)
{
    public bool IsAllowed => To is not null;

    internal static AppointmentMove Allow(AppointmentStatus to) => new(to, null);

    internal static AppointmentMove Refuse(string code) => new(null, code);
}

/// <summary>
/// The one transition table of an appointment. Every state lists every trigger, without a discard arm, so a new
/// state or trigger does not compile (CS8509) until someone decides what it does everywhere.
/// A customer who turns up is received whatever the preparation says (arrive from requested, confirmed, ready or
/// rescheduled); a moved appointment must be confirmed again before the readiness check can pass it.
/// </summary>
public static class AppointmentLifecycle
{
    public const string NotConfirmed = "appointment.not_confirmed";
    public const string AlreadyConfirmed = "appointment.already_confirmed";
    public const string AlreadyReady = "appointment.already_ready";
    public const string NotArrived = "appointment.not_arrived";
    public const string AlreadyArrived = "appointment.already_arrived";
    public const string ConvertedReadOnly = "appointment.converted_read_only";
    public const string CancelledReadOnly = "appointment.cancelled_read_only";
    public const string NoShowReadOnly = "appointment.no_show_read_only";

    public static AppointmentMove Decide(AppointmentStatus state, AppointmentTrigger trigger) => state switch
    {
        AppointmentStatus.Requested => trigger switch
        {
            AppointmentTrigger.Confirm => AppointmentMove.Allow(AppointmentStatus.Confirmed),
            AppointmentTrigger.MarkReady or AppointmentTrigger.MarkNoShow => AppointmentMove.Refuse(NotConfirmed),
            AppointmentTrigger.Arrive => AppointmentMove.Allow(AppointmentStatus.Arrived),
            AppointmentTrigger.Convert => AppointmentMove.Refuse(NotArrived),
            AppointmentTrigger.Reschedule => AppointmentMove.Allow(AppointmentStatus.Rescheduled),
            AppointmentTrigger.Cancel => AppointmentMove.Allow(AppointmentStatus.Cancelled),
        },
        AppointmentStatus.Confirmed => trigger switch
        {
            AppointmentTrigger.Confirm => AppointmentMove.Refuse(AlreadyConfirmed),
            AppointmentTrigger.MarkReady => AppointmentMove.Allow(AppointmentStatus.Ready),
            AppointmentTrigger.Arrive => AppointmentMove.Allow(AppointmentStatus.Arrived),
            AppointmentTrigger.Convert => AppointmentMove.Refuse(NotArrived),
            AppointmentTrigger.Reschedule => AppointmentMove.Allow(AppointmentStatus.Rescheduled),
            AppointmentTrigger.Cancel => AppointmentMove.Allow(AppointmentStatus.Cancelled),
            AppointmentTrigger.MarkNoShow => AppointmentMove.Allow(AppointmentStatus.NoShow),
        },
        AppointmentStatus.Ready => trigger switch
        {
            AppointmentTrigger.Confirm => AppointmentMove.Refuse(AlreadyConfirmed),
            AppointmentTrigger.MarkReady => AppointmentMove.Refuse(AlreadyReady),
            AppointmentTrigger.Arrive => AppointmentMove.Allow(AppointmentStatus.Arrived),
            AppointmentTrigger.Convert => AppointmentMove.Refuse(NotArrived),
            AppointmentTrigger.Reschedule => AppointmentMove.Allow(AppointmentStatus.Rescheduled),
            AppointmentTrigger.Cancel => AppointmentMove.Allow(AppointmentStatus.Cancelled),
            AppointmentTrigger.MarkNoShow => AppointmentMove.Allow(AppointmentStatus.NoShow),
        },
        AppointmentStatus.Arrived => trigger switch
        {
            AppointmentTrigger.Confirm or AppointmentTrigger.MarkReady or AppointmentTrigger.Arrive or AppointmentTrigger.Reschedule
                or AppointmentTrigger.Cancel or AppointmentTrigger.MarkNoShow => AppointmentMove.Refuse(AlreadyArrived),
            AppointmentTrigger.Convert => AppointmentMove.Allow(AppointmentStatus.Converted),
        },
        AppointmentStatus.Converted => trigger switch
        {
            AppointmentTrigger.Confirm or AppointmentTrigger.MarkReady or AppointmentTrigger.Arrive or AppointmentTrigger.Convert
                or AppointmentTrigger.Reschedule or AppointmentTrigger.Cancel or AppointmentTrigger.MarkNoShow => AppointmentMove.Refuse(ConvertedReadOnly),
        },

        // A moved appointment is confirmed again with the customer before the readiness check may pass it.
        AppointmentStatus.Rescheduled => trigger switch
        {
            AppointmentTrigger.Confirm => AppointmentMove.Allow(AppointmentStatus.Confirmed),
            AppointmentTrigger.MarkReady => AppointmentMove.Refuse(NotConfirmed),
            AppointmentTrigger.Arrive => AppointmentMove.Allow(AppointmentStatus.Arrived),
            AppointmentTrigger.Convert => AppointmentMove.Refuse(NotArrived),
            AppointmentTrigger.Reschedule => AppointmentMove.Allow(AppointmentStatus.Rescheduled),
            AppointmentTrigger.Cancel => AppointmentMove.Allow(AppointmentStatus.Cancelled),
            AppointmentTrigger.MarkNoShow => AppointmentMove.Allow(AppointmentStatus.NoShow),
        },
        AppointmentStatus.Cancelled => trigger switch
        {
            AppointmentTrigger.Confirm or AppointmentTrigger.MarkReady or AppointmentTrigger.Arrive or AppointmentTrigger.Convert
                or AppointmentTrigger.Reschedule or AppointmentTrigger.Cancel or AppointmentTrigger.MarkNoShow => AppointmentMove.Refuse(CancelledReadOnly),
        },
        AppointmentStatus.NoShow => trigger switch
        {
            AppointmentTrigger.Confirm or AppointmentTrigger.MarkReady or AppointmentTrigger.Arrive or AppointmentTrigger.Convert
                or AppointmentTrigger.Reschedule or AppointmentTrigger.Cancel or AppointmentTrigger.MarkNoShow => AppointmentMove.Refuse(NoShowReadOnly),
        },
    };

    public static IReadOnlyList<AppointmentTrigger> PermittedTriggers(AppointmentStatus state) =>
        Enum.GetValues<AppointmentTrigger>().Where(t => Decide(state, t).IsAllowed).ToList();

    /// <summary>Whether the appointment still holds its slot and counts against capacity.</summary>
    public static bool HoldsSlot(AppointmentStatus state) => state switch
    {
        AppointmentStatus.Requested or AppointmentStatus.Confirmed or AppointmentStatus.Ready or AppointmentStatus.Rescheduled
            or AppointmentStatus.Arrived or AppointmentStatus.Converted => true,
        AppointmentStatus.Cancelled or AppointmentStatus.NoShow => false,
    };

    /// <summary>Still ahead of the store: not yet arrived, not ended.</summary>
    public static bool IsUpcoming(AppointmentStatus state) => state switch
    {
        AppointmentStatus.Requested or AppointmentStatus.Confirmed or AppointmentStatus.Ready or AppointmentStatus.Rescheduled => true,
        AppointmentStatus.Arrived or AppointmentStatus.Converted or AppointmentStatus.Cancelled or AppointmentStatus.NoShow => false,
    };
}
