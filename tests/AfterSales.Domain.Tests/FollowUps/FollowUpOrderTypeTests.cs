using AfterSales.Domain.FollowUps;
using AfterSales.Domain.Service;

namespace AfterSales.Domain.Tests.FollowUps;

public sealed class FollowUpOrderTypeTests
{
    private static FollowUpOrderType Classify(bool complaint, params (WorkshopSkill Skill, PayType Pay)[] jobs) =>
        FollowUpOrderTypes.Classify(jobs.Select(j => new FollowUpJob(j.Skill, j.Pay)).ToList(), complaint);

    [Fact]
    public void Only_maintenance_jobs_make_a_maintenance_visit()
    {
        Assert.Equal(FollowUpOrderType.Maintenance, Classify(false, (WorkshopSkill.Maintenance, PayType.Customer), (WorkshopSkill.Maintenance, PayType.Customer)));
    }

    [Fact]
    public void A_mechanical_or_electrical_job_makes_a_repair()
    {
        Assert.Equal(FollowUpOrderType.Repair, Classify(false, (WorkshopSkill.Maintenance, PayType.Customer), (WorkshopSkill.Mechanical, PayType.Customer)));
        Assert.Equal(FollowUpOrderType.Repair, Classify(false));
    }

    [Fact]
    public void Warranty_paying_for_at_least_half_of_the_jobs_makes_a_warranty_visit()
    {
        Assert.Equal(FollowUpOrderType.Warranty, Classify(false, (WorkshopSkill.EvHighVoltage, PayType.Warranty), (WorkshopSkill.Maintenance, PayType.Customer)));
        Assert.Equal(FollowUpOrderType.Repair, Classify(false, (WorkshopSkill.Electrical, PayType.Warranty), (WorkshopSkill.Mechanical, PayType.Customer), (WorkshopSkill.Mechanical, PayType.Customer)));
    }

    [Fact]
    public void Any_body_or_paint_job_makes_a_body_visit_even_under_warranty()
    {
        Assert.Equal(FollowUpOrderType.Body, Classify(false, (WorkshopSkill.BodyPaint, PayType.Insurance), (WorkshopSkill.Mechanical, PayType.Warranty)));
    }

    [Fact]
    public void A_linked_complaint_makes_a_complaint_re_repair_whatever_the_jobs()
    {
        Assert.Equal(FollowUpOrderType.ComplaintReRepair, Classify(true, (WorkshopSkill.BodyPaint, PayType.Goodwill)));
        Assert.Equal(FollowUpOrderType.ComplaintReRepair, Classify(true));
    }
}
