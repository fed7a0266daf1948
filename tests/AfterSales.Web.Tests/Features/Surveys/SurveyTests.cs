using System.Net;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Surveys;
using AfterSales.Web.Features.Notifications;
using AfterSales.Web.Features.Surveys;
using AfterSales.Web.Persistence;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.Surveys.SurveyFixtures;

namespace AfterSales.Web.Tests.Features.Surveys;

/// <summary>The satisfaction survey after delivery: by the agent on the call or by the customer from a link; unhappy answers become one complaint.</summary>
public abstract class SurveyTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_agent_records_a_happy_survey_and_the_praised_staff_are_recorded_without_a_complaint()
    {
        var order = await DeliveredOrderAsync(app, "advisor", DemoData.BeijingStore, ("tech", "赵磊"), ("teamlead", "刘强"));
        var agent = await app.ClientForAsync("agent");
        var survey = await SurveyAsync(agent, order.Id);
        var callId = Guid.NewGuid();

        var recorded = await (await RecordAsync(agent, order.Id, new RecordSurveyRequest(
                Answers(survey.Questions, true, 5, 5, 4, 5, 10, "刘强师傅很细心,车开起来很顺"), callId, "客户很满意", [order.AdvisorName])))
            .ReadAsync<SurveyResponseView>(HttpStatusCode.Created);

        Assert.Equal([(SurveyStaffRole.Advisor, order.AdvisorName), (SurveyStaffRole.Technician, "刘强"), (SurveyStaffRole.Technician, "赵磊")],
            survey.Order.Staff.Select(s => (s.Role, s.Name)).OrderBy(s => s.Role).ThenBy(s => s.Name, StringComparer.Ordinal).ToList());
        Assert.Equal((SurveyChannel.Call, callId, false, true, 10, 4.75m, "王芳"),
            (recorded.Channel, recorded.FollowUpCallId, recorded.IsUnhappy, recorded.FixedFirstTime, recorded.Recommend, recorded.AverageScore, recorded.RecordedByName));
        Assert.Null(recorded.ComplaintId);
        Assert.Equal([order.AdvisorName, "刘强"], recorded.Praised.Select(p => p.Name).ToList());
        Assert.Equal(7, recorded.Answers.Count);
        Assert.Equal("这次的问题一次修好了吗?", recorded.Answers[0].QuestionZh);
        var praise = await app.WithDbAsync(db => db.Set<StaffPraise>().Where(p => p.RepairOrderId == order.Id).OrderBy(p => p.StaffName).ToListAsync(Ct));
        Assert.Equal(2, praise.Count);
        Assert.All(praise, p => Assert.Equal("刘强师傅很细心,车开起来很顺", p.Comment));
        Assert.False(await app.WithDbAsync(db => db.Set<Complaint>().IgnoreQueryFilters().AnyAsync(c => c.RepairOrderReference == order.Number, Ct)));
        var again = await SurveyAsync(agent, order.Id);
        Assert.Equal(recorded.Id, again.Response!.Id);
    }

    [Fact]
    public async Task A_second_answer_for_the_same_order_is_refused()
    {
        var order = await DeliveredOrderAsync(app, "advisor", DemoData.BeijingStore, ("tech", "赵磊"));
        var agent = await app.ClientForAsync("agent");
        var survey = await SurveyAsync(agent, order.Id);
        await (await RecordAsync(agent, order.Id, new RecordSurveyRequest(Answers(survey.Questions, true, 4, 4, 4, 4, 8)))).ReadAsync<SurveyResponseView>(HttpStatusCode.Created);

        var second = await (await RecordAsync(agent, order.Id, new RecordSurveyRequest(Answers(survey.Questions, true, 5, 5, 5, 5, 10)))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("survey.already_answered", second.Code);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<SurveyResponse>().CountAsync(r => r.RepairOrderId == order.Id, Ct)));
    }

    [Fact]
    public async Task An_order_not_yet_delivered_has_no_survey_and_answers_must_fit_their_questions()
    {
        var advisor = await app.ClientForAsync("advisor");
        var draft = await RepairOrders.RepairOrderFixtures.ReadyDraftAsync(advisor, await app.StoreIdAsync(DemoData.BeijingStore));
        var agent = await app.ClientForAsync("agent");
        var survey = await SurveyAsync(agent, draft.Id);

        var early = await (await RecordAsync(agent, draft.Id, new RecordSurveyRequest(Answers(survey.Questions, true, 5, 5, 5, 5, 10)))).ReadProblemAsync(HttpStatusCode.Conflict);
        var order = await DeliveredOrderAsync(app, "advisor", DemoData.BeijingStore, ("tech", "赵磊"));
        var bad = await (await RecordAsync(agent, order.Id, new RecordSurveyRequest(Answers(survey.Questions, true, 6, 5, 5, 5, 11).Where(a => a.QuestionId != survey.Questions[0].Id).ToList())))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("survey.order_not_delivered", early.Code);
        Assert.Contains("survey.answer_required", bad.Codes);
        Assert.Contains("survey.score_range", bad.Codes);
        Assert.Contains("survey.recommend_range", bad.Codes);
    }

    [Fact]
    public async Task A_low_score_opens_exactly_one_complaint_linked_to_the_order_also_on_retries_and_at_the_same_time()
    {
        var order = await DeliveredOrderAsync(app, "advisor", DemoData.BeijingStore, ("tech", "赵磊"));
        var agent = await app.ClientForAsync("agent");
        var survey = await SurveyAsync(agent, order.Id);

        var recorded = await (await RecordAsync(agent, order.Id, new RecordSurveyRequest(
                Answers(survey.Questions, true, 4, 4, 4, 2, 7, "结算时没人解释工时费"), null, "客户说账单看不懂,希望有人回电解释")))
            .ReadAsync<SurveyResponseView>(HttpStatusCode.Created);
        var retries = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            await (await agent.PostAsync($"/api/v1/survey-responses/{recorded.Id}/complaint", new { })).ReadAsync<SurveyComplaintView>()));

        Assert.True(recorded.IsUnhappy);
        Assert.NotNull(recorded.ComplaintId);
        Assert.All(retries, r => Assert.Equal(recorded.ComplaintId, r.ComplaintId));
        var complaints = await app.WithDbAsync(db => db.Set<Complaint>().IgnoreQueryFilters().Where(c => c.RepairOrderReference == order.Number).ToListAsync(Ct));
        var complaint = Assert.Single(complaints);
        Assert.Equal((ComplaintChannel.FollowUpCall, ComplaintCategory.Fees, order.CustomerId, order.AssetId, order.StoreId, recorded.ComplaintNumber),
            (complaint.Channel, complaint.Category, complaint.CustomerId, complaint.AssetId, complaint.StoreId, complaint.Number));
        Assert.Contains("2/5", complaint.CoreProblem, StringComparison.Ordinal);
        Assert.Contains("结算时没人解释工时费", complaint.CoreProblem, StringComparison.Ordinal);
        Assert.Contains("客户说账单看不懂", complaint.CoreProblem, StringComparison.Ordinal);
        Assert.Equal(await app.UserIdAsync("agent"), complaint.ReceivedById);
        Assert.Empty(recorded.Praised);
    }

    [Fact]
    public async Task Simultaneous_answers_for_one_order_keep_one_and_open_one_complaint()
    {
        var order = await DeliveredOrderAsync(app, "advisor", DemoData.BeijingStore, ("tech", "赵磊"));
        var agent = await app.ClientForAsync("agent");
        var survey = await SurveyAsync(agent, order.Id);
        var request = new RecordSurveyRequest(Answers(survey.Questions, false, 2, 3, 3, 3, 4, "还是有异响"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RecordAsync(agent, order.Id, request)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var complaint = await app.WithDbAsync(db => db.Set<Complaint>().IgnoreQueryFilters().SingleAsync(c => c.RepairOrderReference == order.Number, Ct));
        Assert.Equal((ComplaintCategory.RepairQuality, ComplaintUrgency.High), (complaint.Category, complaint.Urgency));
    }

    [Fact]
    public async Task The_customer_answers_from_the_texted_link_once_and_an_unhappy_answer_becomes_a_complaint()
    {
        var order = await DeliveredOrderAsync(app, "advisor", DemoData.BeijingStore, ("tech", "赵磊"));
        var agent = await app.ClientForAsync("agent", "en");

        var link = await (await agent.PostAsync($"/api/v1/repair-orders/{order.Id}/survey-link", new SendSurveyLinkRequest("en"))).ReadAsync<SurveyLinkView>();
        var token = Uri.UnescapeDataString(link.Url[(link.Url.IndexOf("/my/survey/", StringComparison.Ordinal) + "/my/survey/".Length)..]);
        var customer = app.AnonymousClient("zh-CN");
        var view = await (await customer.GetAsync($"/api/v1/public/surveys/{Uri.EscapeDataString(token)}", Ct)).ReadAsync<PublicSurveyView>();
        var receipt = await (await customer.PostAsync($"/api/v1/public/surveys/{Uri.EscapeDataString(token)}", new PublicSurveyRequest(Answers(view.Questions, false, 3, 4, 4, 4, 6, "刹车还是响"))))
            .ReadAsync<PublicSurveyReceipt>();
        var second = await (await customer.PostAsync($"/api/v1/public/surveys/{Uri.EscapeDataString(token)}", new PublicSurveyRequest(Answers(view.Questions, true, 5, 5, 5, 5, 10))))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        var reopened = await (await customer.GetAsync($"/api/v1/public/surveys/{Uri.EscapeDataString(token)}", Ct)).ReadAsync<PublicSurveyView>();

        var message = await app.WithDbAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.Id == link.MessageId, Ct));
        Assert.Equal(("survey_link", "en", link.Recipient), (message.TemplateKey, message.Culture, message.Recipient));
        Assert.Contains(link.Url, message.Body, StringComparison.Ordinal);
        Assert.Equal((order.Number, false), (view.OrderNumber, view.AlreadyAnswered));
        Assert.True(receipt.FollowUpPromised);
        Assert.Equal("survey.already_answered", second.Code);
        Assert.True(reopened.AlreadyAnswered);
        var response = await app.WithDbAsync(db => db.Set<SurveyResponse>().SingleAsync(r => r.RepairOrderId == order.Id, Ct));
        Assert.Equal((SurveyChannel.Link, false, 6), (response.Channel, response.FixedFirstTime, response.Recommend));
        var complaint = await app.WithDbAsync(db => db.Set<Complaint>().IgnoreQueryFilters().SingleAsync(c => c.RepairOrderReference == order.Number, Ct));
        Assert.Equal((ComplaintChannel.FollowUpCall, ComplaintCategory.RepairQuality), (complaint.Channel, complaint.Category));
        Assert.Contains("刹车还是响", complaint.CoreProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_or_expired_link_opens_nothing()
    {
        var order = await DeliveredOrderAsync(app, "advisor", DemoData.BeijingStore, ("tech", "赵磊"));
        var agent = await app.ClientForAsync("agent");
        var link = await (await agent.PostAsync($"/api/v1/repair-orders/{order.Id}/survey-link", new SendSurveyLinkRequest())).ReadAsync<SurveyLinkView>();
        var token = Uri.UnescapeDataString(link.Url[(link.Url.IndexOf("/my/survey/", StringComparison.Ordinal) + "/my/survey/".Length)..]);
        var tampered = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];
        var customer = app.AnonymousClient();

        var forged = await (await customer.GetAsync($"/api/v1/public/surveys/{Uri.EscapeDataString(tampered)}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        var forgedPost = await (await customer.PostAsync($"/api/v1/public/surveys/{Uri.EscapeDataString(tampered)}", new PublicSurveyRequest([]))).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await customer.GetAsync($"/api/v1/public/surveys/{Uri.EscapeDataString(token)}", Ct)).ReadAsync<PublicSurveyView>();
        app.Clock.Advance(TimeSpan.FromDays(15));
        var expired = await (await customer.GetAsync($"/api/v1/public/surveys/{Uri.EscapeDataString(token)}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(["common.not_found", "common.not_found", "common.not_found"], new[] { forged.Code, forgedPost.Code, expired.Code });
        Assert.False(await app.WithDbAsync(db => db.Set<SurveyResponse>().AnyAsync(r => r.RepairOrderId == order.Id, Ct)));
    }

    [Fact]
    public async Task Another_stores_order_answers_404_for_recording_and_sending_the_link()
    {
        var order = await DeliveredOrderAsync(app, "advisor.sh", DemoData.ShanghaiStore, ("qc", "孙伟"));
        var beijing = await app.ClientForAsync("advisor");
        var survey = await SurveyAsync(await app.ClientForAsync("agent"), order.Id);

        var record = await (await RecordAsync(beijing, order.Id, new RecordSurveyRequest(Answers(survey.Questions, true, 5, 5, 5, 5, 10)))).ReadProblemAsync(HttpStatusCode.NotFound);
        var send = await (await beijing.PostAsync($"/api/v1/repair-orders/{order.Id}/survey-link", new SendSurveyLinkRequest())).ReadProblemAsync(HttpStatusCode.NotFound);
        var analytics = await (await (await app.ClientForAsync("manager")).GetAsync($"/api/v1/follow-ups/analytics?storeId={order.StoreId}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(["common.not_found", "common.not_found", "common.not_found"], new[] { record.Code, send.Code, analytics.Code });
        Assert.False(await app.WithDbAsync(db => db.Set<SurveyResponse>().AnyAsync(r => r.RepairOrderId == order.Id, Ct)));
    }

    [Fact]
    public async Task Rewording_a_question_raises_its_revision_and_old_answers_keep_the_wording_they_answered()
    {
        var order = await DeliveredOrderAsync(app, "advisor", DemoData.BeijingStore, ("tech", "赵磊"));
        var agent = await app.ClientForAsync("agent");
        var survey = await SurveyAsync(agent, order.Id);
        var recorded = await (await RecordAsync(agent, order.Id, new RecordSurveyRequest(Answers(survey.Questions, true, 5, 5, 5, 5, 9)))).ReadAsync<SurveyResponseView>(HttpStatusCode.Created);
        var admin = await app.ClientForAsync("admin");
        var settings = await (await admin.GetAsync("/api/v1/survey/settings", Ct)).ReadAsync<SurveySettingsView>();
        var work = settings.Questions.Single(q => q.Topic == SurveyTopic.Work);

        var reworded = await (await admin.PutAsync($"/api/v1/survey/questions/{work.Id}", new SaveSurveyQuestionRequest(work.Topic, work.Kind, "您对维修结果满意吗?", "Are you happy with the repair?", work.SortOrder, true, work.Version)))
            .ReadAsync<SurveyQuestionView>();
        var stale = await (await admin.PutAsync($"/api/v1/survey/questions/{work.Id}", new SaveSurveyQuestionRequest(work.Topic, work.Kind, "旧", "old", work.SortOrder, true, work.Version)))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        var byAgent = await agent.PutAsync($"/api/v1/survey/questions/{work.Id}", new SaveSurveyQuestionRequest(work.Topic, work.Kind, "x", "x", 1, true, reworded.Version));
        var after = await SurveyAsync(agent, order.Id);

        Assert.Equal((2, "您对维修结果满意吗?"), (reworded.Revision, reworded.TextZh));
        Assert.Equal("survey.changed_by_someone_else", stale.Code);
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        var answer = after.Response!.Answers.Single(a => a.Topic == SurveyTopic.Work);
        Assert.Equal((1, work.TextZh), (answer.QuestionRevision, answer.QuestionZh));
        Assert.Equal(recorded.Id, after.Response.Id);
        Assert.Equal("您对维修结果满意吗?", after.Questions.Single(q => q.Topic == SurveyTopic.Work).TextZh);
        await (await admin.PutAsync($"/api/v1/survey/questions/{work.Id}", new SaveSurveyQuestionRequest(work.Topic, work.Kind, work.TextZh, work.TextEn, work.SortOrder, true, reworded.Version)))
            .ReadAsync<SurveyQuestionView>();
    }
}

public sealed class SqliteSurveyTests(SqliteApp app) : SurveyTests<SqliteApp>(app);

public sealed class PostgresSurveyTests(PostgresApp app) : SurveyTests<PostgresApp>(app);
