using AfterSales.Domain.Assets;
using AfterSales.Domain.Quality;
using AfterSales.Domain.RepairOrders;
using AfterSales.Domain.Staff;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Quality;

/// <summary>The technician's self-check: an answer for every item of the job's checklist; <see cref="Version"/> is the order's.</summary>
public sealed record SelfCheckRequest(int Version, IReadOnlyList<ItemAnswer> Items, string? Notes = null);

/// <summary>The team lead's check of a finished job; a failure needs the reason and the responsible party.</summary>
public sealed record TeamLeadCheckRequest(int Version, bool Passed, string? Reason = null, ResponsibleParty? ResponsibleParty = null, string? Notes = null);

/// <summary>One job at final inspection: its checklist answered; a failed job needs the rework reason and the responsible party.</summary>
public sealed record FinalJobRequest(Guid JobId, IReadOnlyList<ItemAnswer> Items, string? ReworkReason = null, ResponsibleParty? ResponsibleParty = null);

public sealed record RoadTestRequest(decimal DistanceKm, bool Passed, string? Notes = null);

/// <summary>QC's final inspection of the whole order: every checked job, and the road test where the work needs one.</summary>
public sealed record FinalInspectionRequest(int Version, IReadOnlyList<FinalJobRequest> Jobs, RoadTestRequest? RoadTest = null, string? Notes = null);

internal sealed class SelfCheckValidator : AbstractValidator<SelfCheckRequest>
{
    public SelfCheckValidator()
    {
        RuleFor(x => x.Items).NotNull();
        RuleForEach(x => x.Items).ChildRules(i => i.RuleFor(a => a.Note).MaximumLength(QualityCheck.NoteMaxLength));
        RuleFor(x => x.Notes).MaximumLength(QualityCheck.NoteMaxLength);
    }
}

internal sealed class TeamLeadCheckValidator : AbstractValidator<TeamLeadCheckRequest>
{
    public TeamLeadCheckValidator()
    {
        RuleFor(x => x.Reason).MaximumLength(RepairOrder.ReasonMaxLength);
        RuleFor(x => x.ResponsibleParty).IsInEnum();
        RuleFor(x => x.Notes).MaximumLength(QualityCheck.NoteMaxLength);
    }
}

internal sealed class FinalInspectionValidator : AbstractValidator<FinalInspectionRequest>
{
    public FinalInspectionValidator()
    {
        RuleFor(x => x.Jobs).NotNull();
        RuleForEach(x => x.Jobs).ChildRules(j =>
        {
            j.RuleFor(x => x.Items).NotNull();
            j.RuleForEach(x => x.Items).ChildRules(i => i.RuleFor(a => a.Note).MaximumLength(QualityCheck.NoteMaxLength));
            j.RuleFor(x => x.ReworkReason).MaximumLength(RepairOrder.ReasonMaxLength);
            j.RuleFor(x => x.ResponsibleParty).IsInEnum();
        });
        RuleFor(x => x.RoadTest!.DistanceKm).InclusiveBetween(0.1m, 1000m).WithErrorCode("quality.road_test_distance_invalid").When(x => x.RoadTest is not null);
        RuleFor(x => x.RoadTest!.Notes).MaximumLength(QualityCheck.NoteMaxLength).When(x => x.RoadTest is not null);
        RuleFor(x => x.Notes).MaximumLength(QualityCheck.NoteMaxLength);
    }
}

/// <summary>Who may do which level of quality control.</summary>
public static class QualityAccess
{
    public const string NotYourJob = "quality.not_your_job";

    public static bool SupervisesWorkshop(ICurrentUser user) =>
        user.IsInRole(StaffRole.TeamLead) || user.IsInRole(StaffRole.WorkshopManager) || user.IsInRole(StaffRole.Administrator);

    /// <summary>The technician self-checks their own job; a team lead or the workshop manager may record it for them.</summary>
    public static bool MaySelfCheck(ICurrentUser user, RepairJob job) =>
        SupervisesWorkshop(user) || (user.IsInRole(StaffRole.Technician) && job.TechnicianId is { } id && id == user.UserId);

    public static bool MayCheckAsTeamLead(ICurrentUser user) => SupervisesWorkshop(user) || user.IsInRole(StaffRole.QcInspector);

    public static bool MayInspect(ICurrentUser user) =>
        user.IsInRole(StaffRole.QcInspector) || user.IsInRole(StaffRole.ServiceManager) || user.IsInRole(StaffRole.Administrator);
}

/// <summary>Self-check (自检): passing it finishes the job in the same save; a failed item blocks finishing.</summary>
public sealed class SelfCheckJob(RepairOrderGate gate, ICurrentUser user, RequestValidation validation)
{
    public async Task<Outcome<RepairOrderView>> HandleAsync(Guid id, Guid jobId, SelfCheckRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<RepairOrderView>.Invalid(errors);
        }

        return await gate.ChangeAsync(id, request.Version, async (order, actor) =>
        {
            if (order.FindJob(jobId) is not { } job)
            {
                return Outcome<RepairOrderView>.NotFound();
            }

            if (!QualityAccess.MaySelfCheck(user, job))
            {
                return Outcome<RepairOrderView>.Forbidden(user.IsInRole(StaffRole.Technician) ? QualityAccess.NotYourJob : "common.forbidden");
            }

            var checklist = QualityChecklist.For(await ChecklistTexts.ActiveAsync(gate.Db, ct), job.Skill, job.OperationCode);
            return QualityRecords.Keep(gate.Db, QualityControl.SelfCheck(order, jobId, checklist, request.Items, request.Notes, actor, gate.Now));
        }, ct);
    }
}

