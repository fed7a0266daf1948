using System.Net;
using AfterSales.Web.Features.Customers;
using AfterSales.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Tests.Infrastructure;

/// <summary>A retried creating request with the same <c>Idempotency-Key</c> answers the first response and creates nothing twice.</summary>
public abstract class IdempotencyTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_retried_request_answers_the_first_response_and_creates_one_record()
    {
        var client = await app.ClientForAsync("advisor");
        var request = TestData.Customer();
        var key = Guid.NewGuid().ToString();

        var first = await SendAsync(client, request, key);
        var created = await first.ReadAsync<CustomerView>(HttpStatusCode.Created);
        var retry = await SendAsync(client, request, key);
        var replayed = await retry.ReadAsync<CustomerView>(HttpStatusCode.Created);

        Assert.Equal(created.Id, replayed.Id);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.True(retry.Headers.TryGetValues(IdempotencyKeys.ReplayedHeader, out var flag) && flag.Single() == "true");
        Assert.False(first.Headers.Contains(IdempotencyKeys.ReplayedHeader));
        Assert.Equal(1, await CustomersNamedAsync(request.Name));
    }

    [Fact]
    public async Task A_retry_storm_of_concurrent_requests_with_one_key_creates_exactly_one_record()
    {
        var client = await app.ClientForAsync("advisor");
        var request = TestData.Customer();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SendAsync(client, request, key)));

        // The ones that arrived while the first was running are told to retry; none is a second record or a 5xx.
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var ids = new HashSet<Guid>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
        {
            ids.Add((await response.ReadAsync<CustomerView>(HttpStatusCode.Created)).Id);
        }

        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("common.idempotency_in_progress", (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Code);
            Assert.NotNull(response.Headers.RetryAfter);
        }

        var late = await (await SendAsync(client, request, key)).ReadAsync<CustomerView>(HttpStatusCode.Created);
        ids.Add(late.Id);
        Assert.Single(ids);
        Assert.Equal(1, await CustomersNamedAsync(request.Name));
    }

    [Fact]
    public async Task The_same_key_with_a_different_request_is_refused_with_422()
    {
        var client = await app.ClientForAsync("advisor");
        var key = Guid.NewGuid().ToString();
        await (await SendAsync(client, TestData.Customer(), key)).ExpectStatusAsync(HttpStatusCode.Created);
        var other = TestData.Customer();

        var problem = await (await SendAsync(client, other, key)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("common.idempotency_key_reused", problem.Code);
        Assert.Equal(0, await CustomersNamedAsync(other.Name));
    }

    [Fact]
    public async Task Keys_belong_to_their_caller_so_two_users_with_one_key_each_create_their_own()
    {
        var advisor = await app.ClientForAsync("advisor");
        var manager = await app.ClientForAsync("manager");
        var request = TestData.Customer();
        var key = Guid.NewGuid().ToString();

        var mine = await (await SendAsync(advisor, request, key)).ReadAsync<CustomerView>(HttpStatusCode.Created);
        var theirs = await (await SendAsync(manager, request with { Name = request.Name + " B" }, key)).ReadAsync<CustomerView>(HttpStatusCode.Created);

        Assert.NotEqual(mine.Id, theirs.Id);
    }

    [Fact]
    public async Task A_key_longer_than_200_characters_is_a_validation_problem()
    {
        var client = await app.ClientForAsync("advisor");

        var problem = await (await SendAsync(client, TestData.Customer(), new string('k', 201))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("common.idempotency_key_invalid", problem.Codes);
    }

    [Fact]
    public async Task A_refused_request_is_answered_the_same_on_retry()
    {
        var client = await app.ClientForAsync("advisor");
        var invalid = TestData.Customer() with { Name = string.Empty };
        var key = Guid.NewGuid().ToString();

        await (await SendAsync(client, invalid, key)).ExpectStatusAsync(HttpStatusCode.BadRequest);
        var again = await SendAsync(client, invalid, key);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True(again.Headers.Contains(IdempotencyKeys.ReplayedHeader));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<IdempotentRequest>().CountAsync(r => r.Key == key, Ct)));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, RegisterCustomerRequest request, string key)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers")
        {
            Content = System.Net.Http.Json.JsonContent.Create(request, options: Api.Json),
        };
        message.Headers.TryAddWithoutValidation(IdempotencyKeys.Header, key);
        return client.SendAsync(message, Ct);
    }

    private Task<int> CustomersNamedAsync(string name) =>
        app.WithDbAsync(db => db.Customers.IgnoreQueryFilters().CountAsync(c => c.Name == name, Ct));
}

public sealed class SqliteIdempotencyTests(SqliteApp app) : IdempotencyTests<SqliteApp>(app);

public sealed class PostgresIdempotencyTests(PostgresApp app) : IdempotencyTests<PostgresApp>(app);
