using System.Net;
using System.Text.RegularExpressions;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.PublicAccess;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Tests.Infrastructure;

/// <summary>What a customer does to prove their phone on a public page, through the public API.</summary>
public static partial class PublicAccessSteps
{
    /// <summary>Asks for a code, reads it from the SMS in the outbox as the customer would on their phone, and returns the token.</summary>
    public static async Task<string> VerifyPhoneAsync(this TestApp app, string phone, string purpose, string? culture = null)
    {
        var client = app.AnonymousClient(culture);
        await (await client.PostAsync("/api/v1/public/verification-codes", new SendCodeRequest(phone, purpose))).ReadAsync<CodeSentView>(HttpStatusCode.Accepted);
        var code = await app.LatestCodeSentToAsync(phone);
        var verified = await (await client.PostAsync("/api/v1/public/verifications", new VerifyCodeRequest(phone, purpose, code))).ReadAsync<VerifiedPhone>();
        return verified.Token;
    }

    /// <summary>The code in the newest verification SMS to a phone.</summary>
    public static async Task<string> LatestCodeSentToAsync(this TestApp app, string phone)
    {
        var body = await app.WithDbAsync(db => db.Set<OutboxMessage>()
            .Where(m => m.Recipient == phone && m.TemplateKey == NotificationTemplates.VerificationCode.Key)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Select(m => m.Body)
            .FirstAsync());
        return SixDigits().Match(body).Value;
    }

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
