using System.Net;
using AfterSales.Domain.Delivery;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Service;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Features.Settlement;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.RepairOrders.RepairOrderFixtures;

namespace AfterSales.Web.Tests.Features.Settlement;

/// <summary>Handover, settlement to the cent, walk-through, delivery and the gate pass, through the API.</summary>
public abstract class DeliveryTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Guid> Beijing => app.StoreIdAsync("BJ01");

    [Fact]
    public async Task Handover_marks_the_order_ready_and_sends_the_ready_message_with_the_progress_link()
    {
        var advisor = await app.ClientForAsync("advisor");
        var id = await InspectedOrderAsync(advisor);
        var view = await GetAsync(advisor, id);
        Assert.Equal(RepairOrderStatus.Inspected, view.Status);

        var incomplete = await advisor.PostAsync($"/api/v1/repair-orders/{id}/handover", Handover(view) with { NoToolsLeft = false });
        Assert.Contains("delivery.checklist_incomplete", (await incomplete.ReadProblemAsync(HttpStatusCode.BadRequest)).Codes);
        var unwashed = await advisor.PostAsync($"/api/v1/repair-orders/{id}/handover", Handover(view) with { WashDone = false });
        Assert.Contains("delivery.wash_required", (await unwashed.ReadProblemAsync(HttpStatusCode.BadRequest)).Codes);

        view = await (await advisor.PostAsync($"/api/v1/repair-orders/{id}/handover", Handover(view))).ReadAsync<DeliveryView>();

        Assert.Equal(RepairOrderStatus.ReadyForDelivery, view.Status);
        Assert.Equal("B2-17", view.Handover.ParkingSpot);
        Assert.True(view.Handover.WashDone);
        var message = await app.WithDbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.TemplateKey == "repair_ready" && m.Body.Contains(view.OrderNumber), Ct));
        var token = await app.WithDbAsync(db => db.Set<RepairOrderProgressLink>().Where(l => l.RepairOrderId == id).Select(l => l.Token).SingleAsync(Ct));
        Assert.Contains(RepairOrderProgressLink.PathOf(token), message.Body, StringComparison.Ordinal);

        var progress = await (await app.AnonymousClient().GetAsync($"/api/v1/public/repairs/{token}", Ct)).ReadAsync<ProgressView>();
        Assert.Equal(ProgressStage.Ready, progress.Stage);
        Assert.All(progress.Steps.TakeWhile(s => s.Stage != ProgressStage.Ready), s => Assert.True(s.Reached));
        Assert.False(progress.Steps.Single(s => s.Stage == ProgressStage.Delivered).Reached);
        var again = await advisor.PostAsync($"/api/v1/repair-orders/{id}/handover", Handover(view));
        await again.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Settlement_totals_per_pay_type_with_discount_tax_and_two_part_payments_are_exact_to_the_cent()
    {
        var advisor = await app.ClientForAsync("advisor");
        var view = await ReadyAsync(advisor, await InspectedOrderAsync(advisor));

        var tooMuch = await advisor.PutAsync($"/api/v1/repair-orders/{view.OrderId}/settlement/discount", new SettlementDiscountRequest(view.Version, 10m, "老客户"));
        Assert.Equal("repair_order.discount_above_your_limit", (await tooMuch.ReadProblemAsync(HttpStatusCode.Forbidden)).Code);
        view = await (await advisor.PutAsync($"/api/v1/repair-orders/{view.OrderId}/settlement/discount", new SettlementDiscountRequest(view.Version, 5m, "老客户"))).ReadAsync<DeliveryView>();

        // Customer: labour 220 + parts 530 = 750, 5 % off = 37.50, net 712.50, 13 % tax 92.63 (92.625 rounded), total 805.13.
        var customer = view.Statement.ByPayType.Single(t => t.PayType == PayType.Customer);
        Assert.Equal((220m, 530m, 37.50m, 712.50m, 92.63m, 805.13m), (customer.Labour, customer.Parts, customer.Discount, customer.Net, customer.Tax, customer.Total));
        var warranty = view.Statement.ByPayType.Single(t => t.PayType == PayType.Warranty);
        Assert.Equal((176m, 0m, 0m, 22.88m, 198.88m), (warranty.Labour, warranty.Parts, warranty.Discount, warranty.Tax, warranty.Total));
        Assert.Equal(805.13m, view.Statement.CustomerPays);
        Assert.Equal(847.50m, view.Statement.Estimate);
        Assert.Equal(-42.37m, view.Statement.Difference);
        Assert.False(view.Statement.NeedsApproval);

        view = await PayAsync(advisor, view, new PaymentRequest(0, PaymentMethod.WeChatPay, 300m, Reference: "WX4200001"));
        Assert.Equal(505.13m, view.Statement.Outstanding);
        Assert.Null(view.Statement.InvoiceNumber);
        var afterPayment = await advisor.PutAsync($"/api/v1/repair-orders/{view.OrderId}/settlement/discount", new SettlementDiscountRequest(view.Version, 0m, null));
        Assert.Equal("settlement.discount_after_payment", (await afterPayment.ReadProblemAsync(HttpStatusCode.Conflict)).Code);
        var over = await advisor.PostAsync($"/api/v1/repair-orders/{view.OrderId}/settlement/payments", new PaymentRequest(view.Version, PaymentMethod.Card, 505.14m));
        Assert.Contains("settlement.amount_invalid", (await over.ReadProblemAsync(HttpStatusCode.BadRequest)).Codes);
        var shortCash = await advisor.PostAsync($"/api/v1/repair-orders/{view.OrderId}/settlement/payments", new PaymentRequest(view.Version, PaymentMethod.Cash, 505.13m, 500m));
        Assert.Contains("settlement.tendered_too_little", (await shortCash.ReadProblemAsync(HttpStatusCode.BadRequest)).Codes);
        var account = await advisor.PostAsync($"/api/v1/repair-orders/{view.OrderId}/settlement/payments", new PaymentRequest(view.Version, PaymentMethod.Account, 505.13m));
        Assert.Contains("settlement.account_not_allowed", (await account.ReadProblemAsync(HttpStatusCode.BadRequest)).Codes);

        view = await PayAsync(advisor, view, new PaymentRequest(0, PaymentMethod.Cash, 505.13m, 600m));

        Assert.Equal(0m, view.Statement.Outstanding);
        Assert.Equal(805.13m, view.Statement.Paid);
        Assert.Equal(94.87m, view.Payments[1].Change);
        Assert.Equal(94.87m, view.Statement.ChangeGiven);
        Assert.Matches(@"^INV-\d{4}-\d{6}$", view.Statement.InvoiceNumber);
        Assert.NotNull(view.Statement.SettledAt);
        var closed = await advisor.PostAsync($"/api/v1/repair-orders/{view.OrderId}/settlement/payments", new PaymentRequest(view.Version, PaymentMethod.Cash, 1m));
        Assert.Equal("settlement.already_settled", (await closed.ReadProblemAsync(HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    public async Task Settlement_is_refused_while_a_job_is_pending_its_pay_type_decision()
    {
        var advisor = await app.ClientForAsync("advisor");
        var view = await ReadyAsync(advisor, await InspectedOrderAsync(advisor, pendingJobs: 1));
        Assert.True(view.Statement.PayTypePending);
        var url = $"/api/v1/repair-orders/{view.OrderId}";

        var payment = await advisor.PostAsync($"{url}/settlement/payments", new PaymentRequest(view.Version, PaymentMethod.Card, view.Statement.Outstanding));
        var discount = await advisor.PutAsync($"{url}/settlement/discount", new SettlementDiscountRequest(view.Version, 0m, null));
        var deliver = await advisor.PostAsync($"{url}/deliver", new DeliverRequest(view.Version));

        Assert.Equal(OrderDelivery.PayTypePending, (await payment.ReadProblemAsync(HttpStatusCode.Conflict)).Code);
        Assert.Equal(OrderDelivery.PayTypePending, (await discount.ReadProblemAsync(HttpStatusCode.Conflict)).Code);
        Assert.Equal("delivery.not_settled", (await deliver.ReadProblemAsync(HttpStatusCode.Conflict)).Code);
        var now = await GetAsync(advisor, view.OrderId);
        Assert.Empty(now.Payments);
        Assert.Null(now.Statement.InvoiceNumber);
    }

    [Fact]
    public async Task The_pay_type_decision_unblocks_the_settlement_and_no_decision_changes_a_settled_bill()
    {
        var advisor = await app.ClientForAsync("advisor");
        var view = await ReadyAsync(advisor, await InspectedOrderAsync(advisor, pendingJobs: 1));
        var battery = view.Jobs.Single(j => j.PayType == PayType.PendingDecision);
        var url = $"/api/v1/repair-orders/{view.OrderId}/jobs/{battery.Id}/pay-type-decisions";
        var proposal = await (await advisor.PostAsync($"/api/v1/repair-orders/{view.OrderId}/pay-type-proposals", new JobPayTypeProposalRequest(battery.Skill))).ReadAsync<AfterSales.Web.Features.Warranty.ProposalView>();

        await (await advisor.PostAsync(url, new JobPayTypeDecisionRequest(proposal.ComponentGroup, proposal.PayType, PayType.Goodwill, "门店善意承担"))).ReadAsync<AfterSales.Web.Features.Warranty.DecisionView>(HttpStatusCode.Created);
        view = await GetAsync(advisor, view.OrderId);

        Assert.False(view.Statement.PayTypePending);
        Assert.Equal(198.88m, view.Statement.ByPayType.Single(t => t.PayType == PayType.Goodwill).Total);
        view = await PayAsync(advisor, view, new PaymentRequest(0, PaymentMethod.Card, view.Statement.Outstanding));
        Assert.NotNull(view.Statement.InvoiceNumber);
        var late = await advisor.PostAsync(url, new JobPayTypeDecisionRequest(proposal.ComponentGroup, proposal.PayType, PayType.Customer, "改为客户付费"));
        Assert.Equal(OrderDelivery.AlreadySettled, (await late.ReadProblemAsync(HttpStatusCode.Conflict)).Code);
        Assert.Equal(PayType.Goodwill, (await GetAsync(advisor, view.OrderId)).Jobs.Single(j => j.Id == battery.Id).PayType);
    }

    [Fact]
    public async Task An_order_whose_only_jobs_are_pending_a_decision_is_not_settled_and_invoiced_at_zero_on_handover()
    {
        var advisor = await app.ClientForAsync("advisor");

        var view = await ReadyAsync(advisor, await InspectedOrderAsync(advisor, pendingJobs: 2));

        Assert.Equal(0m, view.Statement.CustomerPays);
        Assert.True(view.Statement.PayTypePending);
        Assert.Null(view.Statement.SettledAt);
        Assert.Null(view.Statement.InvoiceNumber);
        var deliver = await advisor.PostAsync($"/api/v1/repair-orders/{view.OrderId}/deliver", new DeliverRequest(view.Version));
        Assert.Equal("delivery.not_settled", (await deliver.ReadProblemAsync(HttpStatusCode.Conflict)).Code);
        Assert.Null((await GetAsync(advisor, view.OrderId)).GatePass);
    }

    [Fact]
    public async Task The_buyers_invoice_details_are_validated_recorded_on_the_settlement_and_corrected_after_payment()
    {
        var advisor = await app.ClientForAsync("advisor");
        var id = await InspectedOrderAsync(advisor);
        var url = $"/api/v1/repair-orders/{id}/settlement/invoice-details";
        var inspected = await GetAsync(advisor, id);
        var early = await advisor.PutAsync(url, new InvoiceDetailsRequest(inspected.Version, InvoiceKind.Ordinary, "张三"));
        Assert.Equal(OrderDelivery.NotReady, (await early.ReadProblemAsync(HttpStatusCode.Conflict)).Code);
        var view = await ReadyAsync(advisor, id);

        async Task<IReadOnlyList<string>> RefusedAsync(InvoiceDetailsRequest request) =>
            (await (await advisor.PutAsync(url, request with { Version = view.Version })).ReadProblemAsync(HttpStatusCode.BadRequest)).Codes;

        Assert.Contains("invoice.buyer_required", await RefusedAsync(new InvoiceDetailsRequest(0, InvoiceKind.Ordinary, " ")));
        Assert.Contains("invoice.tax_id_invalid", await RefusedAsync(new InvoiceDetailsRequest(0, InvoiceKind.Ordinary, "北京某公司", "91110000-12345678X")));
        Assert.Contains("invoice.tax_id_invalid", await RefusedAsync(new InvoiceDetailsRequest(0, InvoiceKind.Ordinary, "北京某公司", "9111000012345678")));
        Assert.Contains("invoice.email_invalid", await RefusedAsync(new InvoiceDetailsRequest(0, InvoiceKind.Ordinary, "北京某公司", null, "not-an-email")));
        Assert.Contains("invoice.tax_id_required", await RefusedAsync(new InvoiceDetailsRequest(0, InvoiceKind.Special, "北京某公司")));
        Assert.Contains("invoice.address_required", await RefusedAsync(new InvoiceDetailsRequest(0, InvoiceKind.Special, "北京某公司", "91110108MA01ABCD2X")));
        Assert.Contains("invoice.bank_required", await RefusedAsync(new InvoiceDetailsRequest(0, InvoiceKind.Special, "北京某公司", "91110108MA01ABCD2X", null, "北京市海淀区中关村大街1号 010-62345678")));

        view = await (await advisor.PutAsync(url, new InvoiceDetailsRequest(view.Version, InvoiceKind.Special, " 北京某某科技有限公司 ", "91110108ma01abcd2x", "fapiao@example.com", "北京市海淀区中关村大街1号 010-62345678", "招商银行北京分行 110912345610201"))).ReadAsync<DeliveryView>();

        var invoice = view.Statement.Invoice!;
        Assert.Equal((InvoiceKind.Special, "北京某某科技有限公司", "91110108MA01ABCD2X", "fapiao@example.com"), (invoice.Kind, invoice.BuyerName, invoice.TaxId, invoice.Email));
        Assert.Equal("招商银行北京分行 110912345610201", invoice.BankAccount);
        Assert.Equal("李娜", invoice.RecordedByName);
        view = await PayAsync(advisor, view, new PaymentRequest(0, PaymentMethod.Transfer, view.Statement.Outstanding, Reference: "TR-1"));
        Assert.NotNull(view.Statement.InvoiceNumber);

        // A 15- or 20-character old tax registration number is accepted; the correction after payment is kept.
        view = await (await advisor.PutAsync(url, new InvoiceDetailsRequest(view.Version, InvoiceKind.Ordinary, "张三", "110108123456789"))).ReadAsync<DeliveryView>();
        Assert.Equal((InvoiceKind.Ordinary, "110108123456789", (string?)null), (view.Statement.Invoice!.Kind, view.Statement.Invoice.TaxId, view.Statement.Invoice.BankAccount));
        Assert.Equal(view.Statement.Invoice with { RecordedAt = null }, (await GetAsync(advisor, id)).Statement.Invoice! with { RecordedAt = null });
    }

    [Fact]
    public async Task Invoice_numbers_follow_each_other_without_gaps_in_a_store()
    {
        var advisor = await app.ClientForAsync("advisor");
        var first = await SettledAsync(advisor, await InspectedOrderAsync(advisor));
        var second = await SettledAsync(advisor, await InspectedOrderAsync(advisor));

        var a = int.Parse(first.Statement.InvoiceNumber![^6..], System.Globalization.CultureInfo.InvariantCulture);
        var b = int.Parse(second.Statement.InvoiceNumber![^6..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(a + 1, b);
    }

    [Fact]
    public async Task A_bill_above_the_estimate_plus_tolerance_needs_the_customers_recorded_approval_before_payment()
    {
        var advisor = await app.ClientForAsync("advisor");
        var view = await ReadyAsync(advisor, await InspectedOrderAsync(advisor, padsPrice: 980m));

        // 220 + 980 + 50 = 1250, tax 162.50: 1412.50 against a signed 847.50 (tolerance 10 %).
        Assert.Equal(1412.50m, view.Statement.CustomerPays);
        Assert.True(view.Statement.NeedsApproval);
        var refused = await advisor.PostAsync($"/api/v1/repair-orders/{view.OrderId}/settlement/payments", new PaymentRequest(view.Version, PaymentMethod.Card, 100m));
        Assert.Equal("settlement.approval_required", (await refused.ReadProblemAsync(HttpStatusCode.Conflict)).Code);

        view = await (await advisor.PostAsync($"/api/v1/repair-orders/{view.OrderId}/settlement/approval", new ApproveDifferenceRequest(view.Version, "张三"))).ReadAsync<DeliveryView>();

        Assert.False(view.Statement.NeedsApproval);
        Assert.Equal("张三", view.Statement.ApprovedBySigner);
        view = await PayAsync(advisor, view, new PaymentRequest(0, PaymentMethod.Alipay, 1412.50m));
        Assert.NotNull(view.Statement.InvoiceNumber);
    }

    [Fact]
    public async Task Delivery_is_refused_before_settlement_and_without_the_acknowledgement_of_a_declined_safety_item()
    {
        var advisor = await app.ClientForAsync("advisor");
        var view = await ReadyAsync(advisor, await InspectedOrderAsync(advisor, declinedSafetyItem: true));
        var declined = Assert.Single(view.DeclinedItems);
        Assert.True(declined.SafetyCritical);

        var unsettled = await advisor.PostAsync($"/api/v1/repair-orders/{view.OrderId}/deliver", new DeliverRequest(view.Version));
        Assert.Equal("delivery.not_settled", (await unsettled.ReadProblemAsync(HttpStatusCode.Conflict)).Code);

        view = await PayAsync(advisor, view, new PaymentRequest(0, PaymentMethod.Card, view.Statement.Outstanding, Reference: "POS-1"));
        var unsigned = await advisor.PostAsync($"/api/v1/repair-orders/{view.OrderId}/deliver", new DeliverRequest(view.Version));
        Assert.Contains("delivery.acknowledgement_required", (await unsigned.ReadProblemAsync(HttpStatusCode.BadRequest)).Codes);
        var badWindow = await advisor.PostAsync($"/api/v1/repair-orders/{view.OrderId}/deliver",
            new DeliverRequest(view.Version, "张三", SignaturePng, FollowUpFrom: new TimeOnly(18, 0), FollowUpTo: new TimeOnly(9, 0)));
        Assert.Contains("repair_order.follow_up_window_invalid", (await badWindow.ReadProblemAsync(HttpStatusCode.BadRequest)).Codes);

        var nextService = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddMonths(6);
        view = await (await advisor.PostAsync($"/api/v1/repair-orders/{view.OrderId}/deliver",
            new DeliverRequest(view.Version, "张三", SignaturePng, nextService, 33_456, new TimeOnly(10, 0), new TimeOnly(12, 0)))).ReadAsync<DeliveryView>();

        Assert.Equal(RepairOrderStatus.Delivered, view.Status);
        Assert.Equal("张三", view.WalkThrough.AcknowledgedBySigner);
        Assert.Equal((nextService, 33_456), (view.WalkThrough.NextServiceDate!.Value, view.WalkThrough.NextServiceMileageKm!.Value));
        Assert.Equal((new TimeOnly(10, 0), new TimeOnly(12, 0)), (view.WalkThrough.FollowUpFrom!.Value, view.WalkThrough.FollowUpTo!.Value));
        var stored = await app.WithDbAsync(db => db.Set<OrderDelivery>().Where(d => d.RepairOrderId == view.OrderId).Select(d => d.AcknowledgementPng).SingleAsync(Ct));
        Assert.True(RepairOrder.IsPng(stored));
        Assert.NotNull(view.GatePass);
        var qr = await advisor.GetAsync($"/api/v1/repair-orders/{view.OrderId}/gate-pass/qr", Ct);
        Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_gate_pass_is_valid_once_then_already_used_and_a_forged_code_is_invalid()
    {
        var advisor = await app.ClientForAsync("advisor");
        var view = await SettledAsync(advisor, await InspectedOrderAsync(advisor));
        view = await (await advisor.PostAsync($"/api/v1/repair-orders/{view.OrderId}/deliver", new DeliverRequest(view.Version))).ReadAsync<DeliveryView>();
        var gate = await app.ClientForAsync("cashier");

        var first = await (await gate.PostAsync("/api/v1/gate-passes/check", new GateCheckRequest(view.GatePass!.Token))).ReadAsync<GateCheckView>();
        var second = await (await gate.PostAsync("/api/v1/gate-passes/check", new GateCheckRequest(view.GatePass.Token))).ReadAsync<GateCheckView>();
        var forged = await (await gate.PostAsync("/api/v1/gate-passes/check", new GateCheckRequest(view.GatePass.Token[..^4] + "AAAA"))).ReadAsync<GateCheckView>();

        Assert.Equal((GateCheck.Valid, view.OrderNumber), (first.Result, first.OrderNumber));
        Assert.Equal(GateCheck.AlreadyUsed, second.Result);
        Assert.Equal("吴静", second.UsedByName);
        Assert.Equal(GateCheck.Invalid, forged.Result);
        Assert.Null(forged.OrderNumber);
        var shanghai = await (await (await app.ClientForAsync("advisor.sh")).PostAsync("/api/v1/gate-passes/check", new GateCheckRequest(view.GatePass.Token))).ReadAsync<GateCheckView>();
        Assert.Equal(GateCheck.Invalid, shanghai.Result);
    }

    [Fact]
    public async Task A_guard_who_cannot_scan_the_pass_types_the_plate_and_it_lets_the_car_out_once()
    {
        var advisor = await app.ClientForAsync("advisor");
        var view = await SettledAsync(advisor, await InspectedOrderAsync(advisor));
        view = await (await advisor.PostAsync($"/api/v1/repair-orders/{view.OrderId}/deliver", new DeliverRequest(view.Version))).ReadAsync<DeliveryView>();
        var plate = await app.WithDbAsync(db => db.Set<RepairOrder>().Where(o => o.Id == view.OrderId)
            .Select(o => db.Assets.Where(a => a.Id == o.AssetId).Select(a => a.Plate).First()).SingleAsync(Ct));
        Assert.False(string.IsNullOrEmpty(plate));
        var gate = await app.ClientForAsync("cashier");

        // Typed as people type it: lower case, with the middle dot and spaces.
        var typed = $" {plate![..2].ToLowerInvariant()}·{plate[2..].ToLowerInvariant()} ";
        var first = await (await gate.PostAsync("/api/v1/gate-passes/check", new GateCheckRequest(typed))).ReadAsync<GateCheckView>();
        var second = await (await gate.PostAsync("/api/v1/gate-passes/check", new GateCheckRequest(plate))).ReadAsync<GateCheckView>();
        var pass = await (await gate.PostAsync("/api/v1/gate-passes/check", new GateCheckRequest(view.GatePass!.Token))).ReadAsync<GateCheckView>();
        var unknown = await (await gate.PostAsync("/api/v1/gate-passes/check", new GateCheckRequest("京Z00000"))).ReadAsync<GateCheckView>();
        var shanghai = await (await (await app.ClientForAsync("advisor.sh")).PostAsync("/api/v1/gate-passes/check", new GateCheckRequest(plate))).ReadAsync<GateCheckView>();

        Assert.Equal((GateCheck.Valid, view.OrderNumber, plate), (first.Result, first.OrderNumber, first.Plate));
        Assert.Equal((GateCheck.AlreadyUsed, view.OrderNumber), (second.Result, second.OrderNumber));
        Assert.Equal(GateCheck.AlreadyUsed, pass.Result);
        Assert.Equal(GateCheck.Invalid, unknown.Result);
        Assert.Equal(GateCheck.Invalid, shanghai.Result);
    }

    [Fact]
    public async Task A_payment_on_a_stale_version_is_refused_with_409_and_nothing_is_recorded()
    {
        var advisor = await app.ClientForAsync("advisor");
        var cashier = await app.ClientForAsync("cashier");
        var view = await ReadyAsync(advisor, await InspectedOrderAsync(advisor));
        await PayAsync(cashier, view, new PaymentRequest(0, PaymentMethod.Card, 100m));

        var stale = await advisor.PostAsync($"/api/v1/repair-orders/{view.OrderId}/settlement/payments", new PaymentRequest(view.Version, PaymentMethod.Card, 100m));

        Assert.Equal(RepairOrderGate.ChangedBySomeoneElse, (await stale.ReadProblemAsync(HttpStatusCode.Conflict)).Code);
        var now = await GetAsync(advisor, view.OrderId);
        Assert.Single(now.Payments);
    }

    [Fact]
    public async Task Another_stores_order_answers_404_on_every_delivery_endpoint_and_a_bad_progress_token_404()
    {
        var shanghai = await app.ClientForAsync("advisor.sh");
        var customer = await CustomerAsync(shanghai);
        var order = await OpenAsync(shanghai, customer, WalkAround);
        var advisor = await app.ClientForAsync("advisor");
        var url = $"/api/v1/repair-orders/{order.Id}";

        HttpResponseMessage[] responses =
        [
            await advisor.GetAsync($"{url}/delivery", Ct),
            await advisor.PostAsync($"{url}/handover", new HandoverRequest(order.Version, true, "A1", true, true, true, true, true)),
            await advisor.PutAsync($"{url}/settlement/discount", new SettlementDiscountRequest(order.Version, 0m, null)),
            await advisor.PostAsync($"{url}/settlement/approval", new ApproveDifferenceRequest(order.Version, "张三")),
            await advisor.PostAsync($"{url}/settlement/payments", new PaymentRequest(order.Version, PaymentMethod.Card, 1m)),
            await advisor.PostAsync($"{url}/deliver", new DeliverRequest(order.Version)),
            await advisor.GetAsync($"{url}/gate-pass/qr", Ct),
            await advisor.PostAsync($"{url}/progress-link", new { }),
        ];

        foreach (var response in responses)
        {
            Assert.Equal("common.not_found", (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Code);
        }

        var bad = await app.AnonymousClient().GetAsync($"/api/v1/public/repairs/{new string('x', RepairOrderProgressLink.TokenLength)}", Ct);
        await bad.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_progress_link_shows_received_in_repair_and_waiting_for_approval()
    {
        var advisor = await app.ClientForAsync("advisor");
        var draft = await ReadyDraftAsync(advisor, await Beijing);
        var link = await (await advisor.PostAsync($"/api/v1/repair-orders/{draft.Id}/progress-link", new { })).ReadAsync<ProgressLinkView>();
        var customer = app.AnonymousClient("en");
        Assert.Equal(ProgressStage.Received, (await (await customer.GetAsync($"/api/v1/public/repairs/{link.Token}", Ct)).ReadAsync<ProgressView>()).Stage);
        Assert.True(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.TemplateKey == "repair_received" && m.Body.Contains(link.Token), Ct)));

        var order = await SignAsync(advisor, await MoveAsync(advisor, draft, "submit"));
        var tech = await app.UserIdAsync("tech");
        await app.WithDbAsync(async db =>
        {
            var o = await db.Set<RepairOrder>().Include(x => x.Jobs).SingleAsync(x => x.Id == order.Id, Ct);
            var job = o.Jobs.OrderBy(j => j.Position).First();
            o.AssignJob(job.Id, tech, "赵磊", new RepairOrderActor(null, "test"), null, app.Clock.GetUtcNow());
            o.MoveJob(job.Id, RepairJobTrigger.Start, new RepairOrderActor(null, "test"), null, app.Clock.GetUtcNow());
            return await db.SaveChangesAsync(Ct);
        });
        Assert.Equal(ProgressStage.InRepair, (await (await customer.GetAsync($"/api/v1/public/repairs/{link.Token}", Ct)).ReadAsync<ProgressView>()).Stage);

        await app.WithDbAsync(async db =>
        {
            var job = await db.Set<RepairJob>().Where(j => j.RepairOrderId == order.Id).OrderBy(j => j.Position).Skip(1).FirstAsync(Ct);
            db.Entry(job).Property(nameof(RepairJob.Status)).CurrentValue = RepairJobStatus.Proposed;
            return await db.SaveChangesAsync(Ct);
        });
        var waiting = await (await customer.GetAsync($"/api/v1/public/repairs/{link.Token}", Ct)).ReadAsync<ProgressView>();
        Assert.Equal(ProgressStage.WaitingForApproval, waiting.Stage);
        Assert.Equal("HV battery state-of-health check", Assert.Single(waiting.WaitingJobs));
    }

    private static HandoverRequest Handover(DeliveryView view) => new(view.Version, true, "B2-17", true, true, true, true, true);

    private static async Task<DeliveryView> GetAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/repair-orders/{id}/delivery", Ct)).ReadAsync<DeliveryView>();

    private static async Task<DeliveryView> PayAsync(HttpClient client, DeliveryView view, PaymentRequest payment) =>
        await (await client.PostAsync($"/api/v1/repair-orders/{view.OrderId}/settlement/payments", payment with { Version = view.Version })).ReadAsync<DeliveryView>();

    private static async Task<DeliveryView> ReadyAsync(HttpClient client, Guid id)
    {
        var view = await GetAsync(client, id);
        return await (await client.PostAsync($"/api/v1/repair-orders/{id}/handover", Handover(view))).ReadAsync<DeliveryView>();
    }

    private static async Task<DeliveryView> SettledAsync(HttpClient client, Guid id)
    {
        var view = await ReadyAsync(client, id);
        return await PayAsync(client, view, new PaymentRequest(0, PaymentMethod.WeChatPay, view.Statement.Outstanding));
    }

    /// <summary>
    /// A signed order with pads (customer) and a battery check (warranty) whose jobs went through the workshop and QC,
    /// optionally with a third, declined safety-critical job, or with the pads' price raised after the signature;
    /// <paramref name="pendingJobs"/> of the two (battery first) left "pending decision".
    /// </summary>
    private async Task<Guid> InspectedOrderAsync(HttpClient advisor, bool declinedSafetyItem = false, decimal? padsPrice = null, int pendingJobs = 0)
    {
        var storeId = await Beijing;
        var order = await OpenAsync(advisor, await CustomerAsync(advisor), WalkAround);
        var jobs = (await TwoJobsAsync(advisor, storeId)).Select((j, i) => i >= 2 - pendingJobs ? j with { PayType = PayType.PendingDecision } : j).ToList();
        if (declinedSafetyItem)
        {
            jobs.Add(new JobRequest((await OperationAsync(advisor, storeId, "ME-001")).Id, PayType.Customer, Note: "后刹车片"));
        }

        order = await ReviseAsync(advisor, order, Revision(order, jobs));
        order = await SignAsync(advisor, await MoveAsync(advisor, order, "submit"));
        var tech = await app.UserIdAsync("tech");
        await app.WithDbAsync(async db =>
        {
            var o = await db.Set<RepairOrder>().Include(x => x.Jobs).ThenInclude(j => j.Parts).SingleAsync(x => x.Id == order.Id, Ct);
            var actor = new RepairOrderActor(null, "test");
            var now = app.Clock.GetUtcNow();
            if (declinedSafetyItem)
            {
                var third = o.Jobs.Single(j => j.Position == 3);
                db.Entry(third).Property(nameof(RepairJob.Status)).CurrentValue = RepairJobStatus.Declined;
                db.Entry(third).Property(nameof(RepairJob.SafetyCritical)).CurrentValue = true;
                db.Entry(third).Property(nameof(RepairJob.IsExtraWork)).CurrentValue = true;
            }

            if (padsPrice is { } price)
            {
                var pads = o.Jobs.Single(j => j.Position == 1).Parts.Single(p => p.Position == 1);
                db.Entry(pads).Property(nameof(RepairJobPart.UnitPrice)).CurrentValue = price;
            }

            foreach (var job in o.Jobs.Where(j => j.Status == RepairJobStatus.Pending).ToList())
            {
                Assert.Null(o.AssignJob(job.Id, tech, "赵磊", actor, null, now));
                Assert.Null(o.MoveJob(job.Id, RepairJobTrigger.Start, actor, null, now));
                Assert.Null(o.MoveJob(job.Id, RepairJobTrigger.Finish, actor, null, now));
                Assert.Null(o.MoveJob(job.Id, RepairJobTrigger.Check, actor, null, now));
            }

            Assert.Null(o.PassFinalInspection(actor, "路试正常", now));
            return await db.SaveChangesAsync(Ct);
        });
        return order.Id;
    }
}

public sealed class SqliteDeliveryTests(SqliteApp app) : DeliveryTests<SqliteApp>(app);

public sealed class PostgresDeliveryTests(PostgresApp app) : DeliveryTests<PostgresApp>(app);
