using System.Globalization;
using System.Resources;
using AfterSales.Web.Features.Notifications;

namespace AfterSales.Web.Features.ComplaintSla;

/// <summary>The messages of the SLA area: alerts to staff, and progress updates to the customer (service messages, no consent needed).</summary>
public static class SlaNotifications
{
    public static readonly NotificationTemplate ProgressUpdate = new("complaint_progress", NotificationPurpose.Service, ["number", "store", "message"]);

    public static readonly NotificationTemplate Warning = new("complaint_sla_warning", NotificationPurpose.Service, ["number", "clock", "due", "store"]);

    public static readonly NotificationTemplate Breach = new("complaint_sla_breach", NotificationPurpose.Service, ["number", "clock", "due", "level", "store"]);

    public static readonly NotificationTemplate ProgressOverdue = new("complaint_progress_overdue", NotificationPurpose.Service, ["number", "due", "store"]);

    public static IReadOnlyList<NotificationTemplate> All { get; } = [ProgressUpdate, Warning, Breach, ProgressOverdue];

    private static readonly ResourceManager Resources = new("AfterSales.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>An enum value's label in the recipient's language, for placeholders such as {clock} and {level}.</summary>
    public static string Label<TEnum>(TEnum value, string culture)
        where TEnum : struct, Enum =>
        Resources.GetString($"enum.{typeof(TEnum).Name}.{value}", CultureInfo.GetCultureInfo(NotificationTemplates.NormalizeCulture(culture))) ?? value.ToString();
}
