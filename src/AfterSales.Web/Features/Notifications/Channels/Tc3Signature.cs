using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Web.Features.Notifications.Channels;

/// <summary>
/// TencentCloud API 3.0 request signing (签名方法 v3, TC3-HMAC-SHA256), as its public documentation describes it: a canonical
/// request of method, path, query, the signed headers and the body's SHA-256; a string to sign with the timestamp and the
/// credential scope (date/service/tc3_request); a signing key derived from the SecretKey by HMAC over date, service and
/// "tc3_request".
/// </summary>
public static class Tc3Signature
{
    public const string Algorithm = "TC3-HMAC-SHA256";

    /// <summary>The headers signed, lower case and sorted as the canonical request lists them.</summary>
    public const string SignedHeaders = "content-type;host;x-tc-action";

    /// <summary>The Authorization header of a POST to "/" with a JSON body.</summary>
    public static string Authorization(
        string secretId, string secretKey, string service, string host, string contentType, string action, string payload, long timestamp)
    {
        var date = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var scope = $"{date}/{service}/tc3_request";
        var canonicalHeaders = $"content-type:{contentType.ToLowerInvariant()}\nhost:{host.ToLowerInvariant()}\nx-tc-action:{action.ToLowerInvariant()}\n";
        var canonicalRequest = $"POST\n/\n\n{canonicalHeaders}\n{SignedHeaders}\n{Sha256Hex(payload)}";
        var signature = Signature(secretKey, date, service, StringToSign(timestamp, scope, canonicalRequest));
        return $"{Algorithm} Credential={secretId}/{scope}, SignedHeaders={SignedHeaders}, Signature={signature}";
    }

    public static string StringToSign(long timestamp, string credentialScope, string canonicalRequest) =>
        $"{Algorithm}\n{timestamp.ToString(CultureInfo.InvariantCulture)}\n{credentialScope}\n{Sha256Hex(canonicalRequest)}";

    /// <summary>Hex HMAC-SHA256 of the string to sign under the key derived from the SecretKey for the date (yyyy-MM-dd, UTC) and service.</summary>
    public static string Signature(string secretKey, string date, string service, string stringToSign)
    {
        var secretDate = Hmac(Encoding.UTF8.GetBytes("TC3" + secretKey), date);
        var secretService = Hmac(secretDate, service);
        var secretSigning = Hmac(secretService, "tc3_request");
        return Convert.ToHexStringLower(Hmac(secretSigning, stringToSign));
    }

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static byte[] Hmac(byte[] key, string message) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message));
}
