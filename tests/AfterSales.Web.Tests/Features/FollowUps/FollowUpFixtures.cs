using AfterSales.Domain.FollowUps;
using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Features.FollowUps;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Jobs;
using AfterSales.Web.Tests.Features.RepairOrders;
using AfterSales.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Web.Tests.Features.FollowUps;

/// <summary>Delivered orders arranged through the domain, and rounds of the follow-up generator run by hand.</summary>
internal static class FollowUpFixtures
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A signed two-job order (made by <paramref name="advisorName"/> through the API) taken through the workshop in the
    /// database: assigned, started, finished, checked (with one rework if asked), final inspection, ready, delivered.
    /// </summary>
    public static async Task<RepairOrderView> DeliveredAsync(TestApp app, string advisorName = "advisor", bool rework = false, TimeOnly? preferredFrom = null, TimeOnly? preferredTo = null)
    {
        var advisor = await app.ClientForAsync(advisorName);
        var storeId = await app.StoreIdAsync(advisorName == "advisor" ? "BJ01" : "SH01");
        var order = await RepairOrderFixtures.ReadyDraftAsync(advisor, storeId);
        order = await RepairOrderFixtures.MoveAsync(advisor, order, "submit");
        order = await RepairOrderFixtures.SignAsync(advisor, order);
        var techId = await app.UserIdAsync("tech");
        await app.WithDbAsync(async db =>
        {
            var o = await db.Set<RepairOrder>().Include(x => x.Jobs).ThenInclude(j => j.Parts).SingleAsync(x => x.Id == order.Id, Ct);
            var by = new RepairOrderActor(null, "测试");
            var now = app.Clock.GetUtcNow();
            foreach (var job in o.Jobs)
            {
                Assert.Null(o.AssignJob(job.Id, techId, "赵磊", by, null, now));
                Assert.Null(o.MoveJob(job.Id, RepairJobTrigger.Start, by, null, now));
                Assert.Null(o.MoveJob(job.Id, RepairJobTrigger.Finish, by, null, now));
                if (rework && job == o.Jobs[0])
                {
                    Assert.Null(o.MoveJob(job.Id, RepairJobTrigger.Rework, by, "刹车仍有异响", now));
                    Assert.Null(o.MoveJob(job.Id, RepairJobTrigger.Start, by, null, now));
                    Assert.Null(o.MoveJob(job.Id, RepairJobTrigger.Finish, by, null, now));
                }

                Assert.Null(o.MoveJob(job.Id, RepairJobTrigger.Check, by, null, now));
            }

            Assert.Null(o.PassFinalInspection(by, null, now));
            Assert.Null(o.MarkReady(by, null, now));
            Assert.Null(o.Deliver(preferredFrom, preferredTo, by, now));
            return await db.SaveChangesAsync(Ct);
        });
        return order;
    }

    /// <summary>One round of the generator, as the background job runs it (a fresh instance: a restarted job is just another instance).</summary>
    public static Task RunGeneratorAsync(TestApp app) =>
        ActivatorUtilities.CreateInstance<FollowUpGenerator>(app.Services).RunRoundAsync(Ct);

    /// <summary>The order's calls, 24 hours first (sorted here: the database keeps the kind as text).</summary>
    public static async Task<List<FollowUpTask>> TasksAsync(TestApp app, Guid orderId) =>
        [.. (await app.WithDbAsync(db => db.Set<FollowUpTask>().IgnoreQueryFilters().AsNoTracking().Include(t => t.Attempts)
            .Where(t => t.RepairOrderId == orderId).ToListAsync(Ct))).OrderBy(t => t.Kind)];

    public static Task<FollowUpSelection?> SelectionAsync(TestApp app, Guid orderId) =>
        app.WithDbAsync(db => db.Set<FollowUpSelection>().IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(s => s.RepairOrderId == orderId, Ct));

    /// <summary>Sets a store's coverage target (administrator, through the API), keeping the rest of its policy.</summary>
    public static async Task<FollowUpPolicyView> TargetAsync(TestApp app, string storeCode, int percent, int? maxAttempts = null)
    {
        var admin = await app.ClientForAsync("admin");
        var storeId = await app.StoreIdAsync(storeCode);
        var policy = await (await admin.GetAsync($"/api/v1/follow-up-policies/{storeId}", Ct)).ReadAsync<FollowUpPolicyView>();
        return await (await admin.PutAsync($"/api/v1/follow-up-policies/{storeId}",
                new SaveFollowUpPolicyRequest(policy.Version, percent, maxAttempts ?? policy.MaxAttempts, policy.Rules, policy.RetrySchedule, policy.BlockedHours)))
            .ReadAsync<FollowUpPolicyView>();
    }
}
