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
    /// <summary>CP-SAT proved the assignment optimal within the time limit.</summary>
    Optimal,

    /// <summary>CP-SAT's best assignment when the time limit ran out (at least as good as the greedy one).</summary>
    Feasible,

    /// <summary>
    /// The greedy assignment (improved by moving a job to make room for one left out), when the solver found nothing
    /// better; <see cref="DispatchPlanner.Greedy"/> alone is the benchmark's baseline.
    /// </summary>
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
/// Proposes technicians for unassigned jobs (派工建议). Hard rules: a job goes only to a technician with its skill
/// who is on shift, and a technician's new standard hours fit in what is left of their shift after the work
/// already theirs. Goals, in this order: assign as much priority-weighted work as fits, meet promised times
/// (priority-weighted), and keep the busiest and the least busy technician close (minutes of spread).
/// <para>
/// Solved as a pure assignment model with OR-Tools CP-SAT: a boolean per (job, skilled technician on shift), at most
/// one per job, a capacity per technician, and an "on time" boolean per (job with a promised time, technician) that
/// may only be true when the job is given to that technician and the technician's on-time jobs, done in order of
/// promised time (EDD) from when they are free, all finish by their promised times; the EDD condition is one linear
/// constraint per technician and promised time. No times are variables, which keeps the model small enough to
/// answer 200 jobs × 30 technicians within the limit. Each technician's queue is then ordered by promised time
/// (<see cref="Sequence"/>). The greedy plan seeds the solver as a hint and is returned when the solver finds
/// nothing better within the time limit.
/// </para>
/// </summary>
public static class DispatchPlanner
{
    // Weights of the objective (maximised): assigning a job of priority 1 is worth 100,000, meeting its promised
    // time 1,000, and every minute between the busiest and the least busy technician costs 1 (a day is < 1,000 minutes).
    internal const long AssignWeight = 100_000;
    internal const long OnTimeWeight = 1_000;
    internal const long SpreadWeight = 1;

