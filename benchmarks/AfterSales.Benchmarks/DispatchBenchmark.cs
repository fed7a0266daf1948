using System.Diagnostics;
using System.Globalization;
using AfterSales.Domain.Service;
using AfterSales.Domain.Workshop;

namespace AfterSales.Benchmarks;

/// <summary>
/// The dispatch suggestion (CP-SAT assignment model) against the simple greedy assignment on generated workshops:
/// dotnet run -c Release --project benchmarks/AfterSales.Benchmarks -- dispatch [--jobs 200] [--technicians 30] [--runs 5] [--limit 1.5]
/// </summary>
internal static class DispatchBenchmark
{
    private static readonly (WorkshopSkill Skill, int Weight)[] SkillMix =
        [(WorkshopSkill.Maintenance, 35), (WorkshopSkill.Mechanical, 25), (WorkshopSkill.Electrical, 15), (WorkshopSkill.EvHighVoltage, 15), (WorkshopSkill.BodyPaint, 10)];

    // Standard hours of the demo labour catalogue, in minutes: mostly short jobs, a few long ones.
    private static readonly int[] Durations = [12, 18, 24, 30, 30, 36, 48, 48, 60, 60, 60, 72, 90, 90, 108, 120, 150, 180, 210, 240, 300];

    public static int Run(string[] args)
    {
        var jobs = Option(args, "--jobs", 200);
        var technicians = Option(args, "--technicians", 30);
        var runs = Option(args, "--runs", 5);
        var limit = TimeSpan.FromSeconds(double.Parse(OptionText(args, "--limit") ?? "1.5", CultureInfo.InvariantCulture));
        Console.WriteLine($"Dispatch suggestion benchmark: {jobs} jobs × {technicians} technicians, {runs} generated workshops, CP-SAT limit {limit.TotalSeconds:0.0} s, {Environment.ProcessorCount} cores");

        // The first solve loads OR-Tools' native library: time it apart from the runs.
        var warm = Stopwatch.StartNew();
        var (wj, wt) = Generate(20, 5, seed: 1);
        DispatchPlanner.Suggest(wj, wt, TimeSpan.FromSeconds(0.5));
        Console.WriteLine($"Warm-up (native library load + small solve): {warm.ElapsedMilliseconds} ms");
        Console.WriteLine();
        Console.WriteLine("| run | method | time ms | assigned | unassigned | max h | min h | stddev h | promised met | late | late min |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        var worst = TimeSpan.Zero;
        var totals = new Dictionary<string, (int Assigned, int Met, int LateMinutes, decimal Spread)>();
        for (var run = 1; run <= runs; run++)
        {
            var (jobList, techList) = Generate(jobs, technicians, seed: 20261123 + run);
            var greedy = DispatchPlanner.Greedy(jobList, techList);
            var watch = Stopwatch.StartNew();
            var plan = DispatchPlanner.Suggest(jobList, techList, limit);
            watch.Stop();
            worst = watch.Elapsed > worst ? watch.Elapsed : worst;
            var (g, p) = (greedy.Measure(jobList, techList), plan.Measure(jobList, techList));
            Print(run, "greedy", greedy.SolveTime, g);
            Print(run, $"CP-SAT ({plan.Method})", watch.Elapsed, p);
            foreach (var (name, q) in new[] { ("greedy", g), ("CP-SAT", p) })
            {
                var t = totals.GetValueOrDefault(name);
                totals[name] = (t.Assigned + q.Assigned, t.Met + q.PromisedMet, t.LateMinutes + q.LateMinutes, t.Spread + (q.MaxHours - q.MinHours));
            }
        }

        Console.WriteLine();
        foreach (var (name, t) in totals)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {t.Assigned} jobs assigned, {t.Met} promised times met, {t.LateMinutes} late minutes, mean max−min spread {t.Spread / runs:0.00} h over {runs} runs"));
        }

        Console.WriteLine($"Slowest suggestion: {worst.TotalMilliseconds:0} ms; under 2 s: {(worst < TimeSpan.FromSeconds(2) ? "yes" : "no")}");
        return 0;
    }

    internal static (List<DispatchJob> Jobs, List<DispatchTechnician> Technicians) Generate(int jobs, int technicians, int seed)
    {
        var random = new Random(seed);
        var total = SkillMix.Sum(s => s.Weight);
        WorkshopSkill Pick()
        {
            var roll = random.Next(total);
            foreach (var (skill, weight) in SkillMix)
            {
                if ((roll -= weight) < 0)
                {
                    return skill;
                }
            }

            return WorkshopSkill.Maintenance;
        }

        var techList = Enumerable.Range(0, technicians).Select(i =>
        {
            // Every skill has a few people: the first of each five is a specialist of one skill, the others have two or three.
            var skills = new HashSet<WorkshopSkill> { SkillMix[i % SkillMix.Length].Skill };
            var extra = i % 5 == 0 ? 0 : random.Next(1, 3);
            while (skills.Count < 1 + extra)
            {
                skills.Add(Pick());
            }

            // The day from 08:30 to 18:00 (570 minutes); some shifts start later or end earlier.
            var start = random.Next(4) == 0 ? 90 : 0;
            var end = random.Next(4) == 0 ? 480 : 570;
            return new DispatchTechnician(Guid.CreateVersion7(), skills, start, end, random.Next(0, 5) * 30);
        }).ToList();
        var jobList = Enumerable.Range(0, jobs).Select(_ =>
        {
            var priority = random.Next(10) switch { 0 => 3, 1 => 2, _ => 1 };
            int? due = random.Next(10) < 6 ? random.Next(120, 600) : null;
            return new DispatchJob(Guid.CreateVersion7(), Pick(), Durations[random.Next(Durations.Length)], due, priority);
        }).ToList();
        return (jobList, techList);
    }

    private static void Print(int run, string method, TimeSpan time, DispatchQuality q) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {run} | {method} | {time.TotalMilliseconds:0} | {q.Assigned} | {q.Unassigned} | {q.MaxHours:0.00} | {q.MinHours:0.00} | {q.StdDevHours:0.00} | {q.PromisedMet} | {q.PromisedLate} | {q.LateMinutes} |"));

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
