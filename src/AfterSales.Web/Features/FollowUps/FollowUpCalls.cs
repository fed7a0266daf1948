using AfterSales.Domain.Common;
using AfterSales.Domain.Complaints;
using AfterSales.Domain.FollowUps;
using AfterSales.Domain.RepairOrders;
using AfterSales.Web.Features.RepairOrders;
using AfterSales.Web.Infrastructure;
using AfterSales.Web.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Web.Features.FollowUps;

/// <summary>A follow-up call in the agent's list.</summary>
public sealed record FollowUpCallSummary(
    Guid Id,
    Guid StoreId,
    string StoreName,
    Guid RepairOrderId,
    string OrderNumber,
    Guid CustomerId,
    string CustomerName,
    string? CustomerPhone,
    FollowUpKind Kind,
    FollowUpOrderType OrderType,
    FollowUpTaskStatus Status,
    DateTimeOffset DueAt,
    int AttemptCount,
    int MaxAttempts,
    FollowUpOutcome? LastOutcome,
    string? AgentName,
    int Version);

public sealed record FollowUpAttemptView(int Number, FollowUpOutcome Outcome, string AgentName, string? Note, DateTimeOffset? CallBackAt, DateTimeOffset At);

/// <summary>One of the customer's orders, for the history beside the script.</summary>
public sealed record CustomerOrderItem(Guid Id, string Number, RepairOrderStatus Status, DateTimeOffset OpenedAt, DateTimeOffset? DeliveredAt, string AdvisorName);

/// <summary>An open complaint of the customer, so the agent knows before asking.</summary>
public sealed record OpenComplaintItem(Guid Id, string Number, ComplaintStatus Status, ComplaintCategory Category, string CoreProblem, DateTimeOffset ReceivedAt);

/// <summary>Everything the agent needs for one call: the call, the order (jobs, advisor, technicians), the history, open complaints and attempts.</summary>
public sealed record FollowUpCallView(
    FollowUpCallSummary Call,
    RepairOrderView Order,
    TimeWindow? PreferredTime,
    bool CustomerDoNotCall,
    IReadOnlyList<CustomerOrderItem> History,
    IReadOnlyList<OpenComplaintItem> OpenComplaints,
    IReadOnlyList<FollowUpAttemptView> Attempts,
    IReadOnlyList<FollowUpOutcome> PermittedOutcomes);

/// <summary>The calls list: by default the calls due now for the current agent (open, due, not someone else's call-back), soonest first.</summary>
public sealed record ListFollowUpCallsRequest(Guid? StoreId = null, bool DueOnly = true, int Take = 100);

internal static class FollowUpCallViews
{
    public static readonly FollowUpOutcome[] AgentOutcomes =
        [FollowUpOutcome.Reached, FollowUpOutcome.NoAnswer, FollowUpOutcome.WrongNumber, FollowUpOutcome.CallBack, FollowUpOutcome.Refused];

