using System.Globalization;
using System.Security.Cryptography;
using AfterSales.Domain.Common;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.PublicAccess;

/// <summary>A customer asks for a code to their phone. <see cref="Purpose"/> is the area asking: appointment, complaint, approval….</summary>
public sealed record SendCodeRequest(string Phone, string Purpose);

/// <summary>The code went out: it is valid until <see cref="ExpiresAt"/>, and the next one can be asked for at <see cref="ResendAt"/>.</summary>
public sealed record CodeSentView(string MaskedPhone, DateTimeOffset ExpiresAt, DateTimeOffset ResendAt);

internal sealed class SendCodeValidator : AbstractValidator<SendCodeRequest>
{
    public SendCodeValidator()
    {
        RuleFor(x => x.Phone).Must(p => PhoneNumber.IsValid(p) && PhoneNumber.IsMobile(PhoneNumber.Normalize(p)))
            .WithErrorCode("verification.mobile_required");
        RuleFor(x => x.Purpose).Must(PublicPurposes.IsValid).WithErrorCode("verification.purpose_invalid");
    }
}

internal static class PublicPurposes
{
    // A word, so it can travel inside the token and the API without escaping.
    public static bool IsValid(string? purpose) =>
        purpose is { Length: > 0 and <= PhoneVerificationChallenge.PurposeMaxLength } && purpose.All(char.IsAsciiLetterLower);
}

public sealed class SendVerificationCode(AfterSalesDb db, RequestValidation validation, Notifications.Notifications notifications, PublicAccessOptions options, TimeProvider clock)
{
    public async Task<Outcome<CodeSentView>> HandleAsync(SendCodeRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<CodeSentView>.Invalid(errors);
        }

        var phone = PhoneNumber.Normalize(request.Phone);
        var now = clock.GetUtcNow();
        var recent = await db.Set<PhoneVerificationChallenge>().AsNoTracking()
            .Where(c => c.Phone == phone && c.CreatedAt > now.AddHours(-1))
            .Select(c => new { c.Purpose, c.CreatedAt })
            .ToListAsync(ct);
        var last = recent.Where(c => c.Purpose == request.Purpose).Select(c => (DateTimeOffset?)c.CreatedAt).Max();
        if (last is { } sentAt && now < sentAt + options.ResendInterval)
        {
            return Outcome<CodeSentView>.TooManyRequests("verification.resend_too_soon");
        }

        if (recent.Count >= options.CodesPerPhonePerHour)
        {
            return Outcome<CodeSentView>.TooManyRequests("verification.too_many_codes");
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var challenge = PhoneVerificationChallenge.Issue(phone, request.Purpose, code, options.CodeLifetime, now);
        db.Set<PhoneVerificationChallenge>().Add(challenge);
        var sent = notifications.Enqueue(db, new NotificationRequest(
            NotificationTemplates.VerificationCode,
            NotificationChannel.Sms,
            phone,
            new Dictionary<string, string>
            {
                ["code"] = code,
                ["minutes"] = ((int)Math.Ceiling(options.CodeLifetime.TotalMinutes)).ToString(CultureInfo.InvariantCulture),
            },
            Culture: CultureInfo.CurrentUICulture.Name));
        if (!sent.IsOk)
        {
            return sent.As<CodeSentView>();
        }

        await db.SaveChangesAsync(ct);
        return new CodeSentView(Masking.MaskPhone(phone), challenge.ExpiresAt, now + options.ResendInterval);
    }
}
