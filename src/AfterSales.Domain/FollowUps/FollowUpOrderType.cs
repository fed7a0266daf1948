using AfterSales.Domain.Service;

namespace AfterSales.Domain.FollowUps;

/// <summary>What kind of visit a delivered order was, as far as the follow-up policy is concerned.</summary>
public enum FollowUpOrderType
{
    Maintenance,
    Repair,
    Warranty,
    Body,

    /// <summary>The order put right what a complaint was about (投诉返修).</summary>
    ComplaintReRepair,
}

/// <summary>A job of the order as the classification sees it: its skill and who pays.</summary>
public sealed record FollowUpJob(WorkshopSkill Skill, PayType PayType);

public static class FollowUpOrderTypes
{
    /// <summary>
    /// The order's type, first rule that fits: linked to a complaint → complaint re-repair; any body or paint job → body;
    /// warranty pays for at least half of the jobs → warranty; only maintenance jobs → maintenance; anything else → repair.
    /// An order without agreed jobs counts as a repair.
    /// </summary>
    public static FollowUpOrderType Classify(IReadOnlyCollection<FollowUpJob> agreedJobs, bool linkedToComplaint)
    {
        if (linkedToComplaint)
        {
            return FollowUpOrderType.ComplaintReRepair;
        }

        if (agreedJobs.Count == 0)
        {
            return FollowUpOrderType.Repair;
        }

        if (agreedJobs.Any(j => j.Skill == WorkshopSkill.BodyPaint))
        {
            return FollowUpOrderType.Body;
        }

        if (agreedJobs.Count(j => j.PayType == PayType.Warranty) * 2 >= agreedJobs.Count)
        {
            return FollowUpOrderType.Warranty;
        }

        return agreedJobs.All(j => j.Skill == WorkshopSkill.Maintenance) ? FollowUpOrderType.Maintenance : FollowUpOrderType.Repair;
    }
}
