using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Surveys;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Features.Surveys;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.RepairOrders.RepairOrderFixtures;

namespace AfterSales.Web.Tests.Features.Surveys;

/// <summary>Delivered orders arranged through the domain (the workshop's own endpoints live on other branches), and survey answers.</summary>
internal static class SurveyFixtures
{
    /// <summary>
    /// A signed two-job order made through the API by the <paramref name="advisor"/> user, then worked, checked,
    /// inspected, made ready and delivered through the domain; the jobs go to the given technicians (user name, shown name).
    /// </summary>
    public static async Task<RepairOrderView> DeliveredOrderAsync(TestApp app, string advisor, string storeCode, params (string User, string Name)[] technicians)
    {
        var client = await app.ClientForAsync(advisor);
        var storeId = await app.StoreIdAsync(storeCode);
        var signed = await SignAsync(client, await MoveAsync(client, await ReadyDraftAsync(client, storeId), "submit"));
        var ids = new List<Guid>();
        foreach (var (user, _) in technicians)
        {
            ids.Add(await app.UserIdAsync(user));
        }

        await app.WithDbAsync(async db =>
        {
            var order = await db.Set<RepairOrder>().Include(o => o.Jobs).SingleAsync(o => o.Id == signed.Id);
            var by = new RepairOrderActor(null, "车间");
            var now = app.Clock.GetUtcNow();
            var jobs = order.Jobs.OrderBy(j => j.Position).ToList();
            for (var i = 0; i < jobs.Count; i++)
            {
                var (_, name) = technicians[Math.Min(i, technicians.Length - 1)];
                Check(order.AssignJob(jobs[i].Id, ids[Math.Min(i, ids.Count - 1)], name, by, null, now));
                Check(order.MoveJob(jobs[i].Id, RepairJobTrigger.Start, by, null, now));
                Check(order.MoveJob(jobs[i].Id, RepairJobTrigger.Finish, by, null, now));
                Check(order.MoveJob(jobs[i].Id, RepairJobTrigger.Check, by, null, now));
            }

            Check(order.PassFinalInspection(by, null, now));
            Check(order.MarkReady(by, null, now));
            Check(order.Deliver(new TimeOnly(14, 0), new TimeOnly(16, 0), by, now));
            await db.SaveChangesAsync();
            return 0;
        });
        return await (await client.GetAsync($"/api/v1/repair-orders/{signed.Id}", TestContext.Current.CancellationToken)).ReadAsync<RepairOrderView>();
    }

    private static void Check(Domain.Common.FieldError? error) => Assert.Null(error);

    /// <summary>Answers for the default questions: fixed?, work, advisor, time, price (1–5), recommend (0–10), comment.</summary>
    public static IReadOnlyList<SurveyAnswerInput> Answers(IReadOnlyList<SurveyQuestionView> questions, bool fixedFirstTime, int work, int advisor, int time, int price, int recommend, string? comment = null) =>
        questions.Select(q => q.Topic switch
        {
            SurveyTopic.FixedFirstTime => new SurveyAnswerInput(q.Id, Yes: fixedFirstTime),
            SurveyTopic.Work => new SurveyAnswerInput(q.Id, Score: work),
            SurveyTopic.Advisor => new SurveyAnswerInput(q.Id, Score: advisor),
            SurveyTopic.Time => new SurveyAnswerInput(q.Id, Score: time),
            SurveyTopic.PriceExplanation => new SurveyAnswerInput(q.Id, Score: price),
            SurveyTopic.Recommend => new SurveyAnswerInput(q.Id, Score: recommend),
            _ => new SurveyAnswerInput(q.Id, Text: comment),
        }).ToList();

    public static async Task<OrderSurveyView> SurveyAsync(HttpClient client, Guid orderId) =>
        await (await client.GetAsync($"/api/v1/repair-orders/{orderId}/survey", TestContext.Current.CancellationToken)).ReadAsync<OrderSurveyView>();

    public static async Task<HttpResponseMessage> RecordAsync(HttpClient client, Guid orderId, RecordSurveyRequest request) =>
        await client.PostAsync($"/api/v1/repair-orders/{orderId}/survey", request);
}
