using AfterSales.Domain.Complaints;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.Complaints.Handling;

/// <summary>Manual reassignment (改派) to a specialist, a team or both, with the reason recorded in the log.</summary>
public sealed record ReassignComplaintRequest(int Version, Guid? SpecialistId, Guid? TeamId, string Reason);

public sealed record AddLogEntryRequest(int Version, ComplaintLogKind Kind, string Text, ContactOutcome? Outcome = null, string? Reference = null);

/// <summary>The 5-whys chain (first why first), the responsibility and whether the cause is systemic.</summary>
public sealed record RecordAnalysisRequest(int Version, IReadOnlyList<string> Whys, Responsibility Responsibility, bool IsSystemic);

public sealed record ProposeResolutionRequest(int Version, IReadOnlyList<ResolutionActionInput> Actions, string? Note = null);

/// <summary>A move with an optional note (revise, submit, approve, present, customer accepts, action done).</summary>
public sealed record ComplaintNoteRequest(int Version, string? Note = null);

/// <summary>A move that must say why (reject with the approver's comment, decline, final decision, close after review, reopen).</summary>
public sealed record ComplaintReasonRequest(int Version, string Reason);

public sealed record CustomerResponseRequest(int Version, CustomerResponse Response, string? Reason = null);

/// <summary>
/// Marks an action done. For a re-repair, <see cref="AssetId"/> names the vehicle or device of the repair order it opens
/// when the complaint names none and the customer has more than one.
/// </summary>
public sealed record ActionDoneRequest(int Version, string? Note = null, Guid? AssetId = null);

internal sealed class ReassignComplaintValidator : AbstractValidator<ReassignComplaintRequest>
{
    public ReassignComplaintValidator()
    {
        RuleFor(x => x).Must(x => x.SpecialistId is not null || x.TeamId is not null).WithErrorCode("complaint.assignee_required").OverridePropertyName(nameof(ReassignComplaintRequest.SpecialistId));
        RuleFor(x => x.Reason).NotEmpty().WithErrorCode("complaint.reason_required").MaximumLength(Complaint.ReasonMaxLength);
    }
}

internal sealed class AddLogEntryValidator : AbstractValidator<AddLogEntryRequest>
{
    public AddLogEntryValidator()
    {
        RuleFor(x => x.Kind).IsInEnum().Must(k => k is not (ComplaintLogKind.Assignment or ComplaintLogKind.UrgencyRule or ComplaintLogKind.Merge)).WithErrorCode("complaint.log_kind_invalid");
        RuleFor(x => x.Text).NotEmpty().WithErrorCode("complaint.log_text_required").MaximumLength(Complaint.LogTextMaxLength);
        RuleFor(x => x.Outcome).IsInEnum();
        RuleFor(x => x.Reference).MaximumLength(Complaint.LogReferenceMaxLength);
    }
}

internal sealed class RecordAnalysisValidator : AbstractValidator<RecordAnalysisRequest>
{
    public RecordAnalysisValidator()
    {
        RuleFor(x => x.Whys).NotNull().Must(w => w.Any(x => !string.IsNullOrWhiteSpace(x))).WithErrorCode("complaint.whys_required")
            .Must(w => w is null || w.Count <= Complaint.MaxWhys).WithErrorCode("complaint.whys_too_many");
        RuleForEach(x => x.Whys).MaximumLength(Complaint.WhyMaxLength);
        RuleFor(x => x.Responsibility).IsInEnum();
    }
}

