using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace AfterSales.Benchmarks;

internal sealed record Sample(QueryKind Kind, double Milliseconds, int TotalCount);

internal sealed record LoadResult(string Label, IReadOnlyList<Sample> Samples, TimeSpan Wall);

/// <summary>Sends search requests through HTTP and times each one from send to the last byte of the body.</summary>
internal sealed class SearchLoad(Uri address, string token) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = address,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    public async Task<LoadResult> RunAsync(string label, IReadOnlyList<(QueryKind Kind, string Text)> queries, int clients, CancellationToken ct)
    {
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients)
            .Select(c => Task.Run(() => WorkAsync([.. queries.Where((_, i) => i % clients == c)], ct), ct))
            .ToArray();
        var results = await Task.WhenAll(workers);
        wall.Stop();
        return new LoadResult(label, [.. results.SelectMany(r => r)], wall.Elapsed);
    }

    private async Task<List<Sample>> WorkAsync(IReadOnlyList<(QueryKind Kind, string Text)> queries, CancellationToken ct)
    {
        var samples = new List<Sample>(queries.Count);
        foreach (var (kind, text) in queries)
        {
            var watch = Stopwatch.StartNew();
            using var response = await _http.GetAsync($"/api/v1/customers?query={Uri.EscapeDataString(text)}&pageSize=20", ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            watch.Stop();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Search for '{text}' answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
            }

            using var json = JsonDocument.Parse(body);
            samples.Add(new Sample(kind, watch.Elapsed.TotalMilliseconds, json.RootElement.GetProperty("totalCount").GetInt32()));
        }

        return samples;
    }

    public void Dispose() => _http.Dispose();
}
