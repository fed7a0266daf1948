using System.Net;
using AfterSales.Domain.Quality;
using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Features.Quality;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Web.Tests.Features.RepairOrders.RepairOrderFixtures;

namespace AfterSales.Web.Tests.Features.Quality;

/// <summary>Signed orders with jobs in the workshop, arranged through the API and the domain, and the checks as the staff send them.</summary>
internal static class QualityFixtures
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A signed vehicle order with two jobs: front brake pads (mechanical, road test) and an HV battery check (EV).</summary>
    public static async Task<RepairOrderView> SignedAsync(HttpClient advisor, Guid storeId)
    {
        var order = await ReadyDraftAsync(advisor, storeId);
        order = await MoveAsync(advisor, order, "submit");
        return await SignAsync(advisor, order);
    }

    /// <summary>Assigns every pending job to the demo technician and, unless told otherwise, starts it.</summary>
    public static async Task StartJobsAsync(TestApp app, Guid orderId, bool start = true)
    {
        var technicianId = await app.UserIdAsync("tech");
        await app.WithDbAsync(async db =>
        {
            var order = await db.Set<RepairOrder>().Include(o => o.Jobs).SingleAsync(o => o.Id == orderId, Ct);
            var by = new RepairOrderActor(null, "车间主管");
            foreach (var job in order.Jobs)
            {
                if (job.Status == RepairJobStatus.Pending)
                {
                    Assert.Null(order.AssignJob(job.Id, technicianId, "赵磊", by, null, app.Clock.GetUtcNow()));
                }

                if (start && job.Status == RepairJobStatus.Assigned)
                {
                    Assert.Null(order.MoveJob(job.Id, RepairJobTrigger.Start, by, null, app.Clock.GetUtcNow()));
                }
            }

            return await db.SaveChangesAsync(Ct);
        });
    }

    public static async Task<RepairOrderView> OrderAsync(HttpClient client, Guid orderId) =>
        await (await client.GetAsync($"/api/v1/repair-orders/{orderId}", Ct)).ReadAsync<RepairOrderView>();

    public static async Task<JobQualityView> JobAsync(HttpClient client, Guid jobId) =>
        await (await client.GetAsync($"/api/v1/quality/jobs/{jobId}", Ct)).ReadAsync<JobQualityView>();

    public static async Task<OrderQualityView> QualityAsync(HttpClient client, Guid orderId) =>
        await (await client.GetAsync($"/api/v1/repair-orders/{orderId}/quality", Ct)).ReadAsync<OrderQualityView>();

    public static List<ItemAnswer> AllPass(AppliedChecklistView checklist) => checklist.Items.Select(i => new ItemAnswer(i.Index, true)).ToList();

    public static Task<HttpResponseMessage> SelfCheckAsync(HttpClient client, RepairOrderView order, Guid jobId, IReadOnlyList<ItemAnswer> answers) =>
        client.PostAsync($"/api/v1/repair-orders/{order.Id}/jobs/{jobId}/self-check", new SelfCheckRequest(order.Version, answers, "按标准作业"));

    /// <summary>The technician self-checks the job with every item passed.</summary>
    public static async Task<RepairOrderView> FinishAsync(HttpClient technician, Guid orderId, Guid jobId)
    {
        var job = await JobAsync(technician, jobId);
        var order = await OrderAsync(technician, orderId);
        return await (await SelfCheckAsync(technician, order, jobId, AllPass(job.Checklist))).ReadAsync<RepairOrderView>();
    }

    public static Task<HttpResponseMessage> TeamLeadAsync(HttpClient client, RepairOrderView order, Guid jobId, bool passed, string? reason = null, ResponsibleParty? party = null) =>
        client.PostAsync($"/api/v1/repair-orders/{order.Id}/jobs/{jobId}/team-lead-check", new TeamLeadCheckRequest(order.Version, passed, reason, party));

    /// <summary>Every job finished by the technician and checked by the team lead: the order waits for final inspection.</summary>
    public static async Task<RepairOrderView> ReadyForFinalAsync(TestApp app, RepairOrderView signed)
    {
        await StartJobsAsync(app, signed.Id);
        var technician = await app.ClientForAsync("tech");
        var lead = await app.ClientForAsync("teamlead");
        var order = signed;
        foreach (var job in signed.Jobs)
        {
            await FinishAsync(technician, signed.Id, job.Id);
            order = await OrderAsync(lead, signed.Id);
            order = await (await TeamLeadAsync(lead, order, job.Id, true)).ReadAsync<RepairOrderView>();
        }

        Assert.Equal(RepairOrderStatus.FinalInspection, order.Status);
        return order;
    }

    /// <summary>The final inspection with every item of every checked job as given (passed unless a job is named failed).</summary>
    public static async Task<FinalInspectionRequest> FinalRequestAsync(HttpClient client, Guid orderId, RoadTestRequest? roadTest, Guid? failJob = null, string? reason = null, ResponsibleParty? party = null)
    {
        var quality = await QualityAsync(client, orderId);
        var jobs = quality.Jobs.Where(j => j.Job.Status == RepairJobStatus.Checked)
            .Select(j => new FinalJobRequest(
                j.Job.Id,
                j.Checklist.Items.Select(i => new ItemAnswer(i.Index, j.Job.Id != failJob || i.Index != 0, j.Job.Id == failJob && i.Index == 0 ? "刹车踏板偏软" : null)).ToList(),
                j.Job.Id == failJob ? reason : null,
                j.Job.Id == failJob ? party : null))
            .ToList();
        return new FinalInspectionRequest(quality.Version, jobs, roadTest, "终检");
    }

    public static async Task<Problem> ExpectAsync(Task<HttpResponseMessage> call, HttpStatusCode status, string code)
    {
        var problem = await (await call).ReadProblemAsync(status);
        Assert.Contains(code, problem.Code is { } single ? [single, .. problem.Codes] : problem.Codes);
        return problem;
    }
}
