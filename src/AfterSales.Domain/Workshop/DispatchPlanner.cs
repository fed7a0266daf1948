using System.Diagnostics;
using AfterSales.Domain.Service;
using Google.OrTools.Sat;

namespace AfterSales.Domain.Workshop;

/// <summary>
/// An unassigned job to plan. Times are whole minutes from the working day's origin; <see cref="DueMinute"/> is
/// the order's promised time (null: none). <see cref="Priority"/> weighs both leaving it unassigned and finishing it late.
/// </summary>
public sealed record DispatchJob(Guid JobId, WorkshopSkill Skill, int Minutes, int? DueMinute, int Priority);

/// <summary>
/// A technician's day for the plan: skills, working window (minutes from the origin) and the minutes of work
/// already theirs (assigned, in progress or paused), which they do first.
/// </summary>
public sealed record DispatchTechnician(Guid TechnicianId, IReadOnlySet<WorkshopSkill> Skills, int StartMinute, int EndMinute, int BookedMinutes)
{
    /// <summary>When the technician is free for new work.</summary>
    public int FreeFrom => Math.Min(EndMinute, StartMinute + BookedMinutes);
}

public sealed record DispatchAssignment(Guid JobId, Guid TechnicianId, int StartMinute, int EndMinute);

/// <summary>How good a plan is: the spread of every technician's hours (booked + planned) and the promised times met.</summary>
public sealed record DispatchQuality(
    int Assigned,
    int Unassigned,
    decimal MaxHours,
    decimal MinHours,
    decimal StdDevHours,
    int PromisedMet,
    int PromisedLate,
    int LateMinutes);

public enum DispatchMethod
{
    /// <summary>CP-SAT proved the plan optimal within the time limit.</summary>
    Optimal,

    /// <summary>CP-SAT's best plan when the time limit ran out.</summary>
    Feasible,

    /// <summary>The simple greedy assignment (the baseline, or the fallback when the solver found nothing).</summary>
    Greedy,
}

public sealed record DispatchPlan(IReadOnlyList<DispatchAssignment> Assignments, IReadOnlyList<Guid> Unassigned, DispatchMethod Method, TimeSpan SolveTime)
{
    public DispatchQuality Measure(IReadOnlyList<DispatchJob> jobs, IReadOnlyList<DispatchTechnician> technicians)
    {
        var byJob = jobs.ToDictionary(j => j.JobId);
        var hours = technicians.Select(t => (t.BookedMinutes + Assignments.Where(a => a.TechnicianId == t.TechnicianId).Sum(a => a.EndMinute - a.StartMinute)) / 60m).ToList();
        var mean = hours.Count == 0 ? 0m : hours.Average();
        var std = hours.Count == 0 ? 0m : (decimal)Math.Sqrt(hours.Average(h => (double)((h - mean) * (h - mean))));
        var met = 0;
        var late = 0;
        var lateMinutes = 0;
        foreach (var a in Assignments)
        {
            if (byJob[a.JobId].DueMinute is not { } due)
            {
                continue;
            }

            if (a.EndMinute <= due)
            {
                met++;
            }
            else
            {
                late++;
                lateMinutes += a.EndMinute - Math.Max(due, 0);
            }
        }

        late += Unassigned.Count(id => byJob[id].DueMinute is not null);
        return new DispatchQuality(
            Assignments.Count, Unassigned.Count, hours.Count == 0 ? 0 : hours.Max(), hours.Count == 0 ? 0 : hours.Min(), Math.Round(std, 2), met, late, lateMinutes);
    }
}

/// <summary>
/// Proposes technicians for unassigned jobs (派工建议). Hard rules: a job goes only to a technician with its skill,
/// inside the technician's working window after the work already theirs, one job at a time per technician.
/// Goals, in this order: assign as much (priority-weighted) work as fits, finish jobs by their promised times
/// (priority-weighted lateness), and spread the hours evenly (the gap between the busiest and the least busy
/// technician). Solved with OR-Tools CP-SAT (optional intervals per eligible technician, no overlap per
/// technician) under a time limit, started from the greedy plan so that it is never worse than the greedy one.
/// </summary>
public static class DispatchPlanner
{
    // Weights of the objective: leaving a job of priority 1 unassigned costs as much as 100,000 minutes of spread.
    private const long UnassignedWeight = 100_000;
    private const long LateWeight = 20;
    private const long SpreadWeight = 1;

