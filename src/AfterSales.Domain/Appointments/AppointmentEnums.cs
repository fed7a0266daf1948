namespace AfterSales.Domain.Appointments;

/// <summary>Where the booking came from (预约渠道); <see cref="Reminder"/> is the store's own maintenance-reminder call.</summary>
public enum AppointmentChannel
{
    Phone,
    App,
    WeChat,
    Web,
    WalkIn,
    Reminder,
}

/// <summary>What the customer is asked to bring (携带资料). Stored by name, comma-separated.</summary>
[Flags]
public enum ThingsToBring
{
    None = 0,
    Registration = 1,
    ServiceBook = 2,
    WheelLockKey = 4,
    WarrantyCard = 8,
    PurchaseProof = 16,
}

/// <summary>What the day-before readiness check (预约准备) confirms besides technician hours.</summary>
public enum ReadinessItem
{
    Parts,
    SpecialTools,
    Documents,
}
