using System.Net;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.Knowledge;
using AfterSales.Web.Features;
using AfterSales.Web.Features.Complaints;
using AfterSales.Web.Features.Complaints.Handling;
using AfterSales.Web.Features.Knowledge;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.Complaints.ComplaintFixtures;

namespace AfterSales.Web.Tests.Features.Knowledge;

public abstract class KnowledgeBaseTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TestApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Whys = ["中控屏反复黑屏重启", "更换电瓶后供电电压不稳", "负极接线柱未按扭矩拧紧"];

    private static async Task<ComplaintView> PostAsync<T>(HttpClient client, ComplaintView c, string path, T body) =>
        await (await client.PostAsync($"/api/v1/complaints/{c.Id}{path}", body)).ReadAsync<ComplaintView>();

    /// <summary>A Beijing complaint taken by the call centre and worked by the specialist up to the plan agreed with the customer.</summary>
    private async Task<ComplaintView> AcceptedAsync(HttpClient specialist)
    {
        var customer = await CustomerAsync(await app.ClientForAsync("advisor"));
        var intake = Intake(customer, assetId: customer.Assets[0].Id) with { CoreProblem = "更换电瓶后中控屏反复黑屏重启，导航无法使用。", CustomerExpectation = "彻底修好" };
        var c = (await RecordAsync(await app.ClientForAsync("agent"), intake)).Complaint;
        c = await PostAsync(specialist, c, "/acknowledge", new AcknowledgeComplaintRequest(c.Version));
        c = await PostAsync(specialist, c, "/investigation", new StartInvestigationRequest(c.Version, await app.UserIdAsync("complaints")));
        c = await PostAsync(specialist, c, "/analysis", new RecordAnalysisRequest(c.Version, Whys, Responsibility.TechnicianError, IsSystemic: false));
        c = await PostAsync(specialist, c, "/resolution", new ProposeResolutionRequest(c.Version, [new(ResolutionActionKind.ReRepair, "按扭矩重新紧固负极接线柱并做电压测试", null)]));
        c = await PostAsync(specialist, c, "/resolution/present", new ComplaintNoteRequest(c.Version));
        return await PostAsync(specialist, c, "/customer-response", new CustomerResponseRequest(c.Version, CustomerResponse.Accepted));
    }

    private async Task<ComplaintView> ClosedAsync(HttpClient specialist)
    {
        var c = await AcceptedAsync(specialist);
        var action = Assert.Single((await (await specialist.GetAsync($"/api/v1/complaints/{c.Id}/handling", Ct)).ReadAsync<ComplaintHandlingView>()).Plan);
        c = await PostAsync(specialist, c, $"/resolution/actions/{action.Id}/done", new ComplaintNoteRequest(c.Version));
        return await PostAsync(await app.ClientForAsync("manager"), c, "/close", new ComplaintReasonRequest(c.Version, "审核通过"));
    }

    private static async Task<IReadOnlyList<KnowledgeSuggestion>> SuggestAsync(HttpClient client, string text) =>
        await (await client.PostAsync("/api/v1/knowledge-articles/suggestions", new SuggestKnowledgeRequest(text))).ReadAsync<List<KnowledgeSuggestion>>();

    private static async Task<Page<KnowledgeArticleListItem>> SearchAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"/api/v1/knowledge-articles?query={Uri.EscapeDataString(query)}&pageSize=100", Ct)).ReadAsync<Page<KnowledgeArticleListItem>>();

    [Fact]
    public async Task A_closed_case_becomes_a_prefilled_draft_and_once_published_the_next_intake_is_offered_it_first()
    {
        var specialist = await app.ClientForAsync("complaints", "en");
        var closed = await ClosedAsync(specialist);

        var created = await (await specialist.PostAsync($"/api/v1/complaints/{closed.Id}/knowledge-article", new CreateArticleFromComplaintRequest(Tags: ["电瓶", "中控屏"])))
            .ReadAsync<KnowledgeArticleView>(HttpStatusCode.Created);
        var again = await (await specialist.PostAsync($"/api/v1/complaints/{closed.Id}/knowledge-article", new CreateArticleFromComplaintRequest())).ReadProblemAsync(HttpStatusCode.Conflict);
        const string newComplaint = "客户说换了电瓶以后中控屏总是黑屏";
        var beforePublishing = await SuggestAsync(specialist, newComplaint);
        var published = await (await specialist.PostAsync($"/api/v1/knowledge-articles/{created.Id}/publish", new KnowledgeArticleMoveRequest(created.Version))).ReadAsync<KnowledgeArticleView>();
        var suggestions = await SuggestAsync(await app.ClientForAsync("agent"), newComplaint);

        Assert.Equal(("更换电瓶后中控屏反复黑屏重启", "更换电瓶后中控屏反复黑屏重启，导航无法使用。"), (created.Title, created.Problem));
        Assert.Equal("1. 中控屏反复黑屏重启\n2. 更换电瓶后供电电压不稳\n3. 负极接线柱未按扭矩拧紧", created.Cause);
        Assert.Equal("1. 按扭矩重新紧固负极接线柱并做电压测试", created.Resolution);
        Assert.Equal((KnowledgeArticleStatus.Draft, ComplaintCategory.RepairQuality, closed.Number), (created.Status, created.Category, created.SourceComplaintNumber));
        Assert.Equal(["电瓶", "中控屏"], created.Tags);
        Assert.Equal("knowledge.article_exists", again.Code);
        Assert.DoesNotContain(beforePublishing, s => s.Id == created.Id);
        Assert.Equal(KnowledgeArticleStatus.Published, published.Status);
        var first = suggestions[0];
        Assert.Equal(created.Id, first.Id);
        Assert.True(first.MatchedKeys >= 4, $"{first.MatchedKeys} keys matched");
        Assert.All(suggestions.Skip(1), s => Assert.True(s.MatchedKeys <= first.MatchedKeys));
    }

    [Fact]
    public async Task Only_a_closed_case_by_someone_who_writes_the_knowledge_base_becomes_an_article()
    {
        var specialist = await app.ClientForAsync("complaints", "en");
        var open = await AcceptedAsync(specialist);
        var closed = await ClosedAsync(specialist);

        var notClosed = await (await specialist.PostAsync($"/api/v1/complaints/{open.Id}/knowledge-article", new CreateArticleFromComplaintRequest())).ReadProblemAsync(HttpStatusCode.Conflict);
        var byAgent = await (await (await app.ClientForAsync("agent", "en")).PostAsync($"/api/v1/complaints/{closed.Id}/knowledge-article", new CreateArticleFromComplaintRequest()))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        var byShanghaiAdvisor = await (await (await app.ClientForAsync("advisor.sh")).PostAsync($"/api/v1/complaints/{closed.Id}/knowledge-article", new CreateArticleFromComplaintRequest()))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        var emptyTitle = await (await specialist.PostAsync($"/api/v1/complaints/{closed.Id}/knowledge-article", new CreateArticleFromComplaintRequest(Title: " ")))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("knowledge.complaint_not_closed", notClosed.Code);
        Assert.Equal("A case becomes a knowledge-base article only once it is closed.", notClosed.Title);
        Assert.Equal("knowledge.write_forbidden", byAgent.Code);
        Assert.Equal("common.not_found", byShanghaiAdvisor.Code);
        Assert.Contains("knowledge.title_required", emptyTitle.Codes);
        var shanghaiAdvisor = await app.UserIdAsync("advisor.sh");
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityId == closed.Id && e.Action == "AccessDenied" && e.UserId == shanghaiAdvisor, Ct)));
        Assert.False(await app.WithDbAsync(db => db.Set<KnowledgeArticle>().AnyAsync(a => a.SourceComplaintId == open.Id || a.SourceComplaintId == closed.Id, Ct)));
    }

    [Fact]
    public async Task Staff_find_articles_by_chinese_substrings_and_english_words_and_see_only_published_ones()
    {
        var specialist = await app.ClientForAsync("complaints", "en");
        var advisor = await app.ClientForAsync("advisor");
        var input = new KnowledgeArticleInput("高速行驶时天窗风噪明显 (sunroof wind noise)", "车速超过 100 km/h 时天窗处风噪很大。", "天窗密封条老化变形。",
            "更换天窗密封条，调整天窗玻璃高度。", ["天窗", "风噪"], ComplaintCategory.RepairQuality);
        var draft = await (await specialist.PostAsync("/api/v1/knowledge-articles", input)).ReadAsync<KnowledgeArticleView>(HttpStatusCode.Created);

        var advisorBefore = await SearchAsync(advisor, "风噪");
        var writerSees = await SearchAsync(specialist, "风噪");
        var published = await (await specialist.PostAsync($"/api/v1/knowledge-articles/{draft.Id}/publish", new KnowledgeArticleMoveRequest(draft.Version))).ReadAsync<KnowledgeArticleView>();
        string[] hits = ["风噪", "天窗风噪", "密封条老化", "噪", "sunroof", "SUNR", "Wind Noise"];
        string[] misses = ["噪风", "天窗漏水", "sunset"];
        var found = new List<bool>();
        foreach (var query in hits.Concat(misses))
        {
            found.Add((await SearchAsync(advisor, query)).Items.Any(a => a.Id == draft.Id));
        }

        Assert.DoesNotContain(advisorBefore.Items, a => a.Id == draft.Id);
        Assert.Contains(writerSees.Items, a => a.Id == draft.Id && a.Status == KnowledgeArticleStatus.Draft);
        Assert.Equal(hits.Select(_ => true).Concat(misses.Select(_ => false)), found);
        Assert.Equal(KnowledgeArticleStatus.Published, (await (await advisor.GetAsync($"/api/v1/knowledge-articles/{draft.Id}", Ct)).ReadAsync<KnowledgeArticleView>()).Status);

        var retired = await (await specialist.PostAsync($"/api/v1/knowledge-articles/{draft.Id}/retire", new KnowledgeArticleMoveRequest(published.Version))).ReadAsync<KnowledgeArticleView>();
        var advisorAfter = await SearchAsync(advisor, "风噪");
        var editRetired = await (await specialist.PutAsync($"/api/v1/knowledge-articles/{draft.Id}", new UpdateKnowledgeArticleRequest(retired.Version, input))).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await advisor.GetAsync($"/api/v1/knowledge-articles/{draft.Id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.DoesNotContain(advisorAfter.Items, a => a.Id == draft.Id);
        Assert.Equal("knowledge.retired_read_only", editRetired.Code);
    }

    [Fact]
    public async Task An_edit_reindexes_the_article_and_a_stale_version_or_a_reader_is_refused()
    {
        var specialist = await app.ClientForAsync("complaints", "en");
        var input = new KnowledgeArticleInput("Rear wiper stops mid-stroke", "The rear wiper stops halfway.", "Worn wiper motor gear.", "Replace the wiper motor.");
        var article = await (await specialist.PostAsync("/api/v1/knowledge-articles", input)).ReadAsync<KnowledgeArticleView>(HttpStatusCode.Created);

        var edited = await (await specialist.PutAsync($"/api/v1/knowledge-articles/{article.Id}", new UpdateKnowledgeArticleRequest(article.Version, input with { Cause = "Corroded wiper motor connector." })))
            .ReadAsync<KnowledgeArticleView>();
        var stale = await (await specialist.PutAsync($"/api/v1/knowledge-articles/{article.Id}", new UpdateKnowledgeArticleRequest(article.Version, input))).ReadProblemAsync(HttpStatusCode.Conflict);
        var byAdvisor = await (await (await app.ClientForAsync("advisor", "en")).PostAsync($"/api/v1/knowledge-articles/{article.Id}/publish", new KnowledgeArticleMoveRequest(edited.Version)))
            .ReadProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("Corroded wiper motor connector.", edited.Cause);
        Assert.Equal("knowledge.changed_by_someone_else", stale.Code);
        Assert.Equal("knowledge.write_forbidden", byAdvisor.Code);
        Assert.Contains((await SearchAsync(specialist, "corroded")).Items, a => a.Id == article.Id);
        Assert.DoesNotContain((await SearchAsync(specialist, "worn gear")).Items, a => a.Id == article.Id);
    }

    [Fact]
    public async Task The_demo_knowledge_base_answers_an_english_and_a_chinese_complaint()
    {
        var agent = await app.ClientForAsync("agent");

        var english = await SuggestAsync(agent, "After the repair the air conditioning is not cooling, warm air again");
        var chinese = await SuggestAsync(agent, "昨天刚换的刹车片，今天踩刹车一直吱吱响");
        var nothing = await SuggestAsync(agent, "   ");

        Assert.Equal("Air conditioning not cooling after a leak repair", english[0].Title);
        Assert.Equal("更换刹车片后低速制动吱吱异响", chinese[0].Title);
        Assert.Empty(nothing);
    }
}

public sealed class SqliteKnowledgeBaseTests(SqliteApp app) : KnowledgeBaseTests<SqliteApp>(app);

public sealed class PostgresKnowledgeBaseTests(PostgresApp app) : KnowledgeBaseTests<PostgresApp>(app);
