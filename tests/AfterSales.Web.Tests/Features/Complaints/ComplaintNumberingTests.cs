using System.Net;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Tests.Infrastructure;
using static AfterSales.Web.Tests.Features.Complaints.ComplaintFixtures;

namespace AfterSales.Web.Tests.Features.Complaints;

public abstract class ComplaintNumberingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    [Fact]
    public async Task Twenty_concurrent_intakes_get_twenty_distinct_consecutive_numbers()
    {
        var agent = await app.ClientForAsync("agent");
        var customer = await CustomerAsync(await app.ClientForAsync("advisor"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => agent.PostAsync("/api/v1/complaints", Intake(customer))));
        var complaints = await Task.WhenAll(responses.Select(r => r.ReadAsync<RecordedComplaint>(HttpStatusCode.Created)));

        var numbers = complaints.Select(c => c.Complaint.Number).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(20, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Equal(numbers[0][..8], n[..8]));
        var sequences = numbers.Select(n => int.Parse(n[8..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(sequences[0], 20), sequences);

        var next = await RecordAsync(agent, Intake(customer));
        Assert.Equal($"{numbers[0][..8]}{sequences[^1] + 1:D6}", next.Complaint.Number);
    }

    [Fact]
    public async Task The_year_is_the_groups_local_year_and_a_new_year_starts_again_at_one()
    {
        var agent = await app.ClientForAsync("agent");
        var customer = await CustomerAsync(await app.ClientForAsync("advisor"));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var year = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), zone).Year;
        var before = await RecordAsync(agent, Intake(customer));

        // 00:05 on New Year's Day in Beijing is still the old year in UTC.
        app.Clock.SetUtcNow(new DateTimeOffset(year + 1, 1, 1, 0, 5, 0, TimeSpan.FromHours(8)).ToUniversalTime());
        var first = await RecordAsync(agent, Intake(customer));
        var second = await RecordAsync(agent, Intake(customer));

        Assert.StartsWith($"TS-{year}-", before.Complaint.Number, StringComparison.Ordinal);
        Assert.Equal($"TS-{year + 1}-000001", first.Complaint.Number);
        Assert.Equal($"TS-{year + 1}-000002", second.Complaint.Number);
    }
}

public sealed class SqliteComplaintNumberingTests(SqliteApp app) : ComplaintNumberingTests<SqliteApp>(app);

public sealed class PostgresComplaintNumberingTests(PostgresApp app) : ComplaintNumberingTests<PostgresApp>(app);
