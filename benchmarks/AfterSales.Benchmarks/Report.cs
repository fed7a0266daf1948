namespace AfterSales.Benchmarks;

/// <summary>Latency tables: per kind of query and overall, with nearest-rank percentiles.</summary>
internal static class Report
{
    public const double TargetP99Ms = 100;

    public static void Print(string database, LoadResult result)
    {
        Console.WriteLine();
        Console.WriteLine($"{database} · {result.Label}: {result.Samples.Count:N0} requests in {result.Wall.TotalSeconds:F1} s ({result.Samples.Count / result.Wall.TotalSeconds:F0} req/s)");
        Console.WriteLine($"  {"query",-12} {"count",6} {"p50",8} {"p95",8} {"p99",8} {"max",8} {"median hits",12}");
        foreach (var group in result.Samples.GroupBy(s => s.Kind).OrderBy(g => g.Key))
        {
            var ms = Sorted(group);
            var hits = group.Select(s => s.TotalCount).Order().ToList();
            Console.WriteLine($"  {group.Key,-12} {ms.Count,6} {P(ms, 0.50),8:F1} {P(ms, 0.95),8:F1} {P(ms, 0.99),8:F1} {ms[^1],8:F1} {hits[hits.Count / 2],12:N0}");
        }

        var all = Sorted(result.Samples);
        var p99 = P(all, 0.99);
        Console.WriteLine($"  {"overall",-12} {all.Count,6} {P(all, 0.50),8:F1} {P(all, 0.95),8:F1} {p99,8:F1} {all[^1],8:F1}");
        Console.WriteLine($"  p99 {p99:F1} ms {(p99 < TargetP99Ms ? "<" : "≥")} {TargetP99Ms} ms: target {(p99 < TargetP99Ms ? "met" : "MISSED")}");
    }

    public static double P(IReadOnlyList<double> sorted, double quantile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static List<double> Sorted(IEnumerable<Sample> samples) => [.. samples.Select(s => s.Milliseconds).Order()];
}
