namespace AfterSales.Web.Features.ApiTokens;

public enum ApiTokenStatus
{
    Active,
    Expired,
    Revoked,
}

/// <summary>A token as listed: never the token itself, only the first characters to recognise it.</summary>
public sealed record ApiTokenView(
    Guid Id,
    string Name,
    string Prefix,
    Guid UserId,
    string UserName,
    string UserDisplayName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt,
    ApiTokenStatus Status);

/// <summary>The answer to issuing a token: the only time the plaintext <see cref="Token"/> is shown.</summary>
public sealed record IssuedApiToken(ApiTokenView Details, string Token);
