using AfterSales.Domain.Service;
using AfterSales.Domain.Stores;
using AfterSales.Domain.Workshop;

namespace AfterSales.Domain.Tests.Workshop;

public sealed class DispatchPlannerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    private static DispatchTechnician Tech(int start, int end, int booked, params WorkshopSkill[] skills) =>
        new(Guid.NewGuid(), skills.ToHashSet(), start, end, booked);

    private static DispatchJob Job(WorkshopSkill skill, int minutes, int? due = null, int priority = 1) => new(Guid.NewGuid(), skill, minutes, due, priority);

    private static void AssertValid(DispatchPlan plan, IReadOnlyList<DispatchJob> jobs, IReadOnlyList<DispatchTechnician> techs)
    {
        var byJob = jobs.ToDictionary(j => j.JobId);
        var byTech = techs.ToDictionary(t => t.TechnicianId);
        Assert.Equal(jobs.Count, plan.Assignments.Count + plan.Unassigned.Count);
        Assert.Equal(jobs.Count, plan.Assignments.Select(a => a.JobId).Concat(plan.Unassigned).Distinct().Count());
        foreach (var a in plan.Assignments)
        {
            var tech = byTech[a.TechnicianId];
            Assert.Contains(byJob[a.JobId].Skill, tech.Skills);
            Assert.Equal(byJob[a.JobId].Minutes, a.EndMinute - a.StartMinute);
            Assert.True(a.StartMinute >= tech.FreeFrom, "starts before the technician is free");
            Assert.True(a.EndMinute <= tech.EndMinute, "ends after the technician's shift");
        }

        foreach (var group in plan.Assignments.GroupBy(a => a.TechnicianId))
        {
            var ordered = group.OrderBy(a => a.StartMinute).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i].StartMinute >= ordered[i - 1].EndMinute, "two jobs at once");
            }
        }
    }

    [Fact]
    public void Jobs_go_only_to_technicians_with_the_skill()
    {
        var ev = Tech(0, 480, 0, WorkshopSkill.EvHighVoltage);
        var mech = Tech(0, 480, 0, WorkshopSkill.Mechanical, WorkshopSkill.Maintenance);
        DispatchJob[] jobs = [Job(WorkshopSkill.EvHighVoltage, 60), Job(WorkshopSkill.EvHighVoltage, 90), Job(WorkshopSkill.Mechanical, 60), Job(WorkshopSkill.BodyPaint, 60)];
        var plan = DispatchPlanner.Suggest(jobs, [ev, mech], Limit);

        AssertValid(plan, jobs, [ev, mech]);
        Assert.All(plan.Assignments.Where(a => jobs.Single(j => j.JobId == a.JobId).Skill == WorkshopSkill.EvHighVoltage), a => Assert.Equal(ev.TechnicianId, a.TechnicianId));
        Assert.Equal([jobs[3].JobId], plan.Unassigned);
        Assert.NotEqual(DispatchMethod.Greedy, plan.Method);
    }

    [Fact]
    public void Work_already_given_out_and_the_shift_end_limit_what_fits()
    {
        var tech = Tech(0, 240, 120, WorkshopSkill.Maintenance);
        DispatchJob[] jobs = [Job(WorkshopSkill.Maintenance, 90), Job(WorkshopSkill.Maintenance, 60), Job(WorkshopSkill.Maintenance, 30)];
        var plan = DispatchPlanner.Suggest(jobs, [tech], Limit);

        AssertValid(plan, jobs, [tech]);
        Assert.True(plan.Assignments.Sum(a => a.EndMinute - a.StartMinute) <= 120);
        Assert.Equal(2, plan.Assignments.Count);
        Assert.Single(plan.Unassigned);
        Assert.All(plan.Assignments, a => Assert.True(a.StartMinute >= 120));
    }

    [Fact]
    public void A_promised_job_is_done_first()
    {
        var tech = Tech(0, 480, 0, WorkshopSkill.Mechanical);
        var later = Job(WorkshopSkill.Mechanical, 180);
        var promised = Job(WorkshopSkill.Mechanical, 120, due: 150);
        var plan = DispatchPlanner.Suggest([later, promised], [tech], Limit);

        var first = plan.Assignments.Single(a => a.JobId == promised.JobId);
        Assert.True(first.EndMinute <= 150);
        Assert.Equal(1, plan.Measure([later, promised], [tech]).PromisedMet);
    }

    [Fact]
    public void When_not_everything_fits_the_urgent_job_gets_the_time()
    {
        var tech = Tech(0, 120, 0, WorkshopSkill.Electrical);
        var ordinary = Job(WorkshopSkill.Electrical, 120);
        var urgent = Job(WorkshopSkill.Electrical, 120, priority: 3);
        var plan = DispatchPlanner.Suggest([ordinary, urgent], [tech], Limit);

        Assert.Equal(urgent.JobId, Assert.Single(plan.Assignments).JobId);
        Assert.Equal([ordinary.JobId], plan.Unassigned);
    }

    [Fact]
    public void Load_is_balanced_across_technicians()
    {
        DispatchTechnician[] techs = [Tech(0, 540, 0, WorkshopSkill.Maintenance), Tech(0, 540, 120, WorkshopSkill.Maintenance), Tech(0, 540, 0, WorkshopSkill.Maintenance)];
        var jobs = Enumerable.Range(0, 12).Select(i => Job(WorkshopSkill.Maintenance, 30 + (i % 4) * 15)).ToList();
        var plan = DispatchPlanner.Suggest(jobs, techs, Limit);

        AssertValid(plan, jobs, techs);
        Assert.Empty(plan.Unassigned);
        var quality = plan.Measure(jobs, techs);

        // 540 minutes of new work plus 120 booked over three technicians: 220 minutes each, within a job's length.
        Assert.True(quality.MaxHours - quality.MinHours <= 0.5m, $"spread {quality.MaxHours - quality.MinHours} h");
    }

    [Fact]
    public void The_plan_is_never_worse_than_greedy_on_promised_times()
    {
        var random = new Random(42);
        WorkshopSkill[] skills = [WorkshopSkill.Maintenance, WorkshopSkill.Mechanical, WorkshopSkill.Electrical];
        var techs = Enumerable.Range(0, 5).Select(i => Tech(0, 480, random.Next(0, 90), skills[i % 3], skills[(i + 1) % 3])).ToList();
        var jobs = Enumerable.Range(0, 30).Select(_ => Job(skills[random.Next(3)], random.Next(2, 10) * 15, random.Next(4) == 0 ? null : random.Next(60, 480), random.Next(1, 4))).ToList();
        var plan = DispatchPlanner.Suggest(jobs, techs, Limit);
        var greedy = DispatchPlanner.Greedy(jobs, techs);

        AssertValid(plan, jobs, techs);
        AssertValid(greedy, jobs, techs);
        Assert.True(plan.Unassigned.Count <= greedy.Unassigned.Count);
        Assert.True(plan.Measure(jobs, techs).LateMinutes <= greedy.Measure(jobs, techs).LateMinutes || plan.Assignments.Count > greedy.Assignments.Count);
    }

    [Fact]
    public void Nothing_to_plan_gives_an_empty_plan()
    {
        var plan = DispatchPlanner.Suggest([], [Tech(0, 60, 0, WorkshopSkill.Maintenance)], Limit);
        Assert.Empty(plan.Assignments);
        Assert.Empty(plan.Unassigned);
    }

    [Fact]
    public void A_shift_stays_within_opening_hours_and_holidays()
    {
        var calendar = new StoreCalendar(Store.DefaultTimeZone, [new OpeningHours(DayOfWeek.Monday, new TimeOnly(8, 30), new TimeOnly(18, 0))], [new StoreHoliday(new DateOnly(2026, 11, 30), "闭店", false)]);
        var early = Technician.Create(Guid.NewGuid(), Guid.NewGuid(), "钱勇", [WorkshopSkill.Maintenance], null, new TimeOnly(7, 0), new TimeOnly(16, 0));

        Assert.Equal((new TimeOnly(8, 30), new TimeOnly(16, 0)), early.HoursOn(calendar, new DateOnly(2026, 11, 23)));
        Assert.Null(early.HoursOn(calendar, new DateOnly(2026, 11, 30)));
        Assert.Null(early.HoursOn(calendar, new DateOnly(2026, 11, 24)));
    }

    [Fact]
    public void After_closing_the_plan_is_for_the_next_working_day()
    {
        var calendar = new StoreCalendar(Store.DefaultTimeZone, [new OpeningHours(DayOfWeek.Monday, new TimeOnly(8, 30), new TimeOnly(18, 0)), new OpeningHours(DayOfWeek.Wednesday, new TimeOnly(8, 30), new TimeOnly(18, 0))], []);

        // Monday 2026-11-23 19:00 in Shanghai is 11:00 UTC.
        var day = WorkingDay.Next(calendar, new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero));
        Assert.NotNull(day);
        Assert.Equal(new DateOnly(2026, 11, 25), day.Date);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 8, 30, 0, TimeSpan.FromHours(8)), day.Origin);

        // Monday 10:00 in Shanghai: the rest of today.
        var now = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
        var today = WorkingDay.Next(calendar, now)!;
        Assert.Equal(now, today.Origin);
        var tech = Technician.Create(Guid.NewGuid(), Guid.NewGuid(), "赵磊", [WorkshopSkill.Maintenance], null, null, null);
        Assert.Equal((0, 480), today.Window(tech));
    }

    [Fact]
    public void A_profile_needs_a_skill_and_a_shift_that_ends_after_it_starts()
    {
        Assert.Contains(Technician.Check([], null, null), e => e.Code == Technician.SkillsRequired);
        Assert.Contains(Technician.Check([WorkshopSkill.Phone], new TimeOnly(17, 0), new TimeOnly(9, 0)), e => e.Code == Technician.ShiftInvalid);
        Assert.Contains(Technician.Check([WorkshopSkill.Phone], new TimeOnly(9, 0), null), e => e.Code == Technician.ShiftInvalid);
        Assert.Empty(Technician.Check([WorkshopSkill.Phone], new TimeOnly(9, 0), new TimeOnly(17, 0)));
    }
}
