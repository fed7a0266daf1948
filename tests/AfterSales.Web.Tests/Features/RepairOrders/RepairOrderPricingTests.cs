using System.Net;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.RepairOrders.RepairOrderFixtures;

namespace AfterSales.Web.Tests.Features.RepairOrders;

public abstract class RepairOrderPricingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Guid> Beijing => app.StoreIdAsync(DemoData.BeijingStore);

    [Fact]
    public async Task Totals_are_by_pay_type_with_labour_at_standard_hours_times_the_rate_and_tax_on_each()
    {
        var advisor = await app.ClientForAsync("advisor");

        var order = await ReadyDraftAsync(advisor, await Beijing);

        Assert.Equal(2, order.Jobs.Count);
        Assert.Equal(220m, order.Jobs[0].LabourAmount);
        Assert.Equal(530m, order.Jobs[0].PartsAmount);
        Assert.Equal(176m, order.Jobs[1].LabourAmount);
        var customer = Assert.Single(order.Totals.ByPayType, t => t.PayType == PayType.Customer);
        Assert.Equal((220m, 530m, 0m, 750m, 97.50m, 847.50m), (customer.Labour, customer.Parts, customer.Discount, customer.Net, customer.Tax, customer.Total));
        var warranty = Assert.Single(order.Totals.ByPayType, t => t.PayType == PayType.Warranty);
        Assert.Equal((176m, 0m, 176m, 22.88m, 198.88m), (warranty.Labour, warranty.Parts, warranty.Net, warranty.Tax, warranty.Total));
        Assert.Equal(1046.38m, order.Totals.Total);
        Assert.Equal(847.50m, order.Totals.CustomerPays);
        Assert.True(order.FreeWash);
        Assert.Equal(300m, order.ExtraWorkPreApprovedLimit);
    }

    [Fact]
    public async Task The_page_the_api_and_the_settlement_count_the_same_totals_without_the_declined_job()
    {
        var advisor = await app.ClientForAsync("advisor");
        var storeId = await Beijing;
        var order = await OpenAsync(advisor, await CustomerAsync(advisor), WalkAround);
        var jobs = (await TwoJobsAsync(advisor, storeId)).Append(new JobRequest((await OperationAsync(advisor, storeId, "ME-001")).Id, PayType.Customer, Parts: [new PartLineRequest("BP-45023", "后刹车片(套)", 1, 980m)])).ToList();
        order = await ReviseAsync(advisor, order, Revision(order, jobs));
        await app.WithDbAsync(async db =>
        {
            // The third job was extra work the customer declined.
            var third = await db.Set<RepairJob>().SingleAsync(j => j.RepairOrderId == order.Id && j.Position == 3, Ct);
            db.Entry(third).Property(nameof(RepairJob.Status)).CurrentValue = RepairJobStatus.Declined;
            db.Entry(third).Property(nameof(RepairJob.IsExtraWork)).CurrentValue = true;
            return await db.SaveChangesAsync(Ct);
        });

        var view = await (await advisor.GetAsync($"/api/v1/repair-orders/{order.Id}", Ct)).ReadAsync<RepairOrderView>();
        var page = AfterSales.Web.Components.Pages.RepairOrders.JobForm.TotalsOf(view.Jobs.Select(AfterSales.Web.Components.Pages.RepairOrders.JobForm.From), view.LabourRate, view.DiscountPercent, view.TaxRate);
        var statement = (await (await advisor.GetAsync($"/api/v1/repair-orders/{order.Id}/delivery", Ct)).ReadAsync<AfterSales.Web.Features.Settlement.DeliveryView>()).Statement;

        Assert.Equal(3, view.Jobs.Count);
        Assert.Equal(847.50m, view.Totals.CustomerPays);
        Assert.Equal(1046.38m, view.Totals.Total);
        Assert.Equal((view.Totals.Total, view.Totals.CustomerPays), (page.Total, page.CustomerPays));
        Assert.Equal(view.Totals.ByPayType, page.ByPayType);
        Assert.Equal((view.Totals.Total, view.Totals.CustomerPays), (statement.Total, statement.CustomerPays));
        Assert.Equal(view.Totals.ByPayType, statement.ByPayType);
    }

    [Fact]
    public async Task Hours_can_be_adjusted_per_job_and_a_pending_warranty_shows_apart()
    {
        var advisor = await app.ClientForAsync("advisor");
        var order = await OpenAsync(advisor, await CustomerAsync(advisor), WalkAround);
        var alignment = await OperationAsync(advisor, await Beijing, "MT-010");

        order = await ReviseAsync(advisor, order, Revision(order, [new JobRequest(alignment.Id, PayType.PendingDecision, Hours: 1.5m)]));

        Assert.Equal(330m, order.Jobs[0].LabourAmount);
        Assert.Equal(0m, order.Totals.CustomerPays);
        Assert.Equal(372.90m, order.Totals.Pending);
    }

    [Fact]
    public async Task A_discount_within_the_advisors_limit_is_approved_at_once()
    {
        var advisor = await app.ClientForAsync("advisor");
        var draft = await ReadyDraftAsync(advisor, await Beijing);

        var order = await ReviseAsync(advisor, draft, Revision(draft, await TwoJobsAsync(advisor, await Beijing), discount: 5m));

        Assert.False(order.DiscountNeedsApproval);
        Assert.Equal("李娜", order.DiscountApprovedByName);
        var customer = Assert.Single(order.Totals.ByPayType, t => t.PayType == PayType.Customer);
        Assert.Equal((37.50m, 712.50m, 92.63m, 805.13m), (customer.Discount, customer.Net, customer.Tax, customer.Total));
    }

    [Fact]
    public async Task A_discount_above_the_advisors_limit_waits_for_a_manager_and_blocks_the_signature_until_approved()
    {
        var advisor = await app.ClientForAsync("advisor");
        var manager = await app.ClientForAsync("manager");
        var draft = await ReadyDraftAsync(advisor, await Beijing);
        var order = await ReviseAsync(advisor, draft, Revision(draft, await TwoJobsAsync(advisor, await Beijing), discount: 10m));
        Assert.True(order.DiscountNeedsApproval);
        Assert.Equal(762.75m, order.Totals.CustomerPays);

        var refused = await advisor.PostAsync($"/api/v1/repair-orders/{order.Id}/submit", new RepairOrderMoveRequest(order.Version));
        Assert.Equal("repair_order.discount_needs_approval", (await refused.ReadProblemAsync(HttpStatusCode.Conflict)).Code);
        var selfApproval = await advisor.PostAsync($"/api/v1/repair-orders/{order.Id}/discount-approval", new RepairOrderVersionRequest(order.Version));
        Assert.Equal("repair_order.discount_above_your_limit", (await selfApproval.ReadProblemAsync(HttpStatusCode.Forbidden)).Code);

        order = await (await manager.PostAsync($"/api/v1/repair-orders/{order.Id}/discount-approval", new RepairOrderVersionRequest(order.Version))).ReadAsync<RepairOrderView>();
        Assert.False(order.DiscountNeedsApproval);
        Assert.Equal("黄涛", order.DiscountApprovedByName);
        var again = await manager.PostAsync($"/api/v1/repair-orders/{order.Id}/discount-approval", new RepairOrderVersionRequest(order.Version));
        Assert.Equal("repair_order.no_discount_to_approve", (await again.ReadProblemAsync(HttpStatusCode.Conflict)).Code);

        order = await MoveAsync(advisor, order, "submit");
        Assert.Equal(RepairOrderStatus.AwaitingSignature, order.Status);
    }

    [Fact]
    public async Task Even_a_manager_cannot_approve_above_their_own_limit()
    {
        var advisor = await app.ClientForAsync("advisor");
        var manager = await app.ClientForAsync("manager");
        var draft = await ReadyDraftAsync(advisor, await Beijing);
        var order = await ReviseAsync(advisor, draft, Revision(draft, await TwoJobsAsync(advisor, await Beijing), discount: 50m));

        var response = await manager.PostAsync($"/api/v1/repair-orders/{order.Id}/discount-approval", new RepairOrderVersionRequest(order.Version));

        Assert.Equal("repair_order.discount_above_your_limit", (await response.ReadProblemAsync(HttpStatusCode.Forbidden)).Code);
    }

    [Fact]
    public async Task The_signed_text_keeps_its_hash_its_version_and_its_image_and_the_rows_cannot_be_changed()
    {
        var advisor = await app.ClientForAsync("advisor");
        var submitted = await MoveAsync(advisor, await ReadyDraftAsync(advisor, await Beijing), "submit");
        var signed = await SignAsync(advisor, submitted);
        var signature = signed.Signatures[0];

        var snapshot = await (await advisor.GetAsync($"/api/v1/repair-orders/{signed.Id}/signatures/{signature.Id}/snapshot", TestContext.Current.CancellationToken)).ReadAsync<SignedSnapshotView>();
        Assert.True(snapshot.IsIntact);
        Assert.Equal(RepairOrder.Hash(snapshot.SnapshotJson), snapshot.SnapshotSha256);
        var text = SignedOrderSnapshot.FromJson(snapshot.SnapshotJson)!;
        Assert.Equal(submitted.Version, text.Version);
        Assert.Equal(submitted.Number, text.Number);
        Assert.Equal(847.50m, text.Totals.CustomerPays);
        Assert.Equal(2, text.Jobs.Count);
        var image = await advisor.GetAsync($"/api/v1/repair-orders/{signed.Id}/signatures/{signature.Id}/image", Ct);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0x89, (await image.Content.ReadAsByteArrayAsync(Ct))[0]);

        // A later change goes through a new draft; the old signature and its text stay as they were.
        var draft = await MoveAsync(advisor, signed, "reopen", "加做四轮定位");
        var revised = await ReviseAsync(advisor, draft, Revision(draft, [.. await TwoJobsAsync(advisor, await Beijing), new JobRequest((await OperationAsync(advisor, await Beijing, "MT-010")).Id, PayType.Customer)]));
        var resigned = await SignAsync(advisor, await MoveAsync(advisor, revised, "submit"));
        Assert.Equal(2, resigned.Signatures.Count);
        Assert.Equal(resigned.Signatures[1].Id, resigned.CurrentSignature?.Id);
        var old = await (await advisor.GetAsync($"/api/v1/repair-orders/{signed.Id}/signatures/{signature.Id}/snapshot", TestContext.Current.CancellationToken)).ReadAsync<SignedSnapshotView>();
        Assert.Equal(snapshot.SnapshotJson, old.SnapshotJson);
        Assert.Equal(3, SignedOrderSnapshot.FromJson((await (await advisor.GetAsync($"/api/v1/repair-orders/{signed.Id}/signatures/{resigned.Signatures[1].Id}/snapshot", TestContext.Current.CancellationToken)).ReadAsync<SignedSnapshotView>()).SnapshotJson)!.Jobs.Count);

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            var row = await db.Set<RepairOrderSignature>().SingleAsync(s => s.Id == signature.Id, Ct);
            db.Entry(row).Property(s => s.SnapshotJson).CurrentValue = snapshot.SnapshotJson.Replace("847.5", "1", StringComparison.Ordinal);
            return await db.SaveChangesAsync(Ct);
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            db.Remove(await db.Set<RepairOrderSignature>().SingleAsync(s => s.Id == signature.Id, Ct));
            return await db.SaveChangesAsync(Ct);
        }));
    }

    [Fact]
    public async Task Bad_input_gets_field_errors()
    {
        var advisor = await app.ClientForAsync("advisor");
        var order = await OpenAsync(advisor, await CustomerAsync(advisor));
        var pads = await OperationAsync(advisor, await Beijing, "ME-001");
        var shanghaiPads = await OperationAsync(await app.ClientForAsync("advisor.sh"), await app.StoreIdAsync(DemoData.ShanghaiStore), "ME-001");

        var bad = Revision(order, [new JobRequest(pads.Id, PayType.Customer, Hours: 0m, Parts: [new PartLineRequest("", "", 0, -1m)])], discount: 120m) with { CustomerWords = "" };
        var problem = await (await advisor.PutAsync($"/api/v1/repair-orders/{order.Id}", bad)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("repair_order.customer_words_required", problem.Codes);
        Assert.Contains("labour.hours_invalid", problem.Codes);
        Assert.Contains("repair_order.part_number_required", problem.Codes);
        Assert.Contains("repair_order.part_name_required", problem.Codes);
        Assert.Contains("repair_order.quantity_invalid", problem.Codes);
        Assert.Contains("repair_order.unit_price_invalid", problem.Codes);
        Assert.Contains("repair_order.discount_invalid", problem.Codes);
        problem.ErrorsOf("jobs[0].parts[0].quantity");

        var otherStore = await advisor.PutAsync($"/api/v1/repair-orders/{order.Id}", Revision(order, [new JobRequest(shanghaiPads.Id, PayType.Customer)]));
        Assert.Contains("repair_order.operation_unknown", (await otherStore.ReadProblemAsync(HttpStatusCode.BadRequest)).Codes);

        var checkIn = new RecordCheckInRequest(order.Version, new CheckInRequest(MileageKm: -5, EnergyLevelPercent: 120));
        var checkInProblem = await (await advisor.PutAsync($"/api/v1/repair-orders/{order.Id}/check-in", checkIn)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("repair_order.mileage_invalid", checkInProblem.Codes);
        Assert.Contains("repair_order.energy_level_invalid", checkInProblem.Codes);

        var badSignature = await advisor.PostAsync($"/api/v1/repair-orders/{order.Id}/sign", new SignRepairOrderRequest(order.Version, "", "data:image/png;base64,bm90IGEgcG5n"));
        var signProblem = await badSignature.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("repair_order.signer_required", signProblem.Codes);
        Assert.Contains("repair_order.signature_invalid", signProblem.Codes);

        var open = await advisor.PostAsync("/api/v1/repair-orders", new OpenRepairOrderRequest(Guid.Empty, Guid.Empty, ""));
        var openProblem = await open.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("repair_order.customer_required", openProblem.Codes);
        Assert.Contains("repair_order.customer_words_required", openProblem.Codes);
    }

    [Fact]
    public async Task An_asset_of_another_customer_is_refused()
    {
        var advisor = await app.ClientForAsync("advisor");
        var one = await CustomerAsync(advisor);
        var other = await CustomerAsync(advisor);

        var response = await advisor.PostAsync("/api/v1/repair-orders", new OpenRepairOrderRequest(one.Id, other.Assets[0].Id, "异响"));

        Assert.Contains("repair_order.asset_not_customers", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Codes);
    }
}

public sealed class SqliteRepairOrderPricingTests(SqliteApp app) : RepairOrderPricingTests<SqliteApp>(app);

public sealed class PostgresRepairOrderPricingTests(PostgresApp app) : RepairOrderPricingTests<PostgresApp>(app);
