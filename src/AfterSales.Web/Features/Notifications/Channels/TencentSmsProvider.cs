using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace AfterSales.Web.Features.Notifications.Channels;

/// <summary>
/// Tencent Cloud SMS: the SendSms action of API version 2021-01-11, signed with TC3-HMAC-SHA256. An accepted message
/// answers with its SerialNo (the id its delivery receipt names later); frequency limits and Tencent's own trouble are
/// retried with backoff; refusals that sending again cannot change (credentials, signature name, template, number) are
/// permanent.
/// </summary>
public sealed class TencentSmsProvider(
    IHttpClientFactory http,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<TencentSmsProvider> logger) : ISmsProvider
{
    public const string ProviderName = "tencent";
    public const string HttpClientName = "sms.tencent";
    public const string Action = "SendSms";
    public const string Version = "2021-01-11";
    public const string Service = "sms";
    public const string ContentType = "application/json; charset=utf-8";
    internal const string SettingsPath = "Notifications:Sms:Tencent";

    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Name => ProviderName;

    public async Task<string> SendSmsAsync(SmsMessage message, CancellationToken ct)
    {
        var settings = options.Value.Sms.Tencent;
        var (templateId, values) = SmsTemplates.Resolve(settings.Templates, message, SettingsPath);
        var payload = JsonSerializer.Serialize(
            new SendSmsRequest([SmsTemplates.E164(message.Mobile)], settings.SdkAppId!, settings.SignName!, templateId, values, message.Id.ToString("N")),
            Json);

        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Endpoint);
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(payload));
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        var host = settings.Endpoint.Authority;
        request.Headers.Host = host;
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            Tc3Signature.Authorization(settings.SecretId!, settings.SecretKey!, Service, host, ContentType, Action, payload, timestamp));
        request.Headers.Add("X-TC-Action", Action);
        request.Headers.Add("X-TC-Version", Version);
        request.Headers.Add("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-TC-Region", settings.Region);

        using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            // Tencent answers its refusals with 200 and an Error; anything else is the gateway (or a proxy) in trouble.
            throw new NotificationDeliveryException($"Tencent SMS answered HTTP {(int)response.StatusCode}: {Excerpt(body)}", permanent: false);
        }

        SendSmsResponse? answer;
        try
        {
            answer = JsonSerializer.Deserialize<SendSmsEnvelope>(body)?.Response;
        }
        catch (JsonException e)
        {
            throw new NotificationDeliveryException($"Tencent SMS answered with something that is not its JSON: {Excerpt(body)}", permanent: false, e);
        }

        if (answer?.Error is { } error)
        {
            throw Refusal(error.Code, error.Message, answer.RequestId);
        }

        var status = answer?.SendStatusSet is [var first, ..]
            ? first
            : throw new NotificationDeliveryException($"Tencent SMS answered without a send status: {Excerpt(body)}", permanent: false);
        if (!string.Equals(status.Code, "Ok", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(status.SerialNo))
        {
            throw Refusal(status.Code, status.Message, answer!.RequestId);
        }

        logger.LogInformation("Tencent SMS accepted message {Id} as {SerialNo} (request {RequestId})", message.Id, status.SerialNo, answer!.RequestId);
        return status.SerialNo;
    }

    /// <summary>
    /// Whether sending the same request again can succeed. Frequency limits (LimitExceeded.*, RequestLimitExceeded*) and
    /// Tencent's internal errors pass; credentials (AuthFailure.*), parameters (the number, the template, its values),
    /// permissions and failed operations (unapproved signature or template, blocked number, no balance) do not until
    /// someone changes something, and an administrator then retries the message.
    /// </summary>
    public static bool IsPermanent(string? code) =>
        code is not null
        && !code.StartsWith("LimitExceeded", StringComparison.Ordinal)
        && !code.StartsWith("RequestLimitExceeded", StringComparison.Ordinal)
        && !code.StartsWith("InternalError", StringComparison.Ordinal)
        && (code.StartsWith("AuthFailure", StringComparison.Ordinal)
            || code.StartsWith("InvalidParameter", StringComparison.Ordinal)
            || code.StartsWith("MissingParameter", StringComparison.Ordinal)
            || code.StartsWith("UnauthorizedOperation", StringComparison.Ordinal)
            || code.StartsWith("UnsupportedOperation", StringComparison.Ordinal)
            || code.StartsWith("FailedOperation", StringComparison.Ordinal)
            || code.StartsWith("InvalidAction", StringComparison.Ordinal)
            || code.StartsWith("NoSuchVersion", StringComparison.Ordinal));

    private static NotificationDeliveryException Refusal(string? code, string? text, string? requestId)
    {
        var permanent = IsPermanent(code);
        var what = code is not null && (code.StartsWith("LimitExceeded", StringComparison.Ordinal) || code.StartsWith("RequestLimitExceeded", StringComparison.Ordinal))
            ? "Tencent SMS rate limit"
            : permanent ? "Tencent SMS refused the message" : "Tencent SMS failed";
        return new NotificationDeliveryException($"{what}: {code} {text} (request {requestId})", permanent);
    }

    private static string Excerpt(string body) => body.Length <= 300 ? body : body[..300] + "…";

    private sealed record SendSmsRequest(
        IReadOnlyList<string> PhoneNumberSet,
        string SmsSdkAppId,
        string SignName,
        string TemplateId,
        IReadOnlyList<string> TemplateParamSet,
        string SessionContext);

    private sealed record SendSmsEnvelope(SendSmsResponse? Response);

    private sealed record SendSmsResponse(ApiError? Error, IReadOnlyList<SendStatus>? SendStatusSet, string? RequestId);

    private sealed record ApiError(string? Code, string? Message);

    private sealed record SendStatus(string? SerialNo, string? PhoneNumber, string? Code, string? Message);
}