    public static DispatchPlan Suggest(IReadOnlyList<DispatchJob> jobs, IReadOnlyList<DispatchTechnician> technicians, TimeSpan timeLimit)
    {
        var watch = Stopwatch.StartNew();
        var byJob = jobs.ToDictionary(j => j.JobId);
        var greedy = Schedule(MakeRoom(jobs, technicians, Greedy(jobs, technicians).Assignments), byJob, technicians, DispatchMethod.Greedy);
        var eligible = jobs.ToDictionary(
            j => j.JobId,
            j => technicians.Where(t => CanTake(t, j)).ToList());
        if (jobs.Count == 0 || technicians.Count == 0 || eligible.Values.All(e => e.Count == 0))
        {
            return greedy with { SolveTime = watch.Elapsed };
        }

        var model = new CpModel();
        var hinted = greedy.Assignments.Select(a => (a.JobId, a.TechnicianId)).ToHashSet();
        var hintedOnTime = greedy.Assignments.Where(a => byJob[a.JobId].DueMinute is { } due && a.EndMinute <= due).Select(a => (a.JobId, a.TechnicianId)).ToHashSet();
        var take = new Dictionary<(Guid Job, Guid Tech), BoolVar>();
        var objective = new List<LinearExpr>();
        var perTech = technicians.ToDictionary(t => t.TechnicianId, _ => new List<(DispatchJob Job, BoolVar Take, BoolVar? OnTime)>());
        foreach (var job in jobs)
        {
            var choices = new List<BoolVar>();
            foreach (var tech in eligible[job.JobId])
            {
                var key = (job.JobId, tech.TechnicianId);
                var x = model.NewBoolVar("x");
                model.AddHint(x, hinted.Contains(key) ? 1 : 0);
                take[key] = x;
                choices.Add(x);
                objective.Add(x * (AssignWeight * job.Priority));

                // On time is possible at all only if the job fits between when the technician is free and its promised time.
                BoolVar? onTime = null;
                if (job.DueMinute is { } due && tech.FreeFrom + job.Minutes <= due)
                {
                    onTime = model.NewBoolVar("o");
                    model.AddImplication(onTime, x);
                    model.AddHint(onTime, hintedOnTime.Contains(key) ? 1 : 0);
                    objective.Add(onTime * (OnTimeWeight * job.Priority));
                }

                perTech[tech.TechnicianId].Add((job, x, onTime));
            }

            if (choices.Count > 1)
            {
                model.AddAtMostOne(choices);
            }
        }

        var loads = new List<LinearExpr>();
        var loadHints = new List<int>();
        foreach (var tech in technicians)
        {
            var items = perTech[tech.TechnicianId];
            var capacity = tech.EndMinute - tech.FreeFrom;
            var work = LinearExpr.WeightedSum(items.Select(i => i.Take), items.Select(i => (long)i.Job.Minutes));
            if (items.Count > 0)
            {
                model.Add(work <= capacity);
            }

            // EDD: the on-time jobs, done in order of promised time, all finish in time iff for every promised time d,
            // the on-time jobs promised by d fit between when the technician is free and d.
            var timed = items.Where(i => i.OnTime is not null).OrderBy(i => i.Job.DueMinute).ToList();
            foreach (var due in timed.Select(i => i.Job.DueMinute!.Value).Distinct())
            {
                var upTo = timed.TakeWhile(i => i.Job.DueMinute <= due).ToList();
                if (upTo.Sum(i => i.Job.Minutes) > due - tech.FreeFrom)
                {
                    model.Add(LinearExpr.WeightedSum(upTo.Select(i => i.OnTime!), upTo.Select(i => (long)i.Job.Minutes)) <= due - tech.FreeFrom);
                }
            }

            loads.Add(tech.BookedMinutes + work);
            loadHints.Add(tech.BookedMinutes + greedy.Assignments.Where(a => a.TechnicianId == tech.TechnicianId).Sum(a => a.EndMinute - a.StartMinute));
        }

        var most = technicians.Max(t => t.BookedMinutes + Math.Max(0, t.EndMinute - t.FreeFrom));
        var maxLoad = model.NewIntVar(0, most, "max_load");
        var minLoad = model.NewIntVar(0, most, "min_load");
        model.AddMaxEquality(maxLoad, loads);
        model.AddMinEquality(minLoad, loads);
        model.AddHint(maxLoad, loadHints.Max());
        model.AddHint(minLoad, loadHints.Min());
        objective.Add((minLoad - maxLoad) * SpreadWeight);
        model.Maximize(LinearExpr.Sum(objective));

        // One worker (the machine is shared and small). Presolve is off: on this model it spends most of a
        // 1.5 s limit proving little, while the search started from the greedy hint improves the plan at once.
        var remaining = timeLimit - watch.Elapsed;
        var solver = new CpSolver
        {
            StringParameters = string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{Math.Max(0.05, remaining.TotalSeconds):0.###} num_workers:1 random_seed:7 cp_model_presolve:false"),
        };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return greedy with { SolveTime = watch.Elapsed };
        }

        var chosen = take.Where(kv => solver.BooleanValue(kv.Value))
            .Select(kv => new DispatchAssignment(kv.Key.Job, kv.Key.Tech, 0, byJob[kv.Key.Job].Minutes))
            .ToList();
        var plan = Schedule(chosen, byJob, technicians, status == CpSolverStatus.Optimal ? DispatchMethod.Optimal : DispatchMethod.Feasible);

        // The solver started from the greedy plan, but keep the guarantee explicit: never return a worse plan.
        var best = Score(plan, byJob, technicians) >= Score(greedy, byJob, technicians) ? plan : greedy;
        return best with { SolveTime = watch.Elapsed };
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

    /// <summary>
    /// One technician's queue, from when they are free: jobs with a promised time in order of promised time (EDD,
    /// which keeps the greatest lateness smallest), those that cannot be in time anyway after the ones that can,
    /// then the jobs without a promised time, most urgent first. Of the candidate orders (plain EDD; EDD with jobs
    /// that would be late moved back, dropping the least urgent, then longest, first) the one meeting the most
    /// priority-weighted promises, then with the fewest late minutes, is kept.
    /// </summary>
    public static IReadOnlyList<DispatchAssignment> Sequence(DispatchTechnician technician, IEnumerable<DispatchJob> jobs)
    {
        var list = jobs.ToList();
        var timed = list.Where(j => j.DueMinute is not null).OrderBy(j => j.DueMinute).ThenByDescending(j => j.Priority).ThenBy(j => j.Minutes).ToList();
        var untimed = list.Where(j => j.DueMinute is null).OrderByDescending(j => j.Priority).ThenBy(j => j.Minutes).ToList();

        // Moore–Hodgson, weighted by priority: walk in EDD order; when the last one added would be late, move the
        // least urgent (then longest) of those kept so far to the back.
        var kept = new List<DispatchJob>();
        var moved = new List<DispatchJob>();
        var end = technician.FreeFrom;
        foreach (var job in timed)
        {
            kept.Add(job);
            end += job.Minutes;
            if (end > job.DueMinute)
            {
                var drop = kept.OrderBy(j => j.Priority).ThenByDescending(j => j.Minutes).First();
                kept.Remove(drop);
                moved.Add(drop);
                end -= drop.Minutes;
            }
        }

        List<DispatchJob>[] candidates = [[.. timed, .. untimed], [.. kept, .. moved, .. untimed]];
        return candidates
            .Select(order => Place(technician, order))
            .Select(q => (Queue: q, Met: q.Sum(p => p.Job.DueMinute is { } d && p.End <= d ? p.Job.Priority : 0), Late: q.Sum(p => p.Job.DueMinute is { } d ? Math.Max(0, p.End - d) : 0)))
            .OrderByDescending(c => c.Met).ThenBy(c => c.Late)
            .First().Queue
            .Select(p => new DispatchAssignment(p.Job.JobId, technician.TechnicianId, p.End - p.Job.Minutes, p.End))
            .ToList();

        static List<(DispatchJob Job, int End)> Place(DispatchTechnician technician, List<DispatchJob> order)
        {
            var at = technician.FreeFrom;
            return order.Select(j => (j, at += j.Minutes)).ToList();
        }
    }

    /// <summary>
    /// Improves a plan before the solver starts from it: a job left out gets a skilled technician's time when one of
    /// that technician's jobs can move to someone else with room for it. Every move places one more job.
    /// </summary>
    private static List<DispatchAssignment> MakeRoom(IReadOnlyList<DispatchJob> jobs, IReadOnlyList<DispatchTechnician> technicians, IEnumerable<DispatchAssignment> plan)
    {
        var byJob = jobs.ToDictionary(j => j.JobId);
        var holder = plan.ToDictionary(a => a.JobId, a => a.TechnicianId);
        var room = technicians.ToDictionary(t => t.TechnicianId, t => t.EndMinute - t.FreeFrom - holder.Where(h => h.Value == t.TechnicianId).Sum(h => byJob[h.Key].Minutes));
        foreach (var job in Order(jobs).Where(j => !holder.ContainsKey(j.JobId)).ToList())
        {
            foreach (var tech in technicians.Where(t => CanTake(t, job)).OrderByDescending(t => room[t.TechnicianId]))
            {
                var need = job.Minutes - room[tech.TechnicianId];
                if (need > 0)
                {
                    var move = holder.Where(h => h.Value == tech.TechnicianId)
                        .Select(h => byJob[h.Key])
                        .Where(k => k.Minutes >= need)
                        .OrderBy(k => k.Minutes)
                        .Select(k => (Job: k, To: technicians.FirstOrDefault(u => u.TechnicianId != tech.TechnicianId && CanTake(u, k) && room[u.TechnicianId] >= k.Minutes)))
                        .FirstOrDefault(m => m.To is not null);
                    if (move.To is null)
                    {
                        continue;
                    }

                    holder[move.Job.JobId] = move.To.TechnicianId;
                    room[move.To.TechnicianId] -= move.Job.Minutes;
                    room[tech.TechnicianId] += move.Job.Minutes;
                }

                holder[job.JobId] = tech.TechnicianId;
                room[tech.TechnicianId] -= job.Minutes;
                break;
            }
        }

        return [.. holder.Select(h => new DispatchAssignment(h.Key, h.Value, 0, byJob[h.Key].Minutes))];
    }

    private static bool CanTake(DispatchTechnician technician, DispatchJob job) =>
        technician.Skills.Contains(job.Skill) && technician.FreeFrom + job.Minutes <= technician.EndMinute;

    /// <summary>Orders every technician's chosen jobs into a queue with times.</summary>
    private static DispatchPlan Schedule(IEnumerable<DispatchAssignment> chosen, Dictionary<Guid, DispatchJob> byJob, IReadOnlyList<DispatchTechnician> technicians, DispatchMethod method)
    {
        var byTech = chosen.ToLookup(a => a.TechnicianId, a => byJob[a.JobId]);
        var assignments = technicians.SelectMany(t => Sequence(t, byTech[t.TechnicianId])).ToList();
        var assigned = assignments.Select(a => a.JobId).ToHashSet();
        return new DispatchPlan(assignments, [.. byJob.Values.Where(j => !assigned.Contains(j.JobId)).Select(j => j.JobId)], method, TimeSpan.Zero);
    }

    /// <summary>The solver's objective evaluated on a finished plan (on-time as actually sequenced).</summary>
    private static long Score(DispatchPlan plan, Dictionary<Guid, DispatchJob> byJob, IReadOnlyList<DispatchTechnician> technicians)
    {
        var score = 0L;
        foreach (var a in plan.Assignments)
        {
            var job = byJob[a.JobId];
            score += AssignWeight * job.Priority;
            if (job.DueMinute is { } due && a.EndMinute <= due)
            {
                score += OnTimeWeight * job.Priority;
            }
        }

        var loads = technicians.Select(t => t.BookedMinutes + plan.Assignments.Where(a => a.TechnicianId == t.TechnicianId).Sum(a => a.EndMinute - a.StartMinute)).ToList();
        return loads.Count == 0 ? score : score - (SpreadWeight * (loads.Max() - loads.Min()));
    }
}
