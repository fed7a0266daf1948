using System.Text.RegularExpressions;
using AfterSales.Web.Components.Shared;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Web.Tests.Components;

public sealed partial class StoreTimeTests
{
    // 2026-12-07 01:30 UTC is 09:30 in Beijing, on the same date; 17:30 UTC is already the next day there.
    private static readonly DateTimeOffset Morning = new(2026, 12, 7, 1, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Times_are_shown_as_the_store_sees_them_whatever_the_servers_zone()
    {
        Assert.Equal("09:30", StoreTime.Clock(Morning));
        Assert.Equal("2026-12-07 09:30:00", StoreTime.Precise(Morning));
        Assert.Equal("2026-12-08 01:30:00", StoreTime.Precise(Morning.AddHours(16)));
        Assert.Equal(new DateOnly(2026, 12, 8), StoreTime.Today(new FakeTimeProvider(Morning.AddHours(16))));
    }

    /// <summary>
    /// The survey page showed times in UTC: <c>ToLocalTime()</c> and <c>DateTime.Now/Today</c> take the server's zone,
    /// which on a server is rarely the store's. Pages format through <see cref="StoreTime"/> instead.
    /// </summary>
    [Fact]
    public void No_page_takes_the_time_zone_of_the_server()
    {
        var root = FindRepositoryRoot();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(root, f), Line: i + 1, Text: line)))
            .Where(l => ServerZone().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [GeneratedRegex(@"\.ToLocalTime\(\)|\bDateTime(Offset)?\.(Now|Today)\b")]
    private static partial Regex ServerZone();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AfterSales.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AfterSales.slnx not found above " + AppContext.BaseDirectory);
    }
}