internal sealed class ProposeResolutionValidator : AbstractValidator<ProposeResolutionRequest>
{
    public ProposeResolutionValidator()
    {
        RuleFor(x => x.Actions).NotEmpty().WithErrorCode("complaint.actions_required")
            .Must(a => a is null || a.Count <= Complaint.MaxActions).WithErrorCode("complaint.actions_too_many");
        RuleForEach(x => x.Actions).ChildRules(a =>
        {
            a.RuleFor(x => x.Kind).IsInEnum();
            a.RuleFor(x => x.Description).NotEmpty().WithErrorCode("complaint.action_description_required").MaximumLength(Complaint.ActionDescriptionMaxLength);
            a.RuleFor(x => x.Amount).GreaterThan(0m).WithErrorCode("complaint.amount_invalid").LessThanOrEqualTo(Complaint.MaxAmount).WithErrorCode("complaint.amount_invalid")
                .When(x => x.Amount is not null);
            a.RuleFor(x => x.Amount).NotNull().WithErrorCode(Complaint.AmountRequired).When(x => ResolutionActions.IsMoney(x.Kind));
        });
        RuleFor(x => x.Note).MaximumLength(Complaint.ReasonMaxLength);
    }
}

internal sealed class ComplaintNoteValidator : AbstractValidator<ComplaintNoteRequest>
{
    public ComplaintNoteValidator() => RuleFor(x => x.Note).MaximumLength(Complaint.ReasonMaxLength);
}

internal sealed class ActionDoneValidator : AbstractValidator<ActionDoneRequest>
{
    public ActionDoneValidator() => RuleFor(x => x.Note).MaximumLength(Complaint.ReasonMaxLength);
}

internal sealed class ComplaintReasonValidator : AbstractValidator<ComplaintReasonRequest>
{
    public ComplaintReasonValidator() => RuleFor(x => x.Reason).NotEmpty().WithErrorCode("complaint.reason_required").MaximumLength(Complaint.ReasonMaxLength);
}

internal sealed class CustomerResponseValidator : AbstractValidator<CustomerResponseRequest>
{
    public CustomerResponseValidator()
    {
        RuleFor(x => x.Response).IsInEnum();
        RuleFor(x => x.Reason).NotEmpty().WithErrorCode("complaint.reason_required").When(x => x.Response != CustomerResponse.Accepted);
        RuleFor(x => x.Reason).MaximumLength(Complaint.ReasonMaxLength);
    }
}

