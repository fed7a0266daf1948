using AfterSales.Domain.Common;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.PublicAccess;

public sealed record VerifyCodeRequest(string Phone, string Purpose, string Code);

internal sealed class VerifyCodeValidator : AbstractValidator<VerifyCodeRequest>
{
    public VerifyCodeValidator()
    {
        RuleFor(x => x.Phone).Must(PhoneNumber.IsValid).WithErrorCode("verification.mobile_required");
        RuleFor(x => x.Purpose).Must(PublicPurposes.IsValid).WithErrorCode("verification.purpose_invalid");
        RuleFor(x => x.Code).Must(c => c is { Length: 6 } && c.All(char.IsAsciiDigit)).WithErrorCode("verification.code_format");
    }
}

/// <summary>
/// Checks the code typed by the customer against the latest code sent to that phone for that purpose and, if it
/// matches, returns a token that proves the phone. Wrong codes count; after the limit the code is dead.
/// </summary>
public sealed class VerifyPhoneCode(AfterSalesDb db, RequestValidation validation, CustomerTokens tokens, PublicAccessOptions options, TimeProvider clock)
{
    public async Task<Outcome<VerifiedPhone>> HandleAsync(VerifyCodeRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<VerifiedPhone>.Invalid(errors);
        }

        var phone = PhoneNumber.Normalize(request.Phone);
        var now = clock.GetUtcNow();
        var challenge = await db.Set<PhoneVerificationChallenge>()
            .Where(c => c.Phone == phone && c.Purpose == request.Purpose)
            .OrderByDescending(c => c.CreatedAt)
            .FirstOrDefaultAsync(ct);
        if (challenge is null || !challenge.IsOpen(now, options.MaxAttempts))
        {
            var code = challenge is not null && challenge.FailedAttempts >= options.MaxAttempts && challenge.VerifiedAt is null
                ? "verification.too_many_attempts"
                : "verification.code_expired";
            return Outcome<VerifiedPhone>.Invalid(code, nameof(request.Code));
        }

        var verified = challenge.TryVerify(request.Code, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another attempt on the same code was counted at the same moment: this one must be typed again.
            return Outcome<VerifiedPhone>.Invalid("verification.code_wrong", nameof(request.Code));
        }

        return verified
            ? tokens.Issue(phone, request.Purpose, options.TokenLifetime)
            : Outcome<VerifiedPhone>.Invalid("verification.code_wrong", nameof(request.Code));
    }
}