/// <summary>Team-lead check (互检): pass → Check; fail → Rework with the reason and the responsible party.</summary>
public sealed class TeamLeadCheckJob(RepairOrderGate gate, ICurrentUser user, RequestValidation validation)
{
    public async Task<Outcome<RepairOrderView>> HandleAsync(Guid id, Guid jobId, TeamLeadCheckRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<RepairOrderView>.Invalid(errors);
        }

        return await gate.ChangeAsync(id, request.Version, async (order, actor) =>
        {
            if (order.FindJob(jobId) is null)
            {
                return Outcome<RepairOrderView>.NotFound();
            }

            if (!QualityAccess.MayCheckAsTeamLead(user))
            {
                return Outcome<RepairOrderView>.Forbidden();
            }

            var selfChecks = await QualityRecords.SelfChecksAsync(gate.Db, order.Id, ct);
            // The latest self-check counts (a job self-checked again after rework has several); none yet means nobody to compare.
            var selfCheckedBy = selfChecks.Where(c => c.JobId == jobId).OrderByDescending(c => c.At).Select(c => c.UserId).FirstOrDefault();
            var outcome = QualityControl.TeamLeadCheck(order, jobId, request.Passed, request.Reason, request.ResponsibleParty, request.Notes, selfCheckedBy, actor, gate.Now);
            return QualityRecords.Keep(gate.Db, outcome);
        }, ct);
    }
}

/// <summary>
/// Final inspection (终检) by QC: the only way an order reaches Inspected, and always with the passed inspection saved
/// beside the move. A failure sends the failed jobs back as rework and the order back to the workshop.
/// </summary>
public sealed class InspectOrder(RepairOrderGate gate, ICurrentUser user, RequestValidation validation)
{
    public async Task<Outcome<RepairOrderView>> HandleAsync(Guid id, FinalInspectionRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<RepairOrderView>.Invalid(errors);
        }

        return await gate.ChangeAsync(id, request.Version, async (order, actor) =>
        {
            if (!QualityAccess.MayInspect(user))
            {
                return Outcome<RepairOrderView>.Forbidden();
            }

            var checklists = await ChecklistTexts.ActiveAsync(gate.Db, ct);
            var jobs = new List<FinalJobInspection>();
            foreach (var j in request.Jobs)
            {
                var job = order.FindJob(j.JobId);
                var checklist = job is null ? QualityChecklist.General : QualityChecklist.For(checklists, job.Skill, job.OperationCode);
                jobs.Add(new FinalJobInspection(j.JobId, checklist, j.Items, j.ReworkReason, j.ResponsibleParty));
            }

            var needsRoadTest = await QualityRecords.NeedsRoadTestAsync(gate.Db, order, checklists, ct);
            var roadTest = request.RoadTest is { } r ? new RoadTest(decimal.Round(r.DistanceKm, 1, MidpointRounding.AwayFromZero), r.Passed, r.Notes) : null;
            var workshopPeople = (await QualityRecords.SelfChecksAsync(gate.Db, order.Id, ct)).Select(c => c.UserId).ToList();
            return QualityRecords.Keep(gate.Db, QualityControl.FinalInspection(order, jobs, needsRoadTest, roadTest, request.Notes, workshopPeople, actor, gate.Now));
        }, ct);
    }
}

internal static class QualityRecords
{
    /// <summary>Adds the check and its rework records to the save that stores the move, or answers the refusal.</summary>
    public static Outcome<RepairOrderView>? Keep(AfterSalesDb db, QualityOutcome outcome)
    {
        if (outcome.Refusal is { } refusal)
        {
            return refusal.Code == RepairOrder.JobNotFound ? Outcome<RepairOrderView>.NotFound() : RepairOrderGate.Refused(refusal);
        }

        db.Add(outcome.Check!);
        db.AddRange(outcome.Reworks);
        return null;
    }

    /// <summary>Who self-checked which job of the order, and when (a job self-checked again after rework has several).</summary>
    public static async Task<List<(Guid? JobId, Guid? UserId, DateTimeOffset At)>> SelfChecksAsync(AfterSalesDb db, Guid orderId, CancellationToken ct)
    {
        var rows = await db.Set<QualityCheck>().AsNoTracking()
            .Where(c => c.RepairOrderId == orderId && c.Level == QualityLevel.SelfCheck)
            .Select(c => new { c.RepairJobId, c.UserId, c.At })
            .ToListAsync(ct);
        return rows.Select(r => (r.RepairJobId, r.UserId, r.At)).ToList();
    }

    /// <summary>A vehicle needs a road test (路试) when the checklist of any of its agreed jobs asks for one.</summary>
    public static async Task<bool> NeedsRoadTestAsync(AfterSalesDb db, RepairOrder order, IReadOnlyList<QualityChecklist> checklists, CancellationToken ct)
    {
        var kind = await db.Assets.IgnoreQueryFilters().Where(a => a.Id == order.AssetId).Select(a => a.Kind).FirstAsync(ct);
        return kind == AssetKind.Vehicle && order.Jobs.Where(j => j.IsAgreed).Any(j => QualityChecklist.For(checklists, j.Skill, j.OperationCode).RoadTestRequired);
    }
}
