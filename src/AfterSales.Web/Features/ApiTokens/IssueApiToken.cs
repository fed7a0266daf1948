using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.ApiTokens;

/// <summary>Issues a bearer token for a staff login; the token acts with that user's roles and stores.</summary>
public sealed record IssueApiTokenRequest(Guid UserId, string Name, DateTimeOffset? ExpiresAt = null);

internal sealed class IssueApiTokenValidator : AbstractValidator<IssueApiTokenRequest>
{
    public const int PrefixLength = 12;

    public IssueApiTokenValidator(TimeProvider clock)
    {
        RuleFor(x => x.UserId).NotEmpty();
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.ExpiresAt).Must(e => e is null || e > clock.GetUtcNow()).WithErrorCode("api_token.expiry_in_past");
    }
}

public sealed class IssueApiToken(AfterSalesDb db, RequestValidation validation, TimeProvider clock)
{
    public async Task<Outcome<IssuedApiToken>> HandleAsync(IssueApiTokenRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<IssuedApiToken>.Invalid(errors);
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == request.UserId).Select(u => new { u.IsActive }).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return Outcome<IssuedApiToken>.Invalid("api_token.user_unknown", nameof(request.UserId));
        }

        if (!user.IsActive)
        {
            return Outcome<IssuedApiToken>.Invalid("api_token.user_disabled", nameof(request.UserId));
        }

        var plaintext = ApiTokenAuthenticationHandler.NewToken();
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            UserId = request.UserId,
            Name = request.Name.Trim(),
            TokenHash = ApiTokenAuthenticationHandler.Hash(plaintext),
            Prefix = plaintext[..IssueApiTokenValidator.PrefixLength],
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = request.ExpiresAt?.ToUniversalTime(),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        var view = await ApiTokenViews.ViewAsync(db, token, clock.GetUtcNow(), ct);
        return new IssuedApiToken(view.Value!, plaintext);
    }
}
