using AfterSales.Domain.Common;
using AfterSales.Domain.RepairOrders;

namespace AfterSales.Domain.Quality;

/// <summary>A job's part of the final inspection: its checklist answered, and if it fails, why and whose fault.</summary>
public sealed record FinalJobInspection(Guid JobId, AppliedChecklist Checklist, IReadOnlyList<ItemAnswer> Answers, string? ReworkReason, ResponsibleParty? ResponsibleParty);

/// <summary>What a check decided: the records to keep, or the refusal.</summary>
public sealed record QualityOutcome(QualityCheck? Check, IReadOnlyList<ReworkRecord> Reworks, FieldError? Refusal)
{
    internal static QualityOutcome Refuse(FieldError refusal) => new(null, [], refusal);

    internal static QualityOutcome Refuse(string code, string? field = null) => new(null, [], new FieldError(code, field));
}

/// <summary>
/// The rules of the three levels of quality control. Each one moves the job or the order through its transition table
/// and returns the record of the check in the same step, so the check and the move are saved together: finishing a job
/// needs a passed self-check, checking it needs the team lead, and an order reaches <see cref="RepairOrderStatus.Inspected"/>
/// only through <see cref="FinalInspection"/>, which returns the passed inspection that must be stored with it.
/// </summary>
public static class QualityControl
{
    public const string ItemsIncomplete = "quality.items_incomplete";
    public const string SafetyItemFailed = "quality.safety_item_failed";
    public const string ItemFailed = "quality.item_failed";
    public const string ReasonRequired = "quality.reason_required";
    public const string PartyRequired = "quality.responsible_party_required";
    public const string RoadTestRequired = "quality.road_test_required";
    public const string RoadTestFailedNeedsJob = "quality.road_test_failed_needs_job";
    public const string JobsIncomplete = "quality.jobs_incomplete";
    public const string SameAsSelfCheck = "quality.same_person_as_self_check";
    public const string SameAsWorkshop = "quality.same_person_as_workshop";

    /// <summary>The technician's self-check (自检): every item ticked and passed; passing finishes the job (Finish).</summary>
    public static QualityOutcome SelfCheck(RepairOrder order, Guid jobId, AppliedChecklist checklist, IReadOnlyList<ItemAnswer> answers, string? notes, RepairOrderActor by, DateTimeOffset now)
    {
        if (order.FindJob(jobId) is not { } job)
        {
            return QualityOutcome.Refuse(RepairOrder.JobNotFound);
        }

        if (RepairJobLifecycle.Decide(job.Status, RepairJobTrigger.Finish).RefusalCode is { } notNow)
        {
            return QualityOutcome.Refuse(RepairOrderLifecycle.IsInWork(order.Status) ? notNow : RepairOrder.NotInWork);
        }

        var (items, refusal) = Answer(checklist, answers, null, "Items");
        if (refusal is not null)
        {
            return QualityOutcome.Refuse(refusal);
        }

        if (FirstFailure(items, "Items") is { } failed)
        {
            return QualityOutcome.Refuse(failed);
        }

        if (order.MoveJob(jobId, RepairJobTrigger.Finish, by, null, now) is { } moveRefusal)
        {
            return QualityOutcome.Refuse(moveRefusal);
        }

        return new(QualityCheck.Record(order.StoreId, order.Id, jobId, QualityLevel.SelfCheck, true, items, null, null, notes, null, by.UserId, by.UserName, now), [], null);
    }

    /// <summary>The team lead's check (互检): a pass checks the job (Check); a failure sends it back (Rework) with the reason and the responsible party.</summary>
    /// <remarks>
    /// The team lead is a second person (four-eyes): whoever did or recorded the self-check (<paramref name="selfCheckedBy"/>),
    /// or is the job's technician, cannot check it.
    /// </remarks>
    public static QualityOutcome TeamLeadCheck(RepairOrder order, Guid jobId, bool passed, string? reason, ResponsibleParty? party, string? notes, Guid? selfCheckedBy, RepairOrderActor by, DateTimeOffset now)
    {
        if (order.FindJob(jobId) is not { } job)
        {
            return QualityOutcome.Refuse(RepairOrder.JobNotFound);
        }

        if (job.Status == RepairJobStatus.Done && FourEyes.Refuse(by.UserId, [selfCheckedBy, job.TechnicianId], SameAsSelfCheck) is { } samePerson)
        {
            return QualityOutcome.Refuse(samePerson);
        }

        if (!passed)
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                return QualityOutcome.Refuse(ReasonRequired, "Reason");
            }

