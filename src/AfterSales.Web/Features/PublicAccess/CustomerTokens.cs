using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace AfterSales.Web.Features.PublicAccess;

/// <summary>A phone verified for a purpose, and the token that proves it until <see cref="ExpiresAt"/>.</summary>
public sealed record VerifiedPhone(string Phone, string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// Signed, expiring proofs that a customer holds a phone. The token carries the purpose, so a token for
/// booking an appointment does not open someone's complaints.
/// </summary>
public sealed class CustomerTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string HeaderName = "X-Customer-Token";

    private readonly IDataProtector protector = protection.CreateProtector("AfterSales.PublicAccess.CustomerToken.v1");

    internal VerifiedPhone Issue(string phone, string purpose, TimeSpan lifetime)
    {
        var expiresAt = clock.GetUtcNow() + lifetime;
        var payload = string.Join('|', purpose, phone, expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return new VerifiedPhone(phone, protector.Protect(payload), expiresAt);
    }

    /// <summary>The phone a token proves for this purpose; null if the token is missing, forged, expired or for another purpose.</summary>
    public string? ReadPhone(string? token, string purpose)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        string payload;
        try
        {
            payload = protector.Unprotect(token.Trim());
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('|');
        if (parts.Length != 3 || parts[0] != purpose || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }

        return clock.GetUtcNow().ToUnixTimeSeconds() < expires ? parts[1] : null;
    }

    /// <summary>The phone proven by the request's <see cref="HeaderName"/> header for this purpose.</summary>
    public string? ReadPhone(HttpContext context, string purpose) => ReadPhone(context.Request.Headers[HeaderName].ToString(), purpose);
}