    public static DispatchPlan Suggest(IReadOnlyList<DispatchJob> jobs, IReadOnlyList<DispatchTechnician> technicians, TimeSpan timeLimit)
    {
        var watch = Stopwatch.StartNew();
        var greedy = Greedy(jobs, technicians);
        var eligible = jobs.ToDictionary(
            j => j.JobId,
            j => technicians.Where(t => t.Skills.Contains(j.Skill) && t.FreeFrom + j.Minutes <= t.EndMinute).ToList());
        if (jobs.Count == 0 || technicians.Count == 0 || eligible.Values.All(e => e.Count == 0))
        {
            return greedy with { SolveTime = watch.Elapsed };
        }

        var horizon = technicians.Max(t => t.EndMinute);
        var model = new CpModel();
        var hint = greedy.Assignments.ToDictionary(a => (a.JobId, a.TechnicianId));
        var presences = new Dictionary<(Guid Job, Guid Tech), (BoolVar Present, IntVar Start)>();
        var objective = new List<LinearExpr>();
        var perTech = technicians.ToDictionary(t => t.TechnicianId, _ => new List<(IntervalVar Interval, BoolVar Present, int Minutes)>());
        foreach (var job in jobs)
        {
            var choices = new List<BoolVar>();
            var late = job.DueMinute is { } dueAt ? model.NewIntVar(0, horizon + Math.Max(0, -dueAt), $"late_{job.JobId:N}") : null;
            foreach (var tech in eligible[job.JobId])
            {
                var present = model.NewBoolVar($"x_{job.JobId:N}_{tech.TechnicianId:N}");
                var start = model.NewIntVar(tech.FreeFrom, tech.EndMinute - job.Minutes, $"s_{job.JobId:N}_{tech.TechnicianId:N}");
                var interval = model.NewOptionalFixedSizeIntervalVar(start, job.Minutes, present, $"i_{job.JobId:N}_{tech.TechnicianId:N}");
                perTech[tech.TechnicianId].Add((interval, present, job.Minutes));
                presences[(job.JobId, tech.TechnicianId)] = (present, start);
                choices.Add(present);
                if (late is not null && job.DueMinute is { } due)
                {
                    model.Add(late >= start + (job.Minutes - due)).OnlyEnforceIf(present);
                }

                if (hint.TryGetValue((job.JobId, tech.TechnicianId), out var planned))
                {
                    model.AddHint(present, 1);
                    model.AddHint(start, planned.StartMinute);
                }
                else
                {
                    model.AddHint(present, 0);
                }
            }

            if (choices.Count == 0)
            {
                continue;
            }

            model.AddAtMostOne(choices);
            objective.Add((1 - LinearExpr.Sum(choices)) * (UnassignedWeight * job.Priority));
            if (late is not null)
            {
                objective.Add(late * (LateWeight * job.Priority));
            }
        }

        var loads = new List<IntVar>();
        foreach (var tech in technicians)
        {
            var items = perTech[tech.TechnicianId];
            model.AddNoOverlap(items.Select(i => i.Interval));
            var load = model.NewIntVar(tech.BookedMinutes, tech.BookedMinutes + Math.Max(0, tech.EndMinute - tech.FreeFrom), $"load_{tech.TechnicianId:N}");
            model.Add(load == tech.BookedMinutes + LinearExpr.WeightedSum(items.Select(i => i.Present), items.Select(i => (long)i.Minutes)));
            loads.Add(load);
        }

        var maxLoad = model.NewIntVar(0, horizon * 2L, "max_load");
        var minLoad = model.NewIntVar(0, horizon * 2L, "min_load");
        model.AddMaxEquality(maxLoad, loads);
        model.AddMinEquality(minLoad, loads);
        objective.Add((maxLoad - minLoad) * SpreadWeight);
        model.Minimize(LinearExpr.Sum(objective));

        var remaining = timeLimit - watch.Elapsed;
        var solver = new CpSolver
        {
            StringParameters = string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{Math.Max(0.1, remaining.TotalSeconds):0.###} num_workers:1 random_seed:7"),
        };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return greedy with { SolveTime = watch.Elapsed };
        }

        var assignments = new List<DispatchAssignment>();
        foreach (var ((jobId, techId), (present, start)) in presences)
        {
            if (solver.BooleanValue(present))
            {
                var minutes = jobs.First(j => j.JobId == jobId).Minutes;
                var s = (int)solver.Value(start);
                assignments.Add(new DispatchAssignment(jobId, techId, s, s + minutes));
            }
        }

        var assigned = assignments.Select(a => a.JobId).ToHashSet();
        var plan = new DispatchPlan(
            [.. assignments.OrderBy(a => a.TechnicianId).ThenBy(a => a.StartMinute)],
            [.. jobs.Where(j => !assigned.Contains(j.JobId)).Select(j => j.JobId)],
            status == CpSolverStatus.Optimal ? DispatchMethod.Optimal : DispatchMethod.Feasible,
            watch.Elapsed);
        return plan;
    }

    /// <summary>
    /// The simple baseline: jobs by priority, then promised time, then longest first; each to the skilled
    /// technician with the fewest hours who can still fit it, at the end of their queue.
    /// </summary>
    public static DispatchPlan Greedy(IReadOnlyList<DispatchJob> jobs, IReadOnlyList<DispatchTechnician> technicians)
    {
        var watch = Stopwatch.StartNew();
        var next = technicians.ToDictionary(t => t.TechnicianId, t => t.FreeFrom);
        var load = technicians.ToDictionary(t => t.TechnicianId, t => t.BookedMinutes);
        var assignments = new List<DispatchAssignment>();
        var unassigned = new List<Guid>();
        foreach (var job in Order(jobs))
        {
            var best = technicians
                .Where(t => t.Skills.Contains(job.Skill) && next[t.TechnicianId] + job.Minutes <= t.EndMinute)
                .OrderBy(t => load[t.TechnicianId])
                .ThenBy(t => next[t.TechnicianId])
                .FirstOrDefault();
            if (best is null)
            {
                unassigned.Add(job.JobId);
                continue;
            }

            var start = next[best.TechnicianId];
            assignments.Add(new DispatchAssignment(job.JobId, best.TechnicianId, start, start + job.Minutes));
            next[best.TechnicianId] = start + job.Minutes;
            load[best.TechnicianId] += job.Minutes;
        }

        return new DispatchPlan(assignments, unassigned, DispatchMethod.Greedy, watch.Elapsed);
    }

    /// <summary>The order the board lists open jobs in and the greedy plan takes them: priority, promised time, longest first.</summary>
    public static IEnumerable<DispatchJob> Order(IEnumerable<DispatchJob> jobs) =>
        jobs.OrderByDescending(j => j.Priority).ThenBy(j => j.DueMinute ?? int.MaxValue).ThenByDescending(j => j.Minutes);
}
