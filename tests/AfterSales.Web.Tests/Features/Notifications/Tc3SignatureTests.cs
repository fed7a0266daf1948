using AfterSales.Web.Features.Notifications.Channels;

namespace AfterSales.Web.Tests.Features.Notifications;

/// <summary>The worked example of Tencent's "Signature v3" documentation (DescribeInstances on cvm, 2019-02-25) reproduced step by step.</summary>
public sealed class Tc3SignatureTests
{
    private const string SecretKey = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    private const string Payload = """{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}""";

    [Fact]
    public void The_documented_example_gives_the_documented_string_to_sign_and_signature()
    {
        var canonicalRequest = $"POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n{Tc3Signature.Sha256Hex(Payload)}";

        var stringToSign = Tc3Signature.StringToSign(1551113065, "2019-02-25/cvm/tc3_request", canonicalRequest);

        Assert.Equal("TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031", stringToSign);
        Assert.Equal("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168", Tc3Signature.Signature(SecretKey, "2019-02-25", "cvm", stringToSign));
    }

    [Fact]
    public void The_authorization_header_names_the_credential_scope_of_the_timestamps_utc_date_and_the_signed_headers()
    {
        // 1551113065 is 2019-02-25 16:44:25 UTC; just before midnight UTC (already the next day in Beijing) the scope keeps the UTC date.
        var authorization = Tc3Signature.Authorization("AKIDEXAMPLE", SecretKey, "sms", "sms.tencentcloudapi.com", "application/json; charset=utf-8", "SendSms", "{}", 1551139199);

        Assert.StartsWith("TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2019-02-25/sms/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=", authorization, StringComparison.Ordinal);
        Assert.Matches("Signature=[0-9a-f]{64}$", authorization);
    }
}
