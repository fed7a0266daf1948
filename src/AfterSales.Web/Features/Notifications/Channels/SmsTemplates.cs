using AfterSales.Domain.Common;

namespace AfterSales.Web.Features.Notifications.Channels;

/// <summary>How a cloud SMS gateway's settings turn one of our messages into its template id, values and number.</summary>
internal static class SmsTemplates
{
    /// <summary>
    /// The gateway's template for the message's template and language (falling back to the zh-CN one) and the message's values
    /// in that template's order. A message no template is configured for cannot be sent until one is: a permanent refusal.
    /// </summary>
    internal static (string TemplateId, IReadOnlyList<string> Values) Resolve(
        IReadOnlyDictionary<string, SmsTemplateOptions> templates, SmsMessage message, string settingsPath)
    {
        if (!templates.TryGetValue(message.TemplateKey, out var template)
            || !(template.Ids.TryGetValue(message.Culture, out var id) || template.Ids.TryGetValue(NotificationTemplates.DefaultCulture, out id))
            || string.IsNullOrWhiteSpace(id))
        {
            throw new NotificationDeliveryException(
                $"No SMS template is configured for '{message.TemplateKey}' ({message.Culture}): set {settingsPath}:Templates:{message.TemplateKey}:Ids:{message.Culture}.",
                permanent: true);
        }

        var values = new List<string>(template.Parameters.Count);
        foreach (var name in template.Parameters)
        {
            if (!message.Values.TryGetValue(name, out var value))
            {
                throw new NotificationDeliveryException(
                    $"The message has no value for '{name}', which {settingsPath}:Templates:{message.TemplateKey}:Parameters names.", permanent: true);
            }

            values.Add(value);
        }

        return (id.Trim(), values);
    }

    /// <summary>The number in E.164 form (+86…): the gateways take mainland mobiles only in that form or bare.</summary>
    internal static string E164(string recipient)
    {
        var digits = PhoneNumber.Normalize(recipient);
        return PhoneNumber.IsMobile(digits)
            ? "+86" + digits
            : throw new NotificationDeliveryException($"'{Masking.MaskPhone(digits)}' is not a mainland mobile number: it cannot receive SMS.", permanent: true);
    }

    /// <summary>What is wrong with a gateway's template settings: unknown template keys or placeholders, templates without an id.</summary>
    internal static IEnumerable<string> Problems(IReadOnlyDictionary<string, SmsTemplateOptions> templates, string settingsPath)
    {
        foreach (var (key, template) in templates)
        {
            var known = NotificationTemplates.All.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                yield return $"{settingsPath}:Templates:{key}: there is no message template '{key}' (known: {string.Join(", ", NotificationTemplates.All.Select(t => t.Key))}).";
                continue;
            }

            if (template.Ids.Count == 0 || template.Ids.Values.Any(string.IsNullOrWhiteSpace))
            {
                yield return $"{settingsPath}:Templates:{key}:Ids needs a template id per language (at least zh-CN).";
            }

            foreach (var parameter in template.Parameters.Where(p => !known.Placeholders.Contains(p)))
            {
                yield return $"{settingsPath}:Templates:{key}:Parameters: '{parameter}' is not a placeholder of '{key}' (it has: {string.Join(", ", known.Placeholders)}).";
            }
        }
    }
}