    public static async Task<IReadOnlyList<FollowUpCallSummary>> SummariesAsync(AfterSalesDb db, IReadOnlyList<FollowUpTask> tasks, bool seesFullContact, CancellationToken ct)
    {
        var orderIds = tasks.Select(t => t.RepairOrderId).Distinct().ToList();
        var customerIds = tasks.Select(t => t.CustomerId).Distinct().ToList();
        var storeIds = tasks.Select(t => t.StoreId).Distinct().ToList();
        var numbers = await db.Set<RepairOrder>().IgnoreQueryFilters().Where(o => orderIds.Contains(o.Id)).Select(o => new { o.Id, o.Number }).ToDictionaryAsync(o => o.Id, o => o.Number, ct);
        var customers = await db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var stores = await db.Stores.IgnoreQueryFilters().Where(s => storeIds.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return tasks.Select(t =>
        {
            var customer = customers[t.CustomerId];
            var phone = customer.PrimaryPhone;
            return new FollowUpCallSummary(
                t.Id, t.StoreId, stores.GetValueOrDefault(t.StoreId, string.Empty), t.RepairOrderId, numbers.GetValueOrDefault(t.RepairOrderId, string.Empty),
                t.CustomerId, customer.Name, seesFullContact ? phone : Masking.MaskPhone(phone), t.Kind, t.OrderType, t.Status, t.DueAt,
                t.AttemptCount, t.MaxAttempts, t.LastOutcome, t.AgentName, t.Version);
        }).ToList();
    }
}

public sealed class ListFollowUpCalls(AfterSalesDb db, ICurrentUser user, TimeProvider clock)
{
    public async Task<IReadOnlyList<FollowUpCallSummary>> HandleAsync(ListFollowUpCallsRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var me = user.UserId;
        var doNotCall = db.Customers.IgnoreQueryFilters().Where(c => c.DoNotCall).Select(c => c.Id);
        var query = db.Set<FollowUpTask>().AsNoTracking()
            .Where(t => t.Status == FollowUpTaskStatus.Open && !doNotCall.Contains(t.CustomerId))
            .Where(t => t.LastOutcome != FollowUpOutcome.CallBack || t.AgentId == null || t.AgentId == me);
        if (request.StoreId is { } storeId)
        {
            query = query.Where(t => t.StoreId == storeId);
        }

        if (request.DueOnly)
        {
            query = query.Where(t => t.DueAt <= now);
        }

        var tasks = await query.OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(Math.Clamp(request.Take, 1, 500)).ToListAsync(ct);
        return await FollowUpCallViews.SummariesAsync(db, tasks, user.SeesFullContact, ct);
    }
}

public sealed class GetFollowUpCall(AfterSalesDb db, ICurrentUser user, AccessGuard guard)
{
    public const int HistoryLength = 10;

    public async Task<Outcome<FollowUpCallView>> HandleAsync(Guid id, CancellationToken ct)
    {
        var task = await db.Set<FollowUpTask>().AsNoTracking().Include(t => t.Attempts).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
        {
            return await guard.NotFoundAsync<FollowUpTask, FollowUpCallView>(id, ct);
        }

        var order = await RepairOrderViews.LoadAsync(db, task.RepairOrderId, tracking: false, ct);
        if (order is null)
        {
            return Outcome<FollowUpCallView>.NotFound();
        }

        var customer = await db.Customers.IgnoreQueryFilters().AsNoTracking().FirstAsync(c => c.Id == task.CustomerId, ct);
        var summary = (await FollowUpCallViews.SummariesAsync(db, [task], user.SeesFullContact, ct))[0];
        var history = await db.Set<RepairOrder>().AsNoTracking()
            .Where(o => o.CustomerId == task.CustomerId && o.Id != task.RepairOrderId)
            .OrderByDescending(o => o.OpenedAt)
            .Take(HistoryLength)
            .Select(o => new CustomerOrderItem(o.Id, o.Number, o.Status, o.OpenedAt, o.DeliveredAt, o.AdvisorName))
            .ToListAsync(ct);

        // The agent sees that complaints are open and what they are about, not their handling (which stays confidential).
        var complaints = await db.Set<Complaint>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.CustomerId == task.CustomerId && c.Status != ComplaintStatus.Closed)
            .OrderByDescending(c => c.ReceivedAt)
            .Select(c => new OpenComplaintItem(c.Id, c.Number, c.Status, c.Category, c.CoreProblem, c.ReceivedAt))
            .ToListAsync(ct);
        var permitted = FollowUpCallViews.AgentOutcomes.Where(o => FollowUpTaskLifecycle.Decide(task.Status, o, task.AttemptCount + 1, task.MaxAttempts) is not null).ToList();
        return new FollowUpCallView(
            summary,
            await RepairOrderViews.ViewAsync(db, order, user.SeesFullContact, ct),
            FollowUpScheduler.Preference(order.FollowUpPreferredFrom, order.FollowUpPreferredTo, customer.PreferredContactFrom, customer.PreferredContactTo),
            customer.DoNotCall,
            history,
            complaints,
            task.Attempts.OrderBy(a => a.Number).Select(a => new FollowUpAttemptView(a.Number, a.Outcome, a.AgentName, a.Note, a.CallBackAt, a.At)).ToList(),
            customer.DoNotCall ? [] : permitted);
    }
}

