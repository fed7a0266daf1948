using System.Net;
using AfterSales.Domain.Complaints;
using AfterSales.Web.Features;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.ComplaintSla;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.Complaints.ComplaintFixtures;
using static AfterSales.Web.Tests.Features.ComplaintSla.SlaFixtures;

namespace AfterSales.Web.Tests.Features.ComplaintSla;

/// <summary>Sub-categories and SLA policies an administrator maintains, and what intake and the clocks make of them.</summary>
public abstract class SlaAdministrationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SaveSlaPolicyRequest Rule(ComplaintUrgency urgency, ComplaintChannel? channel, int? version = null) => new(
        urgency, channel, new SlaTargetDto(20, 40), new SlaTargetDto(60, 120), new SlaTargetDto(240, 480), new SlaTargetDto(960, 1440), 240, version);

    [Fact]
    public async Task An_administrator_adds_renames_and_deactivates_sub_categories_and_intake_picks_from_them()
    {
        var admin = await app.ClientForAsync("admin", "en");
        var created = await (await admin.PostAsync("/api/v1/complaint-subcategories", new CreateSubCategoryRequest(ComplaintCategory.RepairQuality, " 返修未修好 ", "Repair did not fix it", 1)))
            .ReadAsync<SubCategoryView>(HttpStatusCode.Created);
        var other = await (await admin.PostAsync("/api/v1/complaint-subcategories", new CreateSubCategoryRequest(ComplaintCategory.Fees, "收费不透明", "Unclear charges")))
            .ReadAsync<SubCategoryView>(HttpStatusCode.Created);

        Assert.Equal("返修未修好", created.NameZh);
        Assert.Equal("Repair did not fix it", created.Name);
        var agent = await app.ClientForAsync("agent");
        var customer = await CustomerAsync(await app.ClientForAsync("advisor"));
        var recorded = await RecordAsync(agent, Intake(customer) with { SubCategoryId = created.Id });
        Assert.Equal(created.Id, recorded.Complaint.SubCategoryId);
        Assert.Equal("返修未修好", recorded.Complaint.SubCategoryName);

        var wrongCategory = await (await agent.PostAsync("/api/v1/complaints", Intake(customer) with { SubCategoryId = other.Id })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["complaint.subcategory_invalid"], wrongCategory.Codes);

        var renamed = await (await admin.PutAsync($"/api/v1/complaint-subcategories/{created.Id}", new UpdateSubCategoryRequest(created.Version, "返修后问题依旧", "Still broken after rework", false, 2)))
            .ReadAsync<SubCategoryView>();
        Assert.False(renamed.IsActive);
        var active = await (await agent.GetAsync("/api/v1/complaint-subcategories?category=RepairQuality", Ct)).ReadAsync<List<SubCategoryView>>();
        Assert.DoesNotContain(active, s => s.Id == created.Id);
        var all = await (await agent.GetAsync("/api/v1/complaint-subcategories?includeInactive=true", Ct)).ReadAsync<List<SubCategoryView>>();
        Assert.Contains(all, s => s.Id == created.Id && s.NameZh == "返修后问题依旧");
        var inactive = await (await agent.PostAsync("/api/v1/complaints", Intake(customer) with { SubCategoryId = created.Id })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["complaint.subcategory_invalid"], inactive.Codes);

        var stale = await (await admin.PutAsync($"/api/v1/complaint-subcategories/{created.Id}", new UpdateSubCategoryRequest(created.Version, "旧版本", "Old", true))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("common.concurrency_conflict", stale.Code);
    }

    [Fact]
    public async Task Sub_category_names_are_required_unique_within_a_category_and_only_administrators_change_them()
    {
        var admin = await app.ClientForAsync("admin", "en");
        await (await admin.PostAsync("/api/v1/complaint-subcategories", new CreateSubCategoryRequest(ComplaintCategory.Parts, "配件缺货", "Part out of stock"))).ReadAsync<SubCategoryView>(HttpStatusCode.Created);

        var blank = await (await admin.PostAsync("/api/v1/complaint-subcategories", new CreateSubCategoryRequest(ComplaintCategory.Parts, " ", new string('x', 101)))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var twice = await (await admin.PostAsync("/api/v1/complaint-subcategories", new CreateSubCategoryRequest(ComplaintCategory.Parts, "配件缺货", "Again"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var missing = await (await admin.PutAsync($"/api/v1/complaint-subcategories/{Guid.NewGuid()}", new UpdateSubCategoryRequest(0, "名称", "Name", true))).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(["Enter the name in both languages."], blank.ErrorsOf("nameZh"));
        Assert.Single(blank.ErrorsOf("nameEn"));
        Assert.Equal(["This category already has a sub-category of that name."], twice.ErrorsOf("nameZh"));
        Assert.Equal("common.not_found", missing.Code);
        var specialist = await app.ClientForAsync("complaints");
        await (await specialist.PostAsync("/api/v1/complaint-subcategories", new CreateSubCategoryRequest(ComplaintCategory.Parts, "错发配件", "Wrong part"))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await specialist.GetAsync("/api/v1/complaint-sla-policies", Ct)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await specialist.PutAsync("/api/v1/complaint-sla-policies", Rule(ComplaintUrgency.Low, null))).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_policies_start_from_the_seeds_and_a_saved_rule_drives_the_clocks_until_it_is_reset()
    {
        var admin = await app.ClientForAsync("admin", "en");
        var defaults = await (await admin.GetAsync("/api/v1/complaint-sla-policies", Ct)).ReadAsync<List<SlaPolicyView>>();
        var online = defaults.Single(p => p.Urgency == ComplaintUrgency.Normal && p.Channel is null);
        Assert.True(online.IsDefault);
        Assert.Equal(60, online.Acknowledge.BreachMinutes);
        Assert.Equal(15, defaults.Single(p => p.Urgency == ComplaintUrgency.Normal && p.Channel == ComplaintChannel.Hotline).Acknowledge.BreachMinutes);

        var saved = await (await admin.PutAsync("/api/v1/complaint-sla-policies", Rule(ComplaintUrgency.High, ComplaintChannel.WeChat))).ReadAsync<SlaPolicyView>();
        Assert.False(saved.IsDefault);
        Assert.NotNull(saved.Version);

        await MoveToWorkingMorningAsync(app);
        var customer = await CustomerAsync(await app.ClientForAsync("advisor"));
        var complaint = (await RecordAsync(await app.ClientForAsync("agent"), Intake(customer, channel: ComplaintChannel.WeChat, urgency: ComplaintUrgency.High))).Complaint;
        var sla = await (await admin.GetAsync($"/api/v1/complaints/{complaint.Id}/sla", Ct)).ReadAsync<ComplaintSlaView>();
        var acknowledge = sla.Clocks.Single(c => c.Clock == SlaClockKind.Acknowledge);
        Assert.Equal((20, 40), (acknowledge.WarningMinutes, acknowledge.BreachMinutes));
        Assert.Equal(complaint.ReceivedAt.AddMinutes(40), acknowledge.BreachAt);
        Assert.Equal(SlaClockState.Ok, acknowledge.State);
        Assert.Equal(ComplaintChannel.WeChat, sla.Policy.Channel);

        var stale = await (await admin.PutAsync("/api/v1/complaint-sla-policies", Rule(ComplaintUrgency.High, ComplaintChannel.WeChat, saved.Version - 1))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("common.concurrency_conflict", stale.Code);

        var reset = await (await admin.DeleteAsync($"/api/v1/complaint-sla-policies?urgency=High&channel=WeChat", Ct)).ReadAsync<SlaPolicyView>();
        Assert.True(reset.IsDefault);
        Assert.Null(reset.Channel);
        var after = await (await admin.GetAsync($"/api/v1/complaints/{complaint.Id}/sla", Ct)).ReadAsync<ComplaintSlaView>();
        Assert.Equal(60, after.Clocks.Single(c => c.Clock == SlaClockKind.Acknowledge).BreachMinutes);
        await (await admin.DeleteAsync($"/api/v1/complaint-sla-policies?urgency=High&channel=WeChat", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_policy_with_a_warning_after_its_breach_or_steps_out_of_order_is_refused_field_by_field()
    {
        var admin = await app.ClientForAsync("admin", "en");

        var backwards = await (await admin.PutAsync("/api/v1/complaint-sla-policies", Rule(ComplaintUrgency.Low, null) with { Acknowledge = new SlaTargetDto(90, 60), ProgressUpdateMinutes = -5 }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        var outOfOrder = await (await admin.PutAsync("/api/v1/complaint-sla-policies", Rule(ComplaintUrgency.Low, null) with { Close = new SlaTargetDto(30, 60) }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        var malformed = await admin.SendRawAsync(HttpMethod.Put, "/api/v1/complaint-sla-policies", "{\"urgency\":\"Sometimes\"}");

        Assert.Contains("sla.target_invalid", backwards.Codes);
        Assert.Contains("sla.progress_interval_invalid", backwards.Codes);
        Assert.Single(backwards.ErrorsOf("acknowledge"));
        Assert.Equal(["sla.targets_out_of_order"], outOfOrder.Codes);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<ComplaintSlaPolicy>().AnyAsync(p => p.Urgency == ComplaintUrgency.Low, Ct)));
    }

    [Fact]
    public async Task The_list_shows_each_complaints_clock_and_sorts_what_breaches_soonest_first()
    {
        await MoveToWorkingMorningAsync(app);
        var agent = await app.ClientForAsync("agent");
        var customer = await CustomerAsync(await app.ClientForAsync("advisor"));
        var email = (await RecordAsync(agent, Intake(customer, channel: ComplaintChannel.Email, urgency: ComplaintUrgency.Low))).Complaint;
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var hotline = (await RecordAsync(agent, Intake(customer, channel: ComplaintChannel.Hotline))).Complaint;
        app.Clock.Advance(TimeSpan.FromMinutes(12));
        await EscalateAsync(app.Services);

        var page = await (await agent.GetAsync("/api/v1/complaints?sort=BreachesSoonest&pageSize=100", Ct)).ReadAsync<Page<ComplaintListItem>>();

        var ids = page.Items.Select(i => i.Id).ToList();
        Assert.True(ids.IndexOf(hotline.Id) < ids.IndexOf(email.Id), "The hotline complaint breaches in 3 minutes, the e-mail one in 47.");
        var hot = page.Items.Single(i => i.Id == hotline.Id).Sla!;
        Assert.Equal((SlaClockState.Warning, SlaClockKind.Acknowledge, 3), (hot.State, hot.Clock, hot.LeftMinutes));
        var mail = page.Items.Single(i => i.Id == email.Id).Sla!;
        Assert.Equal((SlaClockState.Ok, 47), (mail.State, mail.LeftMinutes));

        app.Clock.Advance(TimeSpan.FromMinutes(4));
        var later = await (await agent.GetAsync($"/api/v1/complaints?query={hotline.Number}", Ct)).ReadAsync<Page<ComplaintListItem>>();
        Assert.Equal(SlaClockState.Breached, Assert.Single(later.Items).Sla!.State);
    }

    [Fact]
    public async Task A_progress_update_needs_a_message_and_a_closed_or_foreign_complaint_refuses_it()
    {
        var specialist = await app.ClientForAsync("complaints", "en");
        var customer = await CustomerAsync(await app.ClientForAsync("advisor"));
        var complaint = (await RecordAsync(specialist, Intake(customer))).Complaint;

        var empty = await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/progress-updates", new RecordProgressUpdateRequest(" "))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var tooLong = await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/progress-updates", new RecordProgressUpdateRequest(new string('进', 501)))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var unknown = await (await specialist.PostAsync($"/api/v1/complaints/{Guid.NewGuid()}/progress-updates", new RecordProgressUpdateRequest("进展"))).ReadProblemAsync(HttpStatusCode.NotFound);
        var recorded = await (await specialist.PostAsync($"/api/v1/complaints/{complaint.Id}/progress-updates", new RecordProgressUpdateRequest("已电话告知客户进展", SendToCustomer: false))).ReadAsync<ProgressUpdateView>();

        Assert.Equal(["Write what you tell the customer."], empty.ErrorsOf("message"));
        Assert.Single(tooLong.ErrorsOf("message"));
        Assert.Equal("common.not_found", unknown.Code);
        Assert.False(recorded.SentToCustomer);
        Assert.False(await app.WithDbAsync(db => db.Set<Web.Features.Notifications.OutboxMessage>().AnyAsync(m => m.TemplateKey == "complaint_progress" && m.Body.Contains(complaint.Number), Ct)));
    }

    [Fact]
    public async Task Another_stores_complaint_answers_404_on_every_sla_endpoint_and_the_attempt_is_audited()
    {
        var shanghai = await app.ClientForAsync("advisor.sh");
        var customer = await CustomerAsync(shanghai);
        var complaint = (await RecordAsync(shanghai, Intake(customer))).Complaint;
        Assert.Equal(await app.StoreIdAsync(DemoData.ShanghaiStore), complaint.StoreId);
        var beijing = await app.ClientForAsync("advisor");

        var clocks = await (await beijing.GetAsync($"/api/v1/complaints/{complaint.Id}/sla", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        var update = await (await beijing.PostAsync($"/api/v1/complaints/{complaint.Id}/progress-updates", new RecordProgressUpdateRequest("进展"))).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("common.not_found", clocks.Code);
        Assert.Equal("common.not_found", update.Code);
        var denied = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == complaint.Id && e.Action == "AccessDenied").CountAsync(Ct));
        Assert.Equal(2, denied);
        Assert.False(await app.WithDbAsync(db => db.Set<ComplaintProgressUpdate>().AnyAsync(u => u.ComplaintId == complaint.Id, Ct)));
        await (await shanghai.GetAsync($"/api/v1/complaints/{complaint.Id}/sla", Ct)).ReadAsync<ComplaintSlaView>();
    }

    [Fact]
    public async Task The_openapi_document_describes_every_sla_endpoint()
    {
        var admin = await app.ClientForAsync("admin");

        var document = await (await admin.GetAsync("/openapi/v1.json", Ct)).Content.ReadAsStringAsync(Ct);

        foreach (var operation in new[] { "GetComplaintSla", "RecordComplaintProgressUpdate", "ListComplaintSubCategories", "CreateComplaintSubCategory", "UpdateComplaintSubCategory", "ListComplaintSlaPolicies", "SaveComplaintSlaPolicy", "ResetComplaintSlaPolicy" })
        {
            Assert.Contains($"\"{operation}\"", document, StringComparison.Ordinal);
        }

        Assert.Contains("BreachesSoonest", document, StringComparison.Ordinal);
    }
}

public sealed class SqliteSlaAdministrationTests(SqliteApp app) : SlaAdministrationTests<SqliteApp>(app);

public sealed class PostgresSlaAdministrationTests(PostgresApp app) : SlaAdministrationTests<PostgresApp>(app);
