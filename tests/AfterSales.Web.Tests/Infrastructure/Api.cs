using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AfterSales.Web.Tests.Infrastructure;

/// <summary>An RFC 9457 problem as the API writes it, with the application's <c>code</c>/<c>codes</c> extensions.</summary>
public sealed class Problem
{
    public string? Type { get; init; }

    public string? Title { get; init; }

    public int? Status { get; init; }

    public string? Detail { get; init; }

    /// <summary>The stable code of a single refusal ("customer.changed_by_someone_else").</summary>
    public string? Code { get; init; }

    /// <summary>The codes of every field error of a validation problem.</summary>
    public string[] Codes { get; init; } = [];

    public Dictionary<string, string[]> Errors { get; init; } = [];

    /// <summary>Of a 429: the seconds to wait, as in its Retry-After header.</summary>
    public int? RetryAfter { get; init; }

    /// <summary>The messages of one field, failing with the fields that do have errors if it has none.</summary>
    public string[] ErrorsOf(string field)
    {
        Assert.True(Errors.ContainsKey(field), $"Expected an error for '{field}', got: {string.Join(", ", Errors.Keys)}");
        return Errors[field];
    }
}

/// <summary>JSON in and out as the API speaks it (camelCase, enums as strings), and checks for problem responses.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static Task<HttpResponseMessage> PostAsync<T>(this HttpClient client, string url, T body) => client.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PutAsync<T>(this HttpClient client, string url, T body) => client.PutAsJsonAsync(url, body, Json);

    /// <summary>Sends a body exactly as written, for malformed or hand-made JSON.</summary>
    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string url, string body) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

    /// <summary>Reads a successful response's body, failing with the response text if the status is not the expected one.</summary>
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        await response.ExpectStatusAsync(expected);
        var value = await response.Content.ReadFromJsonAsync<T>(Json);
        Assert.NotNull(value);
        return value;
    }

    /// <summary>Reads a problem-details response, checking its status and media type.</summary>
    public static async Task<Problem> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.ExpectStatusAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Problem>(Json);
        Assert.NotNull(problem);
        Assert.Equal((int)expected, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title), "A problem needs a title a person can read.");
        return problem;
    }

    public static async Task ExpectStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}: {body}");
        }
    }
}