/// <summary>
/// The handling slices: each validates, lets only those who may handle (or review) the complaint act, and moves
/// it through <see cref="ComplaintGate"/> with the editor's version. A closed complaint refuses all of them but reopening.
/// </summary>
public sealed class HandleComplaint(
    ComplaintGate gate,
    RequestValidation validation,
    ComplaintAccess access,
    ComplaintAssigner assigner,
    ListSpecialists specialists,
    AfterSalesDb db,
    OpenRepairOrder openRepairOrder)
{
    public const string SpecialistInvalid = "complaint.specialist_invalid";
    public const string TeamInvalid = "complaint.team_invalid";
    public const string ReRepairAssetRequired = "complaint.re_repair_asset_required";

    public async Task<Outcome<ComplaintView>> ReassignAsync(Guid id, ReassignComplaintRequest request, CancellationToken ct)
    {
        (string? Specialist, string? Team) names = default;
        return await RunAsync(request, id, request.Version, async c =>
        {
            if (!StartInvestigation.MayAssign(access.User) || await access.HandlerCheckAsync(c, ct) is not null)
            {
                return Outcome<ComplaintView>.Forbidden("complaint.assign_forbidden");
            }

            if (request.SpecialistId is { } sid && !(await specialists.HandleAsync(c.StoreId, ct)).Any(s => s.Id == sid))
            {
                return Outcome<ComplaintView>.Invalid(SpecialistInvalid, nameof(request.SpecialistId));
            }

            names = await assigner.NamesAsync(request.SpecialistId, request.TeamId, ct);
            if (request.TeamId is not null && (names.Team is null || !await assigner.TeamOfStoreAsync(request.TeamId.Value, c.StoreId, ct)))
            {
                return Outcome<ComplaintView>.Invalid(TeamInvalid, nameof(request.TeamId));
            }

            return null;
        }, c => c.Assign(request.SpecialistId, request.TeamId, names.Specialist, names.Team, gate.Actor, request.Reason, gate.Now), ct);
    }

    public Task<Outcome<ComplaintView>> AddLogEntryAsync(Guid id, AddLogEntryRequest request, CancellationToken ct) =>
        RunAsync(request, id, request.Version, c => access.HandlerCheckAsync(c, ct), c => c.AddLogEntry(request.Kind, request.Text, request.Outcome, request.Reference, gate.Actor, gate.Now), ct);

    public Task<Outcome<ComplaintView>> RecordAnalysisAsync(Guid id, RecordAnalysisRequest request, CancellationToken ct) =>
        RunAsync(request, id, request.Version, c => access.HandlerCheckAsync(c, ct), c => c.RecordAnalysis(request.Whys, request.Responsibility, request.IsSystemic, gate.Now), ct);

    public Task<Outcome<ComplaintView>> ProposeAsync(Guid id, ProposeResolutionRequest request, CancellationToken ct) =>
        RunAsync(request, id, request.Version, c => access.HandlerCheckAsync(c, ct), c => c.ProposeResolution(request.Actions, gate.Actor, request.Note, gate.Now), ct);

    public Task<Outcome<ComplaintView>> ReviseAsync(Guid id, ComplaintNoteRequest request, CancellationToken ct) =>
        RunAsync(request, id, request.Version, c => access.HandlerCheckAsync(c, ct), c => c.ReviseResolution(gate.Actor, request.Note, gate.Now), ct);

    public Task<Outcome<ComplaintView>> SubmitAsync(Guid id, ComplaintNoteRequest request, CancellationToken ct) =>
        RunAsync(request, id, request.Version, c => access.HandlerCheckAsync(c, ct), c => c.SubmitForApproval(gate.Actor, request.Note, gate.Now), ct);

    public async Task<Outcome<ComplaintView>> PresentAsync(Guid id, ComplaintNoteRequest request, CancellationToken ct)
    {
        var limit = await access.LimitAsync(ct);
        return await RunAsync(request, id, request.Version, c => access.HandlerCheckAsync(c, ct), c => c.PresentToCustomer(limit, gate.Actor, request.Note, gate.Now), ct);
    }

    /// <summary>Approvers are the store's service managers and group roles, each up to their limit.</summary>
    public async Task<Outcome<ComplaintView>> ApproveAsync(Guid id, ComplaintNoteRequest request, CancellationToken ct)
    {
        var limit = await access.LimitAsync(ct);
        return await RunAsync(request, id, request.Version, c => Task.FromResult(ApproverCheck(c, limit)), c => c.Approve(limit, gate.Actor, request.Note, gate.Now), ct);
    }

    public Task<Outcome<ComplaintView>> RejectAsync(Guid id, ComplaintReasonRequest request, CancellationToken ct) =>
        RunAsync(request, id, request.Version, c => Task.FromResult(access.ReviewerCheck()), c => c.RejectPlan(gate.Actor, request.Reason, gate.Now), ct);

    /// <summary>
    /// Carries out an action of the agreed plan. A re-repair opens its repair order through <see cref="OpenRepairOrder"/>
    /// (a draft for the complaint's customer, asset and store, with the complaint's number and the problem in the
    /// customer's words, linked to the complaint) in the same transaction as the done mark: both are saved or neither.
    /// </summary>
    public async Task<Outcome<ComplaintView>> MarkActionDoneAsync(Guid id, Guid actionId, ActionDoneRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<ComplaintView>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        ReRepairOrder? order = null;
        var outcome = await gate.MoveAsync(
            id,
            request.Version,
            async c =>
            {
                if (await access.HandlerCheckAsync(c, ct) is { } refused)
                {
                    return refused;
                }

                // Anything the done mark would refuse anyway is refused by it, before an order is opened.
                if (c.KindOf(actionId) != ResolutionActionKind.ReRepair || c.Version != request.Version || c.CheckActionDone(actionId) is not null)
                {
                    return null;
                }

                var opened = await OpenReRepairAsync(c, request.AssetId, ct);
                order = opened.Value is { } o ? new ReRepairOrder(o.Id, o.Number) : null;
                return opened.IsOk ? null : opened.As<ComplaintView>();
            },
            c => c.MarkActionDone(actionId, gate.Actor, request.Note, gate.Now, order),
            ct);
        // An order opened for a done mark that was then refused goes with it; anything else (an audited refusal) stays.
        if (outcome.IsOk || order is null)
        {
            await transaction.CommitAsync(ct);
        }

        return outcome;
    }

    private async Task<Outcome<RepairOrderView>> OpenReRepairAsync(Complaint c, Guid? assetId, CancellationToken ct)
    {
        var asset = c.AssetId ?? assetId;
        if (asset is null)
        {
            // The customer's only vehicle or device is the one concerned; with several, the handler names it.
            var assets = await db.Assets.AsNoTracking().Where(a => a.CustomerId == c.CustomerId).Select(a => a.Id).Take(2).ToListAsync(ct);
            if (assets.Count != 1)
            {
                return Outcome<RepairOrderView>.Invalid(ReRepairAssetRequired, nameof(ActionDoneRequest.AssetId));
            }

            asset = assets[0];
        }

        var words = $"{c.Number} · {c.CoreProblem}";
        var request = new OpenRepairOrderRequest(c.CustomerId, asset.Value, words.Length > Domain.RepairOrders.RepairOrder.CustomerWordsMaxLength ? words[..Domain.RepairOrders.RepairOrder.CustomerWordsMaxLength] : words, StoreId: c.StoreId);
        return await openRepairOrder.HandleAsync(request, new RepairOrderComplaintLink(c.Id, c.Number), ct);
    }

    public Task<Outcome<ComplaintView>> CustomerRespondsAsync(Guid id, CustomerResponseRequest request, CancellationToken ct) =>
        RunAsync(request, id, request.Version, c => request.Response == CustomerResponse.FinalDecision ? Task.FromResult(access.ReviewerCheck()) : access.HandlerCheckAsync(c, ct), c => request.Response switch
        {
            CustomerResponse.Accepted => c.CustomerAccepts(gate.Actor, request.Reason, gate.Now),
            CustomerResponse.Declined => c.CustomerDeclines(gate.Actor, request.Reason!, gate.Now),
            CustomerResponse.FinalDecision => c.RecordFinalDecision(gate.Actor, request.Reason!, gate.Now),
        }, ct);

    /// <summary>Closure is the service manager's review (结案审核); the reason is the review's note.</summary>
    public Task<Outcome<ComplaintView>> CloseAsync(Guid id, ComplaintReasonRequest request, CancellationToken ct) =>
        RunAsync(request, id, request.Version, c => Task.FromResult(access.ReviewerCheck()), c => c.Close(gate.Actor, request.Reason, gate.Now), ct);

    public Task<Outcome<ComplaintView>> ReopenAsync(Guid id, ComplaintReasonRequest request, CancellationToken ct) =>
        RunAsync(request, id, request.Version, c => access.HandlerCheckAsync(c, ct), c => c.Reopen(gate.Actor, request.Reason, gate.Now), ct);

    private Outcome<ComplaintView>? ApproverCheck(Complaint complaint, decimal limit) =>
        access.ReviewerCheck() ?? (complaint.Status == ComplaintStatus.AwaitingApproval && complaint.PlanTotal > limit
            ? Outcome<ComplaintView>.Forbidden(Complaint.ApprovalLimitExceeded)
            : null);

    private async Task<Outcome<ComplaintView>> RunAsync<TRequest>(TRequest request, Guid id, int version, Func<Complaint, Task<Outcome<ComplaintView>?>> check, Func<Complaint, Domain.Common.FieldError?> move, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        return errors.Count > 0 ? Outcome<ComplaintView>.Invalid(errors) : await gate.MoveAsync(id, version, check, move, ct);
    }
}
