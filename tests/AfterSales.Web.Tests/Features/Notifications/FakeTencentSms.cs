using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AfterSales.Web.Tests.Features.Notifications;

/// <summary>One SendSms the fake accepted.</summary>
internal sealed record TencentSend(string PhoneNumber, string TemplateId, IReadOnlyList<string> Parameters, string SignName, string SessionContext, string SerialNo);

/// <summary>
/// Tencent Cloud SMS on loopback: a Kestrel app on 127.0.0.1 that checks each request the way Tencent's API gateway
/// documents it (TC3-HMAC-SHA256 recomputed from the request as received and the account's SecretKey, the timestamp within
/// five minutes, the action and version), then the SendSms parameters (SdkAppId, signature name, an approved template and its
/// parameter count), and answers as Tencent does: a SendStatusSet with a SerialNo, or an Error. Answers for a phone number
/// can be scripted (rate limits, refusals); receipts (状态报告) are pushed to the product's callback on request.
/// Its signature check is written apart from the product's signer on purpose: a shared mistake would pass.
/// </summary>
internal sealed class FakeTencentSms : IAsyncDisposable
{
    public const string SecretId = "AKIDfaketencentsms0000000000000000000";
    public const string SecretKey = "fakeTencentSecretKey0000000000000";
    public const string SdkAppId = "1400000001";
    public const string SignName = "售后测试";
    public const string ReceiptToken = "fake-tencent-receipts-0123456789abcdef";
    public const string ReceiptPath = "/api/v1/callbacks/sms/tencent/" + ReceiptToken;

    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _scripted = new();
    private readonly ConcurrentQueue<TencentSend> _sent = new();
    private readonly ConcurrentQueue<string> _refusals = new();

    /// <summary>Approved templates: id → number of variables.</summary>
    private readonly Dictionary<string, int> _templates = new() { ["2001"] = 2, ["2002"] = 2 };

    private FakeTencentSms(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
    }

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyCollection<TencentSend> Sent => _sent;

    /// <summary>The error codes the fake answered with, in order.</summary>
    public IReadOnlyCollection<string> Refusals => _refusals;

    /// <summary>The settings that point the product at this fake; the template ids are those the fake has approved.</summary>
    public Dictionary<string, string> Settings(string? secretKey = null) => new()
    {
        ["Notifications:Sms:Provider"] = "tencent",
        ["Notifications:Sms:Tencent:SecretId"] = SecretId,
        ["Notifications:Sms:Tencent:SecretKey"] = secretKey ?? SecretKey,
        ["Notifications:Sms:Tencent:SdkAppId"] = SdkAppId,
        ["Notifications:Sms:Tencent:SignName"] = SignName,
        ["Notifications:Sms:Tencent:Region"] = "ap-guangzhou",
        ["Notifications:Sms:Tencent:Endpoint"] = Endpoint.ToString(),
        ["Notifications:Sms:Tencent:ReceiptToken"] = ReceiptToken,
        ["Notifications:Sms:Tencent:Templates:verification_code:Ids:zh-CN"] = "2001",
        ["Notifications:Sms:Tencent:Templates:verification_code:Ids:en"] = "2002",
        ["Notifications:Sms:Tencent:Templates:verification_code:Parameters:0"] = "code",
        ["Notifications:Sms:Tencent:Templates:verification_code:Parameters:1"] = "minutes",
    };

    /// <param name="clock">The product's clock: the fake judges a request's timestamp by the same time.</param>
    public static async Task<FakeTencentSms> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTencentSms(app, clock);
        app.MapPost("/", async context => await (await fake.AnswerAsync(context)).ExecuteAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Endpoint = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return fake;
    }

    /// <summary>The next sends to a number answer these per-number codes (e.g. LimitExceeded.PhoneNumberThirtySecondLimit) in turn, then Ok.</summary>
    public void Script(string phoneNumberE164, params string[] codes)
    {
        var queue = _scripted.GetOrAdd(phoneNumberE164, _ => new ConcurrentQueue<string>());
        foreach (var code in codes)
        {
            queue.Enqueue(code);
        }
    }

