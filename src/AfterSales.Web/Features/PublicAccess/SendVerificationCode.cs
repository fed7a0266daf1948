using System.Globalization;
using System.Security.Cryptography;
using AfterSales.Domain.Common;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.PublicAccess;

/// <summary>
/// A customer asks for a code to their phone. <see cref="Purpose"/> is the area asking: appointment, complaint, approval….
/// <see cref="StoreId"/> is the store whose page asks, when the page belongs to one: the code counts against that store's daily allowance.
/// </summary>
public sealed record SendCodeRequest(string Phone, string Purpose, Guid? StoreId = null);

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

/// <summary>
/// Sends the code, within the allowances: one code per phone and purpose per resend interval, and per hour a number per
/// phone and per client address, per day a number per store. The allowances are taken in the transaction that stores
/// the challenge and queues the SMS (see <see cref="Throttle"/>), so concurrent requests on any node cannot send more.
/// </summary>
public sealed class SendVerificationCode(AfterSalesDb db, RequestValidation validation, Notifications.Notifications notifications, Throttle throttle, PublicAccessOptions options, TimeProvider clock)
{
    /// <summary><paramref name="clientAddress"/> is the address the request came from (null when unknown: such requests share one allowance).</summary>
    public async Task<Outcome<CodeSentView>> HandleAsync(SendCodeRequest request, string? clientAddress, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<CodeSentView>.Invalid(errors);
        }

        if (request.StoreId is { } storeId && !await db.Stores.AsNoTracking().AnyAsync(s => s.Id == storeId && s.IsActive, ct))
        {
            return Outcome<CodeSentView>.Invalid("verification.store_unknown", nameof(SendCodeRequest.StoreId));
        }

        var phone = PhoneNumber.Normalize(request.Phone);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var refused = await throttle.TryTakeAsync(Allowances(phone, request.Purpose, request.StoreId, clientAddress), ct);
        if (refused is not null)
        {
            await transaction.RollbackAsync(ct);
            return Outcome<CodeSentView>.TooManyRequests(RefusalCode(refused.Rule.Key), refused.RetryAfter);
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
            await transaction.RollbackAsync(ct);
            return sent.As<CodeSentView>();
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new CodeSentView(Masking.MaskPhone(phone), challenge.ExpiresAt, now + options.ResendInterval);
    }

    private const string ResendKey = "code.resend:";
    private const string PhoneKey = "code.phone:";
    private const string AddressKey = "code.address:";
    private const string StoreKey = "code.store:";

    // Narrowest first, so a customer who asks again too soon hears that, not that their address is over its allowance.
    private List<ThrottleRule> Allowances(string phone, string purpose, Guid? storeId, string? clientAddress) =>
    [
        new(ResendKey + phone + ":" + purpose, 1, options.ResendInterval),
        new(PhoneKey + phone, options.CodesPerPhonePerHour, TimeSpan.FromHours(1)),
        new(AddressKey + (clientAddress ?? "unknown"), options.CodesPerAddressPerHour, TimeSpan.FromHours(1)),
        storeId is { } id
            ? new(StoreKey + id.ToString("N"), options.CodesPerStorePerDay, TimeSpan.FromDays(1))
            : new(StoreKey + "none", options.CodesPerDayWithoutStore, TimeSpan.FromDays(1)),
    ];

    private static string RefusalCode(string key) => key switch
    {
        _ when key.StartsWith(ResendKey, StringComparison.Ordinal) => "verification.resend_too_soon",
        _ when key.StartsWith(PhoneKey, StringComparison.Ordinal) => "verification.too_many_codes",
        _ when key.StartsWith(AddressKey, StringComparison.Ordinal) => "verification.too_many_codes_from_address",
        _ => "verification.daily_limit_reached",
    };
}