/// <summary>
/// What a call ended with. <see cref="CallBackAt"/> is required for a call-back. <see cref="DoNotCall"/> records that
/// the customer asked not to be called again: this call closes as refused and every other open call is cancelled.
/// </summary>
public sealed record RecordFollowUpOutcomeRequest(int Version, FollowUpOutcome Outcome, string? Note = null, DateTimeOffset? CallBackAt = null, bool DoNotCall = false);

internal sealed class RecordFollowUpOutcomeValidator : AbstractValidator<RecordFollowUpOutcomeRequest>
{
    public RecordFollowUpOutcomeValidator()
    {
        RuleFor(x => x.Outcome).IsInEnum().Must(o => FollowUpCallViews.AgentOutcomes.Contains(o)).WithErrorCode("follow_up.outcome_not_allowed");
        RuleFor(x => x.Note).MaximumLength(FollowUpTask.NoteMaxLength);
    }
}

public sealed class RecordFollowUpOutcome(AfterSalesDb db, ICurrentUser user, AccessGuard guard, RequestValidation validation, TimeProvider clock, GetFollowUpCall reader)
{
    public const string ChangedBySomeoneElse = "follow_up.changed_by_someone_else";
    public const string CustomerDoesNotWantCalls = "follow_up.customer_do_not_call";

    public async Task<Outcome<FollowUpCallView>> HandleAsync(Guid id, RecordFollowUpOutcomeRequest request, CancellationToken ct)
    {
        var errors = await validation.CheckAsync(request, ct);
        if (errors.Count > 0)
        {
            return Outcome<FollowUpCallView>.Invalid(errors);
        }

        var task = await db.Set<FollowUpTask>().Include(t => t.Attempts).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
        {
            return await guard.NotFoundAsync<FollowUpTask, FollowUpCallView>(id, ct);
        }

        if (task.Version != request.Version)
        {
            return Outcome<FollowUpCallView>.Conflict(ChangedBySomeoneElse);
        }

        var customer = await db.Customers.IgnoreQueryFilters().FirstAsync(c => c.Id == task.CustomerId, ct);
        if (customer.DoNotCall)
        {
            return Outcome<FollowUpCallView>.Conflict(CustomerDoesNotWantCalls);
        }

        var now = clock.GetUtcNow();
        var order = await db.Set<RepairOrder>().IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.Id == task.RepairOrderId, ct);
        var store = await db.Stores.IgnoreQueryFilters().AsNoTracking().FirstAsync(s => s.Id == task.StoreId, ct);
        var policy = await db.Set<FollowUpPolicy>().AsNoTracking().FirstOrDefaultAsync(p => p.StoreId == task.StoreId, ct) ?? FollowUpPolicy.Default(task.StoreId);
        var calendar = store.Calendar();
        var preferred = FollowUpScheduler.Preference(order.FollowUpPreferredFrom, order.FollowUpPreferredTo, customer.PreferredContactFrom, customer.PreferredContactTo);
        var outcome = request.DoNotCall ? FollowUpOutcome.Refused : request.Outcome;
        var refused = task.Record(outcome, user.UserId, user.UserName, request.Note, request.CallBackAt, policy.RetryDelay(task.AttemptCount + 1),
            wished => FollowUpScheduler.FirstCallableAt(wished, calendar, policy.BlockedHours, preferred), now);
        if (refused is not null)
        {
            return refused.Code == FollowUpTaskLifecycle.NotOpen ? Outcome<FollowUpCallView>.Conflict(refused.Code) : Outcome<FollowUpCallView>.Invalid([refused]);
        }

        db.Entry(task).Property(t => t.Version).OriginalValue = request.Version;
        if (request.DoNotCall)
        {
            customer.RecordDoNotCall(true, now);
            var others = await db.Set<FollowUpTask>().IgnoreQueryFilters().Include(t => t.Attempts)
                .Where(t => t.CustomerId == customer.Id && t.Id != task.Id && t.Status == FollowUpTaskStatus.Open)
                .ToListAsync(ct);
            foreach (var other in others)
            {
                other.Record(FollowUpOutcome.Cancel, user.UserId, user.UserName, null, null, TimeSpan.Zero, t => t, now);
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<FollowUpCallView>.Conflict(ChangedBySomeoneElse);
        }

        db.ChangeTracker.Clear();
        return await reader.HandleAsync(id, ct);
    }
}