    /// <summary>Posts status reports to the product's callback as Tencent pushes them: a JSON array, one element per message.</summary>
    public Task<HttpResponseMessage> PushReceiptsAsync(HttpClient product, string callbackPath, params (string SerialNo, string Mobile, bool Delivered, string ErrMsg)[] reports)
    {
        var body = reports.Select(r => new Dictionary<string, string>
        {
            ["user_receive_time"] = _clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["nationcode"] = "86",
            ["mobile"] = r.Mobile,
            ["report_status"] = r.Delivered ? "SUCCESS" : "FAIL",
            ["errmsg"] = r.ErrMsg,
            ["description"] = r.Delivered ? "用户短信送达成功" : "用户短信未送达",
            ["sid"] = r.SerialNo,
        }).ToList();
        return product.PostAsJsonAsync(callbackPath, body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> AnswerAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var requestId = Guid.NewGuid().ToString();

        var authFailure = CheckSignature(context.Request, body);
        if (authFailure is not null)
        {
            return Error(authFailure.Value.Code, authFailure.Value.Message, requestId);
        }

        if (context.Request.Headers["X-TC-Action"] != "SendSms")
        {
            return Error("InvalidAction", "The action does not exist.", requestId);
        }

        if (context.Request.Headers["X-TC-Version"] != "2021-01-11")
        {
            return Error("NoSuchVersion", "The API version does not exist.", requestId);
        }

        if (string.IsNullOrEmpty(context.Request.Headers["X-TC-Region"]))
        {
            return Error("MissingParameter", "The request is missing a required parameter `Region`.", requestId);
        }

        var request = JsonNode.Parse(body)!.AsObject();
        if ((string?)request["SmsSdkAppId"] != SdkAppId)
        {
            return Error("InvalidParameterValue.SdkAppIdNotExist", "SdkAppId does not exist.", requestId);
        }

        if ((string?)request["SignName"] != SignName)
        {
            return Error("FailedOperation.SignatureIncorrectOrUnapproved", "The signature is not approved.", requestId);
        }

        var templateId = (string?)request["TemplateId"] ?? string.Empty;
        var parameters = request["TemplateParamSet"]?.AsArray().Select(n => (string)n!).ToList() ?? [];
        if (!_templates.TryGetValue(templateId, out var variables))
        {
            return Error("FailedOperation.TemplateIncorrectOrUnapproved", "The template is not approved or its content does not match.", requestId);
        }

        if (parameters.Count != variables)
        {
            return Error("InvalidParameterValue.TemplateParameterFormatError", "The template parameters do not match the approved template.", requestId);
        }

        var statuses = new JsonArray();
        foreach (var phone in request["PhoneNumberSet"]!.AsArray().Select(n => (string)n!))
        {
            var code = _scripted.TryGetValue(phone, out var queue) && queue.TryDequeue(out var next) ? next : "Ok";
            var serialNo = code == "Ok" ? $"2433:{RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue)}{RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue)}" : string.Empty;
            if (code == "Ok")
            {
                _sent.Enqueue(new TencentSend(phone, templateId, parameters, SignName, (string?)request["SessionContext"] ?? string.Empty, serialNo));
            }
            else
            {
                _refusals.Enqueue(code);
            }

            statuses.Add(new JsonObject
            {
                ["SerialNo"] = serialNo,
                ["PhoneNumber"] = phone,
                ["Fee"] = code == "Ok" ? 1 : 0,
                ["SessionContext"] = (string?)request["SessionContext"] ?? string.Empty,
                ["Code"] = code,
                ["Message"] = code == "Ok" ? "send success" : "refused by the fake",
                ["IsoCode"] = "CN",
            });
        }

        return Results.Json(new JsonObject { ["Response"] = new JsonObject { ["SendStatusSet"] = statuses, ["RequestId"] = requestId } });
    }

    private (string Code, string Message)? CheckSignature(HttpRequest request, byte[] body)
    {
        // Authorization: TC3-HMAC-SHA256 Credential=<SecretId>/<date>/<service>/tc3_request, SignedHeaders=<h1;h2>, Signature=<hex>
        var authorization = request.Headers.Authorization.ToString();
        const string algorithm = "TC3-HMAC-SHA256 ";
        if (!authorization.StartsWith(algorithm, StringComparison.Ordinal))
        {
            return ("AuthFailure.InvalidAuthorization", "Authorization is not TC3-HMAC-SHA256.");
        }

        var parts = authorization[algorithm.Length..].Split(", ")
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signedHeaders) || !parts.TryGetValue("Signature", out var signature))
        {
            return ("AuthFailure.InvalidAuthorization", "Authorization lacks Credential, SignedHeaders or Signature.");
        }

        var scope = credential.Split('/');
        if (scope.Length != 4 || scope[3] != "tc3_request")
        {
            return ("AuthFailure.InvalidAuthorization", "The credential scope is not <id>/<date>/<service>/tc3_request.");
        }

        if (scope[0] != SecretId)
        {
            return ("AuthFailure.SecretIdNotFound", "The SecretId is not found.");
        }

        if (!long.TryParse(request.Headers["X-TC-Timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || Math.Abs(_clock.GetUtcNow().ToUnixTimeSeconds() - timestamp) > 300)
        {
            return ("AuthFailure.SignatureExpire", "The signature expired: the timestamp is more than five minutes from the server time.");
        }

        var date = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var headerNames = signedHeaders.Split(';');
        if (scope[1] != date || scope[2] != "sms" || !headerNames.Contains("content-type") || !headerNames.Contains("host")
            || !headerNames.SequenceEqual(headerNames.Order(StringComparer.Ordinal)))
        {
            return ("AuthFailure.SignatureFailure", "The credential scope or signed headers are invalid.");
        }

        var canonicalHeaders = new StringBuilder();
        foreach (var name in headerNames)
        {
            var value = name == "host" ? request.Host.Value : request.Headers[name].ToString();
            canonicalHeaders.Append(name).Append(':').Append((value ?? string.Empty).Trim().ToLowerInvariant()).Append('\n');
        }

        var canonicalRequest = string.Join(
            '\n',
            request.Method,
            "/",
            request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty,
            canonicalHeaders.ToString(),
            signedHeaders,
            Convert.ToHexStringLower(SHA256.HashData(body)));
        var stringToSign = $"TC3-HMAC-SHA256\n{timestamp}\n{date}/sms/tc3_request\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Encoding.UTF8.GetBytes("TC3" + SecretKey);
        foreach (var part in new[] { date, "sms", "tc3_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
            ? null
            : ("AuthFailure.SignatureFailure", "The provided credentials could not be validated. Please check your signature is correct.");
    }

    private IResult Error(string code, string message, string requestId)
    {
        _refusals.Enqueue(code);
        return Results.Json(new JsonObject { ["Response"] = new JsonObject { ["Error"] = new JsonObject { ["Code"] = code, ["Message"] = message }, ["RequestId"] = requestId } });
    }
}
