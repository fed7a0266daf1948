using System.Globalization;
using System.Resources;
using System.Text;

namespace AfterSales.Web.Features.Notifications;

/// <summary>Marketing messages need the customer's contact consent (ContactConsent); service messages about their own business do not.</summary>
public enum NotificationPurpose
{
    Service,
    Marketing,
}

/// <summary>
/// A message template: its texts are the resources <c>notification.{Key}.subject</c> and <c>notification.{Key}.body</c>
/// in both languages, with named placeholders such as <c>{store}</c> that the caller fills.
/// </summary>
public sealed record NotificationTemplate(string Key, NotificationPurpose Purpose, IReadOnlyList<string> Placeholders)
{
    public string SubjectKey => $"notification.{Key}.subject";

    public string BodyKey => $"notification.{Key}.body";
}

public static class NotificationTemplates
{
    public const string DefaultCulture = "zh-CN";

    /// <summary>Sent once to a new customer who agreed to be contacted; it promotes the store, so it needs consent.</summary>
    public static readonly NotificationTemplate Welcome = new("welcome", NotificationPurpose.Marketing, ["name", "store"]);

    /// <summary>A one-time code for the customer's own sign-in or confirmation: a service message.</summary>
    public static readonly NotificationTemplate VerificationCode = new("verification_code", NotificationPurpose.Service, ["code", "minutes"]);

    public static IReadOnlyList<NotificationTemplate> All { get; } =
        [Welcome, VerificationCode, Complaints.Public.ComplaintNotifications.Received, Complaints.Public.ComplaintNotifications.Reply, Appointments.AppointmentMessages.Rescheduled,
        Workshop.TechnicianMessages.Delayed, Workshop.TechnicianMessages.DelayedStaff, Workshop.CustomerLinkMessages.ExtraWork, Workshop.CustomerLinkMessages.Signature,
        Settlement.ProgressMessages.Received, Settlement.ProgressMessages.Ready, Surveys.SurveyMessages.SurveyLink, .. Reminders.ReminderMessages.All,
        .. ComplaintSla.SlaNotifications.All];

    private static readonly ResourceManager Resources = new("AfterSales.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>"en", "en-US" → "en"; anything else, or nothing, → zh-CN (the default language of the product).</summary>
    public static string NormalizeCulture(string? culture) =>
        culture is not null && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : DefaultCulture;

    /// <summary>Subject and body of a template in a language, placeholders filled.</summary>
    public static (string Subject, string Body) Render(NotificationTemplate template, string culture, IReadOnlyDictionary<string, string> values)
    {
        var missing = template.Placeholders.Where(p => !values.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Template '{template.Key}' needs values for: {string.Join(", ", missing)}.", nameof(values));
        }

        var info = CultureInfo.GetCultureInfo(NormalizeCulture(culture));
        return (Fill(Text(template.SubjectKey, info), values), Fill(Text(template.BodyKey, info), values));
    }

    /// <summary>Replaces each <c>{name}</c> with its value; <c>{{</c> and <c>}}</c> stand for literal braces. An unknown name is a bug in the template.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        var result = new StringBuilder(text.Length + 32);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                result.Append(c);
                i++;
                continue;
            }

            if (c == '}')
            {
                throw new FormatException($"Unmatched '}}' at {i} in template text.");
            }

            if (c != '{')
            {
                result.Append(c);
                continue;
            }

            var end = text.IndexOf('}', i + 1);
            if (end < 0)
            {
                throw new FormatException($"Unclosed placeholder at {i} in template text.");
            }

            var name = text[(i + 1)..end];
            if (!values.TryGetValue(name, out var value))
            {
                throw new FormatException($"The template text uses '{{{name}}}', which has no value.");
            }

            result.Append(value);
            i = end;
        }

        return result.ToString();
    }

    private static string Text(string key, CultureInfo culture) =>
        Resources.GetString(key, culture) ?? throw new InvalidOperationException($"Resource '{key}' is missing.");
}
