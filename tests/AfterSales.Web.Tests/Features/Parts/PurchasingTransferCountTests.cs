using System.Net;
using AfterSales.Domain.Parts;
using AfterSales.Web.Features.Parts;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;

namespace AfterSales.Web.Tests.Features.Parts;

public abstract class PurchasingTransferCountTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_purchase_order_is_received_in_parts_and_each_receipt_is_in_the_ledger()
    {
        var part = await PartsFixtures.NewPartAsync(app);
        var clerk = await app.ClientForAsync("parts");
        var storeId = await app.StoreIdAsync(DemoData.BeijingStore);
        var suppliers = await (await clerk.GetAsync("/api/v1/suppliers", Ct)).ReadAsync<List<SupplierView>>();

        var order = await (await clerk.PostAsync("/api/v1/purchase-orders", new PlacePurchaseOrderRequest(storeId, suppliers[0].Id, [new PurchaseLineRequest(part.Id, 10)]))).ReadAsync<PurchaseOrderView>(HttpStatusCode.Created);
        var line = order.Lines[0];
        var first = await (await clerk.PostAsync($"/api/v1/purchase-orders/{order.Id}/receipts", new ReceivePurchaseOrderRequest([new ReceiveLineRequest(line.Id, 4, "R-01-01")], "DN-77"))).ReadAsync<PurchaseOrderView>();
        var tooMuch = await (await clerk.PostAsync($"/api/v1/purchase-orders/{order.Id}/receipts", new ReceivePurchaseOrderRequest([new ReceiveLineRequest(line.Id, 7)]))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var rest = await (await clerk.PostAsync($"/api/v1/purchase-orders/{order.Id}/receipts", new ReceivePurchaseOrderRequest([new ReceiveLineRequest(line.Id, 6)]))).ReadAsync<PurchaseOrderView>();
        var closed = await (await clerk.PostAsync($"/api/v1/purchase-orders/{order.Id}/receipts", new ReceivePurchaseOrderRequest([new ReceiveLineRequest(line.Id, 1)]))).ReadProblemAsync(HttpStatusCode.Conflict);
        var stock = await (await clerk.GetAsync($"/api/v1/stock?storeId={storeId}&q={part.Number}", Ct)).ReadAsync<AfterSales.Web.Features.Page<StockRow>>();
        var ledger = await (await clerk.GetAsync($"/api/v1/stock/{stock.Items[0].Id}", Ct)).ReadAsync<StockLedgerView>();

        Assert.StartsWith("PO-", order.Number, StringComparison.Ordinal);
        Assert.Equal(PurchaseOrderStatus.PartiallyReceived, first.Status);
        Assert.Contains("purchase.more_than_ordered", tooMuch.Codes);
        Assert.Equal(PurchaseOrderStatus.Received, rest.Status);
        Assert.Equal("purchase.not_open", closed.Code);
        Assert.Equal("R-01-01", stock.Items[0].Bin);
        Assert.Equal(10, ledger.Stock.OnHand);
        Assert.Equal(2, ledger.Movements.Count(m => m.Kind == MovementKind.Receipt && m.ReferenceNumber == order.Number));
    }

    [Fact]
    public async Task A_transfer_leaves_the_sender_at_once_and_enters_the_receiver_with_what_arrived_recording_the_discrepancy()
    {
        var (part, stock) = await PartsFixtures.StockedPartAsync(app, 5);
        var clerk = await app.ClientForAsync("parts");
        var shanghaiClerk = await app.ClientForAsync("advisor.sh");
        var admin = await app.ClientForAsync("admin");
        var shanghai = await app.StoreIdAsync(DemoData.ShanghaiStore);

        var transfer = await (await clerk.PostAsync("/api/v1/stock-transfers", new SendTransferRequest(stock.StoreId, shanghai, [new TransferLineRequest(part.Id, 4)], "urgent"))).ReadAsync<TransferView>(HttpStatusCode.Created);
        var tooMuch = await (await clerk.PostAsync("/api/v1/stock-transfers", new SendTransferRequest(stock.StoreId, shanghai, [new TransferLineRequest(part.Id, 2)]))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var senderCannotReceive = await (await clerk.PostAsync($"/api/v1/stock-transfers/{transfer.Id}/receipt", new ReceiveTransferRequest())).ReadProblemAsync(HttpStatusCode.Forbidden);
        var notAClerk = await (await shanghaiClerk.PostAsync($"/api/v1/stock-transfers/{transfer.Id}/receipt", new ReceiveTransferRequest())).ReadProblemAsync(HttpStatusCode.Forbidden);
        var received = await (await admin.PostAsync($"/api/v1/stock-transfers/{transfer.Id}/receipt", new ReceiveTransferRequest([new ReceiveTransferLineRequest(transfer.Lines[0].Id, 3, "one box damaged", "S-01")]))).ReadAsync<TransferView>();
        var again = await (await admin.PostAsync($"/api/v1/stock-transfers/{transfer.Id}/receipt", new ReceiveTransferRequest())).ReadProblemAsync(HttpStatusCode.Conflict);
        var sender = await (await clerk.GetAsync($"/api/v1/stock/{stock.Id}", Ct)).ReadAsync<StockLedgerView>();
        var receiver = await (await admin.GetAsync($"/api/v1/stock?storeId={shanghai}&q={part.Number}", Ct)).ReadAsync<AfterSales.Web.Features.Page<StockRow>>();

        Assert.Equal(TransferStatus.InTransit, transfer.Status);
        Assert.Contains("stock.insufficient", tooMuch.Codes);
        Assert.Equal("transfer.only_receiver", senderCannotReceive.Code);
        Assert.Equal("common.forbidden", notAClerk.Code);
        Assert.True(received.HasDiscrepancy);
        Assert.Equal(1, received.Lines[0].Discrepancy);
        Assert.Equal("one box damaged", received.Lines[0].DiscrepancyNote);
        Assert.Equal("transfer.not_in_transit", again.Code);
        Assert.Equal(1, sender.Stock.OnHand);
        Assert.Equal(3, receiver.Items.Single().OnHand);
        Assert.Equal("S-01", receiver.Items.Single().Bin);
    }

    [Fact]
    public async Task Count_variances_within_the_limit_post_at_once_larger_ones_wait_for_a_manager()
    {
        var bin = "CNT" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (_, small) = await PartsFixtures.StockedPartAsync(app, 10, bin: bin + "-1");
        var clerk = await app.ClientForAsync("parts");
        var manager = await app.ClientForAsync("manager");

        var sheet = await (await clerk.PostAsync("/api/v1/count-sheets", new StartCountRequest(small.StoreId, bin))).ReadAsync<CountSheetView>(HttpStatusCode.Created);
        var missing = await (await clerk.PostAsync($"/api/v1/count-sheets/{sheet.Id}/submit", new SubmitCountRequest([]))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var posted = await (await clerk.PostAsync($"/api/v1/count-sheets/{sheet.Id}/submit", new SubmitCountRequest([new CountedLineRequest(sheet.Lines[0].Id, 9)]))).ReadAsync<CountSheetView>();

        var big = await (await clerk.PostAsync("/api/v1/count-sheets", new StartCountRequest(small.StoreId, bin))).ReadAsync<CountSheetView>(HttpStatusCode.Created);
        var waiting = await (await clerk.PostAsync($"/api/v1/count-sheets/{big.Id}/submit", new SubmitCountRequest([new CountedLineRequest(big.Lines[0].Id, 0)]))).ReadAsync<CountSheetView>();
        var beforeApproval = await (await clerk.GetAsync($"/api/v1/stock/{small.Id}", Ct)).ReadAsync<StockLedgerView>();
        var clerkRefused = await (await clerk.PostAsync($"/api/v1/count-sheets/{big.Id}/approve", new { })).ReadProblemAsync(HttpStatusCode.Forbidden);
        var approved = await (await manager.PostAsync($"/api/v1/count-sheets/{big.Id}/approve", new { })).ReadAsync<CountSheetView>();
        var after = await (await clerk.GetAsync($"/api/v1/stock/{small.Id}", Ct)).ReadAsync<StockLedgerView>();

        Assert.Contains("count.line_missing", missing.Codes);
        Assert.Equal(CountSheetStatus.Posted, posted.Status);
        Assert.Equal(-1, posted.Lines[0].Variance);
        Assert.Equal(CountSheetStatus.AwaitingApproval, waiting.Status);
        Assert.Equal(9 * 60m, waiting.VarianceValue);
        Assert.Equal(9, beforeApproval.Stock.OnHand);
        Assert.Equal("count.approval_needs_manager", clerkRefused.Code);
        Assert.Equal(CountSheetStatus.Posted, approved.Status);
        Assert.Equal(0, after.Stock.OnHand);
        Assert.Equal(after.Stock.OnHand, after.SumOfMovements);
        Assert.Equal(2, after.Movements.Count(m => m.Kind == MovementKind.CountAdjustment));
    }

    [Fact]
    public async Task A_manager_who_counted_the_stock_cannot_approve_the_variance_a_second_person_must()
    {
        var bin = "CNT" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (_, stock) = await PartsFixtures.StockedPartAsync(app, 10, bin: bin + "-1");
        var manager = await app.ClientForAsync("manager", "en");

        var sheet = await (await manager.PostAsync("/api/v1/count-sheets", new StartCountRequest(stock.StoreId, bin))).ReadAsync<CountSheetView>(HttpStatusCode.Created);
        var waiting = await (await manager.PostAsync($"/api/v1/count-sheets/{sheet.Id}/submit", new SubmitCountRequest([new CountedLineRequest(sheet.Lines[0].Id, 0)]))).ReadAsync<CountSheetView>();
        var selfApproval = await (await manager.PostAsync($"/api/v1/count-sheets/{sheet.Id}/approve", new { })).ReadProblemAsync(HttpStatusCode.Conflict);
        var untouched = await (await manager.GetAsync($"/api/v1/stock/{stock.Id}", Ct)).ReadAsync<StockLedgerView>();
        var approved = await (await (await app.ClientForAsync("admin")).PostAsync($"/api/v1/count-sheets/{sheet.Id}/approve", new { })).ReadAsync<CountSheetView>();

        Assert.Equal(CountSheetStatus.AwaitingApproval, waiting.Status);
        Assert.Equal(CountSheet.SelfApproval, selfApproval.Code);
        Assert.Equal("The variance needs a second person's approval: you submitted this count.", selfApproval.Title);
        Assert.Equal(10, untouched.Stock.OnHand);
        Assert.Equal(CountSheetStatus.Posted, approved.Status);
        Assert.NotEqual(approved.SubmittedBy, approved.ApprovedBy);
    }

    [Fact]
    public async Task The_demo_stock_has_slow_moving_rows_and_reorder_suggestions()
    {
        var clerk = await app.ClientForAsync("parts");
        var storeId = await app.StoreIdAsync(DemoData.BeijingStore);
        var shanghai = await app.StoreIdAsync(DemoData.ShanghaiStore);

        var slow = await (await clerk.GetAsync($"/api/v1/stock/slow-moving?storeId={storeId}&days=180", Ct)).ReadAsync<SlowMovingReport>();
        var reorder = await (await clerk.GetAsync($"/api/v1/stock/reorder-suggestions?storeId={storeId}", Ct)).ReadAsync<List<ReorderSuggestion>>();
        var otherStore = await (await clerk.GetAsync($"/api/v1/stock/slow-moving?storeId={shanghai}", Ct)).ReadProblemAsync(HttpStatusCode.Forbidden);

        Assert.NotEmpty(slow.Items);
        Assert.All(slow.Items, i => Assert.True(i.IdleDays >= 180));
        Assert.Equal(slow.Items.Sum(i => i.Value), slow.TotalValue);
        Assert.NotEmpty(reorder);
        Assert.All(reorder, r => Assert.True(r.SuggestedQuantity > 0));
        Assert.Equal("common.other_store", otherStore.Code);
    }
}

public sealed class SqlitePurchasingTransferCountTests(SqliteApp app) : PurchasingTransferCountTests<SqliteApp>(app);

public sealed class PostgresPurchasingTransferCountTests(PostgresApp app) : PurchasingTransferCountTests<PostgresApp>(app);