            if (party is null)
            {
                return QualityOutcome.Refuse(PartyRequired, "ResponsibleParty");
            }
        }

        var (technicianId, technicianName) = (job.TechnicianId, job.TechnicianName);
        if (order.MoveJob(jobId, passed ? RepairJobTrigger.Check : RepairJobTrigger.Rework, by, passed ? null : reason, now) is { } refusal)
        {
            return QualityOutcome.Refuse(refusal);
        }

        var check = QualityCheck.Record(order.StoreId, order.Id, jobId, QualityLevel.TeamLeadCheck, passed, [], passed ? null : reason, party, notes, null, by.UserId, by.UserName, now);
        return new(check, passed ? [] : [ReworkRecord.Record(check, jobId, reason!, party!.Value, technicianId, technicianName)], null);
    }

    /// <summary>
    /// QC's final inspection (终检) of the whole order: every checked job's checklist, and the road test where needed.
    /// If everything passes the order passes final inspection; otherwise each failed job goes back as rework with its
    /// reason and responsible party (the order returns to the workshop), and the failed inspection is recorded.
    /// </summary>
    /// <remarks>
    /// QC is a second person (four-eyes): nobody who worked on or self-checked one of the order's jobs
    /// (<paramref name="workshopPeople"/>, with the jobs' technicians) inspects the order.
    /// </remarks>
    public static QualityOutcome FinalInspection(
        RepairOrder order, IReadOnlyList<FinalJobInspection> jobs, bool roadTestNeeded, RoadTest? roadTest, string? notes, IReadOnlyCollection<Guid?> workshopPeople, RepairOrderActor by, DateTimeOffset now)
    {
        if (RepairOrderLifecycle.Decide(order.Status, RepairOrderTrigger.PassFinalInspection).RefusalCode is { } notNow)
        {
            return QualityOutcome.Refuse(notNow);
        }

        if (FourEyes.Refuse(by.UserId, workshopPeople.Concat(order.Jobs.Where(j => j.IsAgreed).Select(j => j.TechnicianId)), SameAsWorkshop) is { } samePerson)
        {
            return QualityOutcome.Refuse(samePerson);
        }

        var inspected = order.Jobs.Where(j => j.Status == RepairJobStatus.Checked).Select(j => j.Id).ToHashSet();
        if (jobs.Select(j => j.JobId).Distinct().Count() != jobs.Count || !inspected.SetEquals(jobs.Select(j => j.JobId)))
        {
            return QualityOutcome.Refuse(JobsIncomplete, "Jobs");
        }

        if (roadTestNeeded && roadTest is null)
        {
            return QualityOutcome.Refuse(RoadTestRequired, "RoadTest");
        }

        var items = new List<CheckedItem>();
        var failedJobs = new List<(int Index, FinalJobInspection Job)>();
        for (var i = 0; i < jobs.Count; i++)
        {
            var (answered, refusal) = Answer(jobs[i].Checklist, jobs[i].Answers, jobs[i].JobId, $"Jobs[{i}].Items");
            if (refusal is not null)
            {
                return QualityOutcome.Refuse(refusal);
            }

            items.AddRange(answered);
            if (answered.Any(a => !a.Passed) || !string.IsNullOrWhiteSpace(jobs[i].ReworkReason))
            {
                failedJobs.Add((i, jobs[i]));
            }
        }

        if (failedJobs.Count == 0 && roadTest is { Passed: false })
        {
            return QualityOutcome.Refuse(RoadTestFailedNeedsJob, "Jobs");
        }

        if (failedJobs.Count == 0)
        {
            var passed = QualityCheck.Record(order.StoreId, order.Id, null, QualityLevel.FinalInspection, true, items, null, null, notes, roadTest, by.UserId, by.UserName, now);
            return order.PassFinalInspection(by, Blank(notes), now) is { } refusal ? QualityOutcome.Refuse(refusal) : new(passed, [], null);
        }

        foreach (var (index, job) in failedJobs)
        {
            if (string.IsNullOrWhiteSpace(job.ReworkReason))
            {
                return QualityOutcome.Refuse(ReasonRequired, $"Jobs[{index}].ReworkReason");
            }

            if (job.ResponsibleParty is null)
            {
                return QualityOutcome.Refuse(PartyRequired, $"Jobs[{index}].ResponsibleParty");
            }
        }

        var reason = string.Join("; ", failedJobs.Select(f => f.Job.ReworkReason!.Trim()));
        var failed = QualityCheck.Record(
            order.StoreId, order.Id, null, QualityLevel.FinalInspection, false, items, reason, failedJobs[0].Job.ResponsibleParty, notes, roadTest, by.UserId, by.UserName, now);
        var reworks = new List<ReworkRecord>();
        foreach (var (_, job) in failedJobs)
        {
            var repairJob = order.FindJob(job.JobId)!;
            var (technicianId, technicianName) = (repairJob.TechnicianId, repairJob.TechnicianName);
            if (order.MoveJob(job.JobId, RepairJobTrigger.Rework, by, job.ReworkReason, now) is { } refusal)
            {
                return QualityOutcome.Refuse(refusal);
            }

            reworks.Add(ReworkRecord.Record(failed, job.JobId, job.ReworkReason!, job.ResponsibleParty!.Value, technicianId, technicianName));
        }

        return new(failed, reworks, null);
    }

    /// <summary>Matches the answers to the checklist: each item answered exactly once.</summary>
    public static (IReadOnlyList<CheckedItem> Items, FieldError? Refusal) Answer(AppliedChecklist checklist, IReadOnlyList<ItemAnswer> answers, Guid? jobId, string field)
    {
        var byIndex = answers.GroupBy(a => a.Index).ToDictionary(g => g.Key, g => g.ToList());
        if (answers.Count != checklist.Items.Count || byIndex.Count != checklist.Items.Count || byIndex.Keys.Any(k => k < 0 || k >= checklist.Items.Count))
        {
            return ([], new FieldError(ItemsIncomplete, field));
        }

        var items = checklist.Items
            .Select((item, i) => new CheckedItem(item.TextZh, item.TextEn, item.Safety, byIndex[i][0].Passed, Blank(byIndex[i][0].Note), jobId))
            .ToList();
        return (items, null);
    }

    /// <summary>The refusal for the first failed item, a safety item first; null when all passed.</summary>
    public static FieldError? FirstFailure(IReadOnlyList<CheckedItem> items, string field)
    {
        var safety = items.Select((item, i) => (item, i)).FirstOrDefault(x => !x.item.Passed && x.item.Safety);
        if (safety.item is not null)
        {
            return new FieldError(SafetyItemFailed, $"{field}[{safety.i}]");
        }

        var other = items.Select((item, i) => (item, i)).FirstOrDefault(x => !x.item.Passed);
        return other.item is not null ? new FieldError(ItemFailed, $"{field}[{other.i}]") : null;
    }

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
