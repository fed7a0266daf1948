using System.Net;
using AfterSales.Domain.Parts;
using AfterSales.Web.Features.Parts;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Web.Tests.Features.Parts;

public abstract class StockTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_issues_of_the_last_unit_give_one_issue_and_clear_refusals_never_negative_stock()
    {
        var (part, stock) = await PartsFixtures.StockedPartAsync(app, 1);
        var clerk = await app.ClientForAsync("parts", "en");
        var storeId = stock.StoreId;

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            clerk.PostAsync("/api/v1/part-issues", new IssuePartRequest(storeId, part.Id, 1, StockReference.RepairOrderJob, Guid.NewGuid(), $"RO-TEST-{i}"))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await refused.ReadProblemAsync(refused.StatusCode == HttpStatusCode.Conflict ? HttpStatusCode.Conflict : HttpStatusCode.BadRequest);
            Assert.Contains(problem.Code ?? problem.Codes.Single(), new[] { "stock.insufficient", "stock.busy" });
        }

        var ledger = await (await clerk.GetAsync($"/api/v1/stock/{stock.Id}", Ct)).ReadAsync<StockLedgerView>();
        Assert.Equal(0, ledger.Stock.OnHand);
        Assert.Equal(0, ledger.SumOfMovements);
        Assert.Equal(2, ledger.Movements.Count);
    }

    [Fact]
    public async Task Issuing_more_than_on_hand_is_refused_with_a_clear_message()
    {
        var (part, stock) = await PartsFixtures.StockedPartAsync(app, 2);
        var clerk = await app.ClientForAsync("parts", "en");

        var problem = await (await clerk.PostAsync("/api/v1/part-issues", new IssuePartRequest(stock.StoreId, part.Id, 3, StockReference.RepairOrderJob, Guid.NewGuid(), "RO-1"))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("stock.insufficient", problem.Codes);
        Assert.Equal("Not enough stock: the quantity exceeds what is on hand.", problem.ErrorsOf("quantity")[0]);
    }

    [Fact]
    public async Task A_job_draws_on_its_reservation_the_technician_confirms_unused_parts_come_back_and_the_cost_follows()
    {
        var (part, stock) = await PartsFixtures.StockedPartAsync(app, 5);
        var advisor = await app.ClientForAsync("advisor");
        var clerk = await app.ClientForAsync("parts");
        var tech = await app.ClientForAsync("tech");
        var jobId = Guid.NewGuid();

        var reservation = await (await advisor.PostAsync("/api/v1/part-reservations", new ReservePartRequest(stock.StoreId, part.Id, 4, StockReference.RepairOrderJob, jobId, "RO-20261123-0001/1"))).ReadAsync<ReservationView>(HttpStatusCode.Created);
        var others = await (await clerk.PostAsync("/api/v1/part-issues", new IssuePartRequest(stock.StoreId, part.Id, 2, StockReference.RepairOrderJob, Guid.NewGuid(), "RO-OTHER"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var issue = await (await clerk.PostAsync("/api/v1/part-issues", new IssuePartRequest(stock.StoreId, part.Id, 4, StockReference.RepairOrderJob, jobId, "RO-20261123-0001/1", reservation.Id))).ReadAsync<PartIssueView>(HttpStatusCode.Created);
        var confirmed = await (await tech.PostAsync($"/api/v1/part-issues/{issue.Id}/confirm", new { })).ReadAsync<PartIssueView>();
        var returned = await (await clerk.PostAsync($"/api/v1/part-issues/{issue.Id}/returns", new ReturnPartRequest(1, "unused"))).ReadAsync<PartIssueView>();
        var tooMany = await (await clerk.PostAsync($"/api/v1/part-issues/{issue.Id}/returns", new ReturnPartRequest(4))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var job = await (await advisor.GetAsync($"/api/v1/part-issues/jobs/{StockReference.RepairOrderJob}/{jobId}", Ct)).ReadAsync<JobPartsView>();
        var ledger = await (await clerk.GetAsync($"/api/v1/stock/{stock.Id}", Ct)).ReadAsync<StockLedgerView>();

        Assert.Contains("stock.reserved_for_others", others.Codes);
        Assert.Equal(ReservationStatus.Active, reservation.Status);
        Assert.Equal("赵磊", confirmed.ReceivedBy);
        Assert.Equal(3, returned.NetQuantity);
        Assert.Contains("issue.return_more_than_issued", tooMany.Codes);
        Assert.Equal(3 * 60m, job.TotalCost);
        Assert.Equal(3 * 100m, job.TotalPrice);
        Assert.Empty(job.Reservations);
        Assert.Equal(2, ledger.Stock.OnHand);
        Assert.Equal(0, ledger.Stock.Reserved);
        Assert.Equal(ledger.Stock.OnHand, ledger.SumOfMovements);
    }

    [Fact]
    public async Task Reservations_are_released_when_their_owner_is_cancelled_and_when_they_expire()
    {
        var (part, stock) = await PartsFixtures.StockedPartAsync(app, 3);
        var advisor = await app.ClientForAsync("advisor");
        var appointment = Guid.NewGuid();
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).AddDays(1);

        await (await advisor.PostAsync("/api/v1/part-reservations", new ReservePartRequest(stock.StoreId, part.Id, 1, StockReference.Appointment, appointment, "YY-1", tomorrow))).ReadAsync<ReservationView>(HttpStatusCode.Created);
        await (await advisor.PostAsync("/api/v1/part-reservations", new ReservePartRequest(stock.StoreId, part.Id, 1, StockReference.Appointment, appointment, "YY-1", tomorrow))).ReadAsync<ReservationView>(HttpStatusCode.Created);
        var expiring = await (await advisor.PostAsync("/api/v1/part-reservations", new ReservePartRequest(stock.StoreId, part.Id, 1, StockReference.RepairOrderJob, Guid.NewGuid(), "RO-2", null, app.Clock.GetUtcNow().AddHours(2)))).ReadAsync<ReservationView>(HttpStatusCode.Created);
        var full = await (await advisor.PostAsync("/api/v1/part-reservations", new ReservePartRequest(stock.StoreId, part.Id, 1, StockReference.RepairOrderJob, Guid.NewGuid()))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var shelf = await (await advisor.GetAsync($"/api/v1/part-reservations/shelf?storeId={stock.StoreId}", Ct)).ReadAsync<ReservedShelfView>();

        var released = await advisor.PostAsync($"/api/v1/part-reservations/release?referenceKind=Appointment&referenceId={appointment}&reason=cancelled", new { });
        app.Clock.Advance(TimeSpan.FromHours(3));
        var expired = await app.WithDbAsync(async db =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ExpireReservations>().HandleAsync(100, Ct);
        });
        var after = await app.WithDbAsync(db => db.Set<StockItem>().SingleAsync(s => s.Id == stock.Id, Ct));
        var statuses = await app.WithDbAsync(db => db.Set<PartReservation>().Where(r => r.PartId == part.Id).Select(r => r.Status).ToListAsync(Ct));

        Assert.Contains("stock.insufficient_to_reserve", full.Codes);
        Assert.Equal(2, shelf.Reservations.Count(r => r.PartId == part.Id));
        Assert.Equal(tomorrow, shelf.Day);
        Assert.Contains("\"released\":2", await released.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True(expired >= 1);
        Assert.Equal(0, after.Reserved);
        Assert.Equal(3, after.OnHand);
        Assert.Equal(2, statuses.Count(s => s == ReservationStatus.Released));
        Assert.Equal(ReservationStatus.Active, expiring.Status);
        Assert.Single(statuses, s => s == ReservationStatus.Expired);
    }

    [Fact]
    public async Task The_ledger_balances_after_any_sequence_of_movements()
    {
        var storeId = await app.StoreIdAsync(DemoData.BeijingStore);
        var gen = Gen.Select(Gen.Int[0, 6], Gen.Int[1, 5]).Array[1, 25];
        var runs = 0;
        await gen.SampleAsync(
            async steps =>
            {
                runs++;
                var part = await PartsFixtures.NewPartAsync(app);
                decimal expected = 0;
                await using var scope = app.Services.CreateAsyncScope();
                var book = scope.ServiceProvider.GetRequiredService<StockBook>();
                foreach (var (kindIndex, amount) in steps)
                {
                    var kind = (MovementKind)kindIndex;
                    var quantity = kind == MovementKind.CountAdjustment && amount % 2 == 0 ? -amount : amount;
                    var item = await book.ItemAsync(storeId, part.Id, "P-01", Ct);
                    var refusal = book.Post(item, kind, quantity, 10m, null, null);
                    var change = StockMovementRules.Direction(kind) is var d && d == 0 ? quantity : d * quantity;
                    if (refusal is null)
                    {
                        expected += change;
                        await book.Db.SaveChangesAsync(Ct);
                    }
                    else
                    {
                        Assert.True(expected + change < 0, $"{kind} {quantity} refused at {expected}: {refusal.Code}");
                    }
                }

                var (onHand, sum, negative) = await app.WithDbAsync(async db =>
                {
                    // A sequence whose every movement was refused never created the stock row: nothing on hand.
                    var stock = await db.Set<StockItem>().SingleOrDefaultAsync(s => s.PartId == part.Id, Ct);
                    var movements = await db.Set<StockMovement>().Where(m => m.PartId == part.Id).OrderBy(m => m.At).ThenBy(m => m.Id).ToListAsync(Ct);
                    return (stock?.OnHand ?? 0, movements.Sum(m => m.Quantity), movements.Any(m => m.BalanceAfter < 0));
                });
                return onHand == expected && sum == onHand && !negative && onHand >= 0;
            },
            iter: 12,
            threads: 1);
        Assert.Equal(12, runs);
    }

    [Fact]
    public async Task Cross_store_stock_is_hidden_and_refused()
    {
        var (part, stock) = await PartsFixtures.StockedPartAsync(app, 2, DemoData.ShanghaiStore);
        var clerk = await app.ClientForAsync("parts");

        var ledger = await (await clerk.GetAsync($"/api/v1/stock/{stock.Id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        var issue = await (await clerk.PostAsync("/api/v1/part-issues", new IssuePartRequest(stock.StoreId, part.Id, 1, StockReference.RepairOrderJob, Guid.NewGuid()))).ReadProblemAsync(HttpStatusCode.Forbidden);
        var list = await (await clerk.GetAsync($"/api/v1/stock?storeId={stock.StoreId}", Ct)).ReadAsync<AfterSales.Web.Features.Page<StockRow>>();

        Assert.Equal("common.not_found", ledger.Code);
        Assert.Equal("common.other_store", issue.Code);
        Assert.Empty(list.Items);
    }
}

public sealed class SqliteStockTests(SqliteApp app) : StockTests<SqliteApp>(app);

public sealed class PostgresStockTests(PostgresApp app) : StockTests<PostgresApp>(app);
